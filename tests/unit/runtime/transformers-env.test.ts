import { describe, expect, it } from "vitest";
import {
  configureTransformersEnv,
  DEFAULT_REMOTE_HOST,
  type ModelCache,
  type TransformersEnv,
} from "@/lib/runtime/index";

/** A stand-in for transformers.js's env with its defaults and an onnx wasm backend. */
function fakeEnv(): TransformersEnv {
  return {
    allowLocalModels: false,
    allowRemoteModels: true,
    localModelPath: "/models/",
    remoteHost: DEFAULT_REMOTE_HOST,
    useBrowserCache: false,
    useWasmCache: true,
    useCustomCache: false,
    customCache: null,
    backends: { onnx: { wasm: { numThreads: 4 } } },
  } as unknown as TransformersEnv;
}

const cache: ModelCache = {
  match: () => Promise.resolve(undefined),
  put: () => Promise.resolve(),
};

describe("configureTransformersEnv(env, options)", () => {
  it("sets local models, the hub switch, a custom cache and locally served wasm on one thread", () => {
    const env = fakeEnv();
    configureTransformersEnv(env, {
      localModelPath: "/generated/models/",
      allowRemote: false,
      wasmPaths: { mjs: "/ort.mjs", wasm: "/ort.wasm" },
      cache,
    });
    expect(env.allowLocalModels).toBe(true);
    expect(env.localModelPath).toBe("/generated/models/");
    expect(env.allowRemoteModels).toBe(false);
    expect(env.useCustomCache).toBe(true);
    expect(env.customCache).toBe(cache);
    expect(env.useBrowserCache).toBe(false);
    expect(env.useWasmCache).toBe(false);
    expect(env.backends.onnx.wasm?.wasmPaths).toEqual({ mjs: "/ort.mjs", wasm: "/ort.wasm" });
    expect(env.backends.onnx.wasm?.numThreads).toBe(1);
  });

  it("leaves nothing of an earlier load behind: a hub load after a local one", () => {
    const env = fakeEnv();
    configureTransformersEnv(env, {
      localModelPath: "/generated/models/",
      allowRemote: true,
      remoteHost: "http://127.0.0.1:9999/",
      cache,
    });
    configureTransformersEnv(env, { localModelPath: null, allowRemote: true, cache: "browser" });
    expect(env.allowLocalModels).toBe(false);
    expect(env.allowRemoteModels).toBe(true);
    expect(env.remoteHost).toBe(DEFAULT_REMOTE_HOST);
    expect(env.useCustomCache).toBe(false);
    expect(env.customCache).toBeNull();
    // Node has no Cache Storage: transformers.js would throw if asked to use it.
    expect(env.useBrowserCache).toBe("caches" in globalThis);
  });

  it("takes an explicit thread count", () => {
    const env = fakeEnv();
    configureTransformersEnv(env, {
      localModelPath: null,
      allowRemote: true,
      wasmPaths: { mjs: "/ort.mjs", wasm: "/ort.wasm" },
      numThreads: 2,
      cache: "browser",
    });
    expect(env.backends.onnx.wasm?.numThreads).toBe(2);
  });
});
