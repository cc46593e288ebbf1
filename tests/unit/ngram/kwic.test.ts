import { describe, expect, it } from "vitest";
import { count, keywordInContext, NgramError, queryTokens } from "@/lib/ngram/index";
import { realIndex, tinyIndex } from "./fixtures";

describe("keywordInContext", () => {
  it("shows the n-gram in its original spelling with the text around it", () => {
    const index = tinyIndex("k", ["Call me Ishmael. Some years ago, never mind how long."]);
    const { count: n, examples } = keywordInContext([index], "some years", { width: 2 });
    expect(n).toBe(1);
    expect(examples[0]).toMatchObject({
      left: "Ishmael. ",
      match: "Some years",
      right: " ago,",
      offsetInDocument: 4,
      document: { corpus: "k", index: 0, title: "k 1" },
    });
  });

  it("gives at most `limit` real examples, spread over SOTU and Moby Dick, with the exact count", () => {
    const both = [realIndex("sotu"), realIndex("moby-dick")];
    const result = keywordInContext(both, "the sea", { limit: 12 });
    expect(result.count).toBe(count(both, "the sea").count);
    expect(result.examples).toHaveLength(12);
    const corpora = new Set(result.examples.map((e) => e.document.corpus));
    expect(corpora).toEqual(new Set(["sotu", "moby-dick"]));
    for (const e of result.examples)
      expect(queryTokens(e.match).map((t) => t.folded)).toEqual(["the", "sea"]);
    const sotu = result.examples.filter((e) => e.document.corpus === "sotu");
    const years = sotu.map((e) => Number(e.document.meta["year"]));
    expect(years).toEqual([...years].sort((a, b) => a - b));
  });

  it("gives no examples for an unseen n-gram and rejects an empty one", () => {
    const index = tinyIndex("k", ["some text"]);
    expect(keywordInContext([index], "no such words")).toEqual({ count: 0, examples: [] });
    expect(() => keywordInContext([index], "")).toThrow(NgramError);
  });
});
