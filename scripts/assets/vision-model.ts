/**
 * Asset step "vision-model": converts the MobileNetV2 that nsfwjs ships (an
 * ImageNet-pretrained backbone whose last blocks nsfwjs fine-tuned for its
 * five classes) to ONNX, from the image to block 13's 576-d pooled features, with
 * the config transformers.js reads. Output: public/generated/models/mobilenet-v2/.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildMobileNetGraph, MOBILENET } from "../vision/mobilenet-graph";
import { nsfwjsDir, quantizedWeights, readKerasModel } from "../vision/nsfwjs-model";
import type { AssetStep } from "./types";

export const VISION_DIR = "public/generated/models/mobilenet-v2";

const version = (): string =>
  (JSON.parse(readFileSync(join(nsfwjsDir(), "package.json"), "utf8")) as { version: string })
    .version;

export const step: AssetStep = {
  name: "vision-model",
  outputs: [`${VISION_DIR}/onnx/model.onnx`, `${VISION_DIR}/config.json`],
  inputs: [
    "scripts/assets/vision-model.ts",
    "scripts/vision/mobilenet-graph.ts",
    "scripts/vision/nsfwjs-model.ts",
    "scripts/encoder/onnx-builder.ts",
    join(nsfwjsDir(), "package.json"),
  ],
  async build() {
    const model = readKerasModel();
    const graph = buildMobileNetGraph(model.layers, quantizedWeights(model));
    const bytes = graph.encode({
      producer: "llm-lab scripts/assets/vision-model.ts",
      doc: `MobileNetV2 (alpha 1.0, 224 × 224) from nsfwjs ${version()}, converted from Keras/TF.js up to ${MOBILENET.last}: NHWC RGB in [0, 1] → ${MOBILENET.features}-d average-pooled features.`,
      opset: 17,
      metadata: { license: "MIT (nsfwjs); MobileNetV2 ImageNet weights: Apache-2.0 (Keras)" },
    });
    mkdirSync(join(VISION_DIR, "onnx"), { recursive: true });
    writeFileSync(join(VISION_DIR, "onnx", "model.onnx"), bytes);
    const config = {
      model_type: "mobilenet_v2",
      architectures: ["MobileNetV2Model"],
      llmlab: {
        name: "MobileNetV2 image features (nsfwjs)",
        source: `nsfwjs@${version()} (MIT), dist/models/mobilenet_v2, converted from Keras 2.2.4 / TF.js`,
        input: `${MOBILENET.input}: [batch, ${MOBILENET.size}, ${MOBILENET.size}, 3] RGB in [0, 1], bilinear resize with aligned corners (as nsfwjs)`,
        output: `${MOBILENET.output}: [batch, ${MOBILENET.features}] ${MOBILENET.last} (after ReLU6) averaged over its 14 × 14 grid`,
        training:
          "ImageNet-pretrained MobileNetV2 (Keras applications); nsfwjs froze blocks 1–10 and fine-tuned blocks 11–16, the last convolution and a new head on its five classes (drawing, hentai, neutral, porn, sexy)",
      },
    };
    writeFileSync(join(VISION_DIR, "config.json"), JSON.stringify(config, null, 2));
    await Promise.resolve();
  },
};
