import {
  type ChatProvider,
  createLocalLabeler,
  formatDollars,
  LabelingError,
  memoryStore,
  parseLabelLines,
  priceTable,
  createJob,
  memoryJobStore,
  runLabelingJob,
  zeroShotScorer,
} from "@/lib/labeling";
import {
  FRAMING,
  PUBLISHED,
  surveyItems,
  surveyResults,
  surveyTask,
  validateDesign,
  type Effect,
  type Share,
  type SurveyDesign,
} from "@/lib/survey/index";
import { storedKey, storeKey } from "@/scripts/api-key";
import { offlineEncoder } from "@/scripts/encoder-workers";
import { LabWidget } from "@/scripts/lab-widget";
import { drawChart, pct, type ChartRow } from "./chart";

const PRICES = priceTable();

/** "name: text" lines (the labels' format: options and profiles are written the same way). */
const pairs = (text: string): { name: string; text: string }[] =>
  parseLabelLines(text).map((l) => ({ name: l.name, text: l.description }));

const points = (x: number): string =>
  Number.isFinite(x)
    ? `${x > 0 ? "+" : x < 0 ? "−" : ""}${Math.abs(Math.round(x * 100))} points`
    : "–";

/** Without intervals: the stand-in answers the same every time, so there is no sampling to describe. */
function pointOnly(e: Effect): Effect {
  const flat = (x: Share): Share => ({ ...x, low: x.share, high: x.share });
  return {
    control: flat(e.control),
    treatment: flat(e.treatment),
    effect: e.effect,
    low: e.effect,
    high: e.effect,
  };
}

class SimulatedSurvey extends LabWidget {
  #abort: AbortController | null = null;
  #estimates = 0;

  protected setup(): void {
    this.#fill(FRAMING);
    const { key, remembered } = storedKey();
    this.el("key", HTMLInputElement).value = key;
    this.el("remember", HTMLInputElement).checked = remembered;
    if (this.readState().get("provider") === "api")
      this.el("provider-api", HTMLInputElement).checked = true;
    this.#syncProvider();
    for (const name of ["provider-local", "provider-api"])
      this.el(name, HTMLInputElement).addEventListener("change", () => {
        this.#syncProvider();
        this.writeState({ provider: this.#api() ? "api" : null });
        this.#estimate();
      });
    this.el("options", HTMLTextAreaElement).addEventListener("input", () => {
      this.#fillOutcome();
    });
    this.addEventListener("input", () => {
      this.#estimate();
    });
    const saveKey = (): void => {
      storeKey(
        this.el("key", HTMLInputElement).value.trim(),
        this.el("remember", HTMLInputElement).checked,
      );
    };
    this.el("key", HTMLInputElement).addEventListener("change", saveKey);
    this.el("remember", HTMLInputElement).addEventListener("change", saveKey);
    this.el("reset", HTMLButtonElement).addEventListener("click", () => {
      this.#fill(FRAMING);
      this.#estimate();
    });
    this.el("run", HTMLButtonElement).addEventListener("click", () => {
      void this.guard(() => this.#run());
    });
    this.el("cancel", HTMLButtonElement).addEventListener("click", () => {
      this.#abort?.abort();
    });
    this.#estimate();
  }

  #api(): boolean {
    return this.el("provider-api", HTMLInputElement).checked;
  }

  #syncProvider(): void {
    this.el("api-settings").hidden = !this.#api();
    this.el("local-note").hidden = this.#api();
  }

  #fill(design: SurveyDesign): void {
    this.el("preamble", HTMLTextAreaElement).value = design.preamble;
    this.el("control", HTMLTextAreaElement).value = design.control;
    this.el("treatment", HTMLTextAreaElement).value = design.treatment;
    this.el("question", HTMLInputElement).value = design.question;
    this.el("options", HTMLTextAreaElement).value = design.options
      .map((o) => `${o.name}: ${o.text}`)
      .join("\n");
    this.el("profiles", HTMLTextAreaElement).value = design.profiles
      .map((p) => `${p.id}: ${p.description}`)
      .join("\n");
    this.el("respondents", HTMLInputElement).value = String(design.respondents);
    this.#fillOutcome(design.outcome);
  }

  #fillOutcome(preferred?: string): void {
    const select = this.el("outcome", HTMLSelectElement);
    const current = preferred ?? select.value;
    const names = pairs(this.el("options", HTMLTextAreaElement).value).map((o) => o.name);
    select.replaceChildren(...names.map((n) => new Option(n, n)));
    if (names.includes(current)) select.value = current;
  }

  #design(): SurveyDesign {
    const design: SurveyDesign = {
      preamble: this.el("preamble", HTMLTextAreaElement).value,
      control: this.el("control", HTMLTextAreaElement).value,
      treatment: this.el("treatment", HTMLTextAreaElement).value,
      question: this.el("question", HTMLInputElement).value,
      options: pairs(this.el("options", HTMLTextAreaElement).value),
      outcome: this.el("outcome", HTMLSelectElement).value,
      profiles: pairs(this.el("profiles", HTMLTextAreaElement).value).map((p) => ({
        id: p.name,
        description: p.text,
      })),
      respondents: Number(this.el("respondents", HTMLInputElement).value),
    };
    validateDesign(design);
    return design;
  }

  #model(): string {
    return this.#api() ? this.el("model", HTMLInputElement).value.trim() : "local-stand-in";
  }

  #estimate(): void {
    void this.#estimateNow();
  }

  /** The cost line; the tokenizers (about 1 MB gzip) load only when a chat model is chosen. */
  async #estimateNow(): Promise<void> {
    const shown = ++this.#estimates;
    const cost = this.el("cost");
    try {
      const design = this.#design();
      const items = surveyItems(design);
      const asks = items.length * design.respondents;
      if (!this.#api()) {
        cost.textContent = `${items.length} answers (${design.profiles.length} profiles × 2 conditions; the stand-in answers once per group, as it would answer the same every time), computed on this device for free.`;
      } else {
        const { estimateTaskCost } = await import("@/lib/labeling/estimate");
        if (shown !== this.#estimates) return;
        const e = estimateTaskCost(surveyTask(design, this.#model()), items, PRICES);
        cost.textContent = e.priced
          ? `Estimate before any call: ${asks} requests, ${e.inputTokens.toLocaleString("en")} input tokens: ${formatDollars(e.dollars)} on ${this.#model()}.`
          : `${asks} requests, ${e.inputTokens.toLocaleString("en")} input tokens; “${this.#model()}” has no price in the table.`;
      }
      cost.dataset["problem"] = "false";
    } catch (error) {
      if (shown !== this.#estimates) return;
      cost.textContent = error instanceof Error ? error.message : String(error);
      cost.dataset["problem"] = "true";
    }
  }

  async #provider(design: SurveyDesign, api: boolean, model: string): Promise<ChatProvider> {
    const task = surveyTask(design, model);
    if (api) {
      const key = this.el("key", HTMLInputElement).value.trim();
      if (!key)
        throw new LabelingError(
          "Paste your API key (it stays in this browser), or choose the offline stand-in.",
        );
      storeKey(key, this.el("remember", HTMLInputElement).checked);
      const { createOpenAIChat } = await import("@/lib/labeling/openai");
      return createOpenAIChat({
        apiKey: key,
        baseURL: this.el("base-url", HTMLInputElement).value.trim(),
        timeoutMs: 30_000,
      });
    }
    this.showLoading("Loading the offline model…");
    const encoder = await offlineEncoder((label, fraction) => {
      this.showLoading(label, fraction);
    });
    const embed = async (texts: string[]): Promise<Float32Array[]> =>
      (await encoder.encode(texts)).encodings.map(
        (e) => e.sentenceEmbedding ?? new Float32Array(0),
      );
    const options = await embed(design.options.map((o) => o.text || o.name));
    this.hideLoading();
    return createLocalLabeler(task, embed, zeroShotScorer(options), {
      id: "stand-in",
      label: "Sentence-encoder stand-in",
    });
  }

  async #run(): Promise<void> {
    if (this.#abort) return;
    this.clearError();
    // read once: the form may change while the model loads
    const api = this.#api();
    const model = this.#model();
    const asked = this.#design();
    const design = api ? asked : { ...asked, respondents: 1 };
    const items = surveyItems(design);
    this.el("chart").replaceChildren();
    this.el("table", HTMLTableElement).hidden = true;
    this.el("summary").textContent = "";
    const abort = new AbortController();
    this.#abort = abort;
    this.el("run", HTMLButtonElement).disabled = true;
    this.el("cancel", HTMLButtonElement).disabled = false;
    const progress = this.el("progress", HTMLProgressElement);
    progress.max = items.length;
    progress.value = 0;
    try {
      const provider = await this.#provider(design, api, model);
      // the survey is a labeling job: the same job code as the sandbox and the CLI, kept in memory
      const job = await createJob({
        dataset: "simulated-survey",
        // the stand-in answers the same every time: one answer per group, not one per respondent
        task: api ? surveyTask(design, model) : { ...surveyTask(design, model), votes: 1 },
        provider: api
          ? {
              kind: "api",
              baseURL: this.el("base-url", HTMLInputElement).value.trim(),
              concurrency: 4,
            }
          : { kind: "local", method: "zero-shot" },
        items,
        gold: [],
        pool: [],
      });
      const { summary } = await runLabelingJob(job, memoryJobStore(memoryStore()), {
        provider,
        concurrency: api ? 4 : 16,
        signal: abort.signal,
        onResult: (_result, p) => {
          progress.value = p.done;
        },
      });
      if (summary.status === "paused") throw new LabelingError(summary.message);
      if (summary.status === "cancelled") {
        this.el("summary").textContent = "Cancelled; nothing was kept. Ask again to start over.";
        return;
      }
      this.#show(design, summary.results, api);
      this.dataset["runs"] = String(Number(this.dataset["runs"] ?? 0) + 1);
    } finally {
      this.#abort = null;
      this.el("run", HTMLButtonElement).disabled = false;
      this.el("cancel", HTMLButtonElement).disabled = true;
      this.hideLoading();
    }
  }

  #show(
    design: SurveyDesign,
    results: Parameters<typeof surveyResults>[1],
    sampled: boolean,
  ): void {
    const raw = surveyResults(design, results);
    const out = sampled
      ? raw
      : {
          ...raw,
          byProfile: raw.byProfile.map((p) => ({ id: p.id, effect: pointOnly(p.effect) })),
          pooled: pointOnly(raw.pooled),
        };
    const framing = design.control === FRAMING.control && design.treatment === FRAMING.treatment;
    const rows: ChartRow[] = [
      ...out.byProfile.map((p) => ({ label: p.id, ...p.effect })),
      { label: "All profiles", ...out.pooled },
    ];
    if (framing && design.outcome === FRAMING.outcome) {
      const published = (s: { share: number }): ChartRow["control"] => ({
        share: s.share,
        low: s.share,
        high: s.share,
      });
      rows.push({
        label: "Published (1981)",
        control: published(PUBLISHED.control),
        treatment: published(PUBLISHED.treatment),
      });
    }
    drawChart(this.el("chart"), rows, design.outcome);
    const summary = this.el("summary");
    const p = out.pooled;
    summary.textContent =
      `Simulated effect of the treatment on choosing “${design.outcome}”: ${points(p.effect)} ` +
      (sampled ? `(95% CI ${points(p.low)} to ${points(p.high)}; ` : "(") +
      `control ${pct(p.control.share)}, treatment ${pct(p.treatment.share)}).` +
      (sampled ? "" : " The stand-in is not a sample of anyone, so there are no intervals.") +
      (p.control.n === 0 || p.treatment.n === 0
        ? " One of the conditions has no valid answers: check the model name and the raw errors."
        : "") +
      (framing && design.outcome === FRAMING.outcome
        ? ` Published: ${points(PUBLISHED.treatment.share - PUBLISHED.control.share)} (${PUBLISHED.citation}).`
        : "") +
      (out.invalid ? ` ${out.invalid} answers were not a valid option and are left out.` : "");
    summary.dataset["effect"] = String(p.effect);
    this.#table(out, rows);
  }

  #table(out: ReturnType<typeof surveyResults>, rows: readonly ChartRow[]): void {
    const table = this.el("table", HTMLTableElement);
    table.replaceChildren();
    table.createCaption().textContent = "Share choosing the outcome, with 95% intervals";
    const head = table.createTHead().insertRow();
    for (const title of ["Group", "Control", "Treatment", "Effect"]) {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = title;
      head.append(th);
    }
    const body = table.createTBody();
    const effects = [...out.byProfile.map((p) => p.effect), out.pooled];
    rows.forEach((row, i) => {
      const tr = body.insertRow();
      const th = document.createElement("th");
      th.scope = "row";
      th.textContent = row.label;
      tr.append(th);
      const e = effects[i];
      const cell = (s: ChartRow["control"], n?: number): string =>
        `${pct(s.share)}${s.low === s.high ? "" : ` (${pct(s.low)}–${pct(s.high)})`}${n === undefined ? "" : `, n=${n}`}`;
      tr.insertCell().textContent = cell(row.control, e?.control.n);
      tr.insertCell().textContent = cell(row.treatment, e?.treatment.n);
      tr.insertCell().textContent = e
        ? `${points(e.effect)}${e.low === e.high ? "" : ` (${points(e.low)} to ${points(e.high)})`}`
        : points(row.treatment.share - row.control.share);
    });
    table.hidden = false;
  }
}

customElements.define("simulated-survey", SimulatedSurvey);
