/**
 * The sandbox a code cell runs in: a module Web Worker, so cell code has no
 * window, document, localStorage or sessionStorage, and the page can end it
 * at any time (terminate). It captures console output (capped), runs the
 * cell's CommonJS and shows its default export. For an exercise it then
 * sends the cell's exports to the run's checker (a separate worker) and
 * answers the checker's calls of the cell's exported functions; the checks
 * themselves never run here, where cell code could patch what they use.
 */
import { lockDown, sendToPage } from "./sandbox-guard";
import { watchBuiltins } from "./builtins-snapshot";
import { loadCommonJs, WRAPPER_LINES } from "./commonjs";
import { setPlotSink } from "./lab-plot";
import { inspect, toDisplay } from "./display";
import { createOutputBuffer, type OutputLine } from "./output-buffer";
import type { CallRequest, FromCell, FromSandbox, RunRequest } from "./protocol";

interface SandboxScope {
  addEventListener(type: "message", listener: (event: MessageEvent<RunRequest>) => void): void;
  addEventListener(
    type: "unhandledrejection",
    listener: (event: PromiseRejectionEvent) => void,
  ): void;
  addEventListener(type: "error", listener: (event: ErrorEvent) => void): void;
}

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
  if (calling > 0) return;
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

/** Calls made by the checker are not the learner's output: their console lines are left out. */
let calling = 0;

/** The cell's exports as the checker may see them: cloneable data, and the names of its functions. */
function exportsOf(cell: Record<string, unknown>): Extract<FromCell, { type: "exports" }> {
  const values: Record<string, unknown> = {};
  const functions: string[] = [];
  for (const [name, value] of Object.entries(cell)) {
    if (typeof value === "function") functions.push(name);
    else
      try {
        values[name] = structuredClone(value);
      } catch {
        /* not cloneable (it holds functions): the checks cannot read it */
      }
  }
  return { type: "exports", values, functions, threw: false };
}

/** Serves the checker's calls of the cell's exported functions over the run's channel. */
function serveChecker(port: MessagePort, cell: Record<string, unknown>): void {
  const send = (message: FromCell): void => {
    try {
      port.postMessage(message);
    } catch (error) {
      if (message.type !== "return") return;
      port.postMessage({
        type: "throw",
        call: message.call,
        message: `The function returned something that cannot be checked: ${messageOf(error)}`,
      } satisfies FromCell);
    }
  };
  port.onmessage = async (event: MessageEvent<CallRequest>) => {
    const { call, name, args } = event.data;
    const fn = cell[name];
    if (typeof fn !== "function") {
      send({ type: "throw", call, message: `The cell does not export a function "${name}".` });
      return;
    }
    calling++;
    try {
      const value: unknown = await (fn as (...a: unknown[]) => unknown)(...args);
      send({ type: "return", call, value });
    } catch (error) {
      send({ type: "throw", call, message: messageOf(error) });
    } finally {
      calling--;
    }
  };
  send(exportsOf(cell));
}

async function execute(request: RunRequest): Promise<void> {
  current = request.id;
  running = true;
  buffer = createOutputBuffer();
  const port = request.port;
  let served = false;
  try {
    const cell = await loadCommonJs(request.code, "cell.js");
    flush();
    const value = cell["default"];
    post({
      type: "result",
      id: request.id,
      display: value === undefined ? null : toDisplay(value),
    });
    if (port) {
      serveChecker(port, cell);
      served = true;
    }
  } catch (error) {
    report(error, false);
  } finally {
    if (port && !served)
      port.postMessage({
        type: "exports",
        values: {},
        functions: [],
        threw: true,
      } satisfies FromCell);
    running = false;
    // The page words the note: code here may have broken what would format it.
    const changed = builtins.changed();
    flush();
    post({ type: "done", id: request.id, dropped: buffer.dropped, changed });
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
lockDown();
// The built-ins as every run should find them (taken after the guard has made its changes).
const builtins = watchBuiltins();
