/**
 * How well cosine similarity tells same-sense pairs from different-sense
 * pairs: the area under the ROC curve, within words (the probability that a
 * random same-sense pair of a word is more similar than a random
 * different-sense pair of the same word; 0.5 is chance, ties count half).
 * Pooling pairs across words would reward a model for telling words apart,
 * not senses. Intervals: percentile bootstrap over words, not pairs, since one
 * word's pairs share sentences.
 */
import { bootstrapInterval, type Interval } from "../labeling/bootstrap";
import type { PairKind, SensePair } from "./benchmark";

/** Mann–Whitney AUC of `positives` over `negatives` via mid-ranks; NaN when either is empty. */
export function auc(positives: readonly number[], negatives: readonly number[]): number {
  if (positives.length === 0 || negatives.length === 0) return NaN;
  const all = [
    ...positives.map((v) => ({ v, pos: true })),
    ...negatives.map((v) => ({ v, pos: false })),
  ].sort((p, q) => p.v - q.v);
  let rankSum = 0;
  for (let i = 0; i < all.length;) {
    let j = i;
    while (j + 1 < all.length && (all[j + 1] as { v: number }).v === (all[i] as { v: number }).v)
      j++;
    const midRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if ((all[k] as { pos: boolean }).pos) rankSum += midRank;
    i = j + 1;
  }
  const n1 = positives.length;
  return (rankSum - (n1 * (n1 + 1)) / 2) / (n1 * negatives.length);
}

/**
 * The within-word AUC: Σ_w U_w / Σ_w n⁺_w·n⁻_w over the words that have both
 * kinds (U_w: the Mann–Whitney count of word w); NaN when no word has both.
 */
export function stratifiedAuc(
  groups: readonly { positives: readonly number[]; negatives: readonly number[] }[],
): number {
  let wins = 0;
  let total = 0;
  for (const { positives, negatives } of groups) {
    const n = positives.length * negatives.length;
    if (n === 0) continue;
    wins += auc(positives, negatives) * n;
    total += n;
  }
  return total === 0 ? NaN : wins / total;
}

export interface Separation {
  /** Same-sense vs every different-sense pair of the same word. */
  auc: Interval;
  /** Same-sense vs related-sense pairs (polysemy). */
  related: Interval;
  /** Same-sense vs distant-sense pairs (the homonymy proxy). */
  distant: Interval;
  /**
   * Over the words with both related and distant pairs, the mean of (mean
   * cosine of related − mean cosine of distant pairs): > 0 when distant senses lie further apart.
   */
  relatedMinusDistant: Interval;
  mean: Record<PairKind, number>;
  pairs: Record<PairKind, number>;
  /** Words with pairs; words with both same- and different-sense pairs (they carry the AUC). */
  words: number;
  wordsWithBoth: number;
  /** Words with both related and distant pairs (they carry relatedMinusDistant). */
  wordsWithGap: number;
}

const mean = (values: readonly number[]): number =>
  values.length === 0 ? NaN : values.reduce((s, v) => s + v, 0) / values.length;

/**
 * The separation of `pairs` given each pair's cosine (`cosines[i]` for
 * `pairs[i]`). Bootstrap: `resamples` resamples of the words, seeded.
 */
export function separation(
  pairs: readonly SensePair[],
  cosines: ArrayLike<number>,
  options: { resamples?: number; seed?: number; level?: number } = {},
): Separation {
  if (cosines.length !== pairs.length)
    throw new RangeError(`${cosines.length} cosines for ${pairs.length} pairs`);
  const words = [...new Set(pairs.map((p) => p.word))];
  const byWord: { kind: PairKind; cosine: number }[][] = words.map(() => []);
  const index = new Map(words.map((w, i) => [w, i]));
  pairs.forEach((p, i) =>
    byWord[index.get(p.word) as number]?.push({ kind: p.kind, cosine: cosines[i] as number }),
  );
  type Kinds = Record<PairKind, number[]>;
  const kindsOf = (w: number): Kinds => {
    const out: Kinds = { same: [], related: [], distant: [] };
    for (const p of byWord[w] ?? []) out[p.kind].push(p.cosine);
    return out;
  };
  const kinds = words.map((_, w) => kindsOf(w));
  const interval = (statistic: (groups: Kinds[]) => number): Interval =>
    bootstrapInterval(
      words.length,
      (indices) => statistic(indices.map((w) => kinds[w] as Kinds)),
      options,
    );
  const within =
    (negative: (k: Kinds) => number[]) =>
    (groups: Kinds[]): number =>
      stratifiedAuc(groups.map((k) => ({ positives: k.same, negatives: negative(k) })));
  const gap = (groups: Kinds[]): number =>
    mean(
      groups
        .filter((k) => k.related.length > 0 && k.distant.length > 0)
        .map((k) => mean(k.related) - mean(k.distant)),
    );
  const all: Kinds = {
    same: kinds.flatMap((k) => k.same),
    related: kinds.flatMap((k) => k.related),
    distant: kinds.flatMap((k) => k.distant),
  };
  return {
    auc: interval(within((k) => [...k.related, ...k.distant])),
    related: interval(within((k) => k.related)),
    distant: interval(within((k) => k.distant)),
    relatedMinusDistant: interval(gap),
    mean: { same: mean(all.same), related: mean(all.related), distant: mean(all.distant) },
    pairs: { same: all.same.length, related: all.related.length, distant: all.distant.length },
    words: words.length,
    wordsWithBoth: kinds.filter((k) => k.same.length > 0 && k.related.length + k.distant.length > 0)
      .length,
    wordsWithGap: kinds.filter((k) => k.related.length > 0 && k.distant.length > 0).length,
  };
}
