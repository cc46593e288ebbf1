/**
 * The page side of the encoder worker: promises over messages (src/lib/rpc).
 */
import { createRpc, type WorkerLike as RpcWorkerLike } from "../rpc/index";
import type { FromWorker, ToWorker, WorkerLoadOptions } from "./protocol";
import { EncoderError, type Encoding, type EncoderInfo, type LoadProgress } from "./types";

export type WorkerLike = RpcWorkerLike<ToWorker, FromWorker>;

export interface EncoderClient {
  load(
    options: WorkerLoadOptions,
    onProgress?: (progress: LoadProgress) => void,
  ): Promise<EncoderInfo>;
  encode(texts: readonly string[]): Promise<{ encodings: Encoding[]; ms: number }>;
  terminate(): void;
}

export function createEncoderClient(worker: WorkerLike): EncoderClient {
  const rpc = createRpc<ToWorker, FromWorker>(
    worker,
    (message) => new EncoderError(message),
    "The model worker",
  );
  return {
    async load(options, onProgress) {
      const reply = await rpc.request({ type: "load", options }, (m) => onProgress?.(m.progress));
      if (reply.type !== "loaded")
        throw new EncoderError("Unexpected reply from the model worker.");
      return reply.info;
    },
    async encode(texts) {
      const reply = await rpc.request({ type: "encode", texts: [...texts] });
      if (reply.type !== "encoded")
        throw new EncoderError("Unexpected reply from the model worker.");
      return { encodings: reply.encodings, ms: reply.ms };
    },
    terminate() {
      rpc.terminate();
    },
  };
}
