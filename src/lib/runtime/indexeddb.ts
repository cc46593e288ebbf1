/**
 * IndexedDB's types for library code. src/lib is type-checked without browser
 * globals (tsconfig.lib.json), where IndexedDB's types do not exist; code that
 * stores in IndexedDB imports them from here instead. Where the program has
 * them (the site's config, with the DOM) these are the runtime's own types, so
 * values pass freely between the library and the pages; elsewhere they are the
 * small structural subset below, which is what the library relies on.
 */

type Scope = typeof globalThis;

interface RequestSubset<T> {
  readonly result: T;
  readonly error: Error | null;
  onsuccess: (() => unknown) | null;
  onerror: (() => unknown) | null;
}

interface OpenRequestSubset extends RequestSubset<DatabaseSubset> {
  onupgradeneeded: (() => unknown) | null;
}

interface ObjectStoreSubset {
  get(key: string): RequestSubset<unknown>;
  getAll(query?: unknown): RequestSubset<unknown[]>;
  put(value: unknown, key?: string): RequestSubset<unknown>;
  add(value: unknown, key?: string): RequestSubset<unknown>;
  delete(key: string): RequestSubset<undefined>;
  clear(): RequestSubset<undefined>;
}

interface TransactionSubset {
  readonly error: Error | null;
  oncomplete: (() => unknown) | null;
  onerror: (() => unknown) | null;
  onabort: (() => unknown) | null;
  objectStore(name: string): ObjectStoreSubset;
}

interface DatabaseSubset {
  readonly objectStoreNames: { contains(name: string): boolean };
  createObjectStore(
    name: string,
    options?: { keyPath?: string; autoIncrement?: boolean },
  ): ObjectStoreSubset;
  transaction(stores: string | string[], mode?: "readonly" | "readwrite"): TransactionSubset;
  close(): void;
}

interface FactorySubset {
  open(name: string, version?: number): OpenRequestSubset;
}

/** What `new C()` makes, for a global class C of the runtime. */
type InstanceOf<K extends string, Fallback> =
  Scope extends Record<K, { prototype: infer I }> ? I : Fallback;

export type IDBFactory = InstanceOf<"IDBFactory", FactorySubset>;
export type IDBDatabase = InstanceOf<"IDBDatabase", DatabaseSubset>;
export type IDBTransaction = InstanceOf<"IDBTransaction", TransactionSubset>;
export type KeyRange = InstanceOf<"IDBKeyRange", object>;
/** A request whose result is a T. */
export type IDBRequest<T> =
  Scope extends Record<"IDBRequest", { prototype: infer R }>
    ? Omit<R, "result"> & { readonly result: T }
    : RequestSubset<T>;

/** The runtime's IndexedDB (undefined where there is none, e.g. Node). */
export const indexedDBOf = (): IDBFactory | undefined =>
  (globalThis as unknown as { indexedDB?: IDBFactory }).indexedDB;

/** A key range from `lower` to `upper`, both included (IDBKeyRange.bound). */
export function keyRange(lower: string, upper: string): KeyRange {
  const range = (
    globalThis as unknown as { IDBKeyRange?: { bound(a: string, b: string): KeyRange } }
  ).IDBKeyRange;
  if (!range) throw new Error("IndexedDB is not available here.");
  return range.bound(lower, upper);
}
