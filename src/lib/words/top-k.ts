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
    // Four running sums let the engine overlap the multiply-adds.
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let j = 0;
    for (; j + 3 < dims; j += 4) {
      s0 += (matrix[offset + j] as number) * (t[j] as number);
      s1 += (matrix[offset + j + 1] as number) * (t[j + 1] as number);
      s2 += (matrix[offset + j + 2] as number) * (t[j + 2] as number);
      s3 += (matrix[offset + j + 3] as number) * (t[j + 3] as number);
    }
    for (; j < dims; j++) s0 += (matrix[offset + j] as number) * (t[j] as number);
    const score = s0 + s1 + s2 + s3;
    if ((best.length === k && score <= worst) || exclude.has(row) || Number.isNaN(score)) continue;
    let at = best.length;
    while (at > 0 && (best[at - 1] as Scored).score < score) at--;
    best.splice(at, 0, { index: row, score });
    if (best.length > k) best.pop();
    worst = (best.at(-1) as Scored).score;
  }
  return best;
}
