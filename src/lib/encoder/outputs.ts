import type { AttentionTensor, LayerTensor } from "./types";

/** A raw batched model output. */
export interface RawTensor {
  data: Float32Array;
  dims: readonly number[];
}

/** Rows [0, n) of item `b` of a [batch, seq, dim] tensor, copied. */
export function sliceSequence(t: RawTensor, b: number, n: number): LayerTensor {
  const [, seq = 0, dim = 0] = t.dims;
  const start = b * seq * dim;
  return { data: t.data.slice(start, start + n * dim), seq: n, dim };
}

/** Item `b` of a [batch, heads, seq, seq] tensor, cut to its first n tokens (padding excluded). */
export function sliceAttention(t: RawTensor, b: number, n: number): AttentionTensor {
  const [, heads = 0, seq = 0] = t.dims;
  const out = new Float32Array(heads * n * n);
  for (let h = 0; h < heads; h++) {
    for (let q = 0; q < n; q++) {
      const from = ((b * heads + h) * seq + q) * seq;
      out.set(t.data.subarray(from, from + n), (h * n + q) * n);
    }
  }
  return { data: out, heads, seq: n };
}

/** Item `b` of a [batch, dim] tensor. */
export function sliceRow(t: RawTensor, b: number): Float32Array {
  const dim = t.dims[1] ?? 0;
  return t.data.slice(b * dim, (b + 1) * dim);
}

/** Output names in layer order: "attention_0", "attention_1", … */
export function numbered(names: Iterable<string>, prefix: string): string[] {
  const pattern = new RegExp(`^${prefix}_(\\d+)$`);
  return [...names]
    .map((name) => ({ name, n: Number(pattern.exec(name)?.[1] ?? Number.NaN) }))
    .filter((x) => !Number.isNaN(x.n))
    .sort((a, b) => a.n - b.n)
    .map((x) => x.name);
}
