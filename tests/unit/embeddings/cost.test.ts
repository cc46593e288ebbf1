import { describe, expect, it } from "vitest";
import {
  EMBEDDING_PRICES,
  estimateCost,
  formatDollars,
  loadCl100kCounter,
} from "@/lib/embeddings/index";

describe("estimateCost(texts, countTokens, pricePerMillion)", () => {
  it("multiplies the total tokens by the price per million", () => {
    const counts: Record<string, number> = { a: 10, b: 20, c: 30 };
    const estimate = estimateCost(["a", "b", "c"], (t) => counts[t] ?? 0, 0.02);
    // 60 tokens × $0.02 / 1,000,000 = $0.0000012
    expect(estimate).toEqual({ texts: 3, tokens: 60, pricePerMillion: 0.02, dollars: 0.0000012 });
  });

  it("a million tokens cost exactly the list price", () => {
    const estimate = estimateCost(
      ["x"],
      () => 1_000_000,
      EMBEDDING_PRICES["text-embedding-3-small"] ?? NaN,
    );
    expect(estimate.dollars).toBeCloseTo(0.02, 12);
  });

  it("rejects a negative or non-numeric price", () => {
    expect(() => estimateCost([], () => 0, -1)).toThrow("≥ 0");
    expect(() => estimateCost([], () => 0, Number.NaN)).toThrow(RangeError);
  });
});

describe("loadCl100kCounter()", () => {
  it("counts tokens as OpenAI's cl100k_base does (tiktoken's published examples)", async () => {
    const count = await loadCl100kCounter();
    // OpenAI cookbook, "How to count tokens with tiktoken": [83, 1609, 5963, 374, 2294, 0].
    expect(count("tiktoken is great!")).toBe(6);
    expect(count("hello world")).toBe(2);
    expect(count("")).toBe(0);
  });
});

describe("formatDollars(dollars)", () => {
  it.each([
    [0, "$0"],
    [0.000506, "$0.000506"],
    [1.234, "$1.23"],
    [12.5, "$12.5"],
  ])("%s → %s", (value, text) => {
    expect(formatDollars(value)).toBe(text);
  });
});
