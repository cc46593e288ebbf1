/**
 * Asset step "quantize": writes onnx/model_quantized.onnx beside each model's
 * onnx/model.onnx (USE-lite, our GPT and its checkpoints, our masked LM) with
 * int8 weights (scripts/quantize/weights.ts), and lens_quantized.bin beside
 * each lens.bin (scripts/quantize/lens.ts). transformers.js loads that file
 * for `dtype: "q8"`, which the site uses by default; model.onnx and lens.bin
 * stay for `dtype: "fp32"`.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { quantizeLens } from "../quantize/lens";
import { quantizeWeights } from "../quantize/weights";
import { MODEL_DIR } from "./encoder";
import { checkpoints, OUT as MODELS_DIR } from "./language-models";
import type { AssetStep } from "./types";

export { MODELS_DIR };

/** Every model folder the site serves. */
export function servedModels(): string[] {
  return [
    MODEL_DIR,
    ...["gpt", "mlm", ...checkpoints().map((c) => c.id)].map((id) => join(MODELS_DIR, id)),
  ];
}

export const fp32Path = (dir: string): string => join(dir, "onnx", "model.onnx");
export const quantizedPath = (dir: string): string => join(dir, "onnx", "model_quantized.onnx");

/** The models with a logit lens (lens.bin): our final GPT and masked LM. */
const LENS_MODELS = ["gpt", "mlm"].map((id) => join(MODELS_DIR, id));

const NOTE =
  "weight-only int8: symmetric per output channel, DequantizeLinear to float32 (llm-lab scripts/quantize/weights.ts)";

export const step: AssetStep = {
  name: "quantize",
  outputs: [
    ...servedModels().map(quantizedPath),
    ...LENS_MODELS.map((dir) => join(dir, "lens_quantized.bin")),
  ],
  inputs: [
    "scripts/assets/quantize.ts",
    "scripts/quantize/weights.ts",
    "scripts/quantize/lens.ts",
    "node_modules/onnx-proto/package.json",
    ...servedModels().map(fp32Path),
    ...LENS_MODELS.map((dir) => join(dir, "lens.bin")),
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
    for (const dir of LENS_MODELS) {
      const lens = join(dir, "lens.bin");
      if (!existsSync(lens)) throw new Error(`${lens} is missing`);
      const config = JSON.parse(readFileSync(join(dir, "config.json"), "utf8")) as {
        n_embd?: number;
        hidden_size?: number;
      };
      const dim = config.n_embd ?? config.hidden_size ?? 0;
      const bytes = quantizeLens(readFileSync(lens), dim, readFileSync(fp32Path(dir)));
      writeFileSync(join(dir, "lens_quantized.bin"), bytes);
      console.log(
        `assets: ${join(dir, "lens_quantized.bin")}: ${(bytes.length / 1e6).toFixed(2)} MB`,
      );
    }
    return Promise.resolve();
  },
};
