/**
 * What cell code may not reach in its sandbox worker, and the worker's own
 * ways around it. Imported first by sandbox.worker.ts, so it runs before any
 * cell: it keeps private references to postMessage and fetch, then
 *  - limits fetch to this site's own origin (the lab library loads the
 *    course's models and data from it; any other host is refused),
 *  - removes WebSocket, EventSource, XMLHttpRequest, importScripts, nested
 *    workers, BroadcastChannel, IndexedDB and the Cache API,
 *  - replaces postMessage, so a cell cannot talk to the page; the page also
 *    drops any message without the run's secret token (sandbox-client.ts).
 */

type Post = (message: unknown) => void;

const scope = globalThis as unknown as Record<string, unknown> & {
  postMessage: Post;
  location: { origin: string; href: string };
};

const realPost: Post = scope.postMessage.bind(globalThis);
const realFetch = globalThis.fetch.bind(globalThis);

export class SandboxBlocked extends Error {
  override name = "SandboxBlocked";
}

/** Sends a message to the page (the worker's channel, not the cell's). */
export function sendToPage(message: unknown): void {
  realPost(message);
}

function sameOrigin(input: RequestInfo | URL): boolean {
  const url =
    typeof input === "string"
      ? new URL(input, scope.location.href)
      : input instanceof URL
        ? input
        : new URL(input.url);
  return url.origin === scope.location.origin;
}

/** fetch for this site's own files only. */
function guardedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  if (!sameOrigin(input))
    return Promise.reject(
      new SandboxBlocked(
        "Code cells have no network: only this site's own files can be read (the lab library loads them for you).",
      ),
    );
  return realFetch(input, init);
}

const BLOCKED = [
  "WebSocket",
  "WebSocketStream",
  "EventSource",
  "XMLHttpRequest",
  "importScripts",
  "Worker",
  "SharedWorker",
  "BroadcastChannel",
  "indexedDB",
  "caches",
  "WebTransport",
];

export function lockDown(): void {
  Object.defineProperty(globalThis, "fetch", { value: guardedFetch, writable: false });
  for (const name of BLOCKED) {
    const blocked = (): never => {
      throw new SandboxBlocked(
        `Code cells cannot use ${name}: the sandbox has no network or storage.`,
      );
    };
    try {
      Object.defineProperty(globalThis, name, { get: blocked, configurable: false });
    } catch {
      /* not defined in this browser */
    }
  }
  const blockedPost = (): never => {
    throw new SandboxBlocked(
      "Code cells cannot post messages: results reach the page through the cell's export.",
    );
  };
  Object.defineProperty(globalThis, "postMessage", { value: blockedPost, writable: false });
  // The same method on the worker scope's prototype.
  const proto = Object.getPrototypeOf(globalThis) as Record<string, unknown> | null;
  if (proto && "postMessage" in proto)
    Object.defineProperty(proto, "postMessage", { value: blockedPost, writable: false });
}
