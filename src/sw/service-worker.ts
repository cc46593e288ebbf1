/**
 * The course's service worker (built into dist/sw.js by scripts/postbuild/).
 * Pages, styles and small scripts are kept when it installs (Workbox's
 * precache), so every page opens offline after the first visit; models,
 * runtime, corpora and big scripts are kept the first time a page uses them,
 * each checked against its size and SHA-256 before it is stored. Every key
 * carries the file's revision, and a new version takes over only when the
 * learner says so (or on the first install, when nothing older is open), so
 * a page never mixes two deploys. The rules live in src/lib/offline/.
 */
import { clientsClaim } from "workbox-core";
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from "workbox-precaching";
import { registerRoute, setCatchHandler } from "workbox-routing";
import { NetworkOnly } from "workbox-strategies";
import {
  cacheKey,
  entryIndex,
  keptKeys,
  LAZY_CACHE,
  MANIFEST_URL,
  OFFLINE_MESSAGES,
  sha256Hex,
  type OfflineEntry,
  type OfflineManifest,
  type OfflineMessage,
} from "../lib/offline/index";

declare const self: ServiceWorkerGlobalScope;
/** Inlined by the build: the same manifest as /offline-manifest.json. */
declare const __OFFLINE_MANIFEST__: OfflineManifest;
const manifest = __OFFLINE_MANIFEST__;
const origin = self.location.origin;

precacheAndRoute(
  manifest.shell.map(({ url, revision }) => ({ url, revision })),
  {
    // Widgets keep their state in the query (?sentence=…): any query finds the page.
    ignoreURLParametersMatching: [/.*/],
    directoryIndex: "index.html",
    cleanURLs: false,
    // "/lessons/02-embeddings" (no slash) is the same page as "/lessons/02-embeddings/".
    urlManipulation: ({ url }) =>
      url.pathname.endsWith("/") || /\.[a-z0-9]+$/i.test(url.pathname)
        ? []
        : [new URL(`${url.pathname}/index.html`, url)],
  },
);
cleanupOutdatedCaches();

async function tell(message: OfflineMessage): Promise<void> {
  const clients = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  for (const client of clients) client.postMessage(message);
}

/** The headers a kept copy is served with: its decoded size, no transfer encoding. */
function keptHeaders(from: Headers, entry: OfflineEntry): Headers {
  const headers = new Headers();
  const type = from.get("content-type");
  if (type) headers.set("content-type", type);
  headers.set("content-length", String(entry.size));
  return headers;
}

/** Reads the second copy of a download and stores it if it is exactly the file the manifest names. */
async function keep(
  body: ReadableStream<Uint8Array>,
  entry: OfflineEntry,
  headers: Headers,
): Promise<void> {
  let bytes: ArrayBuffer;
  try {
    bytes = await new Response(body).arrayBuffer();
  } catch {
    return; // the download broke off: nothing is kept, the next use fetches it again
  }
  if (bytes.byteLength !== entry.size || (await sha256Hex(bytes)) !== entry.revision) {
    // The server has another version of this file than this service worker's deploy.
    await self.registration.update().catch(() => undefined);
    await tell({ type: OFFLINE_MESSAGES.stale, url: entry.url });
    return;
  }
  try {
    const cache = await caches.open(LAZY_CACHE);
    await cache.put(cacheKey(entry, origin), new Response(bytes, { headers }));
    await tell({ type: OFFLINE_MESSAGES.kept, url: entry.url });
  } catch (error) {
    const quota = error instanceof DOMException && error.name === "QuotaExceededError";
    await tell({
      type: quota ? OFFLINE_MESSAGES.quota : OFFLINE_MESSAGES.failed,
      url: entry.url,
      reason: error instanceof Error ? error.message : String(error),
    });
  }
}

// The page reads the manifest of the worker that serves it, never a newer deploy's.
registerRoute(
  ({ url }) => url.origin === origin && url.pathname === MANIFEST_URL,
  () =>
    Promise.resolve(
      new Response(JSON.stringify(manifest), { headers: { "content-type": "application/json" } }),
    ),
);

const lazy = entryIndex(manifest.lazy);
registerRoute(
  ({ url, request }) => url.origin === origin && request.method === "GET" && lazy.has(url.pathname),
  async ({ url, request, event }) => {
    const entry = lazy.get(url.pathname) as OfflineEntry;
    const cache = await caches.open(LAZY_CACHE);
    const hit = await cache.match(cacheKey(entry, origin));
    if (hit) return hit;
    const response = await fetch(request);
    if (!response.ok || !response.body || request.headers.has("range")) return response;
    const headers = keptHeaders(response.headers, entry);
    const [forPage, forCache] = response.body.tee();
    event.waitUntil(keep(forCache, entry, headers));
    return new Response(forPage, {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  },
);

// Any other page is the network's to answer; offline, it gets the site's own
// "not found" page (with the lesson list) instead of the browser's error.
registerRoute(({ request }) => request.mode === "navigate", new NetworkOnly());
setCatchHandler(async ({ request }) => {
  if (request.mode === "navigate") {
    const page = await matchPrecache("/404.html");
    if (page) return new Response(page.body, { status: 404, headers: page.headers });
  }
  return Response.error();
});

self.addEventListener("install", () => {
  // The first version takes over at once: there is no older one for a page to mix with.
  if (!self.registration.active) void self.skipWaiting();
});
clientsClaim();

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const kept = keptKeys(manifest.lazy, origin);
      const cache = await caches.open(LAZY_CACHE);
      for (const request of await cache.keys())
        if (!kept.has(request.url)) await cache.delete(request);
    })(),
  );
});

self.addEventListener("message", (event) => {
  const data = event.data as { type?: unknown } | null;
  if (data?.type === OFFLINE_MESSAGES.skipWaiting) void self.skipWaiting();
});
