/**
 * n vectors of one length, L2-normalised and packed row-major into one
 * Float32Array, so that a cosine is a dot product and a query is one pass.
 */
export interface EmbeddingMatrix {
  /** n, the number of rows (texts). */
  readonly count: number;
  /** d, the numbers per row. */
  readonly dims: number;
  /** count × dims, row-major; every row has length 1 (or is all zeros). */
  readonly data: Float32Array;
}

/** Normalises and packs `vectors` (all of one length, at least one). */
export function toMatrix(vectors: readonly ArrayLike<number>[]): EmbeddingMatrix {
  const dims = vectors[0]?.length ?? 0;
  if (dims === 0) throw new RangeError("need at least one non-empty vector");
  const data = new Float32Array(vectors.length * dims);
  vectors.forEach((v, i) => {
    if (v.length !== dims)
      throw new RangeError(`vector ${i} has ${v.length} numbers, want ${dims}`);
    let sum = 0;
    for (let j = 0; j < dims; j++) sum += (v[j] as number) ** 2;
    const inverse = sum > 0 ? 1 / Math.sqrt(sum) : 0;
    for (let j = 0; j < dims; j++) data[i * dims + j] = (v[j] as number) * inverse;
  });
  return { count: vectors.length, dims, data };
}

/** Row i (a view, not a copy). */
export function rowOf(matrix: EmbeddingMatrix, i: number): Float32Array {
  if (!Number.isInteger(i) || i < 0 || i >= matrix.count)
    throw new RangeError(`row ${i} is not within 0…${matrix.count - 1}`);
  return matrix.data.subarray(i * matrix.dims, (i + 1) * matrix.dims);
}

/** The rows as separate views, e.g. for PCA. */
export function rows(matrix: EmbeddingMatrix): Float32Array[] {
  return Array.from({ length: matrix.count }, (_, i) => rowOf(matrix, i));
}

/** `vector` scaled to length 1 (a copy); all zeros stays all zeros. */
export function unit(vector: ArrayLike<number>): Float32Array {
  return toMatrix([vector]).data;
}
