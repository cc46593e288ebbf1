/**
 * The LabelingSandbox element: wires the steps (data, prompt, model, run,
 * evaluation) and owns the job's life — one action at a time, each result
 * stored as it arrives, a running job resumed after a reload, Start over
 * forgetting it. The panels and views are in the files beside this one.
 */
import {
  BUNDLED,
  BUNDLED_IMAGES,
  retriedBy,
  clearCurrentJob,
  createJob,
  evaluationReport,
  finishedRuns,
  forgetRun,
  idbCache,
  idbJobStore,
  idbStore,
  importBatchIntoJob,
  type ItemResult,
  type JobRecord,
  LabelingError,
  type LabelItem,
  loadCurrentJob,
  openLabelingDB,
  type ProviderSettings,
  runLabelingJob,
  saveCurrentJob,
  type TaskSpec,
} from "@/lib/labeling";
import { LabWidget } from "@/scripts/lab-widget";
import { DataPanel } from "./data-panel";
import {
  agreement,
  comparable,
  describeAgreement,
  describeRun,
  loadRunResults,
} from "./compare-runs";
import { renderDetail } from "./detail-view";
import { COLUMN_FIELDS, readForm, sameForm, writeForm } from "./form-state";
import { PRICES, renderPreview, showProblem } from "./prompt-preview";
import { downloadBatch, downloadFineTune, downloadResults } from "./downloads";
import { renderEvaluation } from "./evaluation-view";
import { JobSpend } from "./spend";
import { taskFromForm } from "./task-form";
import { storedKey, storeKey } from "@/scripts/api-key";
import { apiProvider, localProvider } from "./providers";
import { resultsTable } from "./results-table";
import type { VirtualTable } from "./virtual-table";

/** The dataset menu's choices (kept in the page's link as `data=`). */
const DATASET_CHOICES = ["politics", "spam", "emoji", "file", "images"] as const;

/** The context window assumed for API models (input tokens per request). */
const MAX_INPUT_TOKENS = 100_000;

class LabelingSandbox extends LabWidget {
  #data!: DataPanel;
  #results = new Map<string, ItemResult>();
  #job: JobRecord | null = null;
  #abort: AbortController | null = null;
  #resultsView!: VirtualTable<LabelItem>;
  /** Whether the results table has its thumbnail column. */
  #resultsImages = false;
  #previewTimer = 0;
  /** Counts previews, so a late one does not overwrite a newer message. */
  #previews = 0;
  #statsFrame = 0;
  #started = 0;
  #doneAtStart = 0;
  /** What the local method learned from, shown with the stats. */
  #note = "";
  /** Set while a run, an import or the start-up holds the job; other actions wait their turn. */
  #busy = false;
  #running: Promise<void> | null = null;
  /** Finished runs the current one can be compared with. */
  #runs: Awaited<ReturnType<typeof finishedRuns>> = [];
  /** What the job has cost (earlier runs from its log, this one from the runner). */
  #spend = new JobSpend();

  /** Runs one action on the job at a time; a second press while one runs does nothing. */
  async #exclusive(work: () => Promise<void>): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    this.el("run", HTMLButtonElement).disabled = true;
    this.el("retry-flagged", HTMLButtonElement).disabled = true;
    this.el("import-batch", HTMLInputElement).disabled = true;
    const running = work();
    this.#running = running;
    try {
      await running;
    } finally {
      this.#running = null;
      this.#busy = false;
      this.el("run", HTMLButtonElement).disabled = false;
      this.el("import-batch", HTMLInputElement).disabled = false;
      this.#syncRetry();
    }
  }

  /** Items a Retry flagged would ask again (flagged after server failures). */
  #retryable(): number {
    return [...this.#results.values()].filter((r) => retriedBy(r, "transient")).length;
  }

  /** Retry flagged is offered when the finished job has items flagged after server failures. */
  #syncRetry(): void {
    const job = this.#job;
    const retryable = this.#retryable();
    const button = this.el("retry-flagged", HTMLButtonElement);
    button.disabled = this.#busy || job?.status !== "done" || retryable === 0;
    button.textContent = retryable > 0 ? `Retry ${retryable} flagged` : "Retry flagged";
  }

  protected async setup(): Promise<void> {
    this.#data = new DataPanel(
      (name, type) => this.el(name, type),
      () => {
        this.#data.summarize();
        this.#schedulePreview();
      },
    );
    this.#resultsView = this.#makeResultsView(false);
    this.#wire();
    const state = this.readState();
    const dataset = state.get("data");
    if (DATASET_CHOICES.some((c) => c === dataset))
      this.el("dataset", HTMLSelectElement).value = dataset ?? "";
    if (state.get("provider") === "api") this.el("provider-api", HTMLInputElement).checked = true;
    const method = state.get("method");
    if (method === "centroid" || method === "probe" || method === "clip")
      this.el("method", HTMLSelectElement).value = method;
    const { key, remembered } = storedKey();
    this.el("key", HTMLInputElement).value = key;
    this.el("remember", HTMLInputElement).checked = remembered;
    this.#syncProvider();
    // nothing may start until the stored job (if any) is back in place
    this.#busy = true;
    this.el("run", HTMLButtonElement).disabled = true;
    let resume: JobRecord | null = null;
    try {
      const job = await loadCurrentJob().catch(() => undefined);
      if (job) this.#restoreForm(job);
      await this.#chooseDataset(!job);
      if (job) {
        this.#restoreColumns(job);
        if (await this.#showJob(job)) resume = job;
      }
    } finally {
      this.#busy = false;
      this.el("run", HTMLButtonElement).disabled = false;
    }
    if (resume) {
      const job = resume;
      void this.guard(() => this.#exclusive(() => this.#execute(job)));
    }
  }

  /** Step 4's table, with a thumbnail column when the items have images. */
  #makeResultsView(images: boolean): VirtualTable<LabelItem> {
    const view = resultsTable({
      result: (id) => this.#results.get(id),
      gold: (id) => this.#goldOf(id),
      pick: (item) => {
        this.#showDetail(item);
      },
      ...(images ? { thumbnail: (ref: string) => this.#data.images.thumbnail(ref) } : {}),
    });
    this.el("results-table").replaceChildren(view.element);
    return view;
  }

  #showItems(items: readonly LabelItem[]): void {
    const images = items.some((item) => item.image);
    if (images !== this.#resultsImages) this.#resultsView = this.#makeResultsView(images);
    this.#resultsImages = images;
    this.#resultsView.setRows(items);
  }

  #restoreColumns(job: JobRecord): void {
    this.#data.restoreHand(job.form?.["hand"] ?? "", job.dataset);
    if (!this.#data.table) return;
    for (const name of COLUMN_FIELDS) {
      const select = this.el(name, HTMLSelectElement);
      const value = job.form?.[name];
      if (value !== undefined && [...select.options].some((o) => o.value === value))
        select.value = value;
    }
    this.#data.summarize();
  }

  /** The same dataset as the stored job's, loaded again (a reload forgets files): its choices return. */
  #matchJob(): void {
    const job = this.#job;
    if (job?.dataset === this.#data.name) this.#restoreColumns(job);
  }

  /** A local image job needs every image it has still to read: picked files are gone after a reload. */
  #checkImages(job: JobRecord): void {
    if (job.provider.kind !== "local" || !job.provider.input) return;
    const left = job.items.filter((i) => !this.#results.has(i.id));
    if (left.length === 0) return; // nothing left to label: nothing to read
    const refs = [...job.pool.map((r) => r.image), ...left.map((i) => i.image)];
    const missing = refs.filter((ref) => ref && !this.#data.images.readable(ref));
    if (missing.length > 0)
      throw new LabelingError(
        `${missing.length.toLocaleString("en")} of this job's images were picked from your disk, and a browser forgets picked files when the page reloads: pick the same folder or files again in step 1, then press Label to resume (nothing is lost).`,
      );
  }

  #wire(): void {
    this.el("dataset", HTMLSelectElement).addEventListener("change", () => {
      void this.guard(() => this.#chooseDataset(true));
    });
    this.el("file", HTMLInputElement).addEventListener("change", () => {
      const file = this.el("file", HTMLInputElement).files?.[0];
      if (file)
        void this.guard(async () => {
          this.clearError();
          this.showLoading(`Reading ${file.name}…`);
          try {
            await this.#data.loadFile(file);
            this.#matchJob();
          } finally {
            this.hideLoading();
          }
        });
    });
    const pickImages = (input: HTMLInputElement): void => {
      const files = [...(input.files ?? [])];
      if (files.length === 0) return;
      void this.guard(async () => {
        this.clearError();
        const note =
          this.el("dataset", HTMLSelectElement).value === "file"
            ? this.#data.pickImagesForTable(files)
            : this.#data.loadImages(files);
        this.#matchJob();
        this.#banner(note);
        await Promise.resolve();
      });
    };
    // a folder pick (not in Astro's attribute types, so set here)
    this.el("image-folder", HTMLInputElement).webkitdirectory = true;
    for (const name of ["image-files", "image-folder"])
      this.el(name, HTMLInputElement).addEventListener("change", () => {
        pickImages(this.el(name, HTMLInputElement));
      });
    this.el("labels").addEventListener("input", () => {
      this.#data.labelsChanged();
    });
    for (const name of [
      "labels",
      "instructions",
      "template",
      "mode",
      "k",
      "shots",
      "votes",
      "temperature",
      "model",
      "method",
      "embed",
    ])
      this.el(name).addEventListener("input", () => {
        this.#schedulePreview();
      });
    this.el("mode", HTMLSelectElement).addEventListener("change", () => {
      this.el("k-field").hidden = this.el("mode", HTMLSelectElement).value !== "multi";
      this.#schedulePreview();
    });
    this.el("method", HTMLSelectElement).addEventListener("change", () => {
      this.writeState({ method: this.el("method", HTMLSelectElement).value });
      this.#schedulePreview();
    });
    for (const name of ["provider-local", "provider-api"])
      this.el(name, HTMLInputElement).addEventListener("change", () => {
        this.#syncProvider();
        this.writeState({ provider: this.#providerKind() === "api" ? "api" : null });
        this.#schedulePreview();
      });
    const saveKey = (): void => {
      storeKey(
        this.el("key", HTMLInputElement).value.trim(),
        this.el("remember", HTMLInputElement).checked,
      );
    };
    this.el("key", HTMLInputElement).addEventListener("change", saveKey);
    this.el("remember", HTMLInputElement).addEventListener("change", saveKey);
    this.el("forget", HTMLButtonElement).addEventListener("click", () => {
      this.el("key", HTMLInputElement).value = "";
      this.el("remember", HTMLInputElement).checked = false;
      storeKey("", false);
    });
    this.el("run", HTMLButtonElement).addEventListener("click", () => {
      void this.guard(() => this.#exclusive(() => this.#run()));
    });
    this.el("retry-flagged", HTMLButtonElement).addEventListener("click", () => {
      const job = this.#job;
      if (job) void this.guard(() => this.#exclusive(() => this.#execute(job, "transient")));
    });
    this.el("cancel", HTMLButtonElement).addEventListener("click", () => {
      this.#abort?.abort();
    });
    this.el("clear", HTMLButtonElement).addEventListener("click", () => {
      void this.guard(() => this.#startOver());
    });
    this.el("import-batch", HTMLInputElement).addEventListener("change", () => {
      const input = this.el("import-batch", HTMLInputElement);
      const file = input.files?.[0];
      if (file)
        void this.guard(async () => {
          try {
            await this.#exclusive(() => this.#importBatch(file));
          } finally {
            input.value = "";
          }
        });
    });
    this.el("compare", HTMLButtonElement).addEventListener("click", () => {
      void this.guard(() => this.#compare());
    });
    this.el("export-csv", HTMLButtonElement).addEventListener("click", () => {
      if (this.#job) downloadResults(this.#job, [...this.#results.values()]);
    });
    this.el("export-finetune", HTMLButtonElement).addEventListener("click", () => {
      void this.guard(() => {
        const { task, selection } = this.#taskAndData();
        downloadFineTune(task, selection);
      });
    });
    this.el("export-batch", HTMLButtonElement).addEventListener("click", () => {
      void this.guard(() => {
        const { task, selection } = this.#taskAndData(true);
        downloadBatch(task, selection);
      });
    });
  }

  #providerKind(): "local" | "api" {
    return this.el("provider-api", HTMLInputElement).checked ? "api" : "local";
  }

  #syncProvider(): void {
    const api = this.#providerKind() === "api";
    this.el("api-settings").hidden = !api;
    this.el("local-settings").hidden = api;
  }

  async #chooseDataset(applyCodebook: boolean): Promise<void> {
    const choice = this.el("dataset", HTMLSelectElement).value;
    this.writeState({ data: choice === "politics" ? null : choice });
    this.el("file-field").hidden = choice !== "file";
    const images = choice === "images" || choice === "emoji";
    this.el("images-field").hidden = choice !== "images" && choice !== "file";
    this.el("folder-field").hidden = choice !== "images" && choice !== "file";
    this.el("images-notice").hidden = choice !== "images" && choice !== "file";
    this.el("images-label").textContent =
      choice === "file"
        ? "Image files the CSV's image column names (optional)"
        : "Image files (JPEG, PNG, WebP, GIF; up to 2,000)";
    if (applyCodebook) {
      const embed = this.el("embed", HTMLSelectElement);
      embed.value = images ? "image" : "text";
      const method = this.el("method", HTMLSelectElement);
      if (images && method.value === "zero-shot") method.value = "centroid";
    }
    if (choice === "emoji") {
      const { codebook } = BUNDLED_IMAGES.emoji;
      if (applyCodebook) {
        this.el("labels", HTMLTextAreaElement).value = codebook.labels;
        this.el("instructions", HTMLTextAreaElement).value = codebook.instructions;
        this.el("rows", HTMLInputElement).value = String(codebook.rows);
      }
      this.showLoading("Loading the bundled images…");
      try {
        await this.#data.loadBundledImages();
      } finally {
        this.hideLoading();
      }
      return;
    }
    if (choice === "images") {
      const input = this.el("image-files", HTMLInputElement);
      const folder = this.el("image-folder", HTMLInputElement);
      const files = [...(input.files ?? []), ...(folder.files ?? [])];
      if (files.length > 0) this.#banner(this.#data.loadImages(files));
      else
        this.#data.forget(
          "Pick image files or a folder: they are read in this tab and never uploaded. Then write your labels in step 2 and label a few images of each by hand in the table.",
        );
      return;
    }
    if (choice !== "politics" && choice !== "spam") {
      const file = this.el("file", HTMLInputElement).files?.[0];
      if (file) await this.#data.loadFile(file);
      else
        this.#data.forget(
          "Choose a CSV file with a header row: one column of texts, and optionally gold labels and ids.",
        );
      return;
    }
    const dataset = BUNDLED[choice];
    if (applyCodebook) {
      this.el("labels", HTMLTextAreaElement).value = dataset.codebook.labels;
      this.el("instructions", HTMLTextAreaElement).value = dataset.codebook.instructions;
      this.el("rows", HTMLInputElement).value = String(dataset.codebook.rows);
    }
    this.showLoading("Loading the dataset…");
    try {
      await this.#data.loadBundled(dataset);
    } finally {
      this.hideLoading();
    }
  }

  #taskAndData(forceApi = false): {
    task: TaskSpec;
    selection: ReturnType<DataPanel["selection"]>;
    provider: ProviderSettings;
  } {
    const selection = this.#data.selection();
    const api = forceApi || this.#providerKind() === "api";
    return { ...taskFromForm((name, type) => this.el(name, type), selection, api), selection };
  }

  #schedulePreview(): void {
    clearTimeout(this.#previewTimer);
    this.#previewTimer = window.setTimeout(() => {
      this.#preview();
    }, 150);
  }

  /** The first item's messages and the cost line; problems are shown in the cost line as you type. */
  #preview(): void {
    const shown = ++this.#previews;
    const problem = (error: unknown): void => {
      if (shown === this.#previews) showProblem(this.el("cost"), error);
    };
    try {
      const { task, selection, provider } = this.#taskAndData();
      renderPreview(
        this.el("preview"),
        this.el("cost"),
        task,
        selection.items,
        provider.kind,
        () => shown === this.#previews,
      ).catch(problem);
    } catch (error) {
      problem(error);
    }
  }

  #restoreForm(job: JobRecord): void {
    const form = job.form ?? {};
    writeForm(this, form);
    this.el("k-field").hidden = form["mode"] !== "multi";
    this.el(
      job.provider.kind === "api" ? "provider-api" : "provider-local",
      HTMLInputElement,
    ).checked = true;
    const kept = form["dataset"] ?? "";
    const choice =
      job.dataset === "politics" || job.dataset === "spam" || job.dataset === "emoji"
        ? job.dataset
        : DATASET_CHOICES.some((c) => c === kept)
          ? kept
          : "file";
    this.el("dataset", HTMLSelectElement).value = choice;
    this.#syncProvider();
  }

  #formValues(): Record<string, string> {
    return { ...readForm(this), provider: this.#providerKind() };
  }

  /** Shows a stored job and its results; true when it was running and should resume. */
  async #showJob(job: JobRecord): Promise<boolean> {
    this.#job = job;
    const db = await openLabelingDB(job.id);
    const stored = await idbStore(db).load();
    db.close();
    this.#results = new Map(stored.map((r) => [r.id, r]));
    await this.#spend.load(job.id);
    this.#showItems(job.items);
    this.#renderStats(null);
    this.#renderEvaluation();
    await this.#refreshRuns();
    if (job.status === "running") {
      this.#banner(
        `Resuming the job that was running when the page was left (${this.#results.size} of ${job.items.length} done).`,
      );
      return true;
    }
    if (job.status === "paused" || job.status === "cancelled") {
      this.#banner(
        `${job.status === "paused" ? "Paused" : "Cancelled"}: ${this.#results.size} of ${job.items.length} done. Press Label to resume; nothing is lost.${job.message ? ` ${job.message}` : ""}`,
      );
    }
    return false;
  }

  #banner(text: string): void {
    const banner = this.el("banner");
    banner.textContent = text;
    banner.hidden = !text;
  }

  /** The job the form describes, with the results it already has (the same job resumes). */
  async #prepareJob(forceApi = false): Promise<JobRecord> {
    const { task, selection, provider } = this.#taskAndData(forceApi);
    const created = await createJob({
      dataset: selection.name,
      task,
      provider,
      items: selection.items,
      gold: [...selection.gold],
      pool: selection.pool,
    });
    const id = created.id;
    const changed = this.#job?.id !== id;
    if (changed) {
      const db = await openLabelingDB(id);
      this.#results = new Map((await idbStore(db).load()).map((r) => [r.id, r]));
      db.close();
    }
    // the same job keeps its status (a finished one re-runs nothing but its retries)
    const job: JobRecord = {
      ...created,
      ...(this.#job?.id === id ? { status: this.#job.status } : {}),
      form: this.#formValues(),
    };
    this.#job = job;
    this.#showItems(job.items);
    if (changed) {
      this.#note = "";
      this.#started = 0;
      this.#renderStats(null);
      this.#renderEvaluation();
      this.el("detail").hidden = true;
    }
    return job;
  }

  async #run(): Promise<void> {
    this.clearError();
    this.#banner("");
    const job = this.#job;
    // an unfinished job resumes as it was (even if its CSV file is not loaded again)
    if (
      job &&
      job.status !== "done" &&
      (this.#data.table === null || sameForm(job.form ?? {}, this.#formValues()))
    ) {
      await this.#execute(job);
      return;
    }
    await this.#execute(await this.#prepareJob());
  }

  /** Results of a Batch API job (its output JSONL) become this job's results. */
  async #importBatch(file: File): Promise<void> {
    this.clearError();
    const job = await this.#prepareJob(true);
    const store = await idbJobStore(job.id);
    try {
      const { record, imported, skipped, missing } = await importBatchIntoJob(
        job,
        store,
        await file.text(),
      ).catch((error: unknown) => {
        throw error instanceof LabelingError
          ? new LabelingError(`${file.name}: ${error.message}`)
          : error;
      });
      for (const result of imported) this.#results.set(result.id, result);
      this.#job = record;
      this.#renderStats(0);
      this.#renderEvaluation();
      this.#banner(
        `Imported ${imported.length} results from ${file.name}` +
          (skipped ? ` (${skipped} lines were for other items and were skipped)` : "") +
          (missing ? `; ${missing} items have none yet.` : "."),
      );
    } finally {
      store.close();
    }
  }

  /** Runs a job to its end, cancellation or pause; holds a lock so a second tab cannot run it too. */
  async #execute(job: JobRecord, retryFlagged?: "transient"): Promise<void> {
    const api = job.provider.kind === "api";
    const key = this.el("key", HTMLInputElement).value.trim();
    if (api && !key) {
      // a job that was running when the page was left waits, paused, for the key
      if (job.status === "new" || job.status === "running")
        await saveCurrentJob(job.status === "running" ? { ...job, status: "paused" } : job);
      throw new LabelingError(
        "Paste your API key in step 3 (it stays in this browser), then press Label.",
      );
    }
    const locks = (navigator as { locks?: LockManager }).locks;
    if (!locks) {
      await this.#executeLocked(job, key, retryFlagged);
      return;
    }
    await locks.request(`llmlab-labeling:${job.id}`, { ifAvailable: true }, async (lock) => {
      if (!lock)
        throw new LabelingError(
          "This job is running in another tab of this browser: follow it there, or close that tab and press Label here (nothing is lost).",
        );
      await this.#executeLocked(job, key, retryFlagged);
    });
  }

  async #executeLocked(start: JobRecord, key: string, retryFlagged?: "transient"): Promise<void> {
    let job = start;
    const abort = new AbortController();
    this.#abort = abort;
    this.#setRunning(true);
    /** False once the learner started over or another job replaced this one. */
    const current = (): boolean => this.#job?.id === job.id && !abort.signal.aborted;
    let store: Awaited<ReturnType<typeof idbJobStore>> | null = null;
    let started = false;
    let cacheDb: IDBDatabase | null = null;
    try {
      this.#note = "";
      let provider;
      this.#checkImages(job);
      if (job.provider.kind === "api") {
        storeKey(key, this.el("remember", HTMLInputElement).checked);
        provider = await apiProvider(key, job.provider.baseURL);
      } else {
        this.showLoading("Loading the offline model…");
        const progress = (label: string, fraction?: number): void => {
          this.showLoading(label, fraction);
        };
        const local = await localProvider(
          job.task,
          job.provider,
          job.pool,
          {
            embed: this.#data.images.embedder(progress),
            resolve: (ref) => this.#data.images.thumbnail(ref),
          },
          progress,
        );
        provider = local.provider;
        this.#note = local.note;
        this.hideLoading();
      }
      if (!current()) return;
      await this.#spend.load(job.id);
      store = await idbJobStore(job.id);
      // one cache per server: the same model name elsewhere is another model
      cacheDb =
        job.provider.kind === "api"
          ? await openLabelingDB(`response-cache:${job.provider.baseURL}`)
          : null;
      this.#started = performance.now();
      this.#doneAtStart = this.#results.size;
      if (retryFlagged) this.#doneAtStart -= this.#retryable();
      let retrying = 0;
      started = true;
      const { record, summary } = await runLabelingJob(job, store, {
        provider,
        ...(cacheDb ? { cache: idbCache(cacheDb) } : {}),
        concurrency: job.provider.kind === "api" ? job.provider.concurrency : 16,
        ...(job.provider.kind === "api" ? { maxInputTokens: MAX_INPUT_TOKENS } : {}),
        ...(retryFlagged ? { retryFlagged } : {}),
        signal: abort.signal,
        onResult: (result, progress) => {
          if (this.#job?.id !== job.id) return;
          this.#results.set(result.id, result);
          this.#spend.update(progress);
          retrying = progress.retrying;
          this.#scheduleStats(retrying);
        },
        onRetry: (event) => {
          retrying = event.retrying;
          this.#scheduleStats(retrying);
        },
      });
      job = record;
      if (this.#job?.id !== job.id) return; // started over: nothing to show or keep
      this.#job = job;
      for (const r of summary.results) this.#results.set(r.id, r);
      await this.#spend.load(job.id);
      clearTimeout(this.#statsFrame);
      this.#statsFrame = 0;
      this.#renderStats(0);
      this.#renderEvaluation();
      await this.#refreshRuns();
      this.dataset["runs"] = String(Number(this.dataset["runs"] ?? 0) + 1);
      const flagged = [...this.#results.values()].filter((r) => r.status === "flagged").length;
      if (summary.status === "paused") {
        this.#banner(
          `Stopped: ${this.#results.size} of ${job.items.length} done (the cause is above). Press Label to resume once it is fixed; nothing is lost.`,
        );
        this.showError(summary.message, { stale: false });
      } else if (summary.status === "cancelled")
        this.#banner(
          `Cancelled: ${this.#results.size} of ${job.items.length} done. Press Label to resume; nothing is lost.`,
        );
      else
        this.#banner(
          `Done: ${job.items.length - flagged} labelled, ${flagged} flagged. The evaluation is in step 5.`,
        );
    } catch (error) {
      // a failed run is paused, not left "running" (a reload would only fail again)
      if (this.#job?.id === job.id) {
        const message = error instanceof Error ? error.message : String(error);
        // a failure before the run (e.g. the model did not load) leaves a new or done job as it was
        const paused: JobRecord = {
          ...job,
          status: started || job.status === "running" ? "paused" : job.status,
          message,
        };
        this.#job = paused;
        await saveCurrentJob(paused).catch(() => undefined);
      }
      throw error;
    } finally {
      store?.close();
      cacheDb?.close();
      this.#abort = null;
      this.#setRunning(false);
      this.hideLoading();
    }
  }

  #setRunning(on: boolean): void {
    this.el("cancel", HTMLButtonElement).disabled = !on;
    // the job reads the dataset's files as it runs: step 1 waits until it ends
    this.el("dataset", HTMLSelectElement).disabled = on;
    for (const name of ["file", "image-files", "image-folder"])
      this.el(name, HTMLInputElement).disabled = on;
    this.dataset["running"] = String(on);
  }

  #scheduleStats(retrying: number): void {
    if (this.#statsFrame) return;
    this.#statsFrame = window.setTimeout(() => {
      this.#statsFrame = 0;
      this.#renderStats(retrying);
    }, 100);
  }

  #renderStats(retrying: number | null): void {
    const note = this.#note;
    const job = this.#job;
    if (!job) return;
    const results = [...this.#results.values()];
    const done = results.length;
    const flagged = results.filter((r) => r.status === "flagged").length;
    const progress = this.el("progress", HTMLProgressElement);
    progress.max = job.items.length;
    progress.value = done;
    const seconds = (performance.now() - this.#started) / 1000;
    const rate = this.#started && seconds > 0 ? (done - this.#doneAtStart) / seconds : 0;
    const parts = [
      `${done.toLocaleString("en")} of ${job.items.length.toLocaleString("en")} done`,
      `${flagged} flagged`,
      ...(retrying ? [`${retrying} retrying`] : []),
      ...(rate > 0 ? [`${rate.toFixed(1)} items/s`] : []),
      job.provider.kind === "api" ? this.#spend.describe(job.task.model, PRICES) : "free (local)",
    ];
    const stats = this.el("stats");
    stats.textContent = `${parts.join(" · ")}.${note ? ` ${note}` : ""}`;
    stats.dataset["done"] = String(done);
    stats.dataset["requests"] = String(this.#spend.requests);
    this.el("export-csv", HTMLButtonElement).disabled = done === 0;
    this.el("export-finetune", HTMLButtonElement).disabled =
      job.gold.length + job.pool.length === 0;
    this.#resultsView.refresh();
    this.#syncRetry();
  }

  /** Lists the finished runs this job can be compared with (step 5). */
  async #refreshRuns(): Promise<void> {
    const job = this.#job;
    const box = this.el("compare-box");
    const runs = job?.status === "done" ? comparable(job, await finishedRuns()) : [];
    this.#runs = runs;
    this.el("compare-with", HTMLSelectElement).replaceChildren(
      ...runs.map((r) => new Option(describeRun(r), r.id)),
    );
    box.hidden = runs.length === 0;
  }

  async #compare(): Promise<void> {
    const job = this.#job;
    const other = this.#runs.find((r) => r.id === this.el("compare-with", HTMLSelectElement).value);
    if (!job || !other) return;
    const a = agreement(job, this.#results, other, await loadRunResults(other));
    const out = this.el("compare-result");
    out.textContent = describeAgreement(a, other);
    out.dataset["alpha"] = String(a.alpha.value ?? "");
  }

  #renderEvaluation(): void {
    const job = this.#job;
    if (!job) return;
    renderEvaluation(
      this.el("evaluation"),
      evaluationReport(job.task, job.items, [...this.#results.values()], new Map(job.gold)),
    );
  }

  #goldOf(id: string): string | undefined {
    return this.#job?.gold.find(([g]) => g === id)?.[1];
  }

  #showDetail(item: LabelItem): void {
    renderDetail(
      this.el("detail"),
      item,
      this.#results.get(item.id),
      this.#goldOf(item.id),
      item.image ? this.#data.images.thumbnail(item.image) : null,
    );
  }

  async #startOver(): Promise<void> {
    this.#abort?.abort();
    await this.#running?.catch(() => undefined);
    const job = this.#job;
    if (job) {
      const db = await openLabelingDB(job.id);
      await idbStore(db).clear();
      db.close();
      await forgetRun(job.id);
    }
    await clearCurrentJob();
    this.#job = null;
    this.#results = new Map();
    this.#showItems([]);
    this.#banner("");
    this.el("detail").hidden = true;
    this.el("stats").textContent = "Nothing labelled yet.";
    this.el("progress", HTMLProgressElement).value = 0;
    this.el("export-csv", HTMLButtonElement).disabled = true;
    this.el("evaluation").replaceChildren();
    this.el("compare-result").textContent = "";
    await this.#refreshRuns();
  }
}

customElements.define("labeling-sandbox", LabelingSandbox);
