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
  /**
   * Why a flagged item has no label: "transient" (the server kept failing:
   * 429, 5xx, timeouts; worth retrying), "invalid" (the model's answers were
   * not a valid label), "fatal" (a request the server refused). Absent on
   * labelled items and on results stored before this field existed.
   */
  flag?: FlagCause;
}

export type FlagCause = "transient" | "invalid" | "fatal";

/**
 * Why a flagged result has no label; results stored before `flag` existed
 * get it from their notes ("no valid label after …" is an invalid answer).
 */
export function flagCause(result: ItemResult): FlagCause | undefined {
  if (result.status !== "flagged") return undefined;
  if (result.flag) return result.flag;
  return result.notes.some((n) => n.includes("no valid label after")) ? "invalid" : "transient";
}

/**
 * One line of a job's request log, written as it happens: "sent" before a
 * request goes out, "answered" with its billed tokens as soon as a reply is
 * in, "failed" when the server refused it or could not be reached. A crash
 * therefore loses no request and no billed reply from the count, even for an
 * item that had no final result yet; a "sent" with neither was in flight
 * when the run stopped (the server may have billed it).
 */
export type AttemptEvent =
  | { id: string; vote: number; kind: "sent" }
  | { id: string; vote: number; kind: "answered"; usage: Usage | null }
  | { id: string; vote: number; kind: "failed" };

export interface ResultStore {
  /** Every result stored so far (one per item id; a later line for the same id wins). */
  load(): Promise<ItemResult[]>;
  append(result: ItemResult): Promise<void>;
  /** Records a request or a reply (see AttemptEvent). */
  log(event: AttemptEvent): Promise<void>;
  /** Every request and reply logged so far. */
  loadLog(): Promise<AttemptEvent[]>;
  /** Forgets every result and the log (start over). */
  clear(): Promise<void>;
}

/** Which flagged results a retry asks again: "transient" ones (the server kept failing), or "all". */
export type RetryMode = "transient" | "all";

/** True when `mode` asks this result again. */
export function retriedBy(result: ItemResult, mode: RetryMode | undefined): boolean {
  return (
    result.status === "flagged" &&
    (mode === "all" || (mode === "transient" && flagCause(result) === "transient"))
  );
}

/** Adds b's tokens to a (a reply without usage adds nothing). */
export function addUsage(a: Usage, b: Usage | null): void {
  if (!b) return;
  a.input += b.input;
  a.cachedInput += b.cachedInput;
  a.output += b.output;
}

/** Requests and billed tokens per item id, summed from a log. */
export function logTotals(
  events: readonly AttemptEvent[],
): Map<string, { requests: number; unanswered: number; usage: Usage }> {
  const out = new Map<string, { requests: number; unanswered: number; usage: Usage }>();
  for (const e of events) {
    let entry = out.get(e.id);
    if (!entry) {
      entry = { requests: 0, unanswered: 0, usage: { input: 0, cachedInput: 0, output: 0 } };
      out.set(e.id, entry);
    }
    if (e.kind === "sent") {
      entry.requests++;
      entry.unanswered++;
      continue;
    }
    entry.unanswered--;
    if (e.kind === "answered") addUsage(entry.usage, e.usage);
  }
  return out;
}

export interface ResponseCache {
  get(key: string): Promise<ChatReply | undefined>;
  set(key: string, reply: ChatReply): Promise<void>;
}

/** A store in memory (tests, throwaway runs). */
export function memoryStore(initial: readonly ItemResult[] = []): ResultStore & {
  results: ItemResult[];
  events: AttemptEvent[];
} {
  const results = [...initial];
  const events: AttemptEvent[] = [];
  return {
    results,
    events,
    load: () => Promise.resolve(dedupeResults(results)),
    append: (result) => {
      results.push(structuredClone(result));
      return Promise.resolve();
    },
    log: (event) => {
      events.push(structuredClone(event));
      return Promise.resolve();
    },
    loadLog: () => Promise.resolve([...events]),
    clear: () => {
      results.length = 0;
      events.length = 0;
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
  return parseStoreLines(text).results;
}

/** Results and log events from JSONL text (log lines are {"event": …}). */
export function parseStoreLines(text: string): { results: ItemResult[]; events: AttemptEvent[] } {
  const out: ItemResult[] = [];
  const events: AttemptEvent[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      const value = JSON.parse(line) as Partial<ItemResult> & { event?: AttemptEvent };
      if (value.event && typeof value.event.id === "string") events.push(value.event);
      else if (
        typeof value.id === "string" &&
        (value.status === "labelled" || value.status === "flagged")
      )
        out.push(value as ItemResult);
    } catch {
      // an incomplete last line from a crash: the item is simply redone
    }
  }
  return { results: dedupeResults(out), events };
}
