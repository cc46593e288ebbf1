/**
 * The sandbox a code cell runs in: a module Web Worker, so cell code has no
 * window, document, localStorage or sessionStorage, and the page can end it
 * at any time (terminate). It captures console output (capped), runs the
 * cell's CommonJS, shows its default export, then runs the exercise's checks.
 */
import { lockDown, sendToPage } from "./sandbox-guard";
import { runChecks } from "./checks";
import { setPlotSink } from "./lab-plot";
import { inspect, toDisplay } from "./display";
import { checkModules, LAB_MODULE, requiredModules } from "./modules";
import { createOutputBuffer, type OutputLine } from "./output-buffer";
import type { FromSandbox, RunRequest } from "./protocol";

interface SandboxScope {
  addEventListener(type: "message", listener: (event: MessageEvent<RunRequest>) => void): void;
  addEventListener(
    type: "unhandledrejection",
    listener: (event: PromiseRejectionEvent) => void,
  ): void;
  addEventListener(type: "error", listener: (event: ErrorEvent) => void): void;
}

type CellFunction = (...args: unknown[]) => Promise<unknown>;
async function probe(): Promise<void> {
  await Promise.resolve();
}
const AsyncFunction = (Object.getPrototypeOf(probe) as { constructor: unknown })
  .constructor as new (...args: string[]) => CellFunction;

/** Lines the Function constructor puts before the body ("async function anonymous(…\n) {\n"). */
const WRAPPER_LINES = 2;

const scope = globalThis as unknown as SandboxScope;
/** The page's secret for this worker (from its first run request): kept where cell code cannot read it. */
let token = "";
function post(message: FromSandbox): void {
  sendToPage({ token, message });
}
let buffer = createOutputBuffer();
let current = 0;
let running = false;
let flushTimer: ReturnType<typeof setTimeout> | null = null;

function flush(): void {
  flushTimer = null;
  const lines = buffer.take();
  if (lines.length > 0) post({ type: "console", lines });
}

function write(level: OutputLine["level"], args: unknown[]): void {
  buffer.push({ level, text: args.map((a) => inspect(a)).join(" ") });
  flushTimer ??= setTimeout(flush, 50);
}

// Everything that logs in the sandbox (the cell and the library) goes to the cell's output.
const cellConsole = globalThis.console as unknown as Record<string, unknown>;
for (const [name, level] of [
  ["log", "log"],
  ["debug", "log"],
  ["info", "info"],
  ["warn", "warn"],
  ["error", "error"],
  ["table", "log"],
] as const)
  cellConsole[name] = (...args: unknown[]) => {
    write(level, args);
  };

function lineOf(error: unknown): number | null {
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  const match = /cell\.js:(\d+):\d+/.exec(stack);
  return match?.[1] === undefined ? null : Number(match[1]) - WRAPPER_LINES;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : `Thrown: ${inspect(error)}`;
}

function report(error: unknown, late: boolean): void {
  flush();
  post({
    type: "error",
    id: current,
    message: messageOf(error),
    line: lineOf(error),
    late,
  });
}

scope.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  report(
    event.reason instanceof Error
      ? Object.assign(event.reason, {
          message: `(unhandled promise rejection) ${event.reason.message}`,
        })
      : new Error(`Unhandled promise rejection: ${inspect(event.reason)}`),
    !running,
  );
});
scope.addEventListener("error", (event) => {
  event.preventDefault();
  report(event.error ?? new Error(event.message), !running);
});

async function load(code: string, name: string): Promise<Record<string, unknown>> {
  const missing = checkModules(code);
  if (missing) throw new Error(missing);
  const lab: unknown = requiredModules(code).includes(LAB_MODULE) ? await import("./lab") : null;
  const exports: Record<string, unknown> = {};
  const module = { exports };
  const require = (id: string): unknown => {
    if (id === LAB_MODULE && lab) return lab;
    throw new Error(checkModules(`require("${id}")`) ?? `Cannot find module "${id}".`);
  };
  const run = new AsyncFunction("require", "exports", "module", `${code}\n//# sourceURL=${name}`);
  await run(require, exports, module);
  return module.exports;
}

async function execute(request: RunRequest): Promise<void> {
  current = request.id;
  running = true;
  buffer = createOutputBuffer();
  try {
    const cell = await load(request.code, "cell.js");
    flush();
    const value = cell["default"];
    post({
      type: "result",
      id: request.id,
      display: value === undefined ? null : toDisplay(value),
    });
    if (request.checks !== null) {
      const checks = await load(request.checks, "checks.js");
      const result = await runChecks(checks["checks"], cell);
      post({ type: "checked", id: request.id, result });
    }
  } catch (error) {
    report(error, false);
  } finally {
    running = false;
    flush();
    post({ type: "done", id: request.id, dropped: buffer.dropped });
  }
}

scope.addEventListener("message", (event) => {
  if (!token) token = event.data.token;
  if (event.data.token !== token) return;
  void execute(event.data);
});
setPlotSink((message) => {
  post(message);
});
// From here on, cell code cannot listen to the page's messages, reach the network or post.
const listen = (globalThis as unknown as { addEventListener: (...args: unknown[]) => void })
  .addEventListener;
Object.defineProperty(globalThis, "addEventListener", {
  value: (type: string, ...rest: unknown[]) => {
    if (type === "message" || type === "messageerror")
      throw new Error("Code cells cannot listen to the page's messages.");
    listen.call(globalThis, type, ...rest);
  },
  writable: false,
});
Object.defineProperty(globalThis, "onmessage", { value: null, writable: false });
lockDown();
