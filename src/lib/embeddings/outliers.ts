import type { EmbeddingMatrix } from "./matrix";

/** A text with its mean cosine similarity to all the others. */
export interface OutlierScore {
  index: number;
  meanSimilarity: number;
}

/**
 * Each row's mean cosine similarity to every other row, in O(n·d) rather than
 * O(n²·d): with unit rows, Σ_{j≠i} x_i·x_j = x_i·(Σ_j x_j) − x_i·x_i. A low
 * value means a text unlike the rest of the corpus; the ranking equals the
 * ranking by cosine to the corpus centroid. Needs at least two rows.
 */
export function meanSimilarities(matrix: EmbeddingMatrix): Float64Array {
  const { count: n, dims: d, data } = matrix;
  if (n < 2) throw new RangeError(`need at least 2 texts to compare, got ${n}`);
  const sum = new Float64Array(d);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) sum[j] = (sum[j] as number) + (data[i * d + j] as number);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let withSum = 0;
    let self = 0;
    for (let j = 0; j < d; j++) {
      const x = data[i * d + j] as number;
      withSum += x * (sum[j] as number);
      self += x * x;
    }
    out[i] = (withSum - self) / (n - 1);
  }
  return out;
}

/** The k rows least similar to the rest (lowest mean similarity first; ties: lower index). */
export function outliers(matrix: EmbeddingMatrix, k = 10): OutlierScore[] {
  const scores = meanSimilarities(matrix);
  return Array.from(scores, (meanSimilarity, index) => ({ index, meanSimilarity }))
    .sort((a, b) => a.meanSimilarity - b.meanSimilarity || a.index - b.index)
    .slice(0, Math.max(0, k));
}
