import type { Vec } from "./cosine";

function sameLength(vectors: readonly Vec[]): number {
  const first = vectors[0];
  if (!first) throw new RangeError("need at least one vector");
  for (const v of vectors) {
    if (v.length !== first.length)
      throw new RangeError(`vectors differ in length: ${first.length} and ${v.length}`);
  }
  return first.length;
}

/** Element-wise sum of any number of vectors. */
export function add(...vectors: Vec[]): Float64Array {
  const n = sameLength(vectors);
  const out = new Float64Array(n);
  for (const v of vectors)
    for (let i = 0; i < n; i++) out[i] = (out[i] as number) + (v[i] as number);
  return out;
}

/** a − b. */
export function subtract(a: Vec, b: Vec): Float64Array {
  sameLength([a, b]);
  return Float64Array.from(a, (x, i) => x - (b[i] as number));
}

/** s · a. */
export function scale(a: Vec, s: number): Float64Array {
  return Float64Array.from(a, (x) => x * s);
}

/** The element-wise mean of one or more vectors. */
export function mean(vectors: readonly Vec[]): Float64Array {
  return scale(add(...vectors), 1 / vectors.length);
}
