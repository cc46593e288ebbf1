/**
 * TransformerSteps: one sentence through the offline encoder, step by step,
 * following one word's vector: token embedding, position, then each layer's
 * attention step and feed-forward step, then the output. The model runs in a
 * Web Worker; the numbers come from src/lib/encoder.
 */
import {
  cosineToInput,
  cosineToPrevious,
  findWord,
  layerLabels,
  targetVectors,
  type Encoding,
  type TargetInContext,
} from "@/lib/encoder/index";
import { LabWidget } from "@/scripts/lab-widget";
import { loadModel, OFFLINE_MODEL } from "@/scripts/encoder-workers";
import { isOfflineChoice } from "@/scripts/offline-models";
import { renderFigure } from "./step-figure";
import { buildSteps, stageOf, stepLabel, stepText, stepTitle, type Step } from "./steps";

const DEFAULT_SENTENCE = "John wants his bank to cash the check.";
const DEFAULT_WORD = "bank";
const MAX_CHARS = 600;

class TransformerSteps extends LabWidget {
  #encoding: Encoding | null = null;
  #target: TargetInContext | null = null;
  #word = -1;
  #steps: Step[] = [];
  #step = 0;
  #wantedWord = DEFAULT_WORD;

  protected setup(): void {
    const state = this.readState();
    this.el("sentence", HTMLInputElement).value = state.get("s") ?? DEFAULT_SENTENCE;
    this.#wantedWord = state.get("w") ?? DEFAULT_WORD;
    this.#step = Math.max(0, Number(state.get("step") ?? 1) - 1 || 0);
    const model = this.el("model", HTMLSelectElement);
    const saved = state.get("m");
    model.value = isOfflineChoice(saved) ? (saved as string) : OFFLINE_MODEL;
    model.addEventListener("change", () => {
      this.#saveState();
      void this.guard(() => this.#run());
    });
    const sentence = this.el("sentence", HTMLInputElement);
    sentence.addEventListener("input", () => {
      this.#saveState();
    });
    sentence.addEventListener("keydown", (event) => {
      if (event.key === "Enter") void this.guard(() => this.#run());
    });
    this.el("run", HTMLButtonElement).addEventListener("click", () => {
      void this.guard(() => this.#run());
    });
    this.el("word", HTMLSelectElement).addEventListener("change", (event) => {
      this.#follow(Number((event.target as HTMLSelectElement).value));
    });
    this.el("back", HTMLButtonElement).addEventListener("click", () => {
      this.go(this.#step - 1);
    });
    this.el("next", HTMLButtonElement).addEventListener("click", () => {
      this.go(this.#step + 1);
    });
    this.el("steps").addEventListener("click", (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>("button[data-step]");
      if (button) this.go(Number(button.dataset["step"]));
    });
    document.addEventListener("llmlab:theme", () => {
      this.#render();
    });
    void this.guard(() => this.#run());
  }

  /** Shows step `index` (from 0), clamped to the steps there are. */
  go(index: number): void {
    if (this.#steps.length === 0) return;
    this.#step = Math.max(0, Math.min(this.#steps.length - 1, index));
    this.#saveState();
    this.#render();
  }

  protected override onKey(event: KeyboardEvent): boolean {
    if (this.#steps.length === 0 || event.target instanceof HTMLSelectElement) return false;
    if (event.key === "ArrowRight") this.go(this.#step + 1);
    else if (event.key === "ArrowLeft") this.go(this.#step - 1);
    else if (event.key === "Home") this.go(0);
    else if (event.key === "End") this.go(this.#steps.length - 1);
    else return false;
    return true;
  }

  async #run(): Promise<void> {
    this.clearError();
    const text = this.el("sentence", HTMLInputElement).value;
    if (!text.trim()) throw new Error("Type a sentence to step through.");
    if (text.length > MAX_CHARS)
      throw new Error(
        `That is ${text.length} characters: use one sentence (at most ${MAX_CHARS} characters).`,
      );
    const button = this.el("run", HTMLButtonElement);
    button.disabled = true;
    try {
      this.showLoading("Loading the model…");
      const model = this.el("model", HTMLSelectElement).value || OFFLINE_MODEL;
      const { client } = await loadModel(model, (p) => {
        this.showLoading(`Loading the model: ${p.file || "files"}…`, p.fraction ?? undefined);
      });
      this.showLoading("Running the sentence through the layers…");
      const { encodings, ms } = await client.encode([text]);
      this.dataset["model"] = model;
      const encoding = encodings[0];
      if (!encoding || encoding.words.length === 0)
        throw new Error("The sentence has no words to follow.");
      this.#encoding = encoding;
      this.#steps = buildSteps(encoding.attentions.length);
      this.#step = Math.min(this.#step, this.#steps.length - 1);
      this.dataset["encodeMs"] = ms.toFixed(1);
      this.dataset["steps"] = String(this.#steps.length);
      this.#fillWords(encoding);
      const wanted = findWord(encoding, this.#wantedWord) ?? encoding.words[0];
      this.#follow(wanted ? encoding.words.indexOf(wanted) : 0);
      this.el("notice").textContent = encoding.truncated?.notice ?? "";
    } finally {
      button.disabled = false;
      this.hideLoading();
    }
  }

  /** The word list: each distinct word once (the first time it occurs). */
  #fillWords(encoding: Encoding): void {
    const seen = new Set<string>();
    const options = encoding.words.flatMap((word, i) => {
      const key = word.text.toLocaleLowerCase();
      if (seen.has(key) || !/[\p{L}\p{N}]/u.test(word.text)) return [];
      seen.add(key);
      return [new Option(word.text, String(i))];
    });
    this.el("word", HTMLSelectElement).replaceChildren(...options);
  }

  #follow(index: number): void {
    const encoding = this.#encoding;
    const word = encoding?.words[index];
    if (!encoding || !word) return;
    this.#word = index;
    this.#wantedWord = word.text;
    this.#target = targetVectors([encoding], word.text)[0] ?? null;
    this.el("word", HTMLSelectElement).value = String(index);
    this.el("results").hidden = false;
    this.#saveState();
    this.#render();
  }

  #saveState(): void {
    const text = this.el("sentence", HTMLInputElement).value;
    this.writeState({
      s: text === DEFAULT_SENTENCE || text.length > MAX_CHARS ? null : text,
      w: this.#wantedWord.toLocaleLowerCase() === DEFAULT_WORD ? null : this.#wantedWord,
      step: this.#step > 0 ? String(this.#step + 1) : null,
      m:
        this.el("model", HTMLSelectElement).value === OFFLINE_MODEL
          ? null
          : this.el("model", HTMLSelectElement).value,
    });
  }

  #render(): void {
    const encoding = this.#encoding;
    const target = this.#target;
    const step = this.#steps[this.#step];
    if (!encoding || !target || !step) return;
    const layers = encoding.attentions.length;
    const word = target.word.text;
    this.dataset["step"] = String(this.#step);
    this.dataset["kind"] = step.kind;

    this.el("steps").replaceChildren(
      ...this.#steps.map((s, i) => {
        const item = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.dataset["step"] = String(i);
        button.textContent = stepLabel(s);
        if (i === this.#step) button.setAttribute("aria-current", "step");
        item.append(button);
        return item;
      }),
    );
    this.el("title").textContent = `${this.#step + 1}. ${stepTitle(step)}`;
    this.el("explain").textContent = stepText(step, {
      word,
      tokens: encoding.tokens.length,
      embeddingSize: encoding.tokenEmbeddings.dim,
      hiddenSize: encoding.hiddenStates.at(-1)?.dim ?? 0,
      layers,
      kind:
        this.dataset["model"] === "gpt"
          ? "causal"
          : this.dataset["model"] === "mlm"
            ? "masked"
            : "encoder",
    });
    this.el("position").textContent = `Step ${this.#step + 1} of ${this.#steps.length}`;
    // aria-disabled rather than disabled: the button keeps the focus, so the arrow keys keep working.
    this.el("back").setAttribute("aria-disabled", String(this.#step === 0));
    this.el("next").setAttribute("aria-disabled", String(this.#step === this.#steps.length - 1));
    renderFigure(
      { figure: this.el("figure"), detail: this.el("detail") },
      step,
      encoding,
      target,
      this.#word,
    );
    this.#renderTrail(encoding, target, stageOf(step, layers));
  }

  #renderTrail(encoding: Encoding, target: TargetInContext, shown: number): void {
    const labels = layerLabels(encoding);
    const cosines = cosineToInput(target);
    const previous = cosineToPrevious(target);
    const rows = labels.map((label, s) => {
      const tr = document.createElement("tr");
      if (s === shown) tr.className = "current";
      const th = document.createElement("th");
      th.scope = "row";
      th.textContent = label;
      const size = document.createElement("td");
      size.textContent = String(target.layers[s]?.length ?? 0);
      const cells = [cosines[s], previous[s]].map((value, c) => {
        const td = document.createElement("td");
        td.className = "ts-num";
        td.dataset["stage"] = String(s);
        td.dataset["measure"] = c === 0 ? "input" : "previous";
        if (s > shown) {
          td.textContent = "…";
          return td;
        }
        td.dataset["cosine"] = value === null || value === undefined ? "none" : String(value);
        td.textContent =
          value === null || value === undefined
            ? s === 0 && c === 1
              ? "—"
              : "— (sizes differ)"
            : value.toFixed(3);
        return td;
      });
      tr.append(th, size, ...cells);
      return tr;
    });
    this.el("trail").replaceChildren(...rows);
  }
}

customElements.define("transformer-steps", TransformerSteps);
