/**
 * Asset step "ort-wasm": serves onnxruntime-web's WebAssembly runtime from
 * this site (public/generated/ort/), so the browser never fetches it from a
 * CDN, and one copy of transformers.js with it (transformers.mjs) that every
 * page and worker imports (src/plugins/vite-shared-runtime.ts), rather than a
 * copy bundled into each worker. The version is the one
 * @huggingface/transformers depends on (pinned in package.json).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants } from "node:zlib";
import { build } from "esbuild";
import type { AssetStep } from "./types";

const require = createRequire(import.meta.url);
// The package exports no package.json; find its dist/ folder from its main entry.
const ortEntry = require.resolve("onnxruntime-web");
const ortDir = join(
  ortEntry.slice(0, ortEntry.lastIndexOf("onnxruntime-web") + "onnxruntime-web".length),
  "dist",
);
export const ORT_DIR = "public/generated/ort";
// The plain CPU build (14 MB) rather than the asyncify build transformers.js picks (27 MB):
// the site runs on the CPU (WebAssembly) only.
export const ORT_FILES = ["ort-wasm-simd-threaded.mjs", "ort-wasm-simd-threaded.wasm"];
/**
 * Every learner downloads the runtime, so it gets Brotli's best (quality 11, a
 * 16 MB window: 2.31 MB against 2.70 MB at the build's quality 9), once here
 * rather than on every build: it takes about 35 s. The build keeps a .br copy
 * that decodes to its file (scripts/postbuild/compress.ts).
 */
export const WASM_BROTLI = `${ORT_FILES[1] ?? ""}.br`;
/** transformers.js and onnxruntime-web's CPU build as one browser module. */
export const RUNTIME_FILE = "transformers.mjs";

/**
 * transformers.js's browser build with onnxruntime-web's WebAssembly-only
 * bundle (73 kB) in place of the WebGPU one it imports (about 400 kB): the
 * site runs every model on the CPU. The bundle's fallback path for its .wasm
 * (`new URL("ort-wasm-simd-threaded.wasm", import.meta.url)`) then names the
 * file served beside it.
 */
export async function bundleRuntime(): Promise<Uint8Array> {
  const result = await build({
    entryPoints: ["@huggingface/transformers"],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "eof",
    alias: { "onnxruntime-web/webgpu": "onnxruntime-web/wasm" },
    write: false,
    logLevel: "warning",
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error("esbuild wrote no transformers.js bundle");
  return output.contents;
}

export const step: AssetStep = {
  name: "ort-wasm",
  outputs: [...ORT_FILES, RUNTIME_FILE, WASM_BROTLI].map((f) => `${ORT_DIR}/${f}`),
  inputs: [
    "scripts/assets/ort-wasm.ts",
    join(ortDir, "..", "package.json"),
    require.resolve("@huggingface/transformers"),
  ],
  async build() {
    mkdirSync(ORT_DIR, { recursive: true });
    for (const file of ORT_FILES) copyFileSync(join(ortDir, file), join(ORT_DIR, file));
    writeFileSync(join(ORT_DIR, RUNTIME_FILE), await bundleRuntime());
    const wasm = readFileSync(join(ORT_DIR, ORT_FILES[1] ?? ""));
    const compressed = await promisify(brotliCompress)(wasm, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_LGWIN]: 24,
        [constants.BROTLI_PARAM_SIZE_HINT]: wasm.length,
      },
    });
    writeFileSync(join(ORT_DIR, WASM_BROTLI), compressed);
  },
};
