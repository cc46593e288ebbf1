/**
 * The page side of a cell's sandbox: starts the worker on first run, runs
 * code with a time limit, and terminates the worker on Stop or timeout (the
 * next run starts a fresh one).
 */
import type { Envelope, FromSandbox } from "./protocol";

export const TIME_LIMIT_MS = 30_000;

export type RunEnd = "done" | "stopped" | "timeout";

export class Sandbox {
  #worker: Worker | null = null;
  #next = 1;
  #finish: ((end: RunEnd) => void) | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #onMessage: (message: FromSandbox) => void;
  /** A fresh secret per worker: messages without it (a cell posting its own) are dropped. */
  #token = "";

  constructor(onMessage: (message: FromSandbox) => void) {
    this.#onMessage = onMessage;
  }

  get running(): boolean {
    return this.#finish !== null;
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL("./sandbox.worker.ts", import.meta.url), {
      type: "module",
      name: "code-cell-sandbox",
    });
    this.#token = crypto.randomUUID();
    worker.addEventListener("message", (event: MessageEvent<Envelope>) => {
      const data = event.data as Partial<Envelope> | null;
      if (data?.token !== this.#token || !data.message) return;
      const message = data.message;
      this.#onMessage(message);
      if (message.type === "done") this.#end("done");
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      this.#onMessage({
        type: "error",
        id: 0,
        message: `The sandbox failed: ${event.message || "unknown error"}`,
        line: null,
        late: false,
      });
      this.#kill();
      this.#end("done");
    });
    this.#worker = worker;
    return worker;
  }

  #end(end: RunEnd): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const finish = this.#finish;
    this.#finish = null;
    finish?.(end);
  }

  #kill(): void {
    this.#worker?.terminate();
    this.#worker = null;
  }

  /** Runs transpiled code (and checks); resolves with how the run ended. */
  run(code: string, checks: string | null, limitMs = TIME_LIMIT_MS): Promise<RunEnd> {
    if (this.running) this.stop();
    const worker = this.#start();
    return new Promise<RunEnd>((resolve) => {
      this.#finish = resolve;
      this.#timer = setTimeout(() => {
        this.#kill();
        this.#end("timeout");
      }, limitMs);
      worker.postMessage({ type: "run", token: this.#token, id: this.#next++, code, checks });
    });
  }

  /** Ends the running code at once (terminates the worker). */
  stop(): void {
    if (!this.running) return;
    this.#kill();
    this.#end("stopped");
  }

  dispose(): void {
    this.#kill();
    this.#end("stopped");
  }
}
