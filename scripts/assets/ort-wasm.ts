/**
 * Asset step "ort-wasm": serves onnxruntime-web's WebAssembly runtime from
 * this site (public/generated/ort/), so the browser never fetches it from a CDN.
 * The version is the one @huggingface/transformers depends on (pinned in package.json).
 */
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
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

export const step: AssetStep = {
  name: "ort-wasm",
  outputs: ORT_FILES.map((f) => `${ORT_DIR}/${f}`),
  inputs: ["scripts/assets/ort-wasm.ts", join(ortDir, "..", "package.json")],
  async build() {
    mkdirSync(ORT_DIR, { recursive: true });
    for (const file of ORT_FILES) copyFileSync(join(ortDir, file), join(ORT_DIR, file));
    await Promise.resolve();
  },
};
