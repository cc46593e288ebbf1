import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parseExpression } from "@/lib/vectors/index";
import { loadWordVectors, UnknownWordError, type WordVectors } from "@/lib/words/index";

/** Recorded by scripts/make-word-vectors.ts from the original float vectors. */
interface Reference {
  count: number;
  dims: number;
  lastWord: string;
  analogies: { a: string; b: string; c: string; top5: string[] }[];
  neighbors: { word: string; top10: string[] }[];
  pairs: { a: string; b: string; cosine: number }[];
}

const reference = JSON.parse(
  readFileSync("data/glove-50k-100d.reference.json", "utf8"),
) as Reference;
let glove: WordVectors;

beforeAll(() => {
  glove = loadWordVectors(readFileSync("data/glove-50k-100d.bin"));
});

describe("loadWordVectors(bytes) with the committed GloVe subset", () => {
  it("holds the 50,000 most frequent words in frequency order", () => {
    expect(glove.size).toBe(reference.count);
    expect(glove.dims).toBe(reference.dims);
    expect(glove.words.slice(0, 5)).toEqual(["the", "of", "to", "and", "in"]);
    expect(glove.words.at(-1)).toBe(reference.lastWord);
  });

  it("accepts an ArrayBuffer as well as a Uint8Array", () => {
    const bytes = readFileSync("data/glove-50k-100d.bin");
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    expect(loadWordVectors(buffer).vector("cat")).toEqual(glove.vector("cat"));
  });
});

describe("analogy(a, b, c)", () => {
  it("man : king :: woman : queen, with the inputs excluded", () => {
    const result = glove.analogy("man", "king", "woman", 5);
    expect(result[0]?.word).toBe("queen");
    expect(result.map((n) => n.word)).not.toContain("king");
    expect(result[0]?.similarity).toBeGreaterThan(0.7);
  });

  it("france : paris :: italy : rome", () => {
    expect(glove.analogy("france", "paris", "italy", 1)[0]?.word).toBe("rome");
  });

  it.each(reference.analogies)(
    "$a : $b :: $c : $top5.0, as with the float vectors (top 3 within their top 5)",
    ({ a, b, c, top5 }) => {
      const found = glove.analogy(a, b, c, 3).map((n) => n.word);
      expect(found[0]).toBe(top5[0]);
      for (const word of found) expect(top5).toContain(word);
    },
  );

  it("is evaluate() of the terms of “king − man + woman”", () => {
    expect(glove.evaluate(parseExpression("king − man + woman"), 5)).toEqual(
      glove.analogy("man", "king", "woman", 5),
    );
  });

  it("returns similarities sorted best first within [−1, 1]", () => {
    const result = glove.analogy("good", "better", "bad", 10);
    expect(result).toHaveLength(10);
    for (let i = 1; i < result.length; i++)
      expect(result[i - 1]?.similarity).toBeGreaterThanOrEqual(result[i]?.similarity ?? 1);
    expect(Math.abs(result[0]?.similarity ?? 2)).toBeLessThanOrEqual(1);
  });
});

describe("neighbors(wordOrVector, k)", () => {
  it("finds “dog” or “cats” among the 10 neighbours of “cat”, not “cat” itself", () => {
    const words = glove.neighbors("cat", 10).map((n) => n.word);
    expect(words).toHaveLength(10);
    expect(words).toContain("dog");
    expect(words).toContain("cats");
    expect(words).not.toContain("cat");
  });

  it.each(reference.neighbors)(
    "$word: mostly the same 10 neighbours as the float vectors",
    ({ word, top10 }) => {
      const found = glove.neighbors(word, 10).map((n) => n.word);
      expect(found.filter((w) => top10.includes(w)).length).toBeGreaterThanOrEqual(9);
    },
  );

  it("takes a vector and then finds the word itself first", () => {
    const result = glove.neighbors(glove.vector("paris"), 3);
    expect(result[0]?.word).toBe("paris");
    expect(result[0]?.similarity).toBeCloseTo(1, 5);
  });

  it("rejects a vector of the wrong length and returns nothing for the zero vector", () => {
    expect(() => glove.neighbors([1, 2, 3])).toThrow(/3 dimensions, want 100/);
    expect(glove.neighbors(new Float32Array(100))).toEqual([]);
  });
});

describe("vector(word) and similarity(a, b)", () => {
  it("reads words case-insensitively and trims them", () => {
    expect(glove.vector("  Paris ")).toEqual(glove.vector("paris"));
    expect(glove.has("PARIS")).toBe(true);
  });

  it("is symmetric and 1 for a word with itself", () => {
    expect(glove.similarity("cat", "dog")).toBeCloseTo(glove.similarity("dog", "cat"), 12);
    expect(glove.similarity("cat", "cat")).toBeCloseTo(1, 6);
  });

  // Int8 rounding moves component j by at most scale/2, so the stored vector q of a
  // word is within δ = √D · scale / 2 of the float vector x, which turns it by at most
  // asin(δ / ‖q‖). Cosine is 1-Lipschitz in the angle, so |cos(qa, qb) − cos(xa, xb)|
  // ≤ asin(δa/‖qa‖) + asin(δb/‖qb‖): a bound per pair, from the file alone. Observed
  // errors are ~3e-3; the bound is ~1e-2 for these words.
  it("int8 cosines stay within the rounding bound of the float cosines (305 pairs)", () => {
    const turn = (word: string): number => {
      const q = glove.vector(word);
      const max = Math.max(...q.map(Math.abs));
      const delta = (Math.sqrt(q.length) * (max / 127)) / 2;
      return Math.asin(Math.min(1, delta / Math.hypot(...q)));
    };
    let worst = 0;
    for (const { a, b, cosine } of reference.pairs) {
      const error = Math.abs(glove.similarity(a, b) - cosine);
      expect(error, `${a}/${b}`).toBeLessThanOrEqual(turn(a) + turn(b));
      worst = Math.max(worst, error);
    }
    expect(worst).toBeLessThan(0.01);
  });
});

describe("out-of-vocabulary words", () => {
  it("throw an UnknownWordError that suggests close words", () => {
    expect.assertions(4);
    try {
      glove.vector("kingg");
    } catch (error) {
      expect(error).toBeInstanceOf(UnknownWordError);
      const unknown = error as UnknownWordError;
      expect(unknown.word).toBe("kingg");
      expect(unknown.suggestions[0]).toBe("king");
      expect(unknown.message).toMatch(
        /“kingg” is not among the 50,000 words\. Did you mean “king”/,
      );
    }
  });

  it("are named in analogy and neighbours too", () => {
    expect(() => glove.analogy("man", "kign", "woman")).toThrow(UnknownWordError);
    expect(() => glove.neighbors("qwzxv")).toThrow(/no word is close to it/);
  });

  it("include non-Latin words and emoji, which get a clear message and no suggestions", () => {
    for (const word of ["東京", "🐋", "Ελλάδα"]) {
      expect(() => glove.vector(word)).toThrow(
        /is not among the 50,000 words, and no word is close/,
      );
    }
  });

  it("include the empty word, which gets a hint instead of suggestions", () => {
    expect(() => glove.vector("  ")).toThrow(/Type a word/);
    expect(glove.suggest("")).toEqual([]);
  });
});
