/**
 * The page side of a cell's sandbox: starts the worker on first run, runs
 * code with a time limit, and terminates the worker on Stop or timeout (the
 * next run starts a fresh one). An exercise's run also starts a fresh checker
 * worker, joined to the sandbox by a channel of its own; the verdict is taken
 * only from the checker, and the run ends when both have finished.
 */
import type { CheckRequest, Envelope, FromChecker, RunRequest, ToCell } from "./protocol";

export const TIME_LIMIT_MS = 30_000;

export type RunEnd = "done" | "stopped" | "timeout";

export class Sandbox {
  #worker: Worker | null = null;
  #next = 1;
  #finish: ((end: RunEnd) => void) | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #onMessage: (message: ToCell) => void;
  #checker: Worker | null = null;
  /** What the run still waits for: the sandbox's "done" and, for an exercise, the checker's verdict. */
  #waiting = { sandbox: false, checker: false };
  /** A fresh secret per worker: messages without it (a cell posting its own) are dropped. */
  #token = "";
  /** The last run changed built-ins: the next one must not run in this worker. */
  #tainted = false;

  constructor(onMessage: (message: ToCell) => void) {
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
      // A verdict counts only from the checker, never from the sandbox.
      if ((message.type as string) === "checked") return;
      this.#onMessage(message);
      if (message.type === "done") {
        // Kept for the checker's calls until this run ends; the next run gets a fresh worker.
        if (message.changed.length > 0) this.#tainted = true;
        this.#waiting.sandbox = false;
        this.#settle();
      }
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

  #startChecker(id: number, checks: string, port: MessagePort): void {
    const checker = new Worker(new URL("./checker.worker.ts", import.meta.url), {
      type: "module",
      name: "code-cell-checker",
    });
    checker.addEventListener("message", (event: MessageEvent<FromChecker>) => {
      if (checker !== this.#checker) return;
      const message = event.data;
      if (message.type === "checked") this.#onMessage(message);
      else if (message.type === "failed")
        this.#onMessage({
          type: "error",
          id,
          message: `The checks could not run: ${message.message}`,
          line: null,
          late: false,
        });
      this.#waiting.checker = false;
      this.#settle();
    });
    checker.addEventListener("error", (event) => {
      event.preventDefault();
      if (checker !== this.#checker) return;
      this.#onMessage({
        type: "error",
        id,
        message: `The checks failed to start: ${event.message || "unknown error"}`,
        line: null,
        late: false,
      });
      this.#waiting.checker = false;
      this.#settle();
    });
    this.#checker = checker;
    checker.postMessage({ type: "check", id, checks, port } satisfies CheckRequest, [port]);
  }

  #stopChecker(): void {
    this.#checker?.terminate();
    this.#checker = null;
    this.#waiting.checker = false;
  }

  /** Ends the run once nothing is left to wait for. */
  #settle(): void {
    if (this.#waiting.sandbox || this.#waiting.checker) return;
    this.#end("done");
  }

  #end(end: RunEnd): void {
    this.#stopChecker();
    this.#waiting.sandbox = false;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const finish = this.#finish;
    this.#finish = null;
    finish?.(end);
  }

  #kill(): void {
    this.#tainted = false;
    this.#worker?.terminate();
    this.#worker = null;
  }

  /** Runs transpiled code (and checks); resolves with how the run ended. */
  run(code: string, checks: string | null, limitMs = TIME_LIMIT_MS): Promise<RunEnd> {
    if (this.running) this.stop();
    if (this.#tainted) this.#kill();
    const worker = this.#start();
    return new Promise<RunEnd>((resolve) => {
      this.#finish = resolve;
      this.#timer = setTimeout(() => {
        this.#kill();
        this.#end("timeout");
      }, limitMs);
      const id = this.#next++;
      let port: MessagePort | null = null;
      if (checks !== null) {
        const channel = new MessageChannel();
        port = channel.port2;
        this.#startChecker(id, checks, channel.port1);
        this.#waiting.checker = true;
      }
      this.#waiting.sandbox = true;
      const request: RunRequest = { type: "run", token: this.#token, id, code, port };
      worker.postMessage(request, port ? [port] : []);
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
