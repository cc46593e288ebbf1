/**
 * Weight-only quantisation of an ONNX graph (build time only, onnx-proto).
 *
 * Each large float32 weight — a 2-D initializer that only feeds MatMul / Gemm
 * as the weight or Gather as the table, directly or through Identity and a
 * 2-D Transpose — is stored smaller and turned back into float32 by one node
 * whose output keeps the weight's name, so the rest of the graph (and every
 * activation) is untouched:
 *
 * - "int8": symmetric int8 per output channel (a MatMul's columns, a
 *   Gather's rows, a transposed weight's rows), scale = max|w| / 127, and a
 *   `DequantizeLinear` node with `axis` (opset ≥ 13).
 * - "fp16": IEEE half storage and a `Cast` to float.
 *
 * Biases, norms and other small tensors stay float32. The same input gives
 * the same bytes.
 */
import onnxProto from "onnx-proto";

const { onnx } = onnxProto;
const { DataType } = onnx.TensorProto;
type Graph = onnxProto.onnx.IGraphProto;
type Node = onnxProto.onnx.INodeProto;
type Tensor = onnxProto.onnx.ITensorProto;

export type WeightFormat = "int8" | "fp16";

export interface QuantizeOptions {
  format: WeightFormat;
  /** Smaller weights stay float32 (default 4096 elements). */
  minElements?: number;
  /** Recorded in the model's metadata ("quantization"). */
  note?: string;
}

export interface QuantizedWeight {
  name: string;
  dims: number[];
  /** The channel axis of the int8 scales (-1 for fp16). */
  axis: number;
  /** Largest |w − dequantised w| over the tensor. */
  maxError: number;
}

export interface QuantizeResult {
  bytes: Uint8Array;
  weights: QuantizedWeight[];
}

/** The lowest default-domain opset whose DequantizeLinear takes `axis`. */
export const MIN_INT8_OPSET = 13;

function intAttr(node: Node, name: string): number | null {
  const a = node.attribute?.find((x) => x.name === name);
  return a?.i === undefined || a.i === null ? null : Number(a.i);
}

function intsAttr(node: Node, name: string): number[] | null {
  const a = node.attribute?.find((x) => x.name === name);
  return a?.ints ? a.ints.map(Number) : null;
}

/**
 * The output-channel axis a 2-D tensor `value` has for every node that reads
 * it (following Identity and Transpose), or null when some reader is not a
 * weight slot (or readers disagree).
 */
function channelAxis(value: string, readers: Map<string, Node[]>): number | null {
  const uses = readers.get(value) ?? [];
  if (uses.length === 0) return null;
  let axis: number | null = null;
  for (const node of uses) {
    const slot = (node.input ?? []).indexOf(value);
    let a: number | null = null;
    const out = node.output?.[0] ?? "";
    if (node.opType === "Gather" && slot === 0 && (intAttr(node, "axis") ?? 0) === 0) a = 0;
    else if (node.opType === "MatMul" && slot === 1) a = 1;
    else if (node.opType === "Gemm" && slot === 1) a = intAttr(node, "transB") === 1 ? 0 : 1;
    else if (node.opType === "Identity") a = channelAxis(out, readers);
    else if (node.opType === "Transpose") {
      const perm = intsAttr(node, "perm");
      if (perm === null || (perm[0] === 1 && perm[1] === 0)) {
        const inner = channelAxis(out, readers);
        a = inner === null ? null : 1 - inner;
      }
    }
    if (a === null || (axis !== null && a !== axis)) return null;
    axis = a;
  }
  return axis;
}

function floats(t: Tensor): Float32Array {
  if (t.rawData && t.rawData.length > 0) {
    const copy = Uint8Array.from(t.rawData);
    return new Float32Array(copy.buffer, 0, copy.length / 4);
  }
  return Float32Array.from(t.floatData ?? []);
}

/** Symmetric int8 per channel along `axis` of a [rows × cols] tensor. */
export function quantizeInt8(
  w: Float32Array,
  rows: number,
  cols: number,
  axis: number,
): { q: Int8Array; scales: Float32Array; maxError: number } {
  const channels = axis === 0 ? rows : cols;
  const at = (c: number, k: number): number => (axis === 0 ? c * cols + k : k * cols + c);
  const length = axis === 0 ? cols : rows;
  const q = new Int8Array(w.length);
  const scales = new Float32Array(channels);
  let maxError = 0;
  for (let c = 0; c < channels; c++) {
    let max = 0;
    for (let k = 0; k < length; k++) max = Math.max(max, Math.abs(w[at(c, k)] as number));
    const scale = Math.fround(max > 0 ? max / 127 : 1);
    scales[c] = scale;
    for (let k = 0; k < length; k++) {
      const i = at(c, k);
      const v = Math.max(-127, Math.min(127, Math.round((w[i] as number) / scale)));
      q[i] = v;
      maxError = Math.max(maxError, Math.abs(Math.fround(v * scale) - (w[i] as number)));
    }
  }
  return { q, scales, maxError };
}

/** IEEE 754 half bits of a float (round to nearest even). */
export function toHalf(value: number): number {
  const f = new Float32Array([value]);
  const x = new Uint32Array(f.buffer)[0] as number;
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  let e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    const half = mant >>> shift;
    const rest = mant & ((1 << shift) - 1);
    const mid = 1 << (shift - 1);
    return sign | (half + (rest > mid || (rest === mid && half & 1) ? 1 : 0));
  }
  const half = mant >>> 13;
  const rest = mant & 0x1fff;
  let out = (e << 10) | half;
  if (rest > 0x1000 || (rest === 0x1000 && half & 1)) out += 1; // may carry into the exponent
  e = out >>> 10;
  return sign | (e >= 0x1f ? 0x7c00 : out);
}

export function fromHalf(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

function defaultOpset(model: onnxProto.onnx.IModelProto): number {
  const entry = model.opsetImport?.find((o) => !o.domain || o.domain === "ai.onnx");
  return Number(entry?.version ?? 0);
}

/** Rewrites the model's large weights to `options.format` storage; see the file comment. */
export function quantizeWeights(bytes: Uint8Array, options: QuantizeOptions): QuantizeResult {
  const model = onnx.ModelProto.decode(bytes);
  const graph: Graph | null | undefined = model.graph;
  if (!graph) throw new Error("the model has no graph");
  if (options.format === "int8" && defaultOpset(model) < MIN_INT8_OPSET)
    throw new Error(
      `int8 weights need opset ≥ ${MIN_INT8_OPSET} (per-axis DequantizeLinear); the model has ${defaultOpset(model)}`,
    );
  const minElements = options.minElements ?? 4096;
  const readers = new Map<string, Node[]>();
  for (const node of graph.node ?? [])
    for (const input of node.input ?? []) {
      const list = readers.get(input) ?? [];
      if (!list.includes(node)) list.push(node);
      readers.set(input, list);
    }
  const graphOutputs = new Set((graph.output ?? []).map((o) => o.name));
  const kept: Tensor[] = [];
  const added: Tensor[] = [];
  const nodes: Node[] = [];
  const weights: QuantizedWeight[] = [];
  for (const t of graph.initializer ?? []) {
    const dims = (t.dims ?? []).map(Number);
    const name = t.name ?? "";
    const size = dims.reduce((a, b) => a * b, 1);
    const axis =
      t.dataType === DataType.FLOAT && dims.length === 2 && size >= minElements
        ? channelAxis(name, readers)
        : null;
    if (axis === null || graphOutputs.has(name) || (t.externalData?.length ?? 0) > 0) {
      kept.push(t);
      continue;
    }
    const w = floats(t);
    const [rows, cols] = dims as [number, number];
    if (options.format === "int8") {
      const { q, scales, maxError } = quantizeInt8(w, rows, cols, axis);
      const channels = scales.length;
      added.push(
        {
          name: `${name}_quantized`,
          dims,
          dataType: DataType.INT8,
          rawData: new Uint8Array(q.buffer),
        },
        {
          name: `${name}_scale`,
          dims: [channels],
          dataType: DataType.FLOAT,
          rawData: new Uint8Array(scales.buffer),
        },
        {
          name: `${name}_zero_point`,
          dims: [channels],
          dataType: DataType.INT8,
          rawData: new Uint8Array(channels),
        },
      );
      nodes.push({
        opType: "DequantizeLinear",
        name: `${name}_dequantize`,
        input: [`${name}_quantized`, `${name}_scale`, `${name}_zero_point`],
        output: [name],
        attribute: [{ name: "axis", type: onnx.AttributeProto.AttributeType.INT, i: axis }],
      });
      weights.push({ name, dims, axis, maxError });
    } else {
      const half = new Uint16Array(w.length);
      let maxError = 0;
      w.forEach((v, i) => {
        half[i] = toHalf(v);
        maxError = Math.max(maxError, Math.abs(fromHalf(half[i]) - v));
      });
      added.push({
        name: `${name}_fp16`,
        dims,
        dataType: DataType.FLOAT16,
        rawData: new Uint8Array(half.buffer),
      });
      nodes.push({
        opType: "Cast",
        name: `${name}_cast`,
        input: [`${name}_fp16`],
        output: [name],
        attribute: [{ name: "to", type: onnx.AttributeProto.AttributeType.INT, i: DataType.FLOAT }],
      });
      weights.push({ name, dims, axis: -1, maxError });
    }
  }
  const replaced = new Set(weights.map((w) => w.name));
  graph.initializer = [...kept, ...added];
  // Old IRs list initializers among the inputs too; a replaced weight is no input now.
  graph.input = (graph.input ?? []).filter((i) => !replaced.has(i.name ?? ""));
  graph.node = [...nodes, ...(graph.node ?? [])];
  if (options.note)
    model.metadataProps = [
      ...model.metadataProps.filter((p) => p.key !== "quantization"),
      { key: "quantization", value: options.note },
    ];
  return { bytes: onnx.ModelProto.encode(model).finish(), weights };
}
