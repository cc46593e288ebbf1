/**
 * Result store and response cache in IndexedDB, for the browser: each result
 * is written in its own transaction as it arrives, so a reload resumes the
 * job with nothing lost or repeated. One database per job name.
 */
import type { IDBDatabase, IDBFactory, IDBRequest, IDBTransaction } from "../runtime/indexeddb";
import type { ChatReply } from "./provider";
import type { AttemptEvent, ItemResult, ResponseCache, ResultStore } from "./store";

const RESULTS = "results";
const CACHE = "cache";
const LOG = "log";

/** An IndexedDB request as a promise. */
export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => {
      resolve(req.result);
    };
    req.onerror = () => {
      reject(req.error ?? new Error("IndexedDB request failed"));
    };
  });
}

/** Resolves when a transaction commits; rejects if it fails or aborts. */
export function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => {
      resolve();
    };
    tx.onerror = () => {
      reject(tx.error ?? new Error("IndexedDB transaction failed"));
    };
    tx.onabort = () => {
      reject(tx.error ?? new Error("IndexedDB transaction aborted"));
    };
  });
}

/** Opens (creating if needed) the job's database. */
export async function openLabelingDB(
  name: string,
  factory: IDBFactory = (globalThis as unknown as { indexedDB: IDBFactory }).indexedDB,
): Promise<IDBDatabase> {
  // version 2 added the request log
  const open = factory.open(`labeling:${name}`, 2);
  open.onupgradeneeded = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains(RESULTS)) db.createObjectStore(RESULTS, { keyPath: "id" });
    if (!db.objectStoreNames.contains(CACHE)) db.createObjectStore(CACHE);
    if (!db.objectStoreNames.contains(LOG)) db.createObjectStore(LOG, { autoIncrement: true });
  };
  // an older tab holding the previous version would leave this open forever: say so
  const blocked = new Promise<never>((_, reject) => {
    (open as { onblocked?: (() => unknown) | null }).onblocked = () => {
      reject(
        new Error(
          "Another tab of this course holds an older copy of the labeling store: close the other tabs of this page, then reload.",
        ),
      );
    };
  });
  const db = await Promise.race([request(open), blocked]);
  // let a newer version of the course upgrade the store: close this connection when asked
  (db as { onversionchange?: (() => unknown) | null }).onversionchange = () => {
    db.close();
  };
  return db;
}

/** Results keyed by item id: writing an id again replaces it, so there is never more than one per item. */
export function idbStore(db: IDBDatabase): ResultStore {
  return {
    async load() {
      const tx = db.transaction(RESULTS, "readonly");
      const all = await request(tx.objectStore(RESULTS).getAll() as IDBRequest<ItemResult[]>);
      return all;
    },
    async append(result) {
      const tx = db.transaction(RESULTS, "readwrite");
      tx.objectStore(RESULTS).put(result);
      await done(tx);
    },
    async log(event) {
      const tx = db.transaction(LOG, "readwrite");
      tx.objectStore(LOG).add(event);
      await done(tx);
    },
    async loadLog() {
      const tx = db.transaction(LOG, "readonly");
      return request(tx.objectStore(LOG).getAll() as IDBRequest<AttemptEvent[]>);
    },
    async clear() {
      const tx = db.transaction([RESULTS, LOG], "readwrite");
      tx.objectStore(RESULTS).clear();
      tx.objectStore(LOG).clear();
      await done(tx);
    },
  };
}

export function idbCache(db: IDBDatabase): ResponseCache {
  return {
    async get(key) {
      const tx = db.transaction(CACHE, "readonly");
      return (
        (await request(tx.objectStore(CACHE).get(key) as IDBRequest<ChatReply | undefined>)) ??
        undefined
      );
    },
    async set(key, reply) {
      const tx = db.transaction(CACHE, "readwrite");
      tx.objectStore(CACHE).put(reply, key);
      await done(tx);
    },
  };
}
