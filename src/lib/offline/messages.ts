/** What the service worker and the pages tell each other (postMessage). */
export const OFFLINE_MESSAGES = {
  /** Page → worker: take over now (the learner pressed "Reload to update"). */
  skipWaiting: "SKIP_WAITING",
  /** Worker → pages: a file was checked and kept. */
  kept: "llmlab:kept",
  /** Worker → pages: the server sent a file that is not this version's (a newer deploy). */
  stale: "llmlab:stale",
  /** Worker → pages: the browser's storage is full; the file was served but not kept. */
  quota: "llmlab:quota",
  /** Worker → pages: the file could not be kept for another reason. */
  failed: "llmlab:failed",
} as const;

export type OfflineMessage =
  | { type: typeof OFFLINE_MESSAGES.skipWaiting }
  | { type: typeof OFFLINE_MESSAGES.kept | typeof OFFLINE_MESSAGES.stale; url: string }
  | {
      type: typeof OFFLINE_MESSAGES.quota | typeof OFFLINE_MESSAGES.failed;
      url: string;
      reason: string;
    };
