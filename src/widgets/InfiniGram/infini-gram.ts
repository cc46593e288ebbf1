import {
  createNgramClient,
  TRACE_MAX_CHARS,
  type CorpusInfo,
  type CorpusSource,
  type InfiniGramPrediction,
  type NgramClient,
  type NgramLoadProgress,
  type TraceResult,
  type TraceSpan,
} from "@/lib/ngram/index";
import { LabWidget } from "@/scripts/lab-widget";
import { renderCount, renderExamples, renderPrediction } from "./count-view";
import {
  CORPUS_NAMES,
  corpusChoice,
  tracePreset,
  TRACE_PRESETS,
  type CorpusChoice,
} from "./presets";
import { renderSpanDocuments, renderTraced } from "./trace-view";

/** Texts longer than this live in localStorage only, not in the URL. */
const URL_TEXT_LIMIT = 1500;
const SHOWN = 10;

let client: NgramClient | null = null;

/** One worker for the page, started on first use. */
function ngramClient(): NgramClient {
  if (!client) {
    const worker = new Worker(new URL("../../lib/ngram/worker.ts", import.meta.url), {
      type: "module",
      name: "ngram",
    });
    client = createNgramClient(worker);
  }
  return client;
}

const fmt = (n: number): string => n.toLocaleString("en");
const times = (n: number): string => `${fmt(n)} ${n === 1 ? "time" : "times"}`;

class InfiniGram extends LabWidget {
  #choice: CorpusChoice = corpusChoice(undefined);
  #trace: TraceResult | null = null;
  #tracedText = "";
  #selected = -1;

  get #storageKey(): string {
    return `llmlab:${this.stateKey}:text`;
  }

  protected setup(): void {
    const state = this.readState();
    this.#choice = corpusChoice(state.get("corpus"));
    this.el("corpus", HTMLSelectElement).value = this.#choice.id;
    const ngram = state.get("q");
    if (ngram !== undefined) this.el("ngram", HTMLInputElement).value = ngram;
    const min = state.get("min") ?? "4";
    this.el("min-length", HTMLSelectElement).value = min;
    if (this.el("min-length", HTMLSelectElement).value === "")
      this.el("min-length", HTMLSelectElement).value = "4";
    // The text: a preset from the URL, a text from the URL, the learner's last text, or the slides' example.
    const stored = this.#storedText();
    const preset = state.has("tp")
      ? tracePreset(state.get("tp"))
      : state.has("text") || stored !== ""
        ? undefined
        : tracePreset("cats");
    this.el("trace-preset", HTMLSelectElement).value = preset?.id ?? "";
    this.el("text", HTMLTextAreaElement).value = preset?.text ?? state.get("text") ?? stored;

    this.el("corpus", HTMLSelectElement).addEventListener("change", (event) => {
      this.#choice = corpusChoice((event.target as HTMLSelectElement).value);
      this.#saveState();
      void this.guard(() => this.#rerun());
    });
    this.el("count-form", HTMLFormElement).addEventListener("submit", (event) => {
      event.preventDefault();
      this.#saveState();
      void this.guard(() => this.#count());
    });
    this.el("trace-preset", HTMLSelectElement).addEventListener("change", (event) => {
      const chosen = tracePreset((event.target as HTMLSelectElement).value);
      this.el("text", HTMLTextAreaElement).value = chosen ? chosen.text : this.#storedText();
      this.#saveState();
    });
    this.el("text", HTMLTextAreaElement).addEventListener("input", () => {
      const text = this.el("text", HTMLTextAreaElement).value;
      const matches = TRACE_PRESETS.find((p) => p.text === text);
      this.el("trace-preset", HTMLSelectElement).value = matches?.id ?? "";
      if (!matches) this.#storeText(text);
      this.#saveState();
    });
    this.el("min-length", HTMLSelectElement).addEventListener("change", () => {
      this.#saveState();
      if (this.#trace) void this.guard(() => this.#runTrace());
    });
    this.el("trace-button", HTMLButtonElement).addEventListener(
      "click",
      () => void this.guard(() => this.#runTrace()),
    );
    this.el("traced").addEventListener("click", (event) => {
      const mark = (event.target as HTMLElement).closest("mark");
      const covering = mark?.dataset["spans"]?.split(" ").map(Number) ?? [];
      const spans = this.#trace?.spans ?? [];
      const longest = covering.reduce(
        (best, k) =>
          best === -1 ||
          (spans[k]?.tokenEnd ?? 0) - (spans[k]?.tokenStart ?? 0) >
            (spans[best]?.tokenEnd ?? 0) - (spans[best]?.tokenStart ?? 0)
            ? k
            : best,
        -1,
      );
      if (longest >= 0) this.#select(longest);
    });
    this.el("spans").addEventListener("click", (event) => {
      const button = (event.target as HTMLElement).closest("button");
      if (button) this.#select(Number(button.dataset["span"]));
    });
    document.addEventListener("llmlab:theme", () => {
      if (this.#lastPrediction) this.#renderPrediction(this.#lastPrediction);
    });

    if (state.has("q")) void this.guard(() => this.#count());
    if (state.has("text") || state.has("tp")) void this.guard(() => this.#runTrace());
  }

  protected override onKey(event: KeyboardEvent): boolean {
    const spans = this.#trace?.spans ?? [];
    if (spans.length === 0 || (event.key !== "ArrowRight" && event.key !== "ArrowLeft"))
      return false;
    const step = event.key === "ArrowRight" ? 1 : -1;
    this.#select((Math.max(0, this.#selected) + step + spans.length) % spans.length);
    return true;
  }

  #storedText(): string {
    try {
      return localStorage.getItem(this.#storageKey) ?? "";
    } catch {
      return "";
    }
  }

  #storeText(text: string): void {
    try {
      localStorage.setItem(this.#storageKey, text);
    } catch {
      /* storage full or blocked: the URL still holds short texts */
    }
  }

  #saveState(): void {
    const text = this.el("text", HTMLTextAreaElement).value;
    const preset = this.el("trace-preset", HTMLSelectElement).value;
    this.writeState({
      corpus: this.#choice.id,
      q: this.el("ngram", HTMLInputElement).value,
      min: this.el("min-length", HTMLSelectElement).value,
      tp: preset || null,
      text: preset || text.length > URL_TEXT_LIMIT ? null : text,
    });
  }

  async #rerun(): Promise<void> {
    if (!this.el("count-results").hidden) await this.#count();
    if (this.#trace) await this.#runTrace();
  }

  #progress = (p: NgramLoadProgress): void => {
    this.showLoading(p.label, p.fraction ?? undefined);
  };

  /** Loads the chosen corpora (once) and says how big they are. */
  async #load(): Promise<CorpusSource[]> {
    const sources = this.#choice.sources;
    const infos = await ngramClient().load(sources, this.#progress);
    this.#showInfo(infos);
    return sources;
  }

  #showInfo(infos: readonly CorpusInfo[]): void {
    this.el("corpus-info").textContent = infos
      .map(
        (i) =>
          `${CORPUS_NAMES[i.name] ?? i.name}: ${fmt(i.tokens)} tokens in ${fmt(i.documents)} documents, ` +
          `${(i.bytes / 1e6).toFixed(1)} MB, suffix array built in ${(i.buildMs / 1000).toFixed(1)} s`,
      )
      .join(" · ");
  }

  #lastPrediction: InfiniGramPrediction | null = null;

  async #count(): Promise<void> {
    this.clearError();
    const ngram = this.el("ngram", HTMLInputElement).value;
    if (ngram.trim() === "")
      throw new Error("Type a word or a phrase to count, such as “the state of the”.");
    const button = this.el("count-button", HTMLButtonElement);
    button.disabled = true;
    try {
      const sources = await this.#load();
      this.showLoading("Counting…");
      const ngramClientNow = ngramClient();
      const [counted, predicted, examples] = await Promise.all([
        ngramClientNow.query(sources, { type: "count", ngram }),
        ngramClientNow.query(sources, { type: "predict", prompt: ngram, limit: SHOWN }),
        ngramClientNow.query(sources, { type: "kwic", ngram, limit: 8, width: 10 }),
      ]);
      this.hideLoading();
      this.el("count-results").hidden = false;
      renderCount(this.el("count"), counted.answer, sources, counted.ms);
      this.#lastPrediction = predicted.answer;
      this.#renderPrediction(predicted.answer);
      renderExamples(this.el("kwic-summary"), this.el("kwic"), examples.answer);
    } finally {
      button.disabled = false;
      this.hideLoading();
    }
  }

  #renderPrediction(p: InfiniGramPrediction): void {
    renderPrediction(
      { backoff: this.el("backoff"), bars: this.el("bars"), tableBody: this.el("table-body") },
      p,
    );
  }

  async #runTrace(): Promise<void> {
    this.clearError();
    const text = this.el("text", HTMLTextAreaElement).value;
    if (text.trim() === "")
      throw new Error("Paste or type a text to trace, for example an LLM's answer.");
    const button = this.el("trace-button", HTMLButtonElement);
    button.disabled = true;
    try {
      const sources = await this.#load();
      this.showLoading("Tracing…");
      const minLength = Number(this.el("min-length", HTMLSelectElement).value) || 4;
      const { answer, ms } = await ngramClient().query(sources, {
        type: "trace",
        text,
        options: { minLength, maxOccurrences: 10, width: 12, maxChars: TRACE_MAX_CHARS },
      });
      this.hideLoading();
      this.#trace = answer;
      this.#tracedText = text;
      this.#renderTrace(answer, minLength, ms);
    } finally {
      button.disabled = false;
      this.hideLoading();
    }
  }

  #renderTrace(result: TraceResult, minLength: number, ms: number): void {
    this.el("trace-results").hidden = false;
    const note = this.el("trace-note");
    const cut =
      result.truncatedFrom !== undefined
        ? `Your text has ${fmt(result.truncatedFrom)} characters; only the first ${fmt(result.tracedChars)} were traced. `
        : "";
    note.textContent =
      cut +
      (result.spans.length === 0
        ? `No span of ${minLength} or more tokens occurs verbatim in the corpus (${fmt(result.tokens.length)} tokens searched in ${ms.toFixed(0)} ms).`
        : `${result.spans.length} verbatim ${result.spans.length === 1 ? "span" : "spans"} of ${minLength}+ tokens in ${fmt(result.tokens.length)} tokens, found in ${ms.toFixed(0)} ms.`);
    note.append(
      " This traces the course's bundled corpora, not any LLM's training data (OLMoTrace searches the trillions of tokens OLMo was trained on): a span found here is common in these texts, which says nothing about where a model learned it.",
    );
    note.dataset["spans"] = String(result.spans.length);
    this.el("trace-legend").hidden = result.spans.length === 0;
    renderTraced(this.el("traced"), this.#tracedText, result);
    this.el("spans").replaceChildren(
      ...result.spans.map((span, k) => {
        const li = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.dataset["span"] = String(k);
        button.dataset["count"] = String(span.count);
        button.setAttribute("aria-pressed", "false");
        button.textContent = `“${span.text}” · ${span.tokenEnd - span.tokenStart} tokens · ${times(span.count)}`;
        li.append(button);
        return li;
      }),
    );
    this.el("docs").replaceChildren();
    if (result.spans.length === 0) {
      this.#selected = -1;
      return;
    }
    // Start with the longest span, as OLMoTrace starts with the most distinctive.
    const longest = result.spans.reduce(
      (best, s, k) => (s.tokenEnd - s.tokenStart > spanLength(result.spans[best]) ? k : best),
      0,
    );
    this.#select(longest);
  }

  #select(k: number): void {
    const span = this.#trace?.spans[k];
    if (!span) return;
    this.#selected = k;
    for (const mark of this.el("traced").querySelectorAll("mark"))
      mark.classList.toggle(
        "ig-selected",
        (mark.dataset["spans"] ?? "").split(" ").includes(String(k)),
      );
    for (const button of this.el("spans").querySelectorAll("button"))
      button.setAttribute("aria-pressed", String(button.dataset["span"] === String(k)));
    renderSpanDocuments(this.el("docs"), span);
  }
}

function spanLength(span: TraceSpan | undefined): number {
  return span ? span.tokenEnd - span.tokenStart : 0;
}

customElements.define("infini-gram", InfiniGram);
