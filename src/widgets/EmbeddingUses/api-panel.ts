/**
 * The "your own API" settings: key (memory or this tab's sessionStorage,
 * never the URL), base URL, model and price, and the token count and cost
 * shown before any request.
 */
import { estimateCost, formatDollars } from "@/lib/embeddings/index";
import { rememberedKey, rememberKey, tokenCounter, type ApiSettings } from "./providers";

const DEFAULT_PRICE = "0.02";

export class ApiPanel {
  readonly #part: <T extends HTMLElement>(name: string, type: abstract new () => T) => T;

  constructor(part: <T extends HTMLElement>(name: string, type: abstract new () => T) => T) {
    this.#part = part;
    const key = rememberedKey();
    this.#input("key").value = key;
    this.#part("remember", HTMLInputElement).checked = key !== "";
    this.#input("price").value = DEFAULT_PRICE;
    const remember = (): void => {
      rememberKey(
        this.#input("key").value.trim(),
        this.#part("remember", HTMLInputElement).checked,
      );
    };
    this.#input("key").addEventListener("input", remember);
    this.#part("remember", HTMLInputElement).addEventListener("change", remember);
  }

  #input(name: string): HTMLInputElement {
    return this.#part(name, HTMLInputElement);
  }

  settings(): ApiSettings {
    return {
      apiKey: this.#input("key").value,
      baseURL: this.#input("base-url").value,
      model: this.#input("model").value,
    };
  }

  /** Where the vectors come from, to notice a change after embedding. */
  endpoint(): string {
    return `${this.#input("base-url").value}|${this.#input("model").value}`;
  }

  price(): number {
    const price = Number(this.#input("price").value);
    if (this.#input("price").value.trim() === "" || !Number.isFinite(price) || price < 0)
      throw new Error("The price must be a number ≥ 0 (dollars per 1M tokens).");
    return price;
  }

  /** Counts the corpus's tokens with cl100k_base and shows the cost; nothing is sent. */
  async estimate(texts: () => Promise<readonly string[]>): Promise<void> {
    const out = this.#part("estimate", HTMLElement);
    out.textContent = "Counting tokens…";
    let items: readonly string[];
    try {
      items = await texts();
    } catch (error) {
      out.textContent = error instanceof Error ? error.message : String(error);
      return;
    }
    const cost = estimateCost(items, await tokenCounter(), this.price());
    out.dataset["tokens"] = String(cost.tokens);
    out.dataset["dollars"] = String(cost.dollars);
    out.textContent = `${cost.texts.toLocaleString("en-US")} texts = ${cost.tokens.toLocaleString("en-US")} tokens (cl100k_base) ≈ ${formatDollars(cost.dollars)} at $${cost.pricePerMillion} per 1M tokens. Nothing is sent until you press “Embed with the API”.`;
  }

  /** Shows what one search costs (the query is embedded by the API too). */
  async queryEstimate(query: string): Promise<void> {
    const out = this.#part("query-cost", HTMLElement);
    const cost = estimateCost([query], await tokenCounter(), this.price());
    out.dataset["tokens"] = String(cost.tokens);
    out.textContent = `Each search sends the query to the API: ${cost.tokens} tokens ≈ ${formatDollars(cost.dollars)}.`;
  }

  clearQueryEstimate(): void {
    this.#part("query-cost", HTMLElement).textContent = "";
  }
}
