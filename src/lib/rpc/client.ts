/**
 * Promises over a worker's messages, shared by the encoder, n-gram and
 * hub-model workers' clients: each request gets an id; "progress" replies go
 * to that request's listener, an "error" reply rejects it, any other reply
 * resolves it; a crashed worker rejects everything still waiting. Takes any
 * object with postMessage/addEventListener (a Worker), so it has no DOM needs.
 */
import type { MessageLike } from "./worker-scope";

export interface WorkerLike<In, Out> {
  postMessage(message: In): void;
  addEventListener(type: "message", listener: (event: MessageLike<Out>) => void): void;
  addEventListener(type: "error", listener: (event: { message?: string }) => void): void;
  terminate(): void;
}

interface Message {
  id: number;
  type: string;
}

/** A message before it gets its id (distributes over a union of message types). */
export type Unsent<M> = M extends unknown ? Omit<M, "id"> : never;
export type ProgressOf<Out> = Extract<Out, { type: "progress" }>;
export type ReplyOf<Out> = Exclude<Out, { type: "progress" } | { type: "error" }>;

export interface Rpc<In extends Message, Out extends Message> {
  request(
    message: Unsent<In>,
    onProgress?: (progress: ProgressOf<Out>) => void,
  ): Promise<ReplyOf<Out>>;
  terminate(): void;
}

interface Pending<Out> {
  resolve(message: ReplyOf<Out>): void;
  reject(error: Error): void;
  onProgress: ((progress: ProgressOf<Out>) => void) | undefined;
}

/**
 * `makeError` turns a message into the domain's error class; `name` says
 * which worker stopped ("The model worker stopped: …").
 */
export function createRpc<In extends Message, Out extends Message>(
  worker: WorkerLike<In, Out>,
  makeError: (message: string) => Error,
  name: string,
): Rpc<In, Out> {
  let next = 1;
  const pending = new Map<number, Pending<Out>>();
  worker.addEventListener("message", (event: MessageLike<Out>) => {
    const message = event.data;
    const waiting = pending.get(message.id);
    if (!waiting) return;
    if (message.type === "progress") {
      waiting.onProgress?.(message as ProgressOf<Out>);
      return;
    }
    pending.delete(message.id);
    if (message.type === "error") {
      const text = (message as { message?: unknown }).message;
      waiting.reject(makeError(typeof text === "string" ? text : "unknown error"));
    } else waiting.resolve(message as ReplyOf<Out>);
  });
  worker.addEventListener("error", (event: { message?: string }) => {
    const error = makeError(`${name} stopped: ${event.message ?? "unknown error"}`);
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  });
  return {
    request(message, onProgress) {
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, onProgress });
        worker.postMessage({ ...message, id } as unknown as In);
      });
    },
    terminate() {
      worker.terminate();
    },
  };
}
