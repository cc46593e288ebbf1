/**
 * The page side of the n-gram worker: promises over messages. Takes any
 * object with postMessage/addEventListener (a Worker), so it has no DOM needs.
 */
import { NgramError } from "./errors";
import type {
  NgramAnswers,
  CorpusInfo,
  CorpusSource,
  FromWorker,
  NgramLoadProgress,
  NgramQuery,
  ToWorker,
} from "./protocol";

export interface NgramWorkerLike {
  postMessage(message: ToWorker): void;
  addEventListener(type: "message", listener: (event: MessageEvent<FromWorker>) => void): void;
  addEventListener(type: "error", listener: (event: { message?: string }) => void): void;
  terminate(): void;
}

export interface NgramClient {
  /** Downloads and indexes the corpora (once each); resolves with their sizes. */
  load(corpora: CorpusSource[], onProgress?: (p: NgramLoadProgress) => void): Promise<CorpusInfo[]>;
  /** Runs a query over the corpora, loading any not loaded yet. */
  query<Q extends NgramQuery>(
    corpora: CorpusSource[],
    query: Q,
    onProgress?: (p: NgramLoadProgress) => void,
  ): Promise<{ answer: NgramAnswers[Q["type"]]; ms: number }>;
  terminate(): void;
}

interface Pending {
  resolve(message: FromWorker): void;
  reject(error: Error): void;
  onProgress?: ((progress: NgramLoadProgress) => void) | undefined;
}

type Unsent = ToWorker extends infer M ? (M extends ToWorker ? Omit<M, "id"> : never) : never;

export function createNgramClient(worker: NgramWorkerLike): NgramClient {
  let next = 1;
  const pending = new Map<number, Pending>();
  worker.addEventListener("message", (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    const waiting = pending.get(message.id);
    if (!waiting) return;
    if (message.type === "progress") {
      waiting.onProgress?.(message.progress);
      return;
    }
    pending.delete(message.id);
    if (message.type === "error") waiting.reject(new NgramError(message.message));
    else waiting.resolve(message);
  });
  worker.addEventListener("error", (event: { message?: string }) => {
    const error = new NgramError(`The n-gram worker stopped: ${event.message ?? "unknown error"}`);
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  });

  function request(
    message: Unsent,
    onProgress?: (p: NgramLoadProgress) => void,
  ): Promise<FromWorker> {
    const id = next++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, onProgress });
      worker.postMessage({ ...message, id });
    });
  }

  return {
    async load(corpora, onProgress) {
      const reply = await request({ type: "load", corpora }, onProgress);
      if (reply.type !== "loaded") throw new NgramError("Unexpected reply from the n-gram worker.");
      return reply.corpora;
    },
    async query<Q extends NgramQuery>(
      corpora: CorpusSource[],
      query: Q,
      onProgress?: (p: NgramLoadProgress) => void,
    ): Promise<{ answer: NgramAnswers[Q["type"]]; ms: number }> {
      const reply = await request({ type: "query", corpora, query }, onProgress);
      if (reply.type !== "answer") throw new NgramError("Unexpected reply from the n-gram worker.");
      // The worker answers each query type with that type's result (worker.ts).
      return { answer: reply.answer as NgramAnswers[Q["type"]], ms: reply.ms };
    },
    terminate() {
      worker.terminate();
    },
  };
}
