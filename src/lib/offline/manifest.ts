/**
 * The offline copy of the course: which files a service worker keeps, under
 * which cache keys, and what is still missing. Framework-free, so the service
 * worker, the page's "available offline" button, the build script and the
 * unit tests share one set of rules.
 *
 * Two kinds of file:
 * - the shell (pages, styles, small scripts, icons), kept when the service
 *   worker installs, so every page opens offline after the first visit;
 * - the rest (models, the runtime, corpora, big script chunks), kept the first
 *   time a page uses it, or all at once on request.
 *
 * Every file carries its revision (a SHA-256 of its bytes) and size, and its
 * cache key includes the revision, so a new deploy never finds an old copy
 * under the new name: the service worker of version B serves only B's files,
 * and deletes A's when it takes over.
 */

export interface OfflineEntry {
  /** The URL path, e.g. "/generated/models/use-lite/onnx/model_quantized.onnx". */
  url: string;
  /** SHA-256 of the file's bytes, hex. */
  revision: string;
  /** The file's size in bytes (before any Content-Encoding). */
  size: number;
  /**
   * Not part of "the whole course": kept only if a page asks for it (the fp32
   * model beside a quantised default, which a learner may select).
   */
  optional?: true;
}

export interface OfflineManifest {
  /** One hash over every entry: a new deploy with any changed file has a new version. */
  version: string;
  /** Kept on install. */
  shell: OfflineEntry[];
  /** Kept on first use, or by "Make the whole course available offline". */
  lazy: OfflineEntry[];
}

/** The cache for the files kept on first use (the shell lives in Workbox's precache). */
export const LAZY_CACHE = "llmlab-lazy";
/** Where the build writes the manifest that the page reads (the service worker has its own copy inlined). */
export const MANIFEST_URL = "/offline-manifest.json";
/** The service worker's URL (scope: the whole site). */
export const SERVICE_WORKER_URL = "/sw.js";

const REVISION_PARAM = "__llmlab_rev";

/** The key a file is cached under: its URL with its revision (absolute, as the Cache API stores it). */
export function cacheKey(entry: Pick<OfflineEntry, "url" | "revision">, origin: string): string {
  const url = new URL(entry.url, origin);
  url.searchParams.set(REVISION_PARAM, entry.revision);
  return url.href;
}

/** Whether a cached key belongs to one of these entries (anything else is left over from an old deploy). */
export function keptKeys(entries: readonly OfflineEntry[], origin: string): Set<string> {
  return new Set(entries.map((e) => cacheKey(e, origin)));
}

/** The entry for a request's URL path, if the manifest has it. */
export function entryIndex(entries: readonly OfflineEntry[]): Map<string, OfflineEntry> {
  return new Map(entries.map((e) => [e.url, e]));
}

export interface DownloadPlan {
  /** Lazy files not cached yet, biggest first (the progress bar moves in bytes). */
  missing: OfflineEntry[];
  /** Their total size. */
  bytes: number;
  /** The whole offline copy's size (shell and lazy files). */
  totalBytes: number;
}

/** What "Make the whole course available offline" still has to fetch, given the keys already cached. */
export function downloadPlan(
  manifest: OfflineManifest,
  cached: ReadonlySet<string>,
  origin: string,
): DownloadPlan {
  const missing = manifest.lazy
    .filter((e) => !e.optional && !cached.has(cacheKey(e, origin)))
    .sort((a, b) => b.size - a.size || a.url.localeCompare(b.url));
  const sum = (list: readonly OfflineEntry[]): number => list.reduce((n, e) => n + e.size, 0);
  return {
    missing,
    bytes: sum(missing),
    totalBytes: sum(manifest.shell) + sum(manifest.lazy.filter((e) => !e.optional)),
  };
}

/** "27.3 MB" (decimal megabytes, one decimal; "0.4 MB" for small files). */
export function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/**
 * Whether the storage left is enough for `needed` bytes, with a 10 % margin
 * for the browser's own bookkeeping; null when the browser does not say.
 */
export function fitsInStorage(
  needed: number,
  estimate: { quota?: number | undefined; usage?: number | undefined } | undefined,
): { fits: boolean; available: number } | null {
  if (estimate?.quota === undefined) return null;
  const available = Math.max(0, estimate.quota - (estimate.usage ?? 0));
  return { fits: needed * 1.1 <= available, available };
}

/** Hex SHA-256 of some bytes with Web Crypto (browsers, workers and Node 20 all have it). */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const digest = await crypto.subtle.digest("SHA-256", view.slice());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Which manifest list a built file belongs in. */
export function isShellFile(url: string, size: number): boolean {
  if (url.startsWith("/generated/") || url.startsWith("/pagefind/")) return false;
  if (url.endsWith(".html") || url.endsWith(".css") || url.endsWith(".svg")) return true;
  if (url.endsWith(".webmanifest") || url.endsWith(".png") || url.endsWith(".ico")) return true;
  // Page scripts are small; the code editor, tokenizers and their workers are kept on first use.
  return (url.endsWith(".js") || url.endsWith(".mjs")) && size <= SHELL_SCRIPT_LIMIT;
}

/**
 * Whether a built file is optional: an fp32 original whose quantised sibling
 * is what the site loads by default (model.onnx beside model_quantized.onnx,
 * lens.bin beside lens_quantized.bin); `?precision=fp32` still loads it.
 */
export function isOptionalFile(url: string, urls: ReadonlySet<string>): boolean {
  const quantised = url.endsWith("/onnx/model.onnx")
    ? url.replace(/model\.onnx$/, "model_quantized.onnx")
    : url.endsWith("/lens.bin")
      ? url.replace(/lens\.bin$/, "lens_quantized.bin")
      : null;
  return quantised !== null && urls.has(quantised);
}

/** Scripts up to this size are part of the shell. */
export const SHELL_SCRIPT_LIMIT = 200_000;
