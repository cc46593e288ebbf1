/**
 * Asset step "precomputed": runs the offline encoder in Node over the slides'
 * examples and writes what the lessons quote (so prose numbers come from the
 * model, never typed in) and what ContextLens shows before the model loads.
 * Output: public/generated/precomputed/contexts.json (preset id → ContextView).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  CONTEXT_PRESETS,
  contextView,
  loadEncoder,
  type ContextView,
} from "../../src/lib/encoder/index";
import { MODEL_DIR } from "./encoder";
import { quantizedPath } from "./quantize";
import type { AssetStep } from "./types";

export const PRECOMPUTED = "public/generated/precomputed/contexts.json";
const MODELS = fileURLToPath(new URL("../../public/generated/models/", import.meta.url));

const round = (v: number): number => Math.round(v * 1e6) / 1e6;

export const step: AssetStep = {
  name: "precomputed",
  outputs: [PRECOMPUTED],
  inputs: [
    "scripts/assets/precomputed.ts",
    "src/lib/encoder/context-presets.ts",
    "src/lib/encoder/context.ts",
    // The figures come from the weights the site serves (int8, scripts/assets/quantize.ts),
    // run as the browser runs them (precision.ts).
    "src/lib/encoder/precision.ts",
    quantizedPath(MODEL_DIR),
  ],
  async build() {
    const encoder = await loadEncoder({ localModelPath: MODELS });
    const out: Record<string, ContextView> = {};
    for (const preset of CONTEXT_PRESETS) {
      const view = contextView(await encoder.encode(preset.sentences), preset.target);
      out[preset.id] = {
        ...view,
        similarity: view.similarity.map((m) => m.map((row) => row.map(round))),
        map: view.map.map((xy) => xy.map(round)),
      };
    }
    mkdirSync("public/generated/precomputed", { recursive: true });
    writeFileSync(PRECOMPUTED, JSON.stringify(out));
  },
};
