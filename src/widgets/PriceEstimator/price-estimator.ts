// The price arithmetic only: the labeling index would also bring the OpenAI SDK and
// two tokenizers (2 MB) into this widget; the tokenizer loads when "Count tokens" is pressed.
import {
  DEFAULT_PRICES,
  formatDollars,
  MIN_CACHED_PREFIX,
  type ModelPrice,
  type PriceScenario,
  scenarioCost,
} from "@/lib/labeling";
import { LabWidget } from "@/scripts/lab-widget";

const MODELS = ["gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "o4-mini"] as const;
const NAMES: Record<string, string> = {
  "gpt-4.1": "GPT-4.1",
  "gpt-4.1-mini": "GPT-4.1 mini",
  "gpt-4.1-nano": "GPT-4.1 nano",
  "o4-mini": "o4-mini",
};
const FIELDS = ["items", "shared", "item", "output", "votes"] as const;
const FIELD_NAMES: Record<(typeof FIELDS)[number], string> = {
  items: "Items to label",
  shared: "Shared prompt tokens",
  item: "Tokens per item",
  output: "Output tokens per answer",
  votes: "Votes per item",
};
const PRICE_KEYS = ["input", "cachedInput", "output"] as const;

class PriceEstimator extends LabWidget {
  #prices = new Map<string, ModelPrice>(
    MODELS.map((m) => [m, { ...(DEFAULT_PRICES[m] as ModelPrice) }]),
  );

  protected setup(): void {
    const state = this.readState();
    for (const field of FIELDS) {
      const value = state.get(field);
      if (value !== undefined && value !== "") this.el(field, HTMLInputElement).value = value;
    }
    if (state.get("cache") === "1") this.el("cache", HTMLInputElement).checked = true;
    const saved = state.get("prices");
    if (saved)
      saved.split(";").forEach((entry) => {
        const [model, ...values] = entry.split(":");
        const numbers = values.map(Number);
        if (
          model &&
          this.#prices.has(model) &&
          numbers.length === 3 &&
          numbers.every((n) => Number.isFinite(n) && n >= 0)
        )
          this.#prices.set(model, {
            input: numbers[0] as number,
            cachedInput: numbers[1] as number,
            output: numbers[2] as number,
          });
      });
    this.#buildRows();
    for (const field of FIELDS)
      this.el(field, HTMLInputElement).addEventListener(
        "input",
        () =>
          void this.guard(() => {
            this.#update();
          }),
      );
    this.el("cache", HTMLInputElement).addEventListener(
      "change",
      () =>
        void this.guard(() => {
          this.#update();
        }),
    );
    this.el("count").addEventListener("click", () => void this.guard(() => this.#count()));
    this.#update();
  }

  protected override onKey(event: KeyboardEvent): boolean {
    const items = this.el("items", HTMLInputElement);
    const n = Math.max(1, Number(items.value) || 1);
    if (event.key === "ArrowUp") items.value = String(n * 10);
    else if (event.key === "ArrowDown") items.value = String(Math.max(1, Math.round(n / 10)));
    else return false;
    this.#update();
    return true;
  }

  #buildRows(): void {
    const body = this.el("rows");
    body.replaceChildren();
    for (const model of MODELS) {
      const row = document.createElement("tr");
      row.dataset["model"] = model;
      const head = document.createElement("th");
      head.scope = "row";
      head.textContent = NAMES[model] ?? model;
      row.append(head);
      for (const key of PRICE_KEYS) {
        const cell = document.createElement("td");
        const input = document.createElement("input");
        // text with a decimal keypad: a number input's spinner would hide digits of 0.025
        input.type = "text";
        input.inputMode = "decimal";
        input.value = String(this.#prices.get(model)?.[key] ?? 0);
        input.dataset["price"] = key;
        input.setAttribute(
          "aria-label",
          `${NAMES[model] ?? model} ${key === "cachedInput" ? "cached input" : key} price per 1M tokens`,
        );
        input.addEventListener("input", () => {
          void this.guard(() => {
            const value = Number(input.value);
            const price = this.#prices.get(model);
            if (input.value.trim() === "" || !Number.isFinite(value) || value < 0) {
              input.setAttribute("aria-invalid", "true");
              throw new Error(
                `The ${NAMES[model] ?? model} ${key === "cachedInput" ? "cached input" : key} price must be a number ≥ 0 (dollars per 1M tokens), not “${input.value}”. The totals below use the last valid price.`,
              );
            }
            input.removeAttribute("aria-invalid");
            if (price) price[key] = value;
            this.#update();
          });
        });
        cell.append(input);
        row.append(cell);
      }
      for (const part of ["input", "output", "total", "batch"]) {
        const cell = document.createElement("td");
        cell.className = "money";
        cell.dataset["cost"] = part;
        row.append(cell);
      }
      body.append(row);
    }
  }

  #scenario(): PriceScenario {
    const read = (field: (typeof FIELDS)[number], min: number): number => {
      const input = this.el(field, HTMLInputElement);
      const value = Number(input.value);
      if (input.value.trim() === "" || !Number.isFinite(value) || value < min)
        throw new Error(`“${FIELD_NAMES[field]}” must be a number ≥ ${min}.`);
      return Math.round(value);
    };
    return {
      items: read("items", 0),
      sharedTokens: read("shared", 0),
      itemTokens: read("item", 0),
      outputTokens: read("output", 0),
      votes: read("votes", 1),
      cachePrefix: this.el("cache", HTMLInputElement).checked,
    };
  }

  #update(): void {
    let scenario: PriceScenario;
    try {
      scenario = this.#scenario();
    } catch (error) {
      this.showError((error as Error).message);
      return;
    }
    this.clearError();
    let cheapest = "";
    let best = Infinity;
    const totals = new Map<string, number>();
    for (const model of MODELS) {
      const cost = scenarioCost(scenario, this.#prices.get(model) as ModelPrice);
      totals.set(model, cost.dollars);
      if (cost.dollars < best) {
        best = cost.dollars;
        cheapest = model;
      }
      const row = this.el("rows").querySelector<HTMLTableRowElement>(`tr[data-model="${model}"]`);
      if (!row) continue;
      const set = (part: string, dollars: number): void => {
        const cell = row.querySelector<HTMLElement>(`[data-cost="${part}"]`);
        if (!cell) return;
        cell.textContent = formatDollars(dollars);
        cell.dataset["value"] = String(dollars);
      };
      set("input", cost.inputDollars + cost.cachedDollars);
      set("output", cost.outputDollars);
      set("total", cost.dollars);
      set("batch", cost.batchDollars);
    }
    for (const row of this.el("rows").querySelectorAll<HTMLTableRowElement>("tr"))
      row.classList.toggle("cheapest", row.dataset["model"] === cheapest);
    const requests = scenario.items * scenario.votes;
    const inputTokens = requests * (scenario.sharedTokens + scenario.itemTokens);
    const cached = scenario.cachePrefix && scenario.sharedTokens >= MIN_CACHED_PREFIX;
    const ranked = [...totals.entries()].sort((a, b) => a[1] - b[1]);
    this.el("summary").textContent =
      `${requests.toLocaleString("en")} requests: ${inputTokens.toLocaleString("en")} input tokens` +
      (cached
        ? ` (${(requests * scenario.sharedTokens).toLocaleString("en")} of them cached)`
        : scenario.cachePrefix
          ? ` (none cached: the shared prompt has ${scenario.sharedTokens.toLocaleString("en")} tokens, under the ${MIN_CACHED_PREFIX.toLocaleString("en")} a prefix needs to be cached)`
          : "") +
      ` and ${(requests * scenario.outputTokens).toLocaleString("en")} output tokens. ` +
      `Totals: ${ranked.map(([m, d]) => `${NAMES[m] ?? m} ${formatDollars(d)}`).join(" · ")}; cheapest here: ${NAMES[cheapest] ?? cheapest}.`;
    const prices = MODELS.filter((m) => {
      const p = this.#prices.get(m);
      const d = DEFAULT_PRICES[m];
      return (
        p && d && (p.input !== d.input || p.cachedInput !== d.cachedInput || p.output !== d.output)
      );
    }).map((m) => {
      const p = this.#prices.get(m) as ModelPrice;
      return `${m}:${p.input}:${p.cachedInput}:${p.output}`;
    });
    this.writeState({
      items: String(scenario.items),
      shared: String(scenario.sharedTokens),
      item: String(scenario.itemTokens),
      output: String(scenario.outputTokens),
      votes: String(scenario.votes),
      cache: scenario.cachePrefix ? "1" : null,
      prices: prices.length > 0 ? prices.join(";") : null,
    });
  }

  async #count(): Promise<void> {
    const { countTextTokens } = await import("@/lib/labeling/tokens");
    const prompt = this.el("prompt-text", HTMLTextAreaElement).value;
    const item = this.el("item-text", HTMLTextAreaElement).value;
    const shared = countTextTokens(prompt, "o200k_base");
    const own = countTextTokens(item, "o200k_base");
    this.el("shared", HTMLInputElement).value = String(shared);
    this.el("item", HTMLInputElement).value = String(own);
    this.el("counted").textContent =
      `Prompt: ${shared} tokens; item: ${own} tokens (o200k_base, the GPT-4.1 and o4-mini tokenizer). Chat formatting adds about 7 tokens per request.`;
    this.#update();
  }
}

customElements.define("price-estimator", PriceEstimator);
