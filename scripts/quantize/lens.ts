/**
 * lens_quantized.bin: the logit lens (src/lib/lm/lens.ts) for an int8 model.
 * lens.bin holds gamma[d], beta[d] and the tied embedding [vocab × d] in
 * float32; the int8 model stores that embedding as int8 rows with one scale
 * each (weights.ts), and its unembedding reads the dequantised numbers. This
 * file holds the same int8 rows and scales — gamma[d], beta[d], scale[vocab]
 * (float32), then int8 [vocab × d] — so the lens reads the last layer exactly
 * as the int8 model does, at a quarter of the bytes.
 */
import onnxProto from "onnx-proto";
import { quantizeInt8 } from "./weights";

function floats(bytes: Uint8Array): Float32Array {
  const copy = bytes.slice();
  return new Float32Array(copy.buffer, 0, copy.length / 4);
}

/**
 * The int8 lens of `lens` (lens.bin bytes) for a model of width `dim`.
 * `model` (the fp32 model.onnx) must hold the lens's embedding as one of its
 * weights: otherwise the lens would not be the model's own unembedding.
 */
export function quantizeLens(lens: Uint8Array, dim: number, model: Uint8Array): Uint8Array {
  const all = floats(lens);
  const vocab = (all.length - 2 * dim) / dim;
  if (!Number.isInteger(vocab) || vocab <= 0)
    throw new Error(`lens.bin does not fit a model of width ${dim}`);
  const embeddingBytes = lens.subarray(8 * dim);
  const graph = onnxProto.onnx.ModelProto.decode(model).graph;
  const tied = (graph?.initializer ?? []).some(
    (t) =>
      t.rawData?.length === embeddingBytes.length &&
      Buffer.compare(Buffer.from(t.rawData), Buffer.from(embeddingBytes)) === 0,
  );
  if (!tied) throw new Error("lens.bin's embedding is none of the model's weights");
  const { q, scales } = quantizeInt8(all.subarray(2 * dim), vocab, dim, 0);
  const out = new Uint8Array(8 * dim + 4 * vocab + vocab * dim);
  out.set(lens.subarray(0, 8 * dim), 0);
  out.set(new Uint8Array(scales.buffer), 8 * dim);
  out.set(new Uint8Array(q.buffer), 8 * dim + 4 * vocab);
  return out;
}
