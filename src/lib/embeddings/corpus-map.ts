import { pca, project } from "../vectors/pca";
import type { EmbeddingMatrix } from "./matrix";
import { rowOf } from "./matrix";

export interface CorpusMap {
  /** n × 2 coordinates, row-major: text i is at (xy[2i], xy[2i + 1]). */
  xy: Float64Array;
  /** The share of the fitted rows' variance the two axes keep, in [0, 1]. */
  explained: number;
  /** How many rows the axes were fitted on. */
  fittedOn: number;
}

/**
 * A 2-D PCA map of every row. The axes are fitted on at most `fitRows` rows
 * spread evenly over the matrix (all rows when there are fewer), then every
 * row is projected onto them, so 2,000 texts cost little more than 500.
 * A map for display: power iteration stops at a 1e-6 tolerance or after 300 steps
 * per axis (the axes stay orthonormal; the map is for display).
 */
export function corpusMap(matrix: EmbeddingMatrix, fitRows = 500): CorpusMap {
  const n = matrix.count;
  if (n < 2) throw new RangeError(`a map needs at least 2 texts, got ${n}`);
  const m = Math.min(n, Math.max(2, fitRows));
  const sample = Array.from({ length: m }, (_, i) =>
    rowOf(matrix, Math.floor(((i + 0.5) * n) / m)),
  );
  const projection = pca(sample, 2, { tolerance: 1e-6, maxIterations: 300 });
  const xy = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) xy.set(project(projection, rowOf(matrix, i)), 2 * i);
  return {
    xy,
    explained: (projection.explained[0] ?? 0) + (projection.explained[1] ?? 0),
    fittedOn: m,
  };
}
