/**
 * Where the model runs: on the main thread (LocalHost, for the classroom) or
 * in a Web Worker (WorkerHost, for the simulator). The widget talks to both
 * the same way: `request()` resolves with a snapshot or rejects with a message.
 */
import { Session, type Request, type Snapshot } from "./session";
import type { WorkerMessage, WorkerReply } from "./schelling.worker";

export interface Host {
  readonly kind: "local" | "worker";
  request(request: Request): Promise<Snapshot>;
  dispose(): void;
}

/** A message for the learner: a setting is wrong, or the simulation failed. */
export class HostError extends Error {
  override name = "HostError";
}

export class LocalHost implements Host {
  readonly kind = "local";
  readonly #session = new Session();

  request(request: Request): Promise<Snapshot> {
    const response = this.#session.handle(request);
    return response.ok
      ? Promise.resolve(response.snapshot)
      : Promise.reject(new HostError(response.message));
  }

  dispose(): void {
    /* nothing to free */
  }
}

export class WorkerHost implements Host {
  readonly kind = "worker";
  readonly #worker: Worker;
  readonly #pending = new Map<
    number,
    { resolve: (s: Snapshot) => void; reject: (e: Error) => void }
  >();
  #nextId = 0;

  constructor() {
    this.#worker = new Worker(new URL("./schelling.worker.ts", import.meta.url), {
      type: "module",
      name: "schelling",
    });
    this.#worker.addEventListener("message", (event: MessageEvent<WorkerReply>) => {
      const { id, response } = event.data;
      const pending = this.#pending.get(id);
      if (!pending) return;
      this.#pending.delete(id);
      if (response.ok) pending.resolve(response.snapshot);
      else pending.reject(new HostError(response.message));
    });
    this.#worker.addEventListener("error", (event) => {
      event.preventDefault();
      this.#failAll(`The simulation worker stopped: ${event.message || "it could not start"}.`);
    });
  }

  request(request: Request): Promise<Snapshot> {
    const id = ++this.#nextId;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      const message: WorkerMessage = { id, request };
      this.#worker.postMessage(message);
    });
  }

  dispose(): void {
    this.#worker.terminate();
    this.#failAll("stopped");
  }

  #failAll(message: string): void {
    for (const { reject } of this.#pending.values()) reject(new HostError(message));
    this.#pending.clear();
  }
}
