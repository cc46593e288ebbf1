import { describe, expect, it } from "vitest";
import { count, NgramError } from "@/lib/ngram/index";
import { foldedWords, naivePositions, realIndex, seeded, tinyCorpus, tinyIndex } from "./fixtures";

/** The lesson's worked example (lesson 04), one sentence per document. */
const LESSON = ["the cat sat on the mat .", "the cat ate the fish .", "the dog sat on the cat ."];

describe("count", () => {
  it("gives the lesson's hand-counted numbers", () => {
    const index = tinyIndex("lesson", LESSON);
    expect(count([index], "the cat").count).toBe(3);
    expect(count([index], "sat on the").count).toBe(2);
    expect(count([index], "the").count).toBe(6);
    expect(count([index], "the dog sat on the cat").count).toBe(1);
    expect(count([index], "the cat danced").count).toBe(0);
  });

  it("folds case for counting and never counts across a document end", () => {
    const index = tinyIndex("case", ["The Cat. the CAT", "cat The", "cat"]);
    expect(count([index], "the cat").count).toBe(2);
    expect(count([index], "THE CAT").count).toBe(2);
    // "The" ends document 2 and "cat" starts document 3: no 2-gram spans them.
    expect(count([index], "the cat cat").count).toBe(0);
    expect(count([index], ["cat"]).count).toBe(4);
  });

  it("says which tokens the corpora never have", () => {
    const index = tinyIndex("unknown", LESSON);
    const result = count([index], "the zebra sat");
    expect(result.count).toBe(0);
    expect(result.unknown).toEqual(["zebra"]);
    expect(result.byCorpus).toEqual([{ corpus: "unknown", count: 0, tokenCount: 20 }]);
  });

  it("throws a clear NgramError for an empty n-gram", () => {
    const index = tinyIndex("empty", LESSON);
    expect(() => count([index], "   ")).toThrow(NgramError);
  });

  it("sums over several corpora", () => {
    const a = tinyIndex("a", ["x y z", "y z"]);
    const b = tinyIndex("b", ["y z y z", "q"]);
    const result = count([a, b], "y z");
    expect(result.byCorpus.map((c) => c.count)).toEqual([2, 2]);
    expect(result.count).toBe(4);
  });

  it("equals a naive scan for 200 random n-grams of small hand-made streams", () => {
    const random = seeded(11);
    const alphabet = ["a", "b", "c", "A", "B"];
    for (let trial = 0; trial < 200; trial++) {
      const documents = Array.from({ length: 1 + random(4) }, () =>
        Array.from({ length: 1 + random(30) }, () => alphabet[random(alphabet.length)]).join(" "),
      );
      const index = tinyIndex("random", documents);
      const words = foldedWords(tinyCorpus("random", documents));
      const ngram = Array.from({ length: 1 + random(4) }, () => "abc"[random(3)] as string);
      expect(count([index], ngram).count, `${ngram.join(" ")} in ${documents.join(" | ")}`).toBe(
        naivePositions(words, ngram).length,
      );
    }
  });

  it("equals a naive scan of Moby Dick for 200 random n-grams (seeded)", () => {
    const index = realIndex("moby-dick");
    const words = foldedWords(index.corpus);
    const random = seeded(2024);
    const fromText = (n: number): string[] => {
      for (;;) {
        const at = random(words.length - n);
        const slice = words.slice(at, at + n);
        if (slice.every((w) => w !== null)) return slice;
      }
    };
    const present = words.filter((w): w is string => w !== null);
    let nonZero = 0;
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + random(6);
      // Half from the text (present), half from random vocabulary words (mostly absent).
      const ngram =
        trial % 2 === 0
          ? fromText(n)
          : Array.from({ length: n }, () => present[random(present.length)] as string);
      const expected = naivePositions(words, ngram).length;
      if (expected > 0) nonZero++;
      expect(count([index], ngram).count, ngram.join(" ")).toBe(expected);
    }
    expect(nonZero).toBeGreaterThanOrEqual(100);
  });
});
