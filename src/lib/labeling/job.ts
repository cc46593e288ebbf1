/**
 * A labeling job as one library concept, run the same way by the
 * LabelingSandbox, the CLI, the simulated survey and the bench: its spec
 * (what is asked of which items, with which provider settings), its id (a
 * hash of the spec, so the same job finds its results again), its status
 * machine, the one rule that splits a dataset into items to label and the
 * pool of gold rows that examples and local training come from, and the run
 * itself over a JobStore (IndexedDB in the browser, JSONL files in Node).
 */
import { importBatchResults } from "./exports";
import { holdOutSplit, MIN_HAND_LABELS_TO_HOLD_OUT } from "./few-shot";
import type { Usage } from "./provider";
import { runJob, type JobOptions, type JobSummary } from "./runner";
import {
  addUsage,
  logTotals,
  type AttemptEvent,
  type ItemResult,
  type ResultStore,
  type RetryMode,
} from "./store";
import type { Dataset } from "./table";
import {
  examplesFromRows,
  LabelingError,
  validateTask,
  type FewShotExample,
  type LabelItem,
  type TaskSpec,
} from "./task";

/** The offline methods (sentence encoder; CLIP needs the hub). */
export type LocalMethod = "zero-shot" | "centroid" | "probe" | "clip";

/** What a local method embeds: the text (sentence encoder), the image (MobileNetV2), or both joined. */
export type EmbedInput = "text" | "image" | "both";

export type ProviderSettings =
  | { kind: "local"; method: LocalMethod; input?: EmbedInput }
  | { kind: "api"; baseURL: string; concurrency: number };

/** A gold-labelled row that is not being labelled: few-shot examples and local training data. */
export interface PoolRow {
  text: string;
  label: string;
  /** The row's image (a URL or a file name), for methods that embed images. */
  image?: string;
}

export interface JobSpec {
  /** Where the items come from (a bundled dataset id or a file name). */
  dataset: string;
  task: TaskSpec;
  provider: ProviderSettings;
  items: LabelItem[];
  /** Gold labels of the items, by id. */
  gold: [string, string][];
  /** Gold rows after the labelled ones (kept only for methods that learn from them). */
  pool: PoolRow[];
}

export type JobStatus = "new" | "running" | "paused" | "cancelled" | "done";

export interface JobRecord extends JobSpec {
  /** A hash of the spec, so the same job reuses its results. */
  id: string;
  status: JobStatus;
  /** Why the job paused, in words for the learner ("" otherwise). */
  message: string;
  /** What paused it, when it did (see JobSummary.cause). */
  cause?: NonNullable<JobSummary["cause"]>;
  /** The sandbox's form as it was when the job started (restored after a reload). */
  form?: Record<string, string>;
  /** Flagged items being asked again, kept until that run finishes (a pause or reload resumes the retry). */
  retry?: RetryMode;
}

/** Where a job lives between runs: its record and its results with their request log. */
export interface JobStore {
  load(): Promise<JobRecord | undefined>;
  save(record: JobRecord): Promise<void>;
  results: ResultStore;
}

/** The statuses a job may move to from each status. */
export const TRANSITIONS: Readonly<Record<JobStatus, readonly JobStatus[]>> = {
  new: ["running"],
  running: ["running", "paused", "cancelled", "done"],
  paused: ["running"],
  cancelled: ["running"],
  // a finished job runs again to retry its flagged items
  done: ["running"],
};

/** The record in its next status; throws LabelingError for a move the machine does not allow. */
export function advance(
  record: JobRecord,
  to: JobStatus,
  message = "",
  cause?: JobRecord["cause"],
): JobRecord {
  if (!TRANSITIONS[record.status].includes(to))
    throw new LabelingError(`A ${record.status} job cannot become ${to}.`);
  const next: JobRecord = { ...record, status: to, message };
  if (cause) next.cause = cause;
  else delete next.cause;
  return next;
}

/** Few-shot examples per label drawn from the items' gold labels. */
export const MAX_EXAMPLES_PER_LABEL = 10;

/**
 * The one rule for what a job labels and learns from: the first `rows` items
 * of the dataset are labelled; the gold-labelled items after them are the
 * pool (few-shot examples come from its start, local methods train on it), so
 * no item is ever both an example and labelled.
 */
export function splitDataset(
  dataset: Dataset,
  rows: number,
): { items: LabelItem[]; gold: [string, string][]; pool: PoolRow[] } {
  if (!Number.isInteger(rows) || rows < 1 || rows > dataset.items.length)
    throw new LabelingError(
      `Rows to label must be a whole number from 1 to ${dataset.items.length.toLocaleString("en")}.`,
    );
  const items = dataset.items.slice(0, rows);
  const gold = items.flatMap((item) => {
    const g = dataset.gold.get(item.id);
    return g === undefined ? [] : [[item.id, g] as [string, string]];
  });
  const pool = dataset.items.slice(rows).flatMap((item) => {
    const label = dataset.gold.get(item.id);
    return label === undefined ? [] : [poolRow(item, label)];
  });
  return { items, gold, pool };
}

const poolRow = (item: LabelItem, label: string): PoolRow =>
  item.image ? { text: item.text, label, image: item.image } : { text: item.text, label };

/**
 * The rule when the learner labelled some rows by hand: those rows are what a
 * local method learns from (the pool) and are not labelled again, except that
 * without a gold column a seeded quarter of them (once there are 8 or more)
 * is held out (per label, see holdOutSplit): labelled by the job and checked
 * against the hand label. The items are the first `rows` of the other rows,
 * then the held-out ones.
 */
export function splitWithHandLabels(
  dataset: Dataset,
  rows: number,
  hand: ReadonlyMap<string, string>,
): { items: LabelItem[]; gold: [string, string][]; pool: PoolRow[]; heldOut: number } {
  const labelled = dataset.items.filter((item) => hand.has(item.id));
  const holdOut =
    dataset.gold.size === 0 && labelled.length >= MIN_HAND_LABELS_TO_HOLD_OUT
      ? new Set(
          holdOutSplit(labelled.map((item) => hand.get(item.id) as string)).test.map(
            (i) => (labelled[i] as LabelItem).id,
          ),
        )
      : new Set<string>();
  const rest = dataset.items.filter((item) => !hand.has(item.id));
  const least = holdOut.size ? 0 : 1;
  if (!Number.isInteger(rows) || rows < least || rows > rest.length)
    throw new LabelingError(
      `Rows to label must be a whole number from ${least} to ${rest.length.toLocaleString("en")} (the rows not labelled by hand)` +
        (rows === 0 && !holdOut.size
          ? `: 0 labels only the held-out check, and there is none yet (${dataset.gold.size ? "a gold column checks the labelled rows instead" : `label ${MIN_HAND_LABELS_TO_HOLD_OUT} or more by hand, two or more of a label, to hold some out`}).`
          : "."),
    );
  const items = [...rest.slice(0, rows), ...labelled.filter((item) => holdOut.has(item.id))];
  if (items.length === 0)
    throw new LabelingError("Every row is labelled by hand: there is nothing left for the model.");
  const goldOf = (item: LabelItem): string | undefined =>
    holdOut.has(item.id) ? hand.get(item.id) : dataset.gold.get(item.id);
  const gold = items.flatMap((item) => {
    const g = goldOf(item);
    return g === undefined ? [] : [[item.id, g] as [string, string]];
  });
  const pool = labelled
    .filter((item) => !holdOut.has(item.id))
    .map((item) => poolRow(item, hand.get(item.id) as string));
  return { items, gold, pool, heldOut: holdOut.size };
}

/** Up to `perLabel` examples of each label from the pool, in pool order (0: zero-shot). */
export function selectExamples(
  pool: readonly PoolRow[],
  labels: readonly string[],
  perLabel: number,
): FewShotExample[] {
  if (!Number.isInteger(perLabel) || perLabel < 0 || perLabel > MAX_EXAMPLES_PER_LABEL)
    throw new LabelingError(`Examples per label must be from 0 to ${MAX_EXAMPLES_PER_LABEL}.`);
  if (perLabel === 0) return [];
  const examples = examplesFromRows(pool, labels, perLabel);
  const missing = labels.filter((l) => !examples.some((e) => e.labels.includes(l)));
  if (missing.length > 0)
    throw new LabelingError(
      `Few-shot examples come from gold-labelled rows after the ones being labelled, and there are none for ${missing.map((m) => `“${m}”`).join(", ")}. Label fewer rows, or check the gold column and the label names.`,
    );
  return examples;
}

/** True when the method learns from the pool (so the job keeps it). */
export const learnsFromPool = (provider: ProviderSettings): boolean =>
  provider.kind === "local" && (provider.method === "centroid" || provider.method === "probe");

/**
 * A short stable id for a job spec (SHA-256 of its definition, 20 hex
 * digits). How many requests run at once does not change the job.
 */
export async function jobId(spec: JobSpec): Promise<string> {
  const { dataset, task, items, gold, pool } = spec;
  const provider =
    spec.provider.kind === "api" ? { kind: "api", baseURL: spec.provider.baseURL } : spec.provider;
  const bytes = new TextEncoder().encode(
    JSON.stringify({ dataset, task, provider, items, gold, pool }),
  );
  const digest = await globalThis.crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest).slice(0, 10)]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");
}

/** A new job record for a spec (validated; the pool dropped when the method does not use it). */
export async function createJob(spec: JobSpec): Promise<JobRecord> {
  const task = validateTask(spec.task);
  if (spec.provider.kind === "local" && task.votes > 1)
    throw new LabelingError(
      "The offline methods give the same answer every time: set votes to 1 (votes help only with a sampling model at a temperature above 0).",
    );
  const tidy: JobSpec = { ...spec, task, pool: learnsFromPool(spec.provider) ? spec.pool : [] };
  return { ...tidy, id: await jobId(tidy), status: "new", message: "" };
}

/**
 * Requests sent and tokens billed so far, finished items and unfinished ones
 * alike; `unanswered` counts requests with no reply and no error logged (in
 * flight when a run stopped: the server may have billed them).
 */
export function jobSpend(
  results: readonly ItemResult[],
  events: readonly AttemptEvent[],
): { requests: number; unanswered: number; usage: Usage } {
  const usage: Usage = { input: 0, cachedInput: 0, output: 0 };
  let requests = 0;
  const totals = logTotals(events);
  let unanswered = 0;
  for (const t of totals.values()) unanswered += Math.max(0, t.unanswered);
  // per item, the larger of its result's count and its log's: a result counts the log before
  // its run plus its own requests, so the log is larger only when a later run (a retry) was cut off
  const none: Usage = { input: 0, cachedInput: 0, output: 0 };
  const byId = new Map(results.map((r) => [r.id, r]));
  for (const id of new Set([...byId.keys(), ...totals.keys()])) {
    const r = byId.get(id);
    const t = totals.get(id);
    const a = r?.usage ?? none;
    const b = t?.usage ?? none;
    requests += Math.max(r?.requests ?? 0, t?.requests ?? 0);
    addUsage(usage, {
      input: Math.max(a.input, b.input),
      cachedInput: Math.max(a.cachedInput, b.cachedInput),
      output: Math.max(a.output, b.output),
    });
  }
  return { requests, unanswered, usage };
}

export type RunOptions = Omit<JobOptions, "task" | "items" | "store">;

/**
 * Runs a job to its end, a cancellation or a pause, saving its record before
 * (running) and after (its new status), so a crash leaves it resumable.
 */
export async function runLabelingJob(
  record: JobRecord,
  store: JobStore,
  options: RunOptions,
): Promise<{ record: JobRecord; summary: JobSummary }> {
  const retry = options.retryFlagged ?? record.retry;
  let current: JobRecord = { ...advance(record, "running"), ...(retry ? { retry } : {}) };
  await store.save(current);
  const summary = await runJob({
    ...options,
    ...(retry ? { retryFlagged: retry } : {}),
    task: current.task,
    items: current.items,
    store: store.results,
  });
  current = advance(
    current,
    summary.status,
    summary.status === "paused" ? summary.message : "",
    summary.cause,
  );
  // a finished retry is over; a paused or cancelled one resumes as a retry
  if (summary.status === "done") delete current.retry;
  await store.save(current);
  return { record: current, summary };
}

/**
 * Results of a Batch API job (its output JSONL) become this job's results;
 * the record is saved done when every item has one, paused otherwise. Lines
 * for other items are skipped and counted.
 */
export async function importBatchIntoJob(
  record: JobRecord,
  store: JobStore,
  outputText: string,
): Promise<{ record: JobRecord; imported: ItemResult[]; skipped: number; missing: number }> {
  const ids = new Set(record.items.map((i) => i.id));
  const all = importBatchResults(outputText, record.task);
  const imported = all.filter((r) => ids.has(r.id));
  if (imported.length === 0)
    throw new LabelingError(
      "The batch output has no results for these items: export the Batch JSONL from the same data and labels, run it, and import its output file.",
    );
  for (const result of imported) await store.results.append(result);
  const have = new Set((await store.results.load()).map((r) => r.id));
  const missing = record.items.filter((i) => !have.has(i.id)).length;
  const next: JobRecord = {
    ...record,
    status: missing === 0 ? "done" : "paused",
    message: missing === 0 ? "" : `${missing} items have no result in the batch output.`,
  };
  delete next.cause;
  await store.save(next);
  return { record: next, imported, skipped: all.length - imported.length, missing };
}

/** A job store in memory (tests, the simulated survey, throwaway runs). */
export function memoryJobStore(results: ResultStore): JobStore & { record?: JobRecord } {
  const store: JobStore & { record?: JobRecord } = {
    results,
    load: () => Promise.resolve(store.record),
    save: (record) => {
      store.record = structuredClone(record);
      return Promise.resolve();
    },
  };
  return store;
}
