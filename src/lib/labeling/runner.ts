/**
 * The job runner: labels items through a ChatProvider with a concurrency
 * limit, requests- and tokens-per-minute limits, retries with exponential
 * backoff and jitter (honouring Retry-After) on 429, 5xx, timeouts and dropped
 * connections, re-asks on invalid answers, cancellation, a response cache,
 * and a store that receives each item's result as soon as it is final. Items
 * already in the store are skipped, so a crashed or cancelled job resumes
 * without losing or repeating work. Every request is logged before it is
 * sent and every reply as soon as it is in, so the requests and tokens of a
 * run that crashed are still counted. A rejected key (401), an unknown model
 * or a server that cannot be reached pauses the job with a message; nothing
 * is lost. Items flagged after transient failures can be retried.
 */
import { majorityVote, parseAnswer } from "./answer";
import {
  backoffDelay,
  RateLimiter,
  sleep as realSleep,
  type BackoffOptions,
  type Sleep,
} from "./pacing";
import { buildMessages, responseSchema, type ChatMessage } from "./prompt";
import { ProviderError, type ChatProvider, type ChatReply, type Usage } from "./provider";
import {
  addUsage,
  cacheKey,
  logTotals,
  retriedBy,
  type FlagCause,
  type ItemResult,
  type ResponseCache,
  type ResultStore,
  type RetryMode,
} from "./store";
import { LabelingError, validateTask, type LabelItem, type TaskSpec } from "./task";

export interface JobOptions {
  task: TaskSpec;
  items: readonly LabelItem[];
  provider: ChatProvider;
  store: ResultStore;
  cache?: ResponseCache;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  requestsPerMinute?: number;
  tokensPerMinute?: number;
  /** Retries of a request after 429/5xx/timeouts (default 5). */
  maxRetries?: number;
  /** Re-asks after an answer that is not a valid label (default 2). */
  invalidRetries?: number;
  backoff?: BackoffOptions;
  /** Input tokens allowed per request (the context window); longer texts are truncated and noted. */
  maxInputTokens?: number;
  /**
   * Which flagged items of an earlier run are asked again: "transient" (the
   * server kept failing), "all" (invalid answers too), or none (default).
   */
  retryFlagged?: RetryMode;
  /** Failures with no answer from the server (refused, unreachable, timed out) before the job stops early (default 3). */
  unreachableAfter?: number;
  signal?: AbortSignal;
  random?: () => number;
  sleep?: Sleep;
  now?: () => number;
  onResult?: (result: ItemResult, progress: JobProgress) => void;
  onRetry?: (event: RetryEvent) => void;
}

export interface JobProgress {
  total: number;
  done: number;
  flagged: number;
  retrying: number;
  /** Requests sent in this run (retries included). */
  requests: number;
  usage: Usage;
}

export interface RetryEvent {
  id: string;
  vote: number;
  attempt: number;
  delayMs: number;
  reason: string;
  /** Requests waiting to be retried, this one included. */
  retrying: number;
}

export interface JobSummary {
  /** "done": every item has a result; "cancelled": stopped by the signal; "paused": the provider refused or could not be reached (see message). */
  status: "done" | "cancelled" | "paused";
  /** Why a paused job stopped: "auth" (key rejected), "model" (unknown model), "unreachable" (no answer from the server). */
  cause?: "auth" | "model" | "unreachable";
  message: string;
  results: ItemResult[];
  progress: JobProgress;
}

class Stop extends Error {}

/** Counts a chat request's input tokens (countChatTokens in ./tokens). */
export type CountChatTokens = (messages: readonly ChatMessage[], model: string) => number;

/**
 * The messages for an item, its text cut (and a note added) when over
 * maxInputTokens. Without a counter (no limit needs one), tokens is 0.
 */
export function fitMessages(
  task: TaskSpec,
  item: LabelItem,
  maxInputTokens: number | undefined,
  count: CountChatTokens | null,
): { messages: ChatMessage[]; tokens: number; truncated: boolean } {
  let messages = buildMessages(task, item);
  if (!count) return { messages, tokens: 0, truncated: false };
  let tokens = count(messages, task.model);
  if (maxInputTokens === undefined || tokens <= maxInputTokens)
    return { messages, tokens, truncated: false };
  let text = item.text;
  while (tokens > maxInputTokens && text.length > 0) {
    const keep = Math.floor(text.length * Math.min(0.95, maxInputTokens / tokens));
    text = text.slice(0, keep);
    messages = buildMessages(task, { ...item, text });
    tokens = count(messages, task.model);
  }
  return { messages, tokens, truncated: true };
}

export async function runJob(options: JobOptions): Promise<JobSummary> {
  const task = validateTask(options.task);
  const { provider, store, cache } = options;
  const random = options.random ?? Math.random;
  const wait = options.sleep ?? realSleep;
  const maxRetries = options.maxRetries ?? 5;
  const invalidRetries = options.invalidRetries ?? 2;
  const ids = new Set<string>();
  for (const item of options.items) {
    if (ids.has(item.id)) throw new LabelingError(`The item id “${item.id}” appears twice.`);
    ids.add(item.id);
  }
  const retry = (r: ItemResult): boolean => retriedBy(r, options.retryFlagged);
  const stored = (await store.load()).filter((r) => ids.has(r.id));
  const previous = stored.filter((r) => !retry(r));
  /** Results being asked again: their counts are the base when the log has none (older stores). */
  const retried = new Map(stored.filter(retry).map((r) => [r.id, r]));
  const earlier = logTotals(await store.loadLog());
  const results = new Map(previous.map((r) => [r.id, r]));
  const queue = options.items.filter((item) => !results.has(item.id));
  const progress: JobProgress = {
    total: options.items.length,
    done: results.size,
    flagged: previous.filter((r) => r.status === "flagged").length,
    retrying: 0,
    requests: 0,
    usage: { input: 0, cachedInput: 0, output: 0 },
  };
  const inner = new AbortController();
  const stopped = (): boolean => inner.signal.aborted;
  // one controller per wait or request, so no signal collects many listeners
  const live = new Set<AbortController>();
  const guarded = async <T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const controller = new AbortController();
    if (stopped()) controller.abort(new Stop("stopped"));
    live.add(controller);
    try {
      return await work(controller.signal);
    } finally {
      live.delete(controller);
    }
  };
  const stopAll = (): void => {
    inner.abort(new Stop("stopped"));
    for (const controller of live) controller.abort(new Stop("stopped"));
  };
  options.signal?.addEventListener("abort", stopAll, { once: true });
  if (options.signal?.aborted) stopAll();
  let paused = "";
  let cause: JobSummary["cause"];
  const pause = (message: string, why: NonNullable<JobSummary["cause"]>): void => {
    if (!paused) {
      paused = message;
      cause = why;
    }
    stopAll();
  };
  /** True once the server answered anything (a reply or an HTTP error). */
  let reached = false;
  let unanswered = 0;
  const unreachableAfter = options.unreachableAfter ?? 3;
  const rpm = options.requestsPerMinute
    ? new RateLimiter(options.requestsPerMinute, options.now, wait)
    : null;
  const tpm = options.tokensPerMinute
    ? new RateLimiter(options.tokensPerMinute, options.now, wait)
    : null;
  const schema = responseSchema(task);
  const maxOut = task.parameters.max_completion_tokens ?? 50;
  // the tokenizers (about 1 MB gzip in a browser) load only when a limit needs token counts
  const count: CountChatTokens | null =
    options.maxInputTokens !== undefined || options.tokensPerMinute
      ? (await import("./tokens")).countChatTokens
      : null;

  async function askVote(
    item: LabelItem,
    vote: number,
    messages: ChatMessage[],
    tokens: number,
    result: ItemResult,
  ): Promise<FlagCause | null> {
    const key = cache
      ? await cacheKey({ messages, model: task.model, parameters: task.parameters, schema, vote })
      : "";
    const hit = cache ? await cache.get(key) : undefined;
    if (hit) {
      result.raw[vote] = hit.content;
      result.votes[vote] = parseAnswer(hit.content, task);
      return null;
    }
    let failures = 0;
    let invalid = 0;
    for (;;) {
      if (stopped()) throw new Stop();
      if (rpm) await guarded((signal) => rpm.take(1, signal));
      if (tpm) await guarded((signal) => tpm.take(tokens + maxOut, signal));
      let reply: ChatReply;
      // logged before the request goes out (a storage error here is no network failure)
      await store.log({ id: item.id, vote, kind: "sent" });
      result.requests++;
      progress.requests++;
      try {
        reply = await guarded((signal) =>
          provider.complete(
            { model: task.model, messages, parameters: task.parameters, schema },
            signal,
          ),
        );
      } catch (error) {
        if (stopped()) throw new Stop();
        await store.log({ id: item.id, vote, kind: "failed" });
        // a LabelingError that is no server's answer is a broken setup (e.g. an encoder that
        // gave no embedding): the job stops with it instead of retrying or guessing
        if (error instanceof LabelingError && !(error instanceof ProviderError)) throw error;
        const failure =
          error instanceof ProviderError ? error : new ProviderError(String(error), "retry");
        if (failure.status !== undefined) reached = true;
        if (failure.kind === "auth" || (failure.kind === "fatal" && failure.status === 404)) {
          pause(failure.message, failure.kind === "auth" ? "auth" : "model");
          throw new Stop();
        }
        // only connections never made count: a timeout may be a slow server loading a model
        if (failure.unreachable && !reached) {
          unanswered++;
          if (unanswered >= unreachableAfter) {
            pause(
              `${failure.message} ${unanswered} requests could not connect at all, so the job stopped early instead of retrying for minutes. ` +
                "Check the base URL (OpenAI's is https://api.openai.com/v1), that the server is running, and this device's network. The job is paused; nothing is lost.",
              "unreachable",
            );
            throw new Stop();
          }
        }
        if (failure.kind === "fatal" || failures >= maxRetries) {
          result.raw[vote] = "";
          result.votes[vote] = null;
          result.notes.push(
            `vote ${vote + 1}: ${failure.message} (after ${failures + 1} attempts)`,
          );
          return failure.kind === "fatal" ? "fatal" : "transient";
        }
        const delayMs = backoffDelay(failures, options.backoff ?? {}, random, failure.retryAfterMs);
        failures++;
        progress.retrying++;
        options.onRetry?.({
          id: item.id,
          vote,
          attempt: failures,
          delayMs,
          reason: failure.message,
          retrying: progress.retrying,
        });
        try {
          await guarded((signal) => wait(delayMs, signal));
        } catch {
          throw new Stop();
        } finally {
          progress.retrying--;
        }
        continue;
      }
      reached = true;
      addUsage(result.usage, reply.usage);
      addUsage(progress.usage, reply.usage);
      await store.log({ id: item.id, vote, kind: "answered", usage: reply.usage });
      result.raw[vote] = reply.content;
      const labels = parseAnswer(reply.content, task);
      if (labels) {
        result.votes[vote] = labels;
        await cache?.set(key, reply);
        return null;
      }
      if (invalid >= invalidRetries) {
        result.votes[vote] = null;
        result.notes.push(`vote ${vote + 1}: no valid label after ${invalid + 1} answers`);
        return "invalid";
      }
      invalid++;
    }
  }

  async function labelItem(item: LabelItem): Promise<void> {
    const { messages, tokens, truncated } = fitMessages(task, item, options.maxInputTokens, count);
    // requests and tokens of earlier runs (a crash, a retried flag) stay counted
    const old = retried.get(item.id);
    const before =
      earlier.get(item.id) ?? (old ? { requests: old.requests, usage: old.usage } : undefined);
    const result: ItemResult = {
      id: item.id,
      status: "flagged",
      labels: [],
      votes: [],
      raw: [],
      requests: before?.requests ?? 0,
      usage: { ...(before?.usage ?? { input: 0, cachedInput: 0, output: 0 }) },
      notes: truncated ? ["text truncated to fit the context window"] : [],
    };
    const causes: FlagCause[] = [];
    for (let vote = 0; vote < task.votes; vote++) {
      const failed = await askVote(item, vote, messages, tokens, result);
      if (failed) causes.push(failed);
    }
    const valid = result.votes.filter((v): v is string[] => v !== null);
    if (valid.length > 0) {
      result.status = "labelled";
      result.labels = majorityVote(valid, task);
    } else {
      // transient when any vote failed for a reason that may pass
      result.flag = causes.includes("transient")
        ? "transient"
        : causes.includes("fatal")
          ? "fatal"
          : "invalid";
    }
    if (stopped()) throw new Stop();
    await store.append(result);
    results.set(item.id, result);
    progress.done++;
    if (result.status === "flagged") progress.flagged++;
    options.onResult?.(result, { ...progress, usage: { ...progress.usage } });
  }

  let next = 0;
  async function worker(): Promise<void> {
    while (next < queue.length && !stopped()) {
      const item = queue[next++] as LabelItem;
      try {
        await labelItem(item);
      } catch (error) {
        if (error instanceof Stop) return;
        stopAll();
        throw error;
      }
    }
  }
  const workers = Math.max(1, Math.min(options.concurrency ?? 4, queue.length || 1));
  try {
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    options.signal?.removeEventListener("abort", stopAll);
  }
  const ordered = options.items.flatMap((item) => results.get(item.id) ?? []);
  const status = paused ? "paused" : stopped() ? "cancelled" : "done";
  const message =
    status === "paused"
      ? paused
      : status === "cancelled"
        ? `Cancelled with ${progress.done} of ${progress.total} items done; resume to finish.`
        : `${progress.done} items: ${progress.done - progress.flagged} labelled, ${progress.flagged} flagged.`;
  return {
    status,
    ...(cause ? { cause } : {}),
    message,
    results: ordered,
    progress: { ...progress },
  };
}
