/**
 * Where results and replies are kept. A ResultStore receives each item's
 * result as soon as it is final, so a crash or reload resumes where it stopped
 * (IndexedDB in the browser, a JSONL file in Node, memory in tests). A
 * ResponseCache keeps valid replies by a hash of (messages, model,
 * parameters, vote), so a re-run costs nothing.
 */
import type { ChatReply, Usage } from "./provider";

export interface ItemResult {
  id: string;
  /** "labelled": a majority of valid answers; "flagged": no valid answer (never guessed). */
  status: "labelled" | "flagged";
  /** The majority labels ([] when flagged). */
  labels: string[];
  /** Each vote's labels, or null when it gave no valid answer. */
  votes: (string[] | null)[];
  /** Each vote's last raw answer text ("" when the request failed). */
  raw: string[];
  /** Requests sent for this item (retries included; cache hits excluded). */
  requests: number;
  /** Tokens billed for this item, summed over its requests. */
  usage: Usage;
  /** Why the item is flagged, or what to know about it (e.g. its text was truncated). */
  notes: string[];
}

export interface ResultStore {
  /** Every result stored so far (one per item id; a later line for the same id wins). */
  load(): Promise<ItemResult[]>;
  append(result: ItemResult): Promise<void>;
  /** Forgets every result (start over). */
  clear(): Promise<void>;
}

export interface ResponseCache {
  get(key: string): Promise<ChatReply | undefined>;
  set(key: string, reply: ChatReply): Promise<void>;
}

/** A store in memory (tests, throwaway runs). */
export function memoryStore(initial: readonly ItemResult[] = []): ResultStore & {
  results: ItemResult[];
} {
  const results = [...initial];
  return {
    results,
    load: () => Promise.resolve(dedupeResults(results)),
    append: (result) => {
      results.push(structuredClone(result));
      return Promise.resolve();
    },
    clear: () => {
      results.length = 0;
      return Promise.resolve();
    },
  };
}

/** A cache in memory. */
export function memoryCache(): ResponseCache & { size: () => number } {
  const map = new Map<string, ChatReply>();
  return {
    size: () => map.size,
    get: (key) => Promise.resolve(map.get(key)),
    set: (key, reply) => {
      map.set(key, reply);
      return Promise.resolve();
    },
  };
}

/** One result per id, the last one written winning, in first-seen order. */
export function dedupeResults(results: readonly ItemResult[]): ItemResult[] {
  const byId = new Map<string, ItemResult>();
  for (const r of results) byId.set(r.id, r);
  return [...byId.values()];
}

/** A SHA-256 hex key for a request (Web Crypto: Node 20 and browsers). */
export async function cacheKey(parts: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(parts));
  const digest = await globalThis.crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Parses stored JSONL text: skips blank and broken lines (a crash mid-write leaves at most the last one broken). */
export function parseResultLines(text: string): ItemResult[] {
  const out: ItemResult[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      const value = JSON.parse(line) as Partial<ItemResult>;
      if (
        typeof value.id === "string" &&
        (value.status === "labelled" || value.status === "flagged")
      )
        out.push(value as ItemResult);
    } catch {
      // an incomplete last line from a crash: the item is simply redone
    }
  }
  return dedupeResults(out);
}
