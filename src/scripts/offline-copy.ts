/**
 * The page's side of the offline copy: registers the service worker
 * (src/sw/), offers a new version when one is waiting, and runs "Make the
 * whole course available offline" in the footer's panel. Only built sites
 * register it; the dev server stays uncached.
 */
import { Workbox } from "workbox-window";
import {
  cacheKey,
  downloadPlan,
  fitsInStorage,
  LAZY_CACHE,
  MANIFEST_URL,
  megabytes,
  OFFLINE_MESSAGES,
  SERVICE_WORKER_URL,
  type DownloadPlan,
  type OfflineEntry,
  type OfflineManifest,
  type OfflineMessage,
} from "@/lib/offline/index";
import { readWithProgress } from "@/lib/runtime/index";

/** How long a file may take to be checked and kept once it has arrived. */
const KEEP_TIMEOUT_MS = 60_000;

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the element type
function part<T extends HTMLElement = HTMLElement>(root: ParentNode, name: string): T {
  const el = root.querySelector<HTMLElement>(`[data-offline-part="${name}"]`);
  if (!el) throw new Error(`offline panel: no ${name}`);
  return el as T;
}

/** Resolves when the service worker reports on a file: kept, or why not. */
const waiting = new Map<string, (message: OfflineMessage) => void>();
/** Redraws the panel's figures (set once the manifest is in; a file kept by any page changes them). */
let refreshPanel: (() => void) | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;

function onWorkerMessage(panel: HTMLElement | null, banner: HTMLElement | null): void {
  navigator.serviceWorker.addEventListener("message", (event: MessageEvent<OfflineMessage>) => {
    const message = event.data;
    if (!("url" in message)) return;
    waiting.get(message.url)?.(message);
    if (message.type === OFFLINE_MESSAGES.kept && waiting.size === 0) {
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => refreshPanel?.(), 300);
    }
    if (message.type === OFFLINE_MESSAGES.stale && banner) {
      part(banner, "text").textContent =
        "The course was updated on the server since this page opened. Reload to get the new version.";
      banner.hidden = false;
    }
    if (message.type === OFFLINE_MESSAGES.quota && panel) {
      say(
        panel,
        "This browser’s storage for the site is full, so files are no longer kept for offline use. The course still works online.",
        "warn",
      );
    }
  });
}

function say(panel: HTMLElement, text: string, tone: "info" | "ok" | "warn" = "info"): void {
  const message = part(panel, "message");
  message.textContent = text;
  message.dataset["tone"] = tone;
}

async function cachedKeys(): Promise<Set<string>> {
  const cache = await caches.open(LAZY_CACHE);
  return new Set((await cache.keys()).map((request) => request.url));
}

async function currentPlan(manifest: OfflineManifest): Promise<DownloadPlan> {
  return downloadPlan(manifest, await cachedKeys(), location.origin);
}

function showPlan(panel: HTMLElement, plan: DownloadPlan): void {
  const button = part<HTMLButtonElement>(panel, "all");
  const status = part(panel, "status");
  panel.dataset["missing"] = String(plan.missing.length);
  if (plan.missing.length === 0) {
    status.textContent = `The whole course (${megabytes(plan.totalBytes)}) is available offline on this device.`;
    button.hidden = true;
    return;
  }
  status.textContent = `This browser keeps each page, and each model or data file once a page has used it. ${megabytes(plan.bytes)} of the course’s ${megabytes(plan.totalBytes)} is not kept yet.`;
  button.textContent = `Make the whole course available offline (${megabytes(plan.bytes)})`;
  button.hidden = false;
}

/** Fetches one file through the service worker and waits until it says the file is kept. */
async function fetchAndKeep(
  entry: OfflineEntry,
  onBytes: (n: number) => void,
): Promise<string | null> {
  const reported = new Promise<OfflineMessage | null>((resolve) => {
    const timer = setTimeout(() => {
      resolve(null);
    }, KEEP_TIMEOUT_MS);
    waiting.set(entry.url, (message) => {
      clearTimeout(timer);
      resolve(message);
    });
  });
  try {
    const response = await fetch(entry.url, { cache: "no-store" });
    if (!response.ok) return `${entry.url}: the server answered ${String(response.status)}`;
    let seen = 0;
    await readWithProgress(response, ({ loaded }) => {
      onBytes(loaded - seen);
      seen = loaded;
    });
    const message = await reported;
    if (message?.type === OFFLINE_MESSAGES.kept) return null;
    if (message === null) {
      // No word from the worker: look in the cache itself.
      const hit = await (await caches.open(LAZY_CACHE)).match(cacheKey(entry, location.origin));
      return hit ? null : `${entry.url}: not kept`;
    }
    return message.type === OFFLINE_MESSAGES.stale
      ? `${entry.url} on the server is from a newer version of the course (reload the page)`
      : `${entry.url}: ${"reason" in message ? message.reason : "not kept"}`;
  } catch (error) {
    return `${entry.url}: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    waiting.delete(entry.url);
  }
}

async function makeAllOffline(panel: HTMLElement, manifest: OfflineManifest): Promise<void> {
  const button = part<HTMLButtonElement>(panel, "all");
  const bar = part<HTMLProgressElement>(panel, "progress");
  const plan = await currentPlan(manifest);
  const room = fitsInStorage(plan.bytes, await navigator.storage.estimate());
  if (room && !room.fits) {
    say(
      panel,
      `The rest of the course needs ${megabytes(plan.bytes)}, but this browser allows this site only ${megabytes(room.available)} more. Nothing was downloaded; the course still works online. Free some space (or use another browser profile) and try again.`,
      "warn",
    );
    return;
  }
  await navigator.storage.persist().catch(() => false);
  button.disabled = true;
  bar.hidden = false;
  bar.max = plan.bytes;
  bar.value = 0;
  let done = 0;
  const failures: string[] = [];
  const queue = [...plan.missing];
  const step = async (): Promise<void> => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      const failure = await fetchAndKeep(entry, (n) => {
        done += n;
        bar.value = done;
        say(panel, `Downloading… ${megabytes(done)} of ${megabytes(plan.bytes)}`);
      });
      if (failure) failures.push(failure);
    }
  };
  // Two files at a time: the biggest come first, so the bar moves steadily.
  await Promise.all([step(), step()]);
  bar.hidden = true;
  button.disabled = false;
  const after = await currentPlan(manifest);
  showPlan(panel, after);
  if (failures.length === 0) say(panel, "Done: every lesson now works without a network.", "ok");
  else
    say(
      panel,
      `${String(failures.length)} file${failures.length === 1 ? "" : "s"} could not be kept (${failures.slice(0, 2).join("; ")}). Press the button to try again.`,
      "warn",
    );
}

/**
 * On a first visit the page fetches its data before the service worker takes
 * over, so nothing of it is kept. Asked again through the worker (the
 * browser's HTTP cache answers), those files are kept too.
 */
async function keepEarlierDownloads(manifest: OfflineManifest): Promise<void> {
  const lazy = new Set(manifest.lazy.map((e) => e.url));
  const cached = await cachedKeys();
  const earlier = performance
    .getEntriesByType("resource")
    .map((entry) => new URL(entry.name))
    .filter((url) => url.origin === location.origin && lazy.has(url.pathname))
    .map((url) => url.pathname);
  for (const url of new Set(earlier)) {
    const entry = manifest.lazy.find((e) => e.url === url);
    if (entry && !cached.has(cacheKey(entry, location.origin)))
      await fetch(url).then(
        (r) => r.arrayBuffer(),
        () => undefined,
      );
  }
}

async function initPanel(panel: HTMLElement): Promise<void> {
  await navigator.serviceWorker.ready;
  const response = await fetch(MANIFEST_URL);
  if (!response.ok) return;
  const manifest = (await response.json()) as OfflineManifest;
  if (navigator.serviceWorker.controller) void keepEarlierDownloads(manifest);
  else
    navigator.serviceWorker.addEventListener(
      "controllerchange",
      () => void keepEarlierDownloads(manifest),
      {
        once: true,
      },
    );
  panel.dataset["version"] = manifest.version;
  refreshPanel = () => {
    void currentPlan(manifest).then((plan) => {
      showPlan(panel, plan);
    });
  };
  showPlan(panel, await currentPlan(manifest));
  panel.hidden = false;
  part<HTMLButtonElement>(panel, "all").addEventListener("click", () => {
    void makeAllOffline(panel, manifest);
  });
}

export function initOfflineCopy(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  const panel = document.querySelector<HTMLElement>("[data-offline-panel]");
  const banner = document.querySelector<HTMLElement>("[data-update-banner]");
  const wb = new Workbox(SERVICE_WORKER_URL);
  let newVersionWaiting = false;
  wb.addEventListener("waiting", () => {
    newVersionWaiting = true;
    if (!banner) return;
    part(banner, "text").textContent = "A new version of LLM Lab is ready.";
    banner.hidden = false;
  });
  // Only a new version taking over reloads: the first install has nothing to replace.
  wb.addEventListener("controlling", (event) => {
    if (event.isUpdate) location.reload();
  });
  banner?.querySelector('[data-offline-part="reload"]')?.addEventListener("click", () => {
    // The waiting version takes over, then "controlling" reloads the page; after a
    // "stale" notice with no new version installed yet, a reload fetches it.
    if (newVersionWaiting) wb.messageSkipWaiting();
    else location.reload();
  });
  onWorkerMessage(panel, banner);
  wb.register().catch((error: unknown) => {
    console.warn("The offline copy is not available:", error);
  });
  if (panel) void initPanel(panel);
}
