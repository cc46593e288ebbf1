/**
 * The logit lens: any layer's hidden state read through the model's final
 * layer norm and (tied) unembedding, as if the model stopped there. The
 * weights come from lens.bin (scripts/train/export.py): gamma[d], beta[d],
 * then the embedding matrix [vocab × d], float32 little-endian. With the
 * int8 model ("q8") it comes from lens_quantized.bin (scripts/quantize/lens.ts):
 * gamma[d], beta[d], one float32 scale per vocabulary row, then the int8
 * matrix [vocab × d] — the same numbers the int8 model's unembedding
 * dequantises to, so the last layer read through the lens is the model's output.
 */
import type { ModelDtype } from "../encoder/types";
import { LmError } from "./errors";

/** The lens file that matches each model file. */
export const LENS_FILES: Record<ModelDtype, string> = {
  fp32: "lens.bin",
  q8: "lens_quantized.bin",
};

export interface Lens {
  dim: number;
  vocab: number;
  gamma: Float32Array;
  beta: Float32Array;
  /** [vocab × dim] */
  embedding: Float32Array;
  eps: number;
}

export function parseLens(bytes: Uint8Array, dim: number): Lens {
  const floats = new Float32Array(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  );
  const vocab = (floats.length - 2 * dim) / dim;
  if (dim <= 0 || !Number.isInteger(vocab) || vocab <= 0)
    throw new LmError(`lens.bin does not fit a model of width ${dim}.`);
  return {
    dim,
    vocab,
    gamma: floats.subarray(0, dim),
    beta: floats.subarray(dim, 2 * dim),
    embedding: floats.subarray(2 * dim),
    eps: 1e-5,
  };
}

/** Reads lens_quantized.bin: the embedding is dequantised as DequantizeLinear does (q × scale in float32). */
export function parseQuantizedLens(bytes: Uint8Array, dim: number): Lens {
  const vocab = (bytes.byteLength - 8 * dim) / (4 + dim);
  if (dim <= 0 || !Number.isInteger(vocab) || vocab <= 0)
    throw new LmError(`lens_quantized.bin does not fit a model of width ${dim}.`);
  const copy = bytes.slice();
  const floats = new Float32Array(copy.buffer, 0, 2 * dim + vocab);
  const q = new Int8Array(copy.buffer, 4 * (2 * dim + vocab), vocab * dim);
  const embedding = new Float32Array(vocab * dim);
  for (let v = 0; v < vocab; v++) {
    const scale = floats[2 * dim + v] as number;
    for (let i = 0; i < dim; i++) embedding[v * dim + i] = (q[v * dim + i] as number) * scale;
  }
  return {
    dim,
    vocab,
    gamma: floats.slice(0, dim),
    beta: floats.slice(dim, 2 * dim),
    embedding,
    eps: 1e-5,
  };
}

export function parseLensFile(bytes: Uint8Array, dim: number, dtype: ModelDtype): Lens {
  return dtype === "q8" ? parseQuantizedLens(bytes, dim) : parseLens(bytes, dim);
}

/** Logits over the vocabulary from one hidden-state row. */
export function lensLogits(lens: Lens, row: ArrayLike<number>): Float32Array {
  const { dim, vocab, gamma, beta, embedding, eps } = lens;
  let mean = 0;
  for (let i = 0; i < dim; i++) mean += row[i] as number;
  mean /= dim;
  let variance = 0;
  for (let i = 0; i < dim; i++) variance += ((row[i] as number) - mean) ** 2;
  const scale = 1 / Math.sqrt(variance / dim + eps);
  const normed = new Float32Array(dim);
  for (let i = 0; i < dim; i++)
    normed[i] = ((row[i] as number) - mean) * scale * (gamma[i] as number) + (beta[i] as number);
  const out = new Float32Array(vocab);
  for (let v = 0; v < vocab; v++) {
    let sum = 0;
    const base = v * dim;
    for (let i = 0; i < dim; i++) sum += (normed[i] as number) * (embedding[base + i] as number);
    out[v] = sum;
  }
  return out;
}
