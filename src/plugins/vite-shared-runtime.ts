/**
 * One copy of transformers.js (and onnxruntime-web) for the whole site. Vite
 * bundles each worker on its own, so the encoder worker, the language-model
 * worker, the code cells' sandbox and the page would each carry their own
 * half-megabyte copy. In the browser build, this plugin leaves every import
 * of `@huggingface/transformers` to the module the asset step builds
 * (scripts/assets/ort-wasm.ts), served at ASSETS.ort.runtime: the browser
 * downloads and caches it once. The dev server and Node keep the package.
 */
import type { Plugin } from "vite";
import { ASSETS } from "../lib/assets/paths";

export const SHARED_RUNTIME_PACKAGE = "@huggingface/transformers";

export function sharedRuntime(served = ASSETS.ort.runtime): Plugin {
  return {
    name: "llmlab:shared-runtime",
    apply: "build",
    enforce: "pre",
    resolveId(source, _importer, options) {
      if (source !== SHARED_RUNTIME_PACKAGE || options.ssr) return null;
      return { id: served, external: true };
    },
  };
}
