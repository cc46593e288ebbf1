/**
 * The learner's API key for OpenAI-compatible servers, shared by the widgets
 * that call one: kept in sessionStorage (this tab only) unless the learner
 * ticks "remember" (localStorage). It is never put in a URL, an export or a log.
 */
const KEY = "llmlab:api-key";

export function storedKey(): { key: string; remembered: boolean } {
  try {
    const remembered = localStorage.getItem(KEY);
    if (remembered) return { key: remembered, remembered: true };
    return { key: sessionStorage.getItem(KEY) ?? "", remembered: false };
  } catch {
    return { key: "", remembered: false };
  }
}

/** Keeps the key for this tab, or on this device when `remember` is set; an empty key forgets it. */
export function storeKey(key: string, remember: boolean): void {
  try {
    localStorage.removeItem(KEY);
    sessionStorage.removeItem(KEY);
    if (!key) return;
    (remember ? localStorage : sessionStorage).setItem(KEY, key);
  } catch {
    // storage blocked: the key stays in the input only
  }
}
