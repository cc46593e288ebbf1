/**
 * The checker: a fresh module worker per exercise run that runs the
 * exercise's checks and posts the verdict to the page. It never runs learner
 * code, so its Math, Array.prototype, JSON… and its copy of the lab library
 * are the browser's own, whatever the cell patched in its sandbox. It sees
 * the cell only through the run's channel: structured clones of the cell's
 * exported data, and calls of the cell's exported functions with inputs it
 * makes up here from a seed the cell never sees.
 */
import { createKit, runChecks, type CheckedCell } from "./checks";
import { loadCommonJs } from "./commonjs";
import type { CallRequest, CheckRequest, FromCell, FromChecker } from "./protocol";

/** How long one call of the cell's function may take before the check fails. */
const CALL_LIMIT_MS = 20_000;

const scope = globalThis as unknown as {
  postMessage(message: FromChecker): void;
  onmessage: ((event: MessageEvent<CheckRequest>) => void) | null;
};

type Exports = Extract<FromCell, { type: "exports" }>;

function connect(port: MessagePort): {
  exports: Promise<Exports>;
  cell: (e: Exports) => CheckedCell;
} {
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let next = 1;
  let gotExports: (e: Exports) => void = () => undefined;
  const exports = new Promise<Exports>((resolve) => {
    gotExports = resolve;
  });
  port.onmessage = (event: MessageEvent<FromCell>) => {
    // Whatever the sandbox sends is the cell's to shape: read it as untrusted data.
    const message = event.data as Partial<Record<string, unknown>> | null;
    if (message?.["type"] === "exports") {
      gotExports(message as unknown as Exports);
      return;
    }
    const waiting =
      typeof message?.["call"] === "number" ? pending.get(message["call"]) : undefined;
    if (!waiting || !message) return;
    pending.delete(message["call"] as number);
    if (message["type"] === "return") waiting.resolve(message["value"]);
    else waiting.reject(new Error(String(message["message"])));
  };
  const cell = (e: Exports): CheckedCell => ({
    // Shaped by the cell: taken only if they have the expected types.
    values: (e.values as unknown) !== null && typeof e.values === "object" ? e.values : {},
    functions: Array.isArray(e.functions) ? e.functions : [],
    call: (name, ...args) =>
      new Promise<unknown>((resolve, reject) => {
        const call = next++;
        const timer = setTimeout(() => {
          pending.delete(call);
          reject(new Error(`${name}() took longer than ${String(CALL_LIMIT_MS / 1000)} s.`));
        }, CALL_LIMIT_MS);
        pending.set(call, {
          resolve: (v) => {
            clearTimeout(timer);
            resolve(v);
          },
          reject: (err) => {
            clearTimeout(timer);
            reject(err);
          },
        });
        port.postMessage({ type: "call", call, name, args } satisfies CallRequest);
      }),
  });
  return { exports, cell };
}

function seed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
}

scope.onmessage = (event) => {
  scope.onmessage = null;
  const { id, checks, port } = event.data;
  const channel = connect(port);
  void (async () => {
    try {
      const module = await loadCommonJs(checks, "checks.js");
      const exports = await channel.exports;
      if (exports.threw) {
        scope.postMessage({ type: "skipped", id });
        return;
      }
      const result = await runChecks(module["checks"], channel.cell(exports), createKit(seed()));
      scope.postMessage({ type: "checked", id, result });
    } catch (error) {
      scope.postMessage({
        type: "failed",
        id,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  })();
};
