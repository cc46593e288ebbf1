/**
 * Asset step "quantize": writes onnx/model_quantized.onnx beside each model's
 * onnx/model.onnx (USE-lite, our GPT and its checkpoints, our masked LM) with
 * int8 weights (scripts/quantize/weights.ts). transformers.js loads that file
 * for `dtype: "q8"`, which the site uses by default; model.onnx stays for
 * `dtype: "fp32"`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { quantizeWeights } from "../quantize/weights";
import { MODEL_DIR } from "./encoder";
import { checkpoints, OUT } from "./language-models";
import type { AssetStep } from "./types";

/** Every model folder the site serves. */
export function servedModels(): string[] {
  return [
    MODEL_DIR,
    ...["gpt", "mlm", ...checkpoints().map((c) => c.id)].map((id) => join(OUT, id)),
  ];
}

export const fp32Path = (dir: string): string => join(dir, "onnx", "model.onnx");
export const quantizedPath = (dir: string): string => join(dir, "onnx", "model_quantized.onnx");

const NOTE =
  "weight-only int8: symmetric per output channel, DequantizeLinear to float32 (llm-lab scripts/quantize/weights.ts)";

export const step: AssetStep = {
  name: "quantize",
  outputs: servedModels().map(quantizedPath),
  inputs: [
    "scripts/assets/quantize.ts",
    "scripts/quantize/weights.ts",
    ...servedModels().map(fp32Path),
  ],
  build() {
    for (const dir of servedModels()) {
      const source = readFileSync(fp32Path(dir));
      const { bytes, weights } = quantizeWeights(source, { format: "int8", note: NOTE });
      writeFileSync(quantizedPath(dir), bytes);
      const worst = Math.max(...weights.map((w) => w.maxError));
      console.log(
        `assets: ${quantizedPath(dir)}: ${weights.length} weights to int8, ` +
          `${(source.length / 1e6).toFixed(2)} → ${(bytes.length / 1e6).toFixed(2)} MB (max |Δw| ${worst.toExponential(2)})`,
      );
    }
    return Promise.resolve();
  },
};
