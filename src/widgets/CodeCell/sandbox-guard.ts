/**
 * What cell code may not reach in its sandbox worker, and the worker's own
 * ways around it. Imported first by sandbox.worker.ts, so it runs before any
 * cell: it keeps private references to postMessage and fetch, then
 *  - limits fetch to this site's own origin (the lab library loads the
 *    course's models and data from it; any other host is refused),
 *  - removes WebSocket, EventSource, XMLHttpRequest, importScripts, nested
 *    workers, BroadcastChannel, IndexedDB, the Cache API, fonts loaded from
 *    URLs and the origin's file system (navigator.storage),
 *  - takes message listening (addEventListener("message"), onmessage) from
 *    cells, so they never see the page's run requests and their token,
 *  - replaces postMessage, so a cell cannot talk to the page; the page also
 *    drops any message without the run's secret token (sandbox-client.ts).
 *  - refuses code made from strings (Function, eval, string timers) that
 *    names `import`: a dynamic import() would load a script from any host
 *    (cell code itself is transpiled, so its import() becomes require()).
 * Each name is replaced wherever the worker scope's prototype chain defines
 * it (the scope, DedicatedWorkerGlobalScope.prototype, WorkerGlobalScope.prototype,
 * EventTarget.prototype), so self.constructor.prototype, globalThis.__proto__
 * or a descriptor's getter do not lead back to the original.
 */

type Post = (message: unknown) => void;

const scope = globalThis as unknown as Record<string, unknown> & {
  postMessage: Post;
  location: { origin: string; href: string };
};

const realPost: Post = scope.postMessage.bind(globalThis);
const realFetch = globalThis.fetch.bind(globalThis);

export class SandboxBlocked extends Error {
  override name = "SandboxBlocked";
}

/** Sends a message to the page (the worker's channel, not the cell's). */
export function sendToPage(message: unknown): void {
  realPost(message);
}

function sameOrigin(input: RequestInfo | URL): boolean {
  const url =
    typeof input === "string"
      ? new URL(input, scope.location.href)
      : input instanceof URL
        ? input
        : new URL(input.url);
  return url.origin === scope.location.origin;
}

/** fetch for this site's own files only. */
function guardedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  if (!sameOrigin(input))
    return Promise.reject(
      new SandboxBlocked(
        "Code cells have no network: only this site's own files can be read (the lab library loads them for you).",
      ),
    );
  return realFetch(input, init);
}

const BLOCKED = [
  "WebSocket",
  "WebSocketStream",
  "EventSource",
  "XMLHttpRequest",
  "importScripts",
  "Worker",
  "SharedWorker",
  "BroadcastChannel",
  "indexedDB",
  "caches",
  "WebTransport",
  "FontFace",
  "fonts",
  "RTCPeerConnection",
  "webkitRequestFileSystem",
  "webkitRequestFileSystemSync",
  "webkitResolveLocalFileSystemURL",
  "webkitResolveLocalFileSystemSyncURL",
];

/** The worker scope and the prototypes it inherits from, up to (not including) Object.prototype. */
function scopeChain(): object[] {
  const chain: object[] = [];
  for (
    let o: object | null = globalThis;
    o !== null && o !== Object.prototype;
    o = Object.getPrototypeOf(o) as object | null
  )
    chain.push(o);
  return chain;
}

/** Puts `descriptor` on the scope and on every prototype of its chain that defines `name`. */
function replaceEverywhere(name: string, descriptor: PropertyDescriptor): void {
  const on = scopeChain().filter((o) => Object.prototype.hasOwnProperty.call(o, name));
  if (!on.includes(globalThis)) on.unshift(globalThis);
  for (const target of on)
    try {
      Object.defineProperty(target, name, { ...descriptor, configurable: false });
    } catch {
      /* already locked (defined by an earlier run of this guard) */
    }
}

/** Code from a string may not use import (import() loads scripts from any host). */
function refuseImport(source: unknown): void {
  if (/\bimport\b/.test(String(source)))
    throw new SandboxBlocked(
      'Code cells cannot import scripts: only the lab library (import … from "lab") is available.',
    );
}

type Constructor = new (...args: string[]) => unknown;

/** Function, AsyncFunction, GeneratorFunction and AsyncGeneratorFunction, refusing bodies that import. */
function guardFunctionConstructors(): void {
  /* eslint-disable @typescript-eslint/no-empty-function -- samples of each kind of function */
  const samples = [function () {}, async function () {}, function* () {}, async function* () {}];
  /* eslint-enable @typescript-eslint/no-empty-function */
  for (const sample of samples) {
    const proto = Object.getPrototypeOf(sample) as { constructor: Constructor };
    const Real = proto.constructor;
    const Safe = function (...args: string[]): unknown {
      refuseImport(args.at(-1));
      return Reflect.construct(Real, args);
    };
    Object.defineProperty(Safe, "prototype", { value: proto });
    Object.defineProperty(proto, "constructor", {
      value: Safe,
      writable: false,
      configurable: false,
    });
    if (Real === Function) replaceEverywhere("Function", { value: Safe, writable: false });
  }
  const realEval = globalThis.eval;
  replaceEverywhere("eval", {
    value: (source: unknown): unknown => {
      refuseImport(source);
      return realEval(source as string);
    },
    writable: false,
  });
  for (const name of ["setTimeout", "setInterval"] as const) {
    const real = globalThis[name] as (...args: unknown[]) => number;
    replaceEverywhere(name, {
      value: (handler: unknown, ...rest: unknown[]): number => {
        if (typeof handler !== "function")
          throw new SandboxBlocked(`Code cells pass ${name} a function, not a string of code.`);
        return real(handler, ...rest);
      },
      writable: false,
    });
  }
}

export function lockDown(): void {
  guardFunctionConstructors();
  replaceEverywhere("fetch", { value: guardedFetch, writable: false });
  for (const name of BLOCKED) {
    if (!scopeChain().some((o) => Object.prototype.hasOwnProperty.call(o, name))) continue;
    const blocked = (): never => {
      throw new SandboxBlocked(
        `Code cells cannot use ${name}: the sandbox has no network or storage.`,
      );
    };
    replaceEverywhere(name, { get: blocked });
  }
  // The origin's private file system (navigator.storage.getDirectory()) is storage too.
  const navigatorProto = Object.getPrototypeOf(
    (globalThis as { navigator?: object }).navigator ?? {},
  ) as object;
  if (Object.prototype.hasOwnProperty.call(navigatorProto, "storage"))
    Object.defineProperty(navigatorProto, "storage", {
      get: (): never => {
        throw new SandboxBlocked(
          "Code cells cannot use navigator.storage: the sandbox has no storage.",
        );
      },
      configurable: false,
    });
  const blockedPost = (): never => {
    throw new SandboxBlocked(
      "Code cells cannot post messages: results reach the page through the cell's export.",
    );
  };
  replaceEverywhere("postMessage", { value: blockedPost, writable: false });
  // Listening to the page: the worker's own listener is already in place.
  const listen = Reflect.get(EventTarget.prototype, "addEventListener") as (
    this: EventTarget,
    ...args: unknown[]
  ) => void;
  const guardedListen = function (
    this: EventTarget | undefined,
    type: string,
    ...rest: [EventListenerOrEventListenerObject | null, (boolean | AddEventListenerOptions)?]
  ): void {
    // A bare addEventListener(…) in strict code (every cell) has no `this`: it is the scope's.
    const target = this ?? globalThis;
    if (target === (globalThis as unknown) && (type === "message" || type === "messageerror"))
      throw new SandboxBlocked("Code cells cannot listen to the page's messages.");
    listen.call(target, type, ...rest);
  };
  replaceEverywhere("addEventListener", { value: guardedListen, writable: false });
  for (const name of ["onmessage", "onmessageerror"])
    replaceEverywhere(name, { value: null, writable: false });
}
