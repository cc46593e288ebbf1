import { describe, expect, it } from "vitest";
import {
  appendToken,
  hubCandidates,
  logitsAt,
  maskPosition,
  ngramCandidates,
  samplingDistribution,
  withMask,
} from "@/lib/lm/index";
import { buildCorpus, loadCorpus } from "@/lib/corpora/index";
import { buildIndex, infiniGram } from "@/lib/ngram/index";

function index(documents: string[]) {
  return buildIndex(
    loadCorpus(
      buildCorpus(
        "t",
        "test",
        documents.map((text, i) => ({ title: `d${i}`, meta: {}, text })),
      ),
    ),
  );
}

describe("ngramCandidates", () => {
  it("turns ∞-gram counts into logits whose softmax is count / total", () => {
    const shards = [index(["to cash the check .", "to cash the check !", "to cash the bond ."])];
    const prediction = infiniGram(shards, "John wants his bank to cash the");
    expect(prediction.suffix).toBe("to cash the");
    const candidates = ngramCandidates(prediction);
    expect(candidates.map((c) => [c.word, c.count])).toEqual([
      ["check", 2],
      ["bond", 1],
    ]);
    const p = samplingDistribution(
      candidates.map((c) => c.logit),
      { temperature: 1, topK: 0 },
    );
    expect(p[0]).toBeCloseTo(2 / 3, 12);
    expect(p[1]).toBeCloseTo(1 / 3, 12);
  });

  it("appends words with a space and punctuation without", () => {
    expect(appendToken("check")).toBe(" check");
    expect(appendToken(".")).toBe(".");
    expect(appendToken(",")).toBe(",");
  });
});

describe("hub model helpers", () => {
  it("reads the logits of one position of a [1, seq, vocab] output", () => {
    const data = Float32Array.from([0, 1, 2, 10, 11, 12]);
    expect(Array.from(logitsAt(data, [1, 2, 3], -1))).toEqual([10, 11, 12]);
    expect(Array.from(logitsAt(data, [1, 2, 3], 0))).toEqual([0, 1, 2]);
    expect(() => logitsAt(data, [2, 1, 3], 0)).toThrow(RangeError);
  });

  it("finds exactly one mask and accepts ___ for it", () => {
    expect(withMask("cash the ___ .", "[MASK]")).toBe("cash the [MASK] .");
    expect(maskPosition([101, 7, 103, 102], 103, "[MASK]")).toBe(2);
    expect(() => maskPosition([101, 102], 103, "[MASK]")).toThrow(/Write \[MASK\]/);
    expect(() => maskPosition([103, 103], 103, "[MASK]")).toThrow(/only once/);
  });

  it("lists the top tokens with their own spacing", () => {
    const vocabulary = [" the", " check", "##s", "."];
    const c = hubCandidates(Float32Array.from([1, 3, 2, 0]), vocabulary, 3);
    expect(c.map((x) => [x.word, x.append])).toEqual([
      ["check", " check"],
      ["s", "s"],
      ["the", " the"],
    ]);
  });
});
