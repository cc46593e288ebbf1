import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

/** n seeded random vectors of d numbers in [-1, 1), for tests. */
export function randomVectors(n: number, d: number, seed: number): Float32Array[] {
  const rng = xoroshiro128plus(seed);
  return Array.from({ length: n }, () =>
    Float32Array.from({ length: d }, () => uniformFloat64(rng) * 2 - 1),
  );
}

/** Cosine similarity written out directly, as a second method. */
export function bruteCosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += (a[i] as number) * (b[i] as number);
    na += (a[i] as number) ** 2;
    nb += (b[i] as number) ** 2;
  }
  return dot / Math.sqrt(na * nb);
}
