/**
 * The one place that writes transformers.js's global `env`. Every loader
 * (the encoder's runtime, the hub language models, CLIP) calls
 * configureTransformersEnv() with all of its choices before loading, so no
 * setting left behind by an earlier load (a custom cache, a test server's
 * address, local models off) leaks into the next one in the same worker.
 *
 * It takes `env` as an argument and imports transformers.js only as a type,
 * so callers that load the library lazily (`await import(…)`) stay lazy.
 */
import type { env as transformersEnv } from "@huggingface/transformers";

export type TransformersEnv = typeof transformersEnv;

/** A custom cache: the Cache API subset (match, put) transformers.js calls. */
export type ModelCache = NonNullable<TransformersEnv["customCache"]>;

/** The hub transformers.js uses unless told otherwise. */
export const DEFAULT_REMOTE_HOST = "https://huggingface.co/";

export interface TransformersEnvOptions {
  /** Folder (Node) or URL path (browser) that holds local models; null: local models off. */
  localModelPath: string | null;
  /** Allow downloads from the hub (online only). */
  allowRemote: boolean;
  /** The hub's address (default DEFAULT_REMOTE_HOST); a mirror or a test server. */
  remoteHost?: string | undefined;
  /** Browser: locally served onnxruntime-web files, so nothing comes from a CDN. */
  wasmPaths?: { mjs: string; wasm: string } | undefined;
  /** WebAssembly threads when `wasmPaths` is set (default 1: the site is not cross-origin isolated). */
  numThreads?: number | undefined;
  /**
   * Where downloads are kept: a custom cache, or "browser" for the Cache
   * Storage where the runtime has one (nothing in Node).
   */
  cache: ModelCache | "browser";
}

export function configureTransformersEnv(
  env: TransformersEnv,
  options: TransformersEnvOptions,
): void {
  env.allowLocalModels = options.localModelPath !== null;
  if (options.localModelPath !== null) env.localModelPath = options.localModelPath;
  env.allowRemoteModels = options.allowRemote;
  env.remoteHost = options.remoteHost ?? DEFAULT_REMOTE_HOST;
  // The site serves onnxruntime-web's files itself and the browser's HTTP cache keeps
  // them; the Cache Storage copy transformers.js would add fails in private windows.
  env.useWasmCache = false;
  const onnx = env.backends.onnx as { wasm?: { wasmPaths?: unknown; numThreads?: number } };
  if (options.wasmPaths && onnx.wasm) {
    onnx.wasm.wasmPaths = { ...options.wasmPaths };
    onnx.wasm.numThreads = options.numThreads ?? 1;
  }
  if (options.cache === "browser") {
    env.useCustomCache = false;
    env.customCache = null;
    env.useBrowserCache = "caches" in globalThis;
  } else {
    env.useBrowserCache = false;
    env.useCustomCache = true;
    env.customCache = options.cache;
  }
}

/** A model from the hub (online, no local models, downloads kept in the browser's Cache Storage): the LMs' hub loader and CLIP. */
export function configureHubEnv(
  env: TransformersEnv,
  options: Pick<TransformersEnvOptions, "remoteHost" | "wasmPaths">,
): void {
  configureTransformersEnv(env, {
    localModelPath: null,
    allowRemote: true,
    remoteHost: options.remoteHost,
    wasmPaths: options.wasmPaths,
    cache: "browser",
  });
}
