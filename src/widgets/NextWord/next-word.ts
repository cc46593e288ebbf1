import {
  createRandom,
  refuseMaskForCausal,
  sampleNext,
  samplingDistribution,
  type Random,
  type SamplingOptions,
} from "@/lib/lm/index";
import { LabWidget } from "@/scripts/lab-widget";
import { drawBars, type Bar } from "./bars";
import { countRows, ngramExplanation } from "./counts-table";
import { lmExplanation } from "./lm-explanation";

/** A run of this many generated words found verbatim in the corpus counts as copying. */
const COPY_TOKENS = 6;
import { ALL_CANDIDATES, copyCheck, modelGeneration, modelStep, type Step } from "./models";
import { CORPORA, DEFAULT_PROMPT, MASKED_PROMPT, MODELS, type ModelChoice } from "./options";

const SHOWN = 10;

class NextWord extends LabWidget {
  #model: ModelChoice = MODELS[0] as ModelChoice;
  /** A generation is on show for the current inputs: a link then re-runs it too. */
  #generated = false;
  /** States taken from the instructor: only the latest one generates. */
  #follows = 0;

  protected setup(): void {
    const state = this.readState();
    this.#applyState(state);
    const input = (name: string): HTMLInputElement => this.el(name, HTMLInputElement);

    input("online").addEventListener("change", () => {
      this.#syncOnline();
    });
    this.el("model", HTMLSelectElement).addEventListener("change", () => {
      this.#pickModel();
      this.#changed();
    });
    input("temperature").addEventListener("input", () => {
      this.#showTemperature();
      this.#changed();
      if (this.#last) this.#renderBars(this.#last);
    });
    for (const name of ["top-k", "top-p"])
      this.el(name, HTMLSelectElement).addEventListener("change", () => {
        this.#changed();
        if (this.#last && this.#model.id !== "ngram") this.#renderBars(this.#last);
        else if (this.#last) void this.guard(() => this.#predict());
      });
    for (const name of ["prompt", "seed", "steps"])
      input(name).addEventListener("input", () => {
        this.#changed();
      });
    this.el("corpus", HTMLSelectElement).addEventListener("change", () => {
      this.#changed();
      if (this.#last) void this.guard(() => this.#predict());
    });
    input("prompt").addEventListener("keydown", (event) => {
      if (event.key === "Enter") void this.guard(() => this.#predict());
    });
    this.el("predict", HTMLButtonElement).addEventListener(
      "click",
      () => void this.guard(() => this.#predict()),
    );
    this.el("generate", HTMLButtonElement).addEventListener(
      "click",
      () => void this.guard(() => this.#generate()),
    );
    document.addEventListener("llmlab:theme", () => {
      if (this.#last) this.#renderBars(this.#last);
    });
    this.#syncOnline();
    if (state.has("prompt"))
      void this.guard(async () => {
        await this.#predict();
        if (state.get("gen") === "1") await this.#generate();
      });
  }

  /** Fills the form from URL state (the page's own, or the instructor's in a class). */
  #applyState(state: ReadonlyMap<string, string>): void {
    const input = (name: string): HTMLInputElement => this.el(name, HTMLInputElement);
    const model = state.get("m");
    if (model && MODELS.some((m) => m.id === model && !m.online))
      this.el("model", HTMLSelectElement).value = model;
    const prompt = state.get("prompt");
    if (prompt !== undefined) input("prompt").value = prompt;
    const corpus = state.get("corpus");
    if (corpus && CORPORA.some((c) => c.id === corpus))
      this.el("corpus", HTMLSelectElement).value = corpus;
    const t = Number(state.get("t"));
    if (state.has("t") && t >= 0 && t <= 2) input("temperature").value = String(t);
    const k = state.get("k");
    if (k !== undefined) this.el("top-k", HTMLSelectElement).value = k;
    const p = state.get("p");
    if (p !== undefined) this.el("top-p", HTMLSelectElement).value = p;
    if (this.el("top-p", HTMLSelectElement).value === "")
      this.el("top-p", HTMLSelectElement).value = "1";
    if (this.el("top-k", HTMLSelectElement).value === "")
      this.el("top-k", HTMLSelectElement).value = "0";
    const seed = state.get("seed");
    if (seed !== undefined) input("seed").value = seed;
    const steps = state.get("steps");
    if (steps !== undefined) input("steps").value = steps;
    this.#showTemperature();
  }

  /** A class following the instructor: the form from the URL, and the prediction re-run here. */
  override reloadState(): boolean {
    const state = this.readState();
    this.#applyState(state);
    this.#pickModel();
    this.#last = null;
    const follow = ++this.#follows;
    if (state.has("prompt"))
      void this.guard(async () => {
        await this.#predict();
        if (follow === this.#follows && state.get("gen") === "1") await this.#generate();
      });
    return true;
  }

  protected override onKey(event: KeyboardEvent): boolean {
    const slider = this.el("temperature", HTMLInputElement);
    if (event.key === "ArrowUp" || event.key === "ArrowDown") {
      const t = Number(slider.value) + (event.key === "ArrowUp" ? 0.1 : -0.1);
      slider.value = String(Math.max(0, Math.min(2, Math.round(t * 10) / 10)));
      slider.dispatchEvent(new Event("input"));
      return true;
    }
    if (event.key === "Enter") {
      void this.guard(() => this.#predict());
      return true;
    }
    if (event.key === "g" || event.key === "G") {
      void this.guard(() => this.#generate());
      return true;
    }
    return false;
  }

  /** Online models are selectable only while the hub is allowed. */
  #syncOnline(): void {
    const online = this.el("online", HTMLInputElement).checked;
    const select = this.el("model", HTMLSelectElement);
    for (const option of select.options)
      option.disabled = MODELS.find((m) => m.id === option.value)?.online === true && !online;
    if (!online && MODELS.find((m) => m.id === select.value)?.online)
      select.value = MODELS[0]?.id ?? "gpt";
    this.#pickModel();
  }

  #pickModel(): void {
    const id = this.el("model", HTMLSelectElement).value;
    const previous = this.#model.id;
    this.#model = MODELS.find((m) => m.id === id) ?? (MODELS[0] as ModelChoice);
    this.el("corpus-label").hidden = this.#model.id !== "ngram";
    const masked = this.#model.kind === "masked";
    const wasMasked = MODELS.find((m) => m.id === previous)?.kind === "masked";
    this.el("generate", HTMLButtonElement).disabled = masked;
    const prompt = this.el("prompt", HTMLInputElement);
    if (masked && !wasMasked && !/\[MASK\]|_{3,}/.test(prompt.value)) prompt.value = MASKED_PROMPT;
    if (!masked && prompt.value === MASKED_PROMPT) prompt.value = DEFAULT_PROMPT;
  }

  #showTemperature(): void {
    this.el("temperature-value").textContent = Number(
      this.el("temperature", HTMLInputElement).value,
    ).toFixed(1);
  }

  /** An input changed: a generation on show is no longer the inputs' own. */
  #changed(): void {
    this.#generated = false;
    this.#save();
  }

  #save(): void {
    const value = (name: string): string => this.el(name, HTMLInputElement).value;
    this.writeState({
      m: this.#model.online ? "" : this.#model.id,
      prompt: value("prompt"),
      corpus: this.el("corpus", HTMLSelectElement).value,
      t: value("temperature"),
      k: this.el("top-k", HTMLSelectElement).value,
      p: this.el("top-p", HTMLSelectElement).value,
      seed: value("seed"),
      steps: value("steps"),
      gen: this.#generated ? "1" : null,
    });
  }

  #sampling(): SamplingOptions {
    return {
      temperature: Number(this.el("temperature", HTMLInputElement).value),
      topK: Number(this.el("top-k", HTMLSelectElement).value),
      topP: Number(this.el("top-p", HTMLSelectElement).value),
    };
  }

  /** Asks the chosen model for the next word after `text`. */
  #step(text: string): Promise<Step> {
    if (this.#model.online && !this.el("online", HTMLInputElement).checked)
      throw new Error("Allow models from the Hugging Face hub first (the checkbox above).");
    return modelStep(this.#model, text, {
      sources:
        CORPORA.find((c) => c.id === this.el("corpus", HTMLSelectElement).value)?.sources ?? [],
      limit: this.#sampling().topK > 0 ? Math.max(this.#sampling().topK, SHOWN) : ALL_CANDIDATES,
      shown: SHOWN,
      onProgress: (label, fraction) => {
        this.showLoading(label, fraction ?? undefined);
      },
    });
  }

  #last: Step | null = null;
  /** Counts predictions, so an older, slower one never draws over a newer one. */
  #predictions = 0;

  async #predict(): Promise<void> {
    this.clearError();
    const text = this.el("prompt", HTMLInputElement).value;
    if (text.trim() === "")
      throw new Error(
        "Type the beginning of a sentence, such as “John wants his bank to cash the”.",
      );
    if (this.#model.kind === "causal") refuseMaskForCausal(text);
    this.#busy(true);
    const mine = ++this.#predictions;
    try {
      const step = await this.#step(text);
      if (mine !== this.#predictions) return;
      this.#last = step;
      this.el("results").hidden = false;
      this.#renderBars(step);
    } finally {
      if (mine === this.#predictions) this.#busy(false);
    }
  }

  #busy(on: boolean): void {
    this.el("predict", HTMLButtonElement).disabled = on;
    this.el("generate", HTMLButtonElement).disabled = on || this.#model.kind === "masked";
    if (!on) this.hideLoading();
  }

  /** The bars: the top words of the distribution the sampler draws from (temperature, top-k). */
  #renderBars(step: Step): void {
    const options = this.#sampling();
    const probabilities = samplingDistribution(step.logits, options);
    let bars: Bar[];
    if (step.lm) {
      // Temperature, top-k and top-p keep the order of the logits: the top tokens stay on top.
      bars = step.lm.prediction.top
        .slice(0, SHOWN)
        .map((c) => ({ word: c.label, probability: probabilities[c.id] ?? 0 }))
        .filter((b) => b.probability > 0);
    } else {
      bars = step.candidates.slice(0, SHOWN).map((c, i) => ({
        word: c.word,
        probability: probabilities[i] ?? 0,
        count: c.count,
      }));
    }
    const shaped = options.temperature !== 1 || options.topK > 0;
    drawBars(
      this.el("bars"),
      bars,
      `Next-word probabilities: ${bars
        .slice(0, 5)
        .map((b) => `${b.word} ${(100 * b.probability).toFixed(1)}%`)
        .join(", ")}`,
    );
    this.el("bars").dataset["shaped"] = String(shaped);
    this.#explain(step, shaped);
  }

  #explain(step: Step, shaped: boolean): void {
    const explain = this.el("explain");
    const table = this.el("table");
    const p = step.prediction;
    const { temperature, topK, topP = 1 } = this.#sampling();
    const note = shaped
      ? ` Bars show the distribution after temperature ${temperature.toFixed(1)}${topK > 0 ? `, top-${topK}` : ""}${topP < 1 ? `, top-p ${topP}` : ""}.`
      : "";
    if (!p) {
      table.hidden = true;
      const lm = step.lm;
      if (lm) explain.dataset["ms"] = String(lm.ms);
      explain.textContent = (lm ? lmExplanation(lm.info, lm.prediction) : "") + note;
      return;
    }
    const d = p.distribution;
    explain.dataset["suffixLength"] = String(p.suffixLength);
    explain.dataset["contextCount"] = String(d.contextCount);
    explain.textContent = ngramExplanation(p) + note;
    this.el("table-body").replaceChildren(...countRows(p, SHOWN));
    table.hidden = false;
  }

  async #generate(): Promise<void> {
    this.clearError();
    this.#generated = false;
    const prompt = this.el("prompt", HTMLInputElement).value;
    if (prompt.trim() === "") throw new Error("Type the beginning of a sentence first.");
    const seed = Number(this.el("seed", HTMLInputElement).value);
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff)
      throw new Error("The seed must be a whole number from 0 to 4294967295.");
    const steps = Number(this.el("steps", HTMLInputElement).value);
    if (!Number.isInteger(steps) || steps < 1 || steps > 30)
      throw new Error("Generate between 1 and 30 words.");
    const options = this.#sampling();
    this.#busy(true);
    const continuation = this.el("continuation");
    const list = this.el("steps-list");
    this.el("generation").hidden = false;
    list.replaceChildren();
    const added = document.createElement("mark");
    continuation.replaceChildren(prompt, added);
    try {
      if (this.#model.kind === "causal") {
        const { generation } = await modelGeneration(
          this.#model,
          prompt,
          {
            tokens: steps,
            temperature: options.temperature,
            topK: options.topK,
            topP: options.topP ?? 1,
            seed,
          },
          (label, fraction) => {
            this.showLoading(label, fraction ?? undefined);
          },
        );
        const shown = generation.text.slice(
          0,
          generation.text.length - generation.continuation.length,
        );
        continuation.replaceChildren(shown, added);
        added.textContent = generation.continuation;
        for (const token of generation.steps) {
          const item = document.createElement("li");
          item.textContent = `“${token.label}” with probability ${token.probability.toFixed(3)}${token.sampledProbability !== token.probability ? ` (${token.sampledProbability.toFixed(3)} after temperature and cut-offs)` : ""}`;
          item.dataset["word"] = token.label;
          list.append(item);
        }
        if (generation.stoppedAtEnd) {
          const item = document.createElement("li");
          item.textContent = "The model chose “end of text”: it stops here.";
          list.append(item);
        }
        continuation.dataset["text"] = generation.text;
        await this.#checkCopy(
          generation.text,
          generation.text.length - generation.continuation.length,
        );
        this.#generated = true;
        return;
      }
      const random: Random = createRandom(seed);
      let text = prompt;
      for (let i = 0; i < steps; i++) {
        this.showLoading(`Word ${i + 1} of ${steps}…`, i / steps);
        const step = await this.#step(text);
        if (i === 0) {
          this.#last = step;
          this.el("results").hidden = false;
          this.#renderBars(step);
        }
        if (step.logits.length === 0) break;
        const choice = sampleNext(step.logits, options, random);
        const probability = samplingDistribution(step.logits, options)[choice] ?? 0;
        const piece = step.candidates[choice]?.append ?? "";
        text += piece;
        added.textContent = text.slice(prompt.length);
        const item = document.createElement("li");
        const context = step.prediction
          ? ` (from the ${step.prediction.suffixLength}-gram “${step.prediction.suffix}”)`
          : "";
        item.textContent = `“${piece.trim()}” with probability ${probability.toFixed(3)}${context}`;
        item.dataset["word"] = piece.trim();
        list.append(item);
      }
      continuation.dataset["text"] = text;
      await this.#checkCopy(text, prompt.length);
      this.#generated = true;
    } finally {
      this.#busy(false);
      this.#save();
    }
  }

  /** Says whether the continuation repeats a corpus passage word for word, and why. */
  async #checkCopy(text: string, generatedFrom: number): Promise<void> {
    const note = this.el("copy-note");
    note.textContent = "";
    const ngram = this.#model.id === "ngram";
    const corpus =
      (ngram ? CORPORA.find((c) => c.id === this.el("corpus", HTMLSelectElement).value) : null) ??
      CORPORA[0];
    if (!corpus) return;
    this.showLoading("Checking the continuation against the corpus…");
    const copied = await copyCheck(corpus.sources, text, generatedFrom, COPY_TOKENS, () => {
      this.showLoading("Checking the continuation against the corpus…");
    });
    this.dataset["copied"] = copied ? String(copied.generatedTokens) : "0";
    if (!copied) {
      note.textContent = `Checked against ${corpus.label}: no run of ${COPY_TOKENS} or more generated words appears there word for word.`;
      return;
    }
    const where = (copied.span.occurrences[0]?.document.title ?? "the corpus").replace(/\.$/, "");
    const why = ngram
      ? "An n-gram model can only repeat its corpus: once its longest matching context has a single continuation there, that word gets probability 1.000 and the model copies the passage."
      : this.#model.online
        ? "The model may have seen this passage in its training text; a famous passage is easy to reproduce."
        : "Our GPT was trained on text that includes this passage and reproduces it from memory.";
    note.textContent = `Copying: “${copied.span.text}” (${copied.generatedTokens} of its words generated) occurs word for word in ${corpus.label} (${where}${copied.span.count > 1 ? ` and ${copied.span.count - 1} more places` : ""}). ${why}`;
  }
}

customElements.define("next-word", NextWord);
