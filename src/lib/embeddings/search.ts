import { topKByDot } from "../words/top-k";
import { unit, type EmbeddingMatrix } from "./matrix";

/** One search hit: the row's index and its cosine similarity to the query. */
export interface Hit {
  index: number;
  similarity: number;
}

/**
 * Semantic search: the k rows most cosine-similar to `query` (a vector of
 * the matrix's length, e.g. the query text's embedding), best first. Ties
 * keep the lower index first.
 */
export function search(matrix: EmbeddingMatrix, query: ArrayLike<number>, k = 10): Hit[] {
  if (query.length !== matrix.dims)
    throw new RangeError(`the query has ${query.length} numbers, the corpus ${matrix.dims}`);
  const q = unit(query);
  return topKByDot(matrix.data, matrix.dims, q, Math.min(k, matrix.count)).map((s) => ({
    index: s.index,
    similarity: Math.max(-1, Math.min(1, s.score)),
  }));
}
