/**
 * The page side of the language-model worker: promises over messages (src/lib/rpc).
 */
import { createRpc, type WorkerLike } from "../rpc/index";
import { LmError } from "./errors";
import type { GenerateOptions, Generation } from "./generate";
import type { LmInfo } from "./language-model";
import type { LayerPredictions } from "./layers";
import type { Prediction } from "./predict";
import type { FromLmWorker, LmLoadOptions, ToLmWorker } from "./protocol";

export type LmWorkerLike = WorkerLike<ToLmWorker, FromLmWorker>;

export interface LmClient {
  load(
    options: LmLoadOptions,
    onProgress?: (label: string, fraction: number | null) => void,
  ): Promise<LmInfo>;
  /** The next token after `text` (causal models); `probabilities` comes back empty; `ms`: the worker's time. */
  predict(model: string, text: string, top: number): Promise<Prediction & { ms: number }>;
  /** The token at [MASK] (masked models); `probabilities` comes back empty. */
  fill(model: string, text: string, top: number): Promise<Prediction & { ms: number }>;
  generate(model: string, text: string, options: GenerateOptions): Promise<Generation>;
  layers(model: string, text: string, top: number): Promise<LayerPredictions>;
  terminate(): void;
}

function unexpected(): never {
  throw new LmError("Unexpected reply from the model worker.");
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
      return reply.type === "loaded" ? reply.info : unexpected();
    },
    async predict(model, text, top) {
      const reply = await rpc.request({ type: "predict", model, text, top });
      return reply.type === "prediction" ? { ...reply.prediction, ms: reply.ms } : unexpected();
    },
    async fill(model, text, top) {
      const reply = await rpc.request({ type: "fill", model, text, top });
      return reply.type === "prediction" ? { ...reply.prediction, ms: reply.ms } : unexpected();
    },
    async generate(model, text, options) {
      const reply = await rpc.request({ type: "generate", model, text, options });
      return reply.type === "generation" ? reply.generation : unexpected();
    },
    async layers(model, text, top) {
      const reply = await rpc.request({ type: "layers", model, text, top });
      return reply.type === "layers" ? reply.layers : unexpected();
    },
    terminate() {
      rpc.terminate();
    },
  };
}
