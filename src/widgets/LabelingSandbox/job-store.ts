/**
 * The sandbox's current job, kept in IndexedDB so it outlives a reload: what
 * was asked (task, items, gold labels, provider settings — never the key)
 * and whether it was running. Each result goes to the job's own database
 * (idbStore in src/lib/labeling) as it arrives; a job that was running when
 * the page went away is resumed when the widget starts again.
 */
import { done, request } from "@/lib/labeling/idb-store";
import type { LabelItem, TaskSpec } from "@/lib/labeling/task";

export type LocalMethod = "zero-shot" | "centroid" | "probe" | "clip";

export type ProviderSettings =
  { kind: "local"; method: LocalMethod } | { kind: "api"; baseURL: string; concurrency: number };

export interface JobRecord {
  /** A hash of everything below except status, so the same job reuses its results. */
  id: string;
  status: "running" | "cancelled" | "paused" | "done";
  /** The paused or failed reason shown to the learner. */
  message: string;
  dataset: string;
  task: TaskSpec;
  provider: ProviderSettings;
  items: LabelItem[];
  gold: [string, string][];
  /** Gold-labelled rows not being labelled: the examples and training rows of the local methods. */
  pool: { text: string; label: string }[];
  /** The form as it was when the job started (restored after a reload). */
  form: Record<string, string>;
}

const DB = "llmlab-labeling-jobs";
const STORE = "jobs";
const CURRENT = "current";
/** Finished runs are kept under "run:<id>". */
const RUN = "run:";

let opened: Promise<IDBDatabase> | null = null;

function database(): Promise<IDBDatabase> {
  if (!opened) {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore(STORE);
    };
    opened = request(open);
    opened.catch(() => {
      opened = null;
    });
  }
  return opened;
}

export async function loadCurrentJob(): Promise<JobRecord | undefined> {
  const db = await database();
  const found = await request(
    db.transaction(STORE, "readonly").objectStore(STORE).get(CURRENT) as IDBRequest<
      JobRecord | undefined
    >,
  );
  return found ?? undefined;
}

/** Saves the current job; a finished one is also kept among the runs to compare with. */
export async function saveCurrentJob(job: JobRecord): Promise<void> {
  const db = await database();
  const tx = db.transaction(STORE, "readwrite");
  tx.objectStore(STORE).put(job, CURRENT);
  if (job.status === "done")
    tx.objectStore(STORE).put({ ...job, finishedAt: Date.now() }, `${RUN}${job.id}`);
  await done(tx);
}

export async function clearCurrentJob(): Promise<void> {
  const db = await database();
  const tx = db.transaction(STORE, "readwrite");
  tx.objectStore(STORE).delete(CURRENT);
  await done(tx);
}

export type FinishedRun = JobRecord & { finishedAt: number };

/** Finished runs, newest first (each one's results stay in its own database). */
export async function finishedRuns(): Promise<FinishedRun[]> {
  const db = await database();
  const range = IDBKeyRange.bound(RUN, `${RUN}\uffff`);
  const runs = await request(
    db.transaction(STORE, "readonly").objectStore(STORE).getAll(range) as IDBRequest<FinishedRun[]>,
  );
  return runs.sort((a, b) => b.finishedAt - a.finishedAt);
}

/** Forgets a finished run (after its results were cleared). */
export async function forgetRun(id: string): Promise<void> {
  const db = await database();
  const tx = db.transaction(STORE, "readwrite");
  tx.objectStore(STORE).delete(`${RUN}${id}`);
  await done(tx);
}

/** A short stable id for a job (SHA-256 of its definition). */
export async function jobId(
  job: Omit<JobRecord, "id" | "status" | "message" | "form">,
): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(job));
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest).slice(0, 10)]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");
}
