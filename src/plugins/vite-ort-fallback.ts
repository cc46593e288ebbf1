/**
 * onnxruntime-web's bundle names its WebAssembly file with
 * `new URL("ort-wasm-simd-threaded.asyncify.wasm", import.meta.url)` as a
 * fallback for when no `wasmPaths` is set. Vite copies every such file into
 * the build: two copies of a 27 MB runtime the site never loads (every model
 * load sets `wasmPaths` to the runtime served from /generated/ort/). This
 * plugin points the fallback at that served runtime instead, so nothing is
 * copied and, if the fallback were ever taken, it would still load locally.
 */
import type { Plugin } from "vite";
import { ASSETS } from "../lib/assets/paths";

const FALLBACK =
  /new URL\((["'])(ort-wasm-simd-threaded(?:\.[a-z]+)?\.wasm)\1,\s*import\.meta\.url\)/g;

export function ortWasmFallback(served = ASSETS.ort.wasm): Plugin {
  return {
    name: "llmlab:ort-wasm-fallback",
    enforce: "pre",
    transform(code, id) {
      if (!id.includes("onnxruntime-web") || !code.includes("import.meta.url")) return null;
      const out = code.replace(
        FALLBACK,
        () =>
          `new URL(${JSON.stringify(served)}, globalThis.location?.href ?? "http://127.0.0.1/")`,
      );
      return out === code ? null : { code: out, map: null };
    },
  };
}
