/**
 * When is a search's best match weak? Measured, not guessed: the best-match
 * cosines of queries about the corpus's subjects and of queries unrelated to
 * it, and the threshold that tells the two apart best.
 */
import { search } from "./search";
import type { EmbeddingMatrix } from "./matrix";

/** Smallest, median and largest of some numbers. */
export interface Spread {
  min: number;
  median: number;
  max: number;
}

export interface WeakMatchCalibration {
  /** A best match below this is weak: cosines like those of unrelated queries. */
  threshold: number;
  related: Spread;
  unrelated: Spread;
  /** How many queries of each kind were measured. */
  relatedCount: number;
  unrelatedCount: number;
  /** Share of all the measured queries that the threshold classifies right (0–1). */
  accuracy: number;
}

/** The best cosine similarity to the corpus of each query vector. */
export function bestCosines(
  matrix: EmbeddingMatrix,
  queries: readonly ArrayLike<number>[],
): number[] {
  return queries.map((q) => search(matrix, q, 1)[0]?.similarity ?? NaN);
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new RangeError("need at least one value");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = Number.isInteger(mid)
    ? ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
    : (sorted[Math.floor(mid)] as number);
  return { min: sorted[0] as number, median, max: sorted.at(-1) as number };
}

/**
 * The threshold with the best balanced accuracy (the mean of the share of
 * related queries at or above it and the share of unrelated ones below it),
 * placed halfway between two neighbouring measured values. Among equally good
 * thresholds the middle one is taken, so a clean gap gives its midpoint.
 */
export function weakMatchCalibration(
  related: readonly number[],
  unrelated: readonly number[],
): WeakMatchCalibration {
  if (related.length === 0 || unrelated.length === 0)
    throw new RangeError("need related and unrelated queries");
  const values = [...new Set([...related, ...unrelated])].sort((a, b) => a - b);
  const candidates = values.slice(1).map((v, i) => ((values[i] as number) + v) / 2);
  if (candidates.length === 0) candidates.push(values[0] as number);
  const score = (t: number): number =>
    (related.filter((v) => v >= t).length / related.length +
      unrelated.filter((v) => v < t).length / unrelated.length) /
    2;
  const scores = candidates.map(score);
  const best = Math.max(...scores);
  const ties = candidates.filter((_, i) => (scores[i] as number) >= best - 1e-12);
  const threshold =
    ties.length % 2 === 1
      ? (ties[(ties.length - 1) / 2] as number)
      : ((ties[ties.length / 2 - 1] as number) + (ties[ties.length / 2] as number)) / 2;
  const right =
    related.filter((v) => v >= threshold).length + unrelated.filter((v) => v < threshold).length;
  return {
    threshold,
    related: spread(related),
    unrelated: spread(unrelated),
    relatedCount: related.length,
    unrelatedCount: unrelated.length,
    accuracy: right / (related.length + unrelated.length),
  };
}
