/**
 * The sandbox a code cell runs in: a module Web Worker, so cell code has no
 * window, document, localStorage or sessionStorage, and the page can end it
 * at any time (terminate). It captures console output (capped), runs the
 * cell's CommonJS, shows its default export, then runs the exercise's checks.
 */
import { runChecks } from "./checks";
import { inspect, toDisplay } from "./display";
import { checkModules, LAB_MODULE, requiredModules } from "./modules";
import { createOutputBuffer, type OutputLine } from "./output-buffer";
import type { FromSandbox, RunRequest } from "./protocol";

interface SandboxScope {
  onmessage: ((event: MessageEvent<RunRequest>) => void) | null;
  postMessage(message: FromSandbox): void;
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
let buffer = createOutputBuffer();
let current = 0;
let running = false;
let flushTimer: ReturnType<typeof setTimeout> | null = null;

function flush(): void {
  flushTimer = null;
  const lines = buffer.take();
  if (lines.length > 0) scope.postMessage({ type: "console", lines });
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
  scope.postMessage({
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
    scope.postMessage({
      type: "result",
      id: request.id,
      display: value === undefined ? null : toDisplay(value),
    });
    if (request.checks !== null) {
      const checks = await load(request.checks, "checks.js");
      const result = await runChecks(checks["checks"], cell);
      scope.postMessage({ type: "checked", id: request.id, result });
    }
  } catch (error) {
    report(error, false);
  } finally {
    running = false;
    flush();
    scope.postMessage({ type: "done", id: request.id, dropped: buffer.dropped });
  }
}

scope.onmessage = (event) => {
  void execute(event.data);
};
