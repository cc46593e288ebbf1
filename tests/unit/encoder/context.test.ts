import { beforeAll, describe, expect, it } from "vitest";
import {
  EncoderError,
  findWord,
  layerLabels,
  similarityMatrix,
  targetVectors,
  type Encoding,
} from "@/lib/encoder/index";
import { cosine } from "@/lib/vectors/index";
import { testEncoder } from "./load";

let bank: Encoding[];
beforeAll(async () => {
  bank = await (
    await testEncoder()
  ).encode([
    "John went to the bank to withdraw cash.",
    "He sat on the river bank.",
    "She deposited money at the bank.",
    "The Bank of England sets interest rates.",
  ]);
}, 60_000);

describe("findWord", () => {
  it("matches case-insensitively and returns the first occurrence", () => {
    expect(findWord(bank[3] as Encoding, "bank")?.text).toBe("Bank");
    expect(findWord(bank[0] as Encoding, "river")).toBeUndefined();
  });
});

describe("targetVectors and similarityMatrix", () => {
  it("labels token embedding, layer input and each layer", () => {
    expect(layerLabels(bank[0] as Encoding)).toEqual([
      "token embedding",
      "+ position (layer input)",
      "after layer 1",
      "after layer 2",
    ]);
  });

  it("starts identical at the token embedding and diverges with depth", async () => {
    const targets = targetVectors(bank, "bank");
    const input = similarityMatrix(targets, 0);
    expect(input[0]?.[1]).toBeCloseTo(1, 6);
    const last = similarityMatrix(targets, 3);
    // 0.763 was measured on the fp32 conversion; the int8 model the site serves keeps it within 0.01.
    const fp32 = similarityMatrix(
      targetVectors(await (await testEncoder("fp32")).encode(bank.map((e) => e.text)), "bank"),
      3,
    );
    expect(fp32[0]?.[1]).toBeCloseTo(0.763, 2);
    expect(Math.abs((last[0]?.[1] ?? 0) - 0.763)).toBeLessThan(0.01);
    expect(last[0]?.[2]).toBeGreaterThan(last[0]?.[1] ?? 1);
    expect(last[1]?.[0]).toBe(last[0]?.[1]);
    expect(last[2]?.[2]).toBeCloseTo(1, 6);
  });

  it("agrees with cosine over the encoding's own hidden states", () => {
    const [a, b] = targetVectors(bank, "bank");
    const h = (e: Encoding, t: number): Float32Array => {
      const s = e.hiddenStates[2];
      return s ? s.data.slice(t * s.dim, (t + 1) * s.dim) : new Float32Array();
    };
    const ta = a?.word.tokens.start ?? 0;
    const tb = b?.word.tokens.start ?? 0;
    expect(
      similarityMatrix(
        [a, b].filter((x) => x !== undefined),
        3,
      )[0]?.[1],
    ).toBeCloseTo(cosine(h(bank[0] as Encoding, ta), h(bank[1] as Encoding, tb)), 6);
  });

  it("names the sentences that lack the word", () => {
    expect(() => targetVectors(bank, "cash")).toThrow(EncoderError);
    expect(() => targetVectors(bank, "cash")).toThrow("“cash” is not a word of sentences 2, 3, 4.");
    expect(() => targetVectors(bank, "  ")).toThrow("Type the word to follow");
  });

  it("says when the word is in the part of a sentence cut at the model's length limit", async () => {
    const encoder = await testEncoder();
    const long = `${"the river rose and ".repeat(200)}then the bank flooded.`;
    const encodings = await encoder.encode([bank[0]?.text ?? "", long]);
    expect(encodings[1]?.truncated).not.toBeNull();
    expect(() => targetVectors(encodings, "bank")).toThrow(
      `“bank” is not in the first ${encodings[1]?.truncated?.keptTokens} tokens of sentence 2, and the model reads no further`,
    );
  });
});
