/**
 * LayerLens: the logit lens over the learner's text (src/lib/lm layerPredictions,
 * in the page's shared lm worker). Rows are positions, columns are the
 * embedding and each layer; a cell is that layer's most likely token.
 */
import type { LayerPredictions, LmInfo } from "@/lib/lm/index";
import { LabWidget } from "@/scripts/lab-widget";
import { lmClient, loadLm } from "@/scripts/lm-worker";

/** The last rows shown (the whole text is computed). */
const ROWS = 12;
const MAX_CHARS = 600;

const percent = (p: number): string => `${(100 * p).toFixed(p >= 0.1 ? 0 : 1)}%`;

class LayerLens extends LabWidget {
  #result: { lens: LayerPredictions; info: LmInfo } | null = null;

  protected setup(): void {
    const state = this.readState();
    const text = this.el("text", HTMLInputElement);
    const model = this.el("model", HTMLSelectElement);
    const saved = state.get("t");
    if (saved !== undefined) text.value = saved;
    if (state.get("m") === "mlm") model.value = "mlm";
    const save = (): void => {
      this.writeState({ t: text.value, m: model.value });
    };
    text.addEventListener("input", save);
    model.addEventListener("change", () => {
      save();
      if (this.#result) void this.guard(() => this.#run());
    });
    text.addEventListener("keydown", (event) => {
      if (event.key === "Enter") void this.guard(() => this.#run());
    });
    this.el("run", HTMLButtonElement).addEventListener("click", () => {
      void this.guard(() => this.#run());
    });
    this.el("body").addEventListener("click", (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>("button[data-row]");
      if (button) this.#detail(Number(button.dataset["row"]), Number(button.dataset["layer"]));
    });
    if (saved !== undefined) void this.guard(() => this.#run());
  }

  async #run(): Promise<void> {
    this.clearError();
    this.#result = null;
    this.el("results").hidden = true;
    const text = this.el("text", HTMLInputElement).value;
    if (text.trim() === "")
      throw new Error("Type a text first, such as “Fellow citizens, the state of our”.");
    if (text.length > MAX_CHARS) throw new Error(`Use at most ${MAX_CHARS} characters.`);
    const model = this.el("model", HTMLSelectElement).value;
    this.writeState({ t: text, m: model });
    const run = this.el("run", HTMLButtonElement);
    run.disabled = true;
    try {
      const info = await loadLm(model, {
        onProgress: (label, fraction) => {
          this.showLoading(label, fraction ?? undefined);
        },
      });
      this.showLoading("Reading every layer…");
      const lens = await lmClient().layers(model, text, 5);
      this.#result = { lens, info };
      this.#render();
    } finally {
      run.disabled = false;
      this.hideLoading();
    }
  }

  #render(): void {
    const result = this.#result;
    if (!result) return;
    const { lens, info } = result;
    const causal = info.kind === "causal";
    const head = this.el("head");
    const position = document.createElement("th");
    position.scope = "col";
    position.textContent = causal ? "After token" : "Token";
    head.replaceChildren(
      position,
      ...lens.layers.map((name) => {
        const th = document.createElement("th");
        th.scope = "col";
        th.textContent = name;
        return th;
      }),
    );
    // A causal model's first row predicts the text's first token; a masked model's rows are the text's tokens.
    const end = causal ? lens.tokens.length : lens.textEnd;
    const first = Math.max(causal ? 0 : lens.textStart, end - ROWS);
    const rows = lens.grid.slice(first, end).map((layers, i) => {
      const row = first + i;
      const tr = document.createElement("tr");
      if (row === end - 1) tr.dataset["last"] = "";
      const th = document.createElement("th");
      th.scope = "row";
      th.textContent = lens.tokens[row] ?? "";
      tr.append(th);
      layers.forEach((choices, layer) => {
        const best = choices[0];
        const td = document.createElement("td");
        const button = document.createElement("button");
        button.type = "button";
        button.dataset["row"] = String(row);
        button.dataset["layer"] = String(layer);
        button.dataset["token"] = best?.label ?? "";
        button.dataset["probability"] = String(best?.probability ?? 0);
        const word = document.createElement("span");
        word.textContent = best?.label ?? "";
        const bar = document.createElement("span");
        bar.className = "ll-bar";
        bar.style.width = `${Math.max(2, 100 * (best?.probability ?? 0))}%`;
        bar.setAttribute("aria-hidden", "true");
        const p = document.createElement("span");
        p.className = "ll-p";
        p.textContent = percent(best?.probability ?? 0);

        button.append(word, bar, p);
        td.append(button);
        tr.append(td);
      });
      return tr;
    });
    this.el("body").replaceChildren(...rows);
    this.el("caption").textContent =
      `${info.name}. ${causal ? "Each cell: the most likely next token if the model stopped after that layer." : "Each cell: the most likely token at that position if the model stopped after that layer (the masked LM reconstructs its input)."}${end - first < lens.tokens.length && first > (causal ? 0 : lens.textStart) ? ` The last ${ROWS} positions.` : ""} Select a cell for its top 5.`;
    this.el("summary").textContent = this.#summary(lens, end - 1, causal);
    this.el("results").hidden = false;
    this.#detail(end - 1, lens.layers.length - 1);
  }

  /** The last position's guesses from the embedding to the last layer, in words. */
  #summary(lens: LayerPredictions, row: number, causal: boolean): string {
    const last = lens.grid[row] ?? [];
    const path = last.map(
      (choices, l) =>
        `${lens.layers[l] ?? ""} “${choices[0]?.label ?? ""}” (${percent(choices[0]?.probability ?? 0)})`,
    );
    const token = lens.tokens[row] ?? "";
    const changed = new Set(last.map((c) => c[0]?.id)).size > 1;
    const lead = causal
      ? `After “${token}”, the guess for the next token goes `
      : `At “${token}”, the guess goes `;
    return `${lead}${path.join(" → ")}.${changed ? "" : " Here every layer agrees: try a longer or less common text."}${lens.truncated ? ` ${lens.truncated.notice}` : ""}`;
  }

  #detail(row: number, layer: number): void {
    const lens = this.#result?.lens;
    const choices = lens?.grid[row]?.[layer];
    if (!lens || !choices) return;
    this.el("detail").textContent =
      `${lens.layers[layer] ?? ""} at “${lens.tokens[row] ?? ""}”: ${choices.map((c) => `${c.label} ${percent(c.probability)}`).join(", ")}.`;
  }
}

customElements.define("layer-lens", LayerLens);
