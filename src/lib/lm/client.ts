/**
 * The page side of the hub-model worker: promises over messages. Takes any
 * object with postMessage/addEventListener (a Worker), so it has no DOM needs.
 */
import { LmError } from "./errors";
import type { LmKind } from "./hub";
import type { FromLmWorker, LmLoadOptions, ToLmWorker } from "./protocol";

export interface LmWorkerLike {
  postMessage(message: ToLmWorker): void;
  addEventListener(type: "message", listener: (event: MessageEvent<FromLmWorker>) => void): void;
  addEventListener(type: "error", listener: (event: { message?: string }) => void): void;
  terminate(): void;
}

export interface LmClient {
  load(
    options: LmLoadOptions,
    onProgress?: (label: string, fraction: number | null) => void,
  ): Promise<{ vocabulary: string[]; maskToken: string }>;
  logits(kind: LmKind, text: string): Promise<{ logits: Float32Array; ms: number }>;
  terminate(): void;
}

type Unsent = ToLmWorker extends infer M ? (M extends ToLmWorker ? Omit<M, "id"> : never) : never;

export function createLmClient(worker: LmWorkerLike): LmClient {
  let next = 1;
  const pending = new Map<
    number,
    {
      resolve(m: FromLmWorker): void;
      reject(e: Error): void;
      onProgress?: ((label: string, fraction: number | null) => void) | undefined;
    }
  >();
  worker.addEventListener("message", (event: MessageEvent<FromLmWorker>) => {
    const message = event.data;
    const waiting = pending.get(message.id);
    if (!waiting) return;
    if (message.type === "progress") {
      waiting.onProgress?.(message.label, message.fraction);
      return;
    }
    pending.delete(message.id);
    if (message.type === "error") waiting.reject(new LmError(message.message));
    else waiting.resolve(message);
  });
  worker.addEventListener("error", (event: { message?: string }) => {
    const error = new LmError(`The model worker stopped: ${event.message ?? "unknown error"}`);
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  });
  function request(
    message: Unsent,
    onProgress?: (label: string, fraction: number | null) => void,
  ): Promise<FromLmWorker> {
    const id = next++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, onProgress });
      worker.postMessage({ ...message, id });
    });
  }
  return {
    async load(options, onProgress) {
      const reply = await request({ type: "load", options }, onProgress);
      if (reply.type !== "loaded") throw new LmError("Unexpected reply from the model worker.");
      return { vocabulary: reply.vocabulary, maskToken: reply.maskToken };
    },
    async logits(kind, text) {
      const reply = await request({ type: "logits", kind, text });
      if (reply.type !== "logits") throw new LmError("Unexpected reply from the model worker.");
      return { logits: reply.logits, ms: reply.ms };
    },
    terminate() {
      worker.terminate();
    },
  };
}
