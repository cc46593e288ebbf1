/**
 * The worker side of src/lib/rpc: the part of a dedicated worker's global
 * scope the library's workers use. Typed here, not by the WebWorker lib, since
 * src/lib is type-checked without browser globals (tsconfig.lib.json) and the
 * site's own config has the DOM, which the WebWorker lib conflicts with.
 */

/** A message event as a worker receives it. */
export interface MessageLike<T> {
  data: T;
}

export interface WorkerScope<In, Out> {
  onmessage: ((event: MessageLike<In>) => void) | null;
  /** `transfer`: buffers moved to the page instead of copied. */
  postMessage(message: Out, transfer?: ArrayBuffer[]): void;
}

/** The global scope of the worker this runs in, typed for its messages. */
export function workerScope<In, Out>(): WorkerScope<In, Out> {
  return globalThis as unknown as WorkerScope<In, Out>;
}
