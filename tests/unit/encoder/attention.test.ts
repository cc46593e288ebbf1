import { beforeAll, describe, expect, it } from "vitest";
import {
  EncoderError,
  attentionRow,
  cosineToInput,
  cosineToPrevious,
  headWeights,
  meanOverHeads,
  previousTokenHead,
  previousTokenScores,
  similarityToWords,
  targetVectors,
  topAttended,
  wordAttention,
  type AttentionTensor,
  type Encoding,
  type Word,
} from "@/lib/encoder/index";
import { testEncoder } from "./load";

/** 2 heads × 3 tokens, written out row by row ([head][query][key]). */
const HAND: AttentionTensor = {
  heads: 2,
  seq: 3,
  data: Float32Array.from([
    // head 0
    1, 0, 0, 0.5, 0.5, 0, 0.2, 0.3, 0.5,
    // head 1
    0, 0, 1, 0.9, 0.1, 0, 0.1, 0.8, 0.1,
  ]),
};

/** Word A is token 0; word B is tokens 1 and 2. */
const WORDS: Word[] = [
  { text: "A", chars: { start: 0, end: 1 }, tokens: { start: 0, end: 1 } },
  { text: "B", chars: { start: 2, end: 3 }, tokens: { start: 1, end: 3 } },
];

function expectClose(actual: ArrayLike<number>, expected: readonly number[], digits = 6): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((value, i) => {
    expect(actual[i]).toBeCloseTo(value, digits);
  });
}

describe("headWeights, meanOverHeads and attentionRow (hand-made tensor)", () => {
  it("headWeights(t, 1) is head 1's 3 × 3 matrix", () => {
    expectClose(headWeights(HAND, 1), [0, 0, 1, 0.9, 0.1, 0, 0.1, 0.8, 0.1]);
  });

  it("meanOverHeads averages the heads cell by cell", () => {
    expectClose(meanOverHeads(HAND), [0.5, 0, 0.5, 0.7, 0.3, 0, 0.15, 0.55, 0.3]);
  });

  it("attentionRow(t, q, head) is one row; 'mean' averages the heads", () => {
    expectClose(attentionRow(HAND, 2, 0), [0.2, 0.3, 0.5]);
    expectClose(attentionRow(HAND, 1, "mean"), [0.7, 0.3, 0]);
  });

  it("rejects heads and tokens that do not exist", () => {
    expect(() => headWeights(HAND, 2)).toThrow(EncoderError);
    expect(() => headWeights(HAND, 2)).toThrow("this layer has 2 heads");
    expect(() => attentionRow(HAND, 3, 0)).toThrow("the text has 3 tokens");
    expect(() => attentionRow(HAND, -1, "mean")).toThrow(EncoderError);
  });
});

describe("wordAttention (hand-made tensor)", () => {
  it("averages the query word's token rows and sums each key word's tokens", () => {
    // B's rows in head 0: (0.5, 0.5 + 0) and (0.2, 0.3 + 0.5) → mean (0.35, 0.65).
    expectClose(wordAttention(HAND, WORDS, 1, 0), [0.35, 0.65]);
    // Head 1: (0.9, 0.1) and (0.1, 0.9) → (0.5, 0.5); the mean of heads: (0.425, 0.575).
    expectClose(wordAttention(HAND, WORDS, 1, 1), [0.5, 0.5]);
    expectClose(wordAttention(HAND, WORDS, 1, "mean"), [0.425, 0.575]);
    expectClose(wordAttention(HAND, WORDS, 0, 1), [0, 1]);
  });

  it("rejects a word that does not exist", () => {
    expect(() => wordAttention(HAND, WORDS, 2, 0)).toThrow("the text has 2 words");
  });
});

describe("topAttended", () => {
  it("returns the k largest, largest first, ties by position", () => {
    expect(topAttended([0.2, 0.5, 0.5, 0.1], 2)).toEqual([
      { index: 1, weight: 0.5 },
      { index: 2, weight: 0.5 },
    ]);
    expect(topAttended([0.2, 0.8], 5).map((a) => a.index)).toEqual([1, 0]);
    expect(topAttended([0.2, 0.8], 0)).toEqual([]);
  });
});

describe("previousTokenScores and previousTokenHead (hand-made tensors)", () => {
  it("averages each head's weight on the token just before (queries 1 and 2)", () => {
    // head 0: (0.5 + 0.3) / 2; head 1: (0.9 + 0.8) / 2.
    expectClose(previousTokenScores(HAND), [0.4, 0.85]);
  });

  it("finds the best head across layers", () => {
    const second: AttentionTensor = {
      heads: 1,
      seq: 2,
      data: Float32Array.from([0.5, 0.5, 0.95, 0.05]),
    };
    const best = previousTokenHead([HAND, second]);
    expect(best?.layer).toBe(1);
    expect(best?.head).toBe(0);
    expect(best?.score).toBeCloseTo(0.95, 6);
    expect(previousTokenHead([HAND])).toMatchObject({ layer: 0, head: 1 });
    expect(previousTokenHead([])).toBeNull();
  });

  it("scores a one-token text 0", () => {
    expect(previousTokenScores({ heads: 2, seq: 1, data: Float32Array.from([1, 1]) })).toEqual([
      0, 0,
    ]);
  });
});

describe("cosineToInput and cosineToPrevious (hand-made vectors)", () => {
  const trail = {
    layers: [
      Float32Array.from([1, 0]),
      Float32Array.from([1, 1]),
      Float32Array.from([0, 1, 0]),
      Float32Array.from([3, 0]),
      Float32Array.from([0, -2]),
    ],
  };

  it("compares every stage with the input; null where the size differs", () => {
    expectClose(cosineToInput(trail).slice(0, 2) as number[], [1, Math.SQRT1_2]);
    expect(cosineToInput(trail)[2]).toBeNull();
    expect(cosineToInput(trail)[3]).toBeCloseTo(1, 6);
    expect(cosineToInput(trail)[4]).toBeCloseTo(0, 6);
  });

  it("compares every stage with the one before it", () => {
    const previous = cosineToPrevious(trail);
    expect(previous[0]).toBeNull();
    expect(previous[1]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(previous[2]).toBeNull();
    expect(previous[3]).toBeNull();
    expect(previous[4]).toBeCloseTo(0, 6);
  });
});

describe("with the offline encoder", () => {
  let bank: Encoding;
  let animal: Encoding;
  beforeAll(async () => {
    const encoder = await testEncoder();
    [bank, animal] = (await encoder.encode([
      "John wants his bank to cash the check.",
      "The animal didn't cross the street because it was too tired.",
    ])) as [Encoding, Encoding];
  }, 60_000);

  it("has rows that sum to 1 in every layer and head", () => {
    for (const attention of [...bank.attentions, ...animal.attentions]) {
      for (let h = 0; h < attention.heads; h++)
        for (let q = 0; q < attention.seq; q++) {
          const row = attentionRow(attention, q, h);
          expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
        }
    }
  });

  it("meanOverHeads equals the average of the heads' rows", () => {
    const attention = bank.attentions[1] as AttentionTensor;
    const n = attention.seq;
    const mean = meanOverHeads(attention);
    for (let q = 0; q < n; q++) {
      const rows = Array.from({ length: attention.heads }, (_, h) => attentionRow(attention, q, h));
      for (let k = 0; k < n; k++) {
        const average = rows.reduce((s, r) => s + (r[k] as number), 0) / attention.heads;
        expect(mean[q * n + k]).toBeCloseTo(average, 6);
      }
    }
  });

  it("wordAttention of the three-token word “didn't” sums to 1 and matches its token rows", () => {
    const didnt = animal.words.findIndex((w) => w.text === "didn't");
    const word = animal.words[didnt] as Word;
    expect(word.tokens.end - word.tokens.start).toBe(3);
    const attention = animal.attentions[0] as AttentionTensor;
    const weights = wordAttention(attention, animal.words, didnt, 2);
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    // Its weight on itself: the 3 × 3 block of its own tokens, summed over keys, averaged over rows.
    let block = 0;
    for (let q = word.tokens.start; q < word.tokens.end; q++) {
      const row = attentionRow(attention, q, 2);
      for (let k = word.tokens.start; k < word.tokens.end; k++) block += row[k] as number;
    }
    expect(weights[didnt]).toBeCloseTo(block / 3, 6);
  });

  it("previousTokenHead is the head with the largest mean sub-diagonal", () => {
    let best = { layer: -1, head: -1, score: -1 };
    bank.attentions.forEach((attention, layer) => {
      for (let head = 0; head < attention.heads; head++) {
        const m = headWeights(attention, head);
        const n = attention.seq;
        const diagonal = Array.from({ length: n - 1 }, (_, i) => m[(i + 1) * n + i] as number);
        const score = diagonal.reduce((a, b) => a + b, 0) / diagonal.length;
        if (score > best.score) best = { layer, head, score };
      }
    });
    const found = previousTokenHead(bank.attentions);
    expect(found?.layer).toBe(best.layer);
    expect(found?.head).toBe(best.head);
    expect(found?.score).toBeCloseTo(best.score, 6);
    // A real previous-token tendency, well above the uniform 1/9.
    expect(best.score).toBeGreaterThan(0.2);
  });

  it("cosineToInput follows “bank” from its token embedding; the widening layer has no comparison", () => {
    const [target] = targetVectors([bank], "bank");
    if (!target) throw new Error("no target");
    const cosines = cosineToInput(target);
    expect(cosines).toHaveLength(4);
    expect(cosines[0]).toBeCloseTo(1, 6);
    // Direct from the encoding: token 3's embedding row against its layer-input row.
    const t = 3;
    const e = bank.tokenEmbeddings;
    const x = bank.hiddenStates[0];
    if (!x) throw new Error("no layer input");
    const a = e.data.slice(t * e.dim, (t + 1) * e.dim);
    const b = x.data.slice(t * x.dim, (t + 1) * x.dim);
    let ab = 0;
    let aa = 0;
    let bb = 0;
    for (let i = 0; i < a.length; i++) {
      ab += (a[i] as number) * (b[i] as number);
      aa += (a[i] as number) ** 2;
      bb += (b[i] as number) ** 2;
    }
    expect(cosines[1]).toBeCloseTo(ab / Math.sqrt(aa * bb), 5);
    // USE lite's first layer widens 256 → 512 numbers.
    expect(e.dim).toBe(256);
    expect(bank.hiddenStates[1]?.dim).toBe(512);
    expect(cosines[2]).toBeNull();
    expect(cosines[3]).toBeNull();
    const previous = cosineToPrevious(target);
    expect(previous[2]).toBeNull();
    expect(previous[3]).toBeGreaterThan(-1);
    expect(previous[3]).toBeLessThan(0.99);
  });

  it("similarityToWords is 1 for the word itself and symmetric between two words", () => {
    const bankIndex = bank.words.findIndex((w) => w.text === "bank");
    const cashIndex = bank.words.findIndex((w) => w.text === "cash");
    for (const stage of [0, 1, 2, 3]) {
      const fromBank = similarityToWords(bank, bankIndex, stage);
      const fromCash = similarityToWords(bank, cashIndex, stage);
      expect(fromBank).toHaveLength(bank.words.length);
      expect(fromBank[bankIndex]).toBeCloseTo(1, 5);
      expect(fromBank[cashIndex]).toBeCloseTo(fromCash[bankIndex] as number, 6);
    }
    expect(() => similarityToWords(bank, 99, 0)).toThrow("the text has 9 words");
  });
});
