import { describe, expect, it } from "vitest";
import { infiniGram, nextTokenDistribution, symbols, asTokens } from "@/lib/ngram/index";
import { foldedWords, naivePositions, realIndex, seeded, tinyIndex } from "./fixtures";

const LESSON = ["the cat sat on the mat .", "the cat ate the fish .", "the dog sat on the cat ."];

/** Next words after every occurrence of `context`, by scanning (null: a document end). */
function naiveNext(words: readonly (string | null)[], context: readonly string[]) {
  const counts = new Map<string, number>();
  let ends = 0;
  for (const at of naivePositions(words, context)) {
    const next = words[at + context.length] ?? null;
    if (next === null) ends++;
    else counts.set(next, (counts.get(next) ?? 0) + 1);
  }
  return { counts, ends };
}

describe("infiniGram", () => {
  const index = tinyIndex("lesson", LESSON);

  it("gives the lesson's P(sat | the cat) = 1/3", () => {
    const p = infiniGram([index], "the cat");
    expect(p.suffixLength).toBe(2);
    expect(p.distribution.contextCount).toBe(3);
    const sat = p.distribution.candidates.find((c) => c.token === "sat");
    expect(sat?.probability).toBeCloseTo(1 / 3, 12);
  });

  it("backs off to the longest suffix that occurs: 'a big dog sat on the' → 'dog sat on the' → cat", () => {
    const p = infiniGram([index], "a big dog sat on the");
    expect(p.suffixLength).toBe(4);
    expect(p.suffix).toBe("dog sat on the");
    expect(p.backoff.map((b) => b.count)).toEqual([6, 2, 2, 1, 0]);
    expect(p.distribution.candidates).toEqual([
      { token: "cat", display: "cat", count: 1, probability: 1 },
    ]);
  });

  it("uses the unigram distribution when even the last word is unknown", () => {
    const p = infiniGram([index], "the aardvark");
    expect(p.suffixLength).toBe(0);
    expect(p.suffix).toBe("");
    expect(p.distribution.contextCount).toBe(20);
    expect(p.distribution.candidates[0]).toMatchObject({ token: "the", count: 6 });
  });

  it("skips a suffix seen only at document ends", () => {
    const ends = tinyIndex("ends", ["we sail home", "they sail west", "home"]);
    // "home" occurs twice but only at document ends: back off to nothing.
    const p = infiniGram([ends], "go home");
    expect(p.backoff[0]).toMatchObject({ count: 2, continuations: 0 });
    expect(p.suffixLength).toBe(0);
  });

  it("keeps the corpus's most frequent spelling for display", () => {
    const p = infiniGram([realIndex("sotu")], "the United");
    expect(p.distribution.candidates[0]).toMatchObject({ token: "states", display: "States" });
  });
});

describe("nextTokenDistribution", () => {
  it("matches a naive scan, and counts add up to the context count minus document ends (200 contexts)", () => {
    const moby = realIndex("moby-dick");
    const shards = [moby];
    const words = foldedWords(moby.corpus);
    const random = seeded(5);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + random(3);
      const at = random(words.length - n);
      const context = words.slice(at, at + n);
      if (context.some((w) => w === null)) continue;
      const tokens = asTokens(context as string[]);
      const d = nextTokenDistribution(
        shards,
        shards.map((s) => symbols(s, tokens)),
      );
      const naive = naiveNext(words, context as string[]);
      const sum = d.candidates.reduce((s, c) => s + c.count, 0);
      expect(sum).toBe(d.contextCount - d.documentEnds);
      expect(d.continuations).toBe(sum);
      expect(d.documentEnds).toBe(naive.ends);
      expect(d.distinct).toBe(naive.counts.size);
      expect(new Map(d.candidates.map((c) => [c.token, c.count]))).toEqual(naive.counts);
    }
  });

  it("sums SOTU and Moby Dick, and `limit` keeps the most frequent in order", () => {
    const both = [realIndex("sotu"), realIndex("moby-dick")];
    const full = infiniGram(both, "the white").distribution;
    const [sotu, moby] = both.map((s) => infiniGram([s], "the white").distribution) as [
      typeof full,
      typeof full,
    ];
    expect(full.contextCount).toBe(sotu.contextCount + moby.contextCount);
    const whale = (d: typeof full): number =>
      d.candidates.find((c) => c.token === "whale")?.count ?? 0;
    expect(whale(full)).toBe(whale(sotu) + whale(moby));
    expect(whale(moby)).toBeGreaterThan(0);
    const top = infiniGram(both, "the white", { limit: 5 }).distribution.candidates;
    expect(top).toEqual(full.candidates.slice(0, 5));
    const counts = full.candidates.map((c) => c.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});
