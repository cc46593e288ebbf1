/**
 * Reads the MobileNetV2 that nsfwjs ships (dist/models/mobilenet_v2): a Keras
 * 2.2.4 layers model as a UMD module, and its weights as one base64 shard of
 * uint8 values with an affine (min, scale) per tensor. Weights are decoded as
 * TF.js decodes them: value = q · scale + min, stored as float32.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

export const NSFWJS_PACKAGE = "nsfwjs";

export interface KerasLayer {
  name: string;
  class_name: string;
  config: Record<string, unknown>;
  /** [[[inboundLayer, nodeIndex, tensorIndex, kwargs], …]] */
  inbound_nodes: [string, number, number, unknown][][];
}

export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { min: number; scale: number; dtype: string };
}

export interface KerasModel {
  layers: KerasLayer[];
  weights: WeightSpec[];
  /** The raw uint8 values of every weight, in manifest order. */
  data: Uint8Array;
}

/** The package's folder (its exports do not include package.json): the entry is dist/cjs/index.js. */
export function nsfwjsDir(): string {
  return join(dirname(require.resolve(NSFWJS_PACKAGE)), "..", "..");
}

export function readKerasModel(model = "mobilenet_v2"): KerasModel {
  const dir = join(nsfwjsDir(), "dist", "models", model);
  const json = require(join(dir, "model.min.js")) as {
    modelTopology: { model_config: { config: { layers: KerasLayer[] } } };
    weightsManifest: { paths: string[]; weights: WeightSpec[] }[];
  };
  const manifest = json.weightsManifest[0];
  if (!manifest || json.weightsManifest.length !== 1)
    throw new Error("expected one weights group in nsfwjs's model");
  const shards = manifest.paths.map((p) =>
    Buffer.from(require(join(dir, `${p}.min.js`)) as string, "base64"),
  );
  return {
    layers: json.modelTopology.model_config.config.layers,
    weights: manifest.weights,
    data: new Uint8Array(Buffer.concat(shards)),
  };
}

export interface QuantizedWeight {
  name: string;
  shape: number[];
  values: Uint8Array;
  min: number;
  scale: number;
}

/** Every weight as stored (uint8 + min + scale), by name. */
export function quantizedWeights(model: KerasModel): Map<string, QuantizedWeight> {
  const out = new Map<string, QuantizedWeight>();
  let offset = 0;
  for (const spec of model.weights) {
    const q = spec.quantization;
    if (spec.dtype !== "float32" || q?.dtype !== "uint8")
      throw new Error(`expected uint8-quantised float32 weights, not ${spec.name}`);
    const count = spec.shape.reduce((a, b) => a * b, 1);
    out.set(spec.name, {
      name: spec.name,
      shape: spec.shape,
      values: model.data.subarray(offset, offset + count),
      min: q.min,
      scale: q.scale,
    });
    offset += count;
  }
  if (offset !== model.data.length)
    throw new Error(`the weights use ${offset} bytes but the shard holds ${model.data.length}`);
  return out;
}

/** A weight decoded as TF.js does (float64 arithmetic, stored as float32). */
export function dequantize(w: QuantizedWeight): Float32Array {
  const out = new Float32Array(w.values.length);
  for (let i = 0; i < w.values.length; i++) out[i] = (w.values[i] as number) * w.scale + w.min;
  return out;
}
