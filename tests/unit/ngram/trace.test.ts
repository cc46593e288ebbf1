import { describe, expect, it } from "vitest";
import { queryTokens, trace, type TraceSpan } from "@/lib/ngram/index";
import { foldedWords, naivePositions, realIndex, seeded, tinyIndex } from "./fixtures";

const moby = realIndex("moby-dick");
const words = foldedWords(moby.corpus);
const present = words.filter((w): w is string => w !== null);

/** A run of `n` tokens inside one document of Moby Dick, as text, and where it starts. */
function passage(random: (n: number) => number, n: number): { text: string; at: number } {
  for (;;) {
    const at = random(words.length - n);
    if (words.slice(at, at + n).every((w) => w !== null))
      return { text: moby.corpus.text(at, at + n), at };
  }
}

const folded = (text: string): string[] => queryTokens(text).map((t) => t.folded);

describe("trace", () => {
  it("finds a planted passage exactly, between words the corpus never has, with its chapter", () => {
    const random = seeded(3);
    for (let trial = 0; trial < 20; trial++) {
      const n = 6 + random(20);
      const planted = passage(random, n);
      const text = `Zorblax quimfle ${planted.text} vrendish plonk.`;
      const result = trace([moby], text, { minLength: 6, maxOccurrences: 50 });
      expect(result.spans).toHaveLength(1);
      const span = result.spans[0] as TraceSpan;
      expect(span.text).toBe(planted.text);
      expect(span.tokenEnd - span.tokenStart).toBe(queryTokens(planted.text).length);
      expect(span.count).toBe(naivePositions(words, folded(planted.text)).length);
      const chapter = moby.corpus.documentOf(planted.at);
      // All occurrences are listed when there are at most 50: the planted one is among them.
      if (span.count <= 50)
        expect(span.occurrences).toContainEqual(
          expect.objectContaining({
            position: planted.at,
            document: expect.objectContaining({ index: chapter }) as unknown,
          }),
        );
    }
  });

  it("reports only maximal spans that exist, and covers every long match (random texts)", () => {
    const random = seeded(8);
    for (let trial = 0; trial < 10; trial++) {
      // Real words at random, with a passage planted in the middle.
      const filler = (k: number): string =>
        Array.from({ length: k }, () => present[random(present.length)] as string).join(" ");
      const text = `${filler(15)} ${passage(random, 12).text} ${filler(15)}`;
      const tokens = folded(text);
      const result = trace([moby], text, { minLength: 2, maxOccurrences: 3 });
      const occurs = (from: number, to: number): boolean =>
        naivePositions(words, tokens.slice(from, to)).length > 0;
      for (const span of result.spans) {
        const { tokenStart: i, tokenEnd: j } = span;
        expect(span.count).toBe(naivePositions(words, tokens.slice(i, j)).length);
        expect(span.count).toBeGreaterThan(0);
        if (j < tokens.length) expect(occurs(i, j + 1), `${span.text} + 1 token`).toBe(false);
        if (i > 0) expect(occurs(i - 1, j), `1 token + ${span.text}`).toBe(false);
        for (const o of span.occurrences) expect(folded(o.match)).toEqual(tokens.slice(i, j));
      }
      // Every pair of tokens that occurs together lies inside some reported span.
      for (let i = 0; i + 2 <= tokens.length; i++)
        if (occurs(i, i + 2))
          expect(
            result.spans.some((s) => s.tokenStart <= i && s.tokenEnd >= i + 2),
            `tokens ${i}-${i + 2}`,
          ).toBe(true);
    }
  });

  it("links each span to the right corpus when several are searched", () => {
    const a = tinyIndex("a", ["the quick brown fox jumps", "other text"]);
    const b = tinyIndex("b", ["a lazy dog sleeps all day"]);
    const result = trace([a, b], "Look: the quick brown fox saw a lazy dog sleeps.", {
      minLength: 3,
    });
    expect(result.spans.map((s) => [s.text, s.occurrences[0]?.document.corpus])).toEqual([
      ["the quick brown fox", "a"],
      ["a lazy dog sleeps", "b"],
    ]);
    expect(result.spans[1]?.occurrences[0]?.document.title).toBe("b 1");
  });

  it("handles empty text and cuts very long text with a note of its length", () => {
    expect(trace([moby], "").spans).toEqual([]);
    const long = "Call me Ishmael. ".repeat(7000);
    const result = trace([moby], long, { maxChars: 1000 });
    expect(result.truncatedFrom).toBe(long.length);
    expect(result.tracedChars).toBe(1000);
    expect(Math.max(...result.tokens.map((t) => t.end))).toBeLessThanOrEqual(1000);
  });
});
