import {
  corpusMap,
  matchStored,
  toMatrix,
  type CorpusMap,
  type EmbeddingProvider,
  type EmbedResult,
  type LabelDefinition,
} from "@/lib/embeddings/index";
import { parseLabelLines } from "@/lib/labeling";
import { LabWidget } from "@/scripts/lab-widget";
import { drawCorpusMap, type MapPoint } from "./corpus-map-view";
import {
  DEFAULT_SIZE,
  pastedItems,
  SAMPLE_LINES,
  SIZES,
  sotuItems,
  sotuPrecomputed,
  type Item,
  type SotuPrecomputed,
} from "./corpus-source";
import {
  attachLabelEditor,
  labelsToText,
  PASTE_LABELS,
  readLabelRows,
  renderLabelRows,
  SOTU_LABELS,
} from "./labels";
import { ApiPanel } from "./api-panel";
import { apiProvider, localProvider } from "./providers";
import {
  classifySentence,
  runClassify,
  runClusters,
  runOutliers,
  runSearch,
  type Embedded,
  type UseResult,
} from "./uses";

const VIEWS = ["search", "clusters", "classify", "outliers"] as const;
type View = (typeof VIEWS)[number];
const DEFAULTS = { src: "sotu", n: DEFAULT_SIZE, view: "search", k: "5", seed: "1" } as const;
const DEFAULT_QUERY = "the abolition of slavery";
const PASTE_STORE = "llmlab:embedding-uses:paste";

class EmbeddingUses extends LabWidget {
  /** Pasted texts are the learner's data: kept in this browser (localStorage), never in a link. */
  protected override readonly privateState = ["text"];
  #embedded: Embedded | null = null;
  #map: CorpusMap | null = null;
  #embeddedFor = "";
  #abort: AbortController | null = null;
  #points: MapPoint[] = [];
  #estimateTimer = 0;
  #api!: ApiPanel;

  protected setup(): void {
    const state = this.readState();
    const field = <T extends HTMLElement>(name: string, type: abstract new () => T): T =>
      this.el(name, type);
    field("source", HTMLSelectElement).value = state.get("src") === "paste" ? "paste" : "sotu";
    const n = state.get("n");
    field("size", HTMLSelectElement).value = n && SIZES.includes(n) ? n : DEFAULT_SIZE;
    let stored = "";
    try {
      stored = localStorage.getItem(PASTE_STORE) ?? "";
    } catch {
      /* storage blocked */
    }
    field("paste", HTMLTextAreaElement).value = stored || SAMPLE_LINES;
    field("query", HTMLInputElement).value = state.get("q") ?? DEFAULT_QUERY;
    field("k", HTMLSelectElement).value = state.get("k") ?? DEFAULTS.k;
    field("seed", HTMLInputElement).value = state.get("seed") ?? DEFAULTS.seed;
    const labels = state.get("labels");
    renderLabelRows(this.el("labels"), labels ? parseLabelLines(labels) : this.#defaultLabels());
    this.#api = new ApiPanel((name, type) => this.el(name, type));
    this.#checkedRadio("provider", state.get("prov") === "api" ? "api" : "local");
    const view = state.get("view");
    this.#checkedRadio("view", VIEWS.includes(view as View) ? (view as View) : "search");
    this.#syncVisibility();

    const on = (name: string, type: string, handler: (event: Event) => unknown): void => {
      this.el(name).addEventListener(type, (event) => void this.guard(() => handler(event)));
    };
    on("source", "change", () => {
      const current = labelsToText(readLabelRows(this.el("labels")));
      if (current === labelsToText(SOTU_LABELS) || current === labelsToText(PASTE_LABELS))
        renderLabelRows(this.el("labels"), this.#defaultLabels());
      this.#corpusChanged();
    });
    on("size", "change", () => {
      this.#corpusChanged();
    });
    on("paste", "input", () => {
      try {
        localStorage.setItem(PASTE_STORE, this.el("paste", HTMLTextAreaElement).value);
      } catch {
        /* storage blocked: the URL still holds short texts */
      }
      this.#corpusChanged();
    });
    on("providers", "change", () => {
      this.#corpusChanged();
    });
    for (const name of ["base-url", "model", "price"])
      on(name, "input", () => {
        this.#corpusChanged();
      });
    on("key", "input", () => {
      this.clearError();
    });
    on("embed", "click", () => this.#embed());
    on("stop", "click", () => {
      this.#abort?.abort();
    });
    on("views", "change", () => {
      this.#syncVisibility();
      this.#saveState();
      return this.#runView();
    });
    on("search-form", "submit", (event) => {
      event.preventDefault();
      this.#saveState();
      return this.#runView();
    });
    on("query", "input", () => {
      this.#queryEstimate();
    });
    for (const name of ["k", "seed"])
      on(name, "change", () => {
        this.#saveState();
        return this.#runView();
      });
    attachLabelEditor(this.el("labels"), this.el("add-label"), () => {
      this.#saveState();
    });
    on("classify", "click", () => this.#runView());
    on("sentence-form", "submit", (event) => {
      event.preventDefault();
      return this.#runSentence();
    });
    document.addEventListener("llmlab:theme", () => {
      this.#drawMap();
    });
    this.#saveState();
    // A link with this widget's state reproduces its view: embed and run the chosen use
    // at once. Never with the API (it needs the learner's key and costs money).
    if (state.size > 0 && !this.#isApi()) void this.guard(() => this.#embed());
  }

  protected override onKey(event: KeyboardEvent): boolean {
    if (!this.#embedded || (event.key !== "ArrowRight" && event.key !== "ArrowLeft")) return false;
    const at = VIEWS.indexOf(this.#view());
    const next = VIEWS[
      (at + (event.key === "ArrowRight" ? 1 : -1) + VIEWS.length) % VIEWS.length
    ] as View;
    this.#checkedRadio("view", next);
    this.#syncVisibility();
    this.#saveState();
    void this.guard(() => this.#runView());
    return true;
  }

  #radio(group: string): string {
    return (
      this.querySelector<HTMLInputElement>(`input[name="${this.stateKey}-${group}"]:checked`)
        ?.value ?? ""
    );
  }

  #checkedRadio(group: string, value: string): void {
    const input = this.querySelector<HTMLInputElement>(
      `input[name="${this.stateKey}-${group}"][value="${value}"]`,
    );
    if (input) input.checked = true;
  }

  #view(): View {
    const view = this.#radio("view");
    return VIEWS.includes(view as View) ? (view as View) : "search";
  }

  #source(): "sotu" | "paste" {
    return this.el("source", HTMLSelectElement).value === "paste" ? "paste" : "sotu";
  }

  #isApi(): boolean {
    return this.#radio("provider") === "api";
  }

  #defaultLabels(): readonly LabelDefinition[] {
    return this.#source() === "paste" ? PASTE_LABELS : SOTU_LABELS;
  }

  #syncVisibility(): void {
    const paste = this.#source() === "paste";
    this.el("size-wrap").hidden = paste;
    this.el("paste-wrap").hidden = !paste;
    this.el("sotu-note").hidden = paste;
    this.el("api").hidden = !this.#isApi();
    const view = this.#view();
    for (const panel of this.querySelectorAll<HTMLElement>("[data-view]"))
      panel.hidden = panel.dataset["view"] !== view;
  }

  #saveState(): void {
    const labels = labelsToText(readLabelRows(this.el("labels")));
    const query = this.el("query", HTMLInputElement).value;
    const values: Record<string, string | null> = {
      src: this.#source(),
      n: this.el("size", HTMLSelectElement).value,
      view: this.#view(),
      k: this.el("k", HTMLSelectElement).value,
      seed: this.el("seed", HTMLInputElement).value,
      prov: this.#isApi() ? "api" : null,
      q: query === DEFAULT_QUERY ? null : query,
      labels: labels === labelsToText(this.#defaultLabels()) ? null : labels,
    };
    for (const [key, fallback] of Object.entries(DEFAULTS))
      if (values[key] === fallback) values[key] = null;
    this.writeState(values);
  }

  /** What the corpus and model are now; results from another state are stale. */
  #corpusKey(): string {
    const api = this.#isApi() ? `api|${this.#api.endpoint()}` : "local";
    const texts =
      this.#source() === "paste"
        ? this.el("paste", HTMLTextAreaElement).value
        : this.el("size", HTMLSelectElement).value;
    return `${api}|${this.#source()}|${texts}`;
  }

  #corpusChanged(): void {
    this.clearError();
    this.#syncVisibility();
    this.#saveState();
    const embedLabel = this.#isApi() ? "Embed with the API" : "Embed the texts";
    this.el("embed", HTMLButtonElement).textContent = embedLabel;
    if (this.#embedded && this.#corpusKey() !== this.#embeddedFor)
      this.el("status").textContent = "The texts or the model changed: press “Embed” to use them.";
    if (this.#isApi()) {
      window.clearTimeout(this.#estimateTimer);
      this.#estimateTimer = window.setTimeout(() => {
        void this.guard(() => this.#estimate());
        this.#queryEstimate();
      }, 250);
    } else this.#queryEstimate();
  }

  async #texts(): Promise<{ items: Item[]; notice: string | null }> {
    if (this.#source() === "paste") return pastedItems(this.el("paste", HTMLTextAreaElement).value);
    return {
      items: await sotuItems(Number(this.el("size", HTMLSelectElement).value)),
      notice: null,
    };
  }

  #estimate(): Promise<void> {
    return this.#api.estimate(async () => (await this.#texts()).items.map((i) => i.text));
  }

  #queryEstimate(): void {
    if (!this.#isApi()) {
      this.#api.clearQueryEstimate();
      return;
    }
    void this.guard(() => this.#api.queryEstimate(this.el("query", HTMLInputElement).value));
  }

  async #makeProvider(): Promise<EmbeddingProvider> {
    if (!this.#isApi())
      return localProvider((label, fraction) => {
        this.showLoading(label, fraction);
      });
    this.#api.price();
    return apiProvider(this.#api.settings());
  }

  /** The build-time embeddings of the chosen SOTU passages, or null (then they are embedded here). */
  async #precomputed(): Promise<SotuPrecomputed | null> {
    if (this.#isApi() || this.#source() !== "sotu") return null;
    try {
      return await sotuPrecomputed(Number(this.el("size", HTMLSelectElement).value));
    } catch {
      return null; // unreadable or missing: embedding in the browser still works
    }
  }

  /**
   * One vector per item: from the build-time file where it has the same passage
   * from the same model, the rest embedded now (all of them for pasted texts or an API).
   */
  async #vectors(
    provider: EmbeddingProvider,
    items: readonly Item[],
    precomputed: SotuPrecomputed | null,
    signal: AbortSignal,
    onProgress: (done: number, total: number) => void,
  ): Promise<EmbedResult & { stored: number }> {
    const usable = precomputed?.stored.header.model === provider.id ? precomputed.stored : null;
    if (!usable)
      return {
        ...(await provider.embed(
          items.map((i) => i.text),
          { signal, onProgress },
        )),
        stored: 0,
      };
    const match = matchStored(
      usable,
      items.map((i) => ({ text: i.text, start: i.start ?? -1, end: i.end ?? -1 })),
    );
    const vectors = match.vectors;
    let truncated = match.truncated;
    if (match.missing.length > 0) {
      const live = await provider.embed(
        match.missing.map((i) => items[i]?.text ?? ""),
        { signal, onProgress },
      );
      match.missing.forEach((i, j) => (vectors[i] = live.vectors[j] ?? null));
      truncated += live.truncated;
    }
    return {
      vectors: vectors.map((v) => v ?? new Float32Array(usable.header.dims)),
      truncated,
      stored: items.length - match.missing.length,
    };
  }

  async #embed(): Promise<void> {
    this.clearError();
    const button = this.el("embed", HTMLButtonElement);
    const stop = this.el("stop", HTMLButtonElement);
    button.disabled = true;
    this.#abort = new AbortController();
    const clicked = performance.now();
    try {
      this.showLoading("Loading the texts…");
      const { items, notice } = await this.#texts();
      if (this.#isApi()) await this.#estimate();
      // The model is needed for the query even when the passages' vectors are precomputed.
      const [precomputed, provider] = await Promise.all([
        this.#precomputed(),
        this.#makeProvider(),
      ]);
      stop.hidden = false;
      const started = performance.now();
      const { vectors, truncated, stored } = await this.#vectors(
        provider,
        items,
        precomputed,
        this.#abort.signal,
        (done, total) => {
          const seconds =
            ((performance.now() - started) / 1000 / Math.max(done, 1)) * (total - done);
          const left = done > 0 && done < total ? ` (about ${Math.ceil(seconds)} s left)` : "";
          this.showLoading(`Embedded ${done} / ${total} texts${left}`, total ? done / total : 0);
        },
      );
      const seconds = (performance.now() - started) / 1000;
      this.showLoading("Drawing the map…");
      await new Promise((resolve) => setTimeout(resolve, 0));
      const matrix = toMatrix(vectors);
      this.#embedded = {
        items,
        matrix,
        provider,
        calibration: stored === items.length ? (precomputed?.calibration ?? null) : null,
      };
      this.#map = corpusMap(matrix);
      this.#embeddedFor = this.#corpusKey();
      this.dataset["embedded"] = String(items.length);
      this.dataset["precomputed"] = String(stored);
      this.dataset["provider"] = provider.id;
      this.dataset["embedSeconds"] = seconds.toFixed(1);
      const cut = truncated
        ? ` ${truncated} texts were longer than the model's 128 tokens; only their beginning was embedded.`
        : "";
      const live = items.length - stored;
      const how =
        stored === 0
          ? `Embedded ${items.length} texts with ${provider.label} in ${seconds.toFixed(1)} s`
          : `Embedded ${items.length} texts with ${provider.label}: ` +
            `${live === 0 ? "all" : stored} computed when this site was built, by the same model` +
            `${live === 0 ? "" : `, and ${live} now`}, ready in ${seconds.toFixed(1)} s; only your queries are embedded now`;
      this.el("status").textContent =
        `${how} (${matrix.dims} numbers each).${cut}${notice ? ` ${notice}` : ""}`;
      this.el("map-caption").textContent =
        `Each mark is one text, placed by PCA of its ${matrix.dims}-number embedding (the two axes keep ${Math.round(100 * this.#map.explained)}% of the spread). Hover a mark to read its source.`;
      this.el("results").hidden = false;
      this.hideLoading();
      await this.#runView();
      if (this.#view() === "search")
        this.dataset["firstSearchMs"] = (performance.now() - clicked).toFixed(0);
    } catch (error) {
      if (error instanceof Error && error.name === "AbortError") {
        this.hideLoading();
        this.el("status").textContent = error.message;
        return;
      }
      throw error;
    } finally {
      button.disabled = false;
      stop.hidden = true;
      this.#abort = null;
      this.hideLoading();
    }
  }

  async #runView(): Promise<void> {
    const e = this.#embedded;
    if (!e) return;
    this.clearError();
    const view = this.#view();
    let result: UseResult;
    if (view === "search") result = await runSearch(e, this.el("query", HTMLInputElement).value);
    else if (view === "clusters")
      result = runClusters(
        e,
        Number(this.el("k", HTMLSelectElement).value),
        Number(this.el("seed", HTMLInputElement).value),
      );
    else if (view === "classify") result = await runClassify(e, readLabelRows(this.el("labels")));
    else result = runOutliers(e);
    const target = {
      search: "hits",
      clusters: "clusters",
      classify: "classes",
      outliers: "outliers",
    }[view];
    this.el(target).replaceChildren(result.node);
    Object.assign(this.dataset, result.data);
    this.#drawMap(result.points);
  }

  #drawMap(points: MapPoint[] = this.#points): void {
    this.#points = points;
    if (this.#map && points.length === this.#embedded?.items.length)
      drawCorpusMap(this.el("map"), this.#map.xy, points);
  }

  async #runSentence(): Promise<void> {
    if (!this.#embedded) throw new Error("Embed the texts first.");
    const node = await classifySentence(
      this.#embedded.provider,
      this.el("sentence", HTMLInputElement).value,
      readLabelRows(this.el("labels")),
    );
    this.el("sentence-scores").replaceChildren(node);
  }
}

customElements.define("embedding-uses", EmbeddingUses);
