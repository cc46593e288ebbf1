/**
 * Jobs in IndexedDB, for the browser: the current job's record (what was
 * asked — task, items, gold labels, provider settings, never the key — and
 * its status), the finished runs kept to compare with, and a JobStore per
 * job whose results and request log live in the job's own database
 * (idbStore). A job that was running when the page went away is resumed
 * from here.
 */
import { indexedDBOf, keyRange, type IDBDatabase, type IDBRequest } from "../runtime/indexeddb";
import { done, idbStore, openLabelingDB, request } from "./idb-store";
import type { JobRecord, JobStore } from "./job";

const DB = "llmlab-labeling-jobs";
const STORE = "jobs";
const CURRENT = "current";
/** Finished runs are kept under "run:<id>". */
const RUN = "run:";

let opened: Promise<IDBDatabase> | null = null;

function database(): Promise<IDBDatabase> {
  if (!opened) {
    const factory = indexedDBOf();
    if (!factory) return Promise.reject(new Error("This browser keeps no IndexedDB."));
    const open = factory.open(DB, 1);
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
  const range = keyRange(RUN, `${RUN}\uffff`);
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

/**
 * The job's store: its record is saved as the current job (and among the
 * finished runs once done); its results and log go to its own database.
 * Close the database with `close()` when the run ends.
 */
export async function idbJobStore(id: string): Promise<JobStore & { close: () => void }> {
  const db = await openLabelingDB(id);
  return {
    results: idbStore(db),
    load: async () => {
      const current = await loadCurrentJob();
      return current?.id === id ? current : undefined;
    },
    save: saveCurrentJob,
    close: () => {
      db.close();
    },
  };
}
