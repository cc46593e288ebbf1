import { describe, expect, it } from "vitest";
import { auc, separation, stratifiedAuc, type SensePair } from "@/lib/senses/index";

/** The AUC by its definition: every (positive, negative) pair, ties counted half. */
function bruteAuc(positives: number[], negatives: number[]): number {
  let wins = 0;
  for (const p of positives) for (const n of negatives) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (positives.length * negatives.length);
}

function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe("auc", () => {
  it("equals counting every pair, with ties, on random samples", () => {
    const r = seeded(3);
    for (let trial = 0; trial < 50; trial++) {
      // Rounded to one decimal so that ties are common.
      const pos = Array.from({ length: 1 + Math.floor(r() * 12) }, () => Math.round(r() * 10) / 10);
      const neg = Array.from({ length: 1 + Math.floor(r() * 12) }, () => Math.round(r() * 10) / 10);
      expect(auc(pos, neg)).toBeCloseTo(bruteAuc(pos, neg), 12);
    }
  });

  it("is 1 for perfect separation, 0 for reversed, 0.5 for all ties, NaN when a side is empty", () => {
    expect(auc([0.9, 0.8], [0.1, 0.2])).toBe(1);
    expect(auc([0.1], [0.9, 0.8])).toBe(0);
    expect(auc([1, 1], [1, 1, 1])).toBe(0.5);
    expect(auc([], [1])).toBeNaN();
  });
});

describe("stratifiedAuc", () => {
  it("compares pairs only within a word: a word-level offset does not count", () => {
    // Word A's cosines are all high, word B's all low; within each word, chance.
    const groups = [
      { positives: [0.9, 0.95], negatives: [0.95, 0.9] },
      { positives: [0.1, 0.2, 0.3], negatives: [0.2] },
    ];
    expect(stratifiedAuc(groups)).toBeCloseTo(0.5, 12);
    // Pooled across words, the same numbers look like separation.
    expect(auc([0.9, 0.95, 0.1, 0.2, 0.3], [0.95, 0.9, 0.2])).not.toBeCloseTo(0.5, 2);
    expect(stratifiedAuc([{ positives: [], negatives: [1] }])).toBeNaN();
  });
});

describe("separation", () => {
  const pairs: SensePair[] = [
    { word: "a", a: 0, b: 1, kind: "same" },
    { word: "a", a: 0, b: 2, kind: "related" },
    { word: "a", a: 1, b: 2, kind: "distant" },
    { word: "b", a: 3, b: 4, kind: "same" },
    { word: "b", a: 3, b: 5, kind: "distant" },
    { word: "b", a: 4, b: 5, kind: "related" },
    { word: "c", a: 6, b: 7, kind: "related" },
    { word: "c", a: 6, b: 8, kind: "distant" },
  ];
  const cosines = [0.9, 0.7, 0.5, 0.6, 0.8, 0.4, 0.3, 0.2];

  it("gives the within-word AUC, per kind, the related−distant gap and counts", () => {
    const s = separation(pairs, cosines, { resamples: 200, seed: 1 });
    // a: same 0.9 beats 0.7 and 0.5; b: same 0.6 loses to 0.8, beats 0.4. c has no same pair.
    expect(s.auc.estimate).toBeCloseTo(3 / 4, 12);
    expect(s.related.estimate).toBeCloseTo((1 + 1) / 2, 12);
    expect(s.distant.estimate).toBeCloseTo((1 + 0) / 2, 12);
    // Gap per word: a 0.7−0.5, b 0.4−0.8, c 0.3−0.2; mean.
    expect(s.relatedMinusDistant.estimate).toBeCloseTo((0.2 - 0.4 + 0.1) / 3, 12);
    expect(s.pairs).toEqual({ same: 2, related: 3, distant: 3 });
    expect(s.words).toBe(3);
    expect(s.wordsWithBoth).toBe(2);
    expect(s.wordsWithGap).toBe(3);
    expect(s.auc.low).toBeLessThanOrEqual(s.auc.estimate);
    expect(s.auc.high).toBeGreaterThanOrEqual(s.auc.estimate);
  });

  it("is reproducible with a seed and refuses mismatched lengths", () => {
    const a = separation(pairs, cosines, { resamples: 100, seed: 5 });
    const b = separation(pairs, cosines, { resamples: 100, seed: 5 });
    expect(a).toEqual(b);
    expect(() => separation(pairs, [1, 2])).toThrow(/2 cosines for 8 pairs/);
  });
});
