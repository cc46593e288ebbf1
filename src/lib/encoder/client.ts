/**
 * The page side of the encoder worker: promises over messages. Takes any
 * object with postMessage/addEventListener (a Worker), so it has no DOM needs.
 */
import type { FromWorker, ToWorker, WorkerLoadOptions } from "./protocol";
import { EncoderError, type Encoding, type EncoderInfo, type LoadProgress } from "./types";

export interface WorkerLike {
  postMessage(message: ToWorker): void;
  addEventListener(type: "message", listener: (event: MessageEvent<FromWorker>) => void): void;
  addEventListener(type: "error", listener: (event: { message?: string }) => void): void;
  terminate(): void;
}

export interface EncoderClient {
  load(
    options: WorkerLoadOptions,
    onProgress?: (progress: LoadProgress) => void,
  ): Promise<EncoderInfo>;
  encode(texts: readonly string[]): Promise<{ encodings: Encoding[]; ms: number }>;
  terminate(): void;
}

/** A message before it gets its id. */
type Unsent = ToWorker extends infer M ? (M extends ToWorker ? Omit<M, "id"> : never) : never;

interface Pending {
  resolve(message: FromWorker): void;
  reject(error: Error): void;
  onProgress?: ((progress: LoadProgress) => void) | undefined;
}

export function createEncoderClient(worker: WorkerLike): EncoderClient {
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
    if (message.type === "error") waiting.reject(new EncoderError(message.message));
    else waiting.resolve(message);
  });
  worker.addEventListener("error", (event: { message?: string }) => {
    const error = new EncoderError(`The model worker stopped: ${event.message ?? "unknown error"}`);
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  });

  function request(message: Unsent, onProgress?: (p: LoadProgress) => void): Promise<FromWorker> {
    const id = next++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, onProgress });
      worker.postMessage({ ...message, id });
    });
  }

  return {
    async load(options, onProgress) {
      const reply = await request({ type: "load", options }, onProgress);
      if (reply.type !== "loaded")
        throw new EncoderError("Unexpected reply from the model worker.");
      return reply.info;
    },
    async encode(texts) {
      const reply = await request({ type: "encode", texts: [...texts] });
      if (reply.type !== "encoded")
        throw new EncoderError("Unexpected reply from the model worker.");
      return { encodings: reply.encodings, ms: reply.ms };
    },
    terminate() {
      worker.terminate();
    },
  };
}
