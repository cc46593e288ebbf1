/**
 * The page side of the hub-model worker: promises over messages (src/lib/rpc).
 */
import { createRpc, type WorkerLike } from "../rpc/index";
import { LmError } from "./errors";
import type { LmKind } from "./hub";
import type { FromLmWorker, LmLoadOptions, ToLmWorker } from "./protocol";

export type LmWorkerLike = WorkerLike<ToLmWorker, FromLmWorker>;

export interface LmClient {
  load(
    options: LmLoadOptions,
    onProgress?: (label: string, fraction: number | null) => void,
  ): Promise<{ vocabulary: string[]; maskToken: string }>;
  logits(kind: LmKind, text: string): Promise<{ logits: Float32Array; ms: number }>;
  terminate(): void;
}

export function createLmClient(worker: LmWorkerLike): LmClient {
  const rpc = createRpc<ToLmWorker, FromLmWorker>(
    worker,
    (message) => new LmError(message),
    "The model worker",
  );
  return {
    async load(options, onProgress) {
      const reply = await rpc.request({ type: "load", options }, (m) =>
        onProgress?.(m.label, m.fraction),
      );
      if (reply.type !== "loaded") throw new LmError("Unexpected reply from the model worker.");
      return { vocabulary: reply.vocabulary, maskToken: reply.maskToken };
    },
    async logits(kind, text) {
      const reply = await rpc.request({ type: "logits", kind, text });
      if (reply.type !== "logits") throw new LmError("Unexpected reply from the model worker.");
      return { logits: reply.logits, ms: reply.ms };
    },
    terminate() {
      rpc.terminate();
    },
  };
}
