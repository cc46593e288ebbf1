/** A vector as the library passes it around: a plain array or any typed float array. */
export type Vec = ArrayLike<number>;

function assertSameLength(a: Vec, b: Vec): void {
  if (a.length !== b.length)
    throw new RangeError(`vectors differ in length: ${a.length} and ${b.length}`);
}

/** The dot product a · b. */
export function dot(a: Vec, b: Vec): number {
  assertSameLength(a, b);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}

/** The Euclidean (L2) norm ‖a‖. */
export function norm(a: Vec): number {
  return Math.sqrt(dot(a, a));
}

/**
 * Cosine similarity a · b / (‖a‖ ‖b‖), in [-1, 1].
 * Returns NaN when either vector is all zeros (the angle is undefined).
 */
export function cosine(a: Vec, b: Vec): number {
  const denominator = norm(a) * norm(b);
  if (denominator === 0) return Number.NaN;
  return Math.max(-1, Math.min(1, dot(a, b) / denominator));
}
