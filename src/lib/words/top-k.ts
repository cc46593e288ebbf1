/** One scored row of a matrix: its index and its score. */
export interface Scored {
  index: number;
  score: number;
}

/**
 * Scores every row of `matrix` (rows × dims, row-major) by its dot product
 * with `target`, in one pass, and returns the k best rows, best first,
 * skipping the row indices in `exclude`. Ties keep the lower index first.
 * With unit-length rows and a unit-length target the score is the cosine.
 */
export function topKByDot(
  matrix: Float32Array,
  dims: number,
  target: ArrayLike<number>,
  k: number,
  exclude: ReadonlySet<number> = new Set(),
): Scored[] {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  if (target.length !== dims)
    throw new RangeError(`target has ${target.length} dimensions, want ${dims}`);
  const t = Float32Array.from(target);
  const rows = matrix.length / dims;
  // The k best so far, sorted best first; `worst` is the score a row must beat to enter.
  const best: Scored[] = [];
  let worst = -Infinity;
  for (let row = 0; row < rows; row++) {
    const offset = row * dims;
    let score = 0;
    for (let j = 0; j < dims; j++) score += (matrix[offset + j] as number) * (t[j] as number);
    if ((best.length === k && score <= worst) || exclude.has(row) || Number.isNaN(score)) continue;
    let at = best.length;
    while (at > 0 && (best[at - 1] as Scored).score < score) at--;
    best.splice(at, 0, { index: row, score });
    if (best.length > k) best.pop();
    worst = (best.at(-1) as Scored).score;
  }
  return best;
}
