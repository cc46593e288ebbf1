import { cosine, type Vec } from "./cosine";

export interface Neighbor {
  word: string;
  similarity: number;
}

/**
 * The k entries most cosine-similar to `target`, best first, skipping the
 * words in `exclude` (e.g. the inputs of an analogy) and zero vectors.
 * Ties keep the order of `entries`.
 */
export function nearest(
  target: Vec,
  entries: Iterable<readonly [string, Vec]>,
  k: number,
  exclude: Iterable<string> = [],
): Neighbor[] {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  const skip = new Set(exclude);
  const scored: Neighbor[] = [];
  for (const [word, vector] of entries) {
    if (skip.has(word)) continue;
    const similarity = cosine(target, vector);
    if (!Number.isNaN(similarity)) scored.push({ word, similarity });
  }
  return scored.sort((a, b) => b.similarity - a.similarity).slice(0, k);
}
