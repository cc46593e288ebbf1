/** The page side of the vision worker: promises over messages (src/lib/rpc). */
import { createRpc, type WorkerLike as RpcWorkerLike } from "../rpc/index";
import { ImageInputError } from "./preprocess";
import type { EmbedOutcome, FromWorker, ToWorker, WorkerLoadOptions } from "./protocol";

export type VisionWorkerLike = RpcWorkerLike<ToWorker, FromWorker>;

export interface VisionClient {
  load(
    options: WorkerLoadOptions,
    onProgress?: (file: string, fraction: number | null) => void,
  ): Promise<void>;
  /** Embeddings (L2-normalised) or a message per image, in order. */
  embed(
    images: readonly Blob[],
    onProgress?: (done: number) => void,
  ): Promise<{ outcomes: EmbedOutcome[]; ms: number }>;
  terminate(): void;
}

export function createVisionClient(worker: VisionWorkerLike): VisionClient {
  const rpc = createRpc<ToWorker, FromWorker>(
    worker,
    (m) => new ImageInputError(m),
    "The vision worker",
  );
  return {
    async load(options, onProgress) {
      const reply = await rpc.request({ type: "load", options }, (m) =>
        onProgress?.(m.file, m.fraction),
      );
      if (reply.type !== "loaded")
        throw new ImageInputError("Unexpected reply from the vision worker.");
    },
    async embed(images, onProgress) {
      const reply = await rpc.request({ type: "embed", images: [...images] }, (m) => {
        if (m.done !== undefined) onProgress?.(m.done);
      });
      if (reply.type !== "embedded")
        throw new ImageInputError("Unexpected reply from the vision worker.");
      return { outcomes: reply.outcomes, ms: reply.ms };
    },
    terminate() {
      rpc.terminate();
    },
  };
}
