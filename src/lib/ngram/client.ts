/**
 * The page side of the n-gram worker: promises over messages (src/lib/rpc).
 */
import { createRpc, type WorkerLike } from "../rpc/index";
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

export type NgramWorkerLike = WorkerLike<ToWorker, FromWorker>;

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

export function createNgramClient(worker: NgramWorkerLike): NgramClient {
  const rpc = createRpc<ToWorker, FromWorker>(
    worker,
    (message) => new NgramError(message),
    "The n-gram worker",
  );
  return {
    async load(corpora, onProgress) {
      const reply = await rpc.request({ type: "load", corpora }, (m) => onProgress?.(m.progress));
      if (reply.type !== "loaded") throw new NgramError("Unexpected reply from the n-gram worker.");
      return reply.corpora;
    },
    async query<Q extends NgramQuery>(
      corpora: CorpusSource[],
      query: Q,
      onProgress?: (p: NgramLoadProgress) => void,
    ): Promise<{ answer: NgramAnswers[Q["type"]]; ms: number }> {
      const reply = await rpc.request({ type: "query", corpora, query }, (m) =>
        onProgress?.(m.progress),
      );
      if (reply.type !== "answer") throw new NgramError("Unexpected reply from the n-gram worker.");
      // The worker answers each query type with that type's result (worker.ts).
      return { answer: reply.answer as NgramAnswers[Q["type"]], ms: reply.ms };
    },
    terminate() {
      rpc.terminate();
    },
  };
}
