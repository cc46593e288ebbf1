import { describe, expect, it } from "vitest";
import { distinctiveWords, wordsOf } from "@/lib/embeddings/index";

describe("wordsOf(text)", () => {
  it("lower-cases words and keeps inner apostrophes and hyphens", () => {
    expect(wordsOf("The nation’s well-being, 1862!")).toEqual(["the", "nation's", "well-being"]);
  });
});

describe("distinctiveWords(texts, groups, count)", () => {
  it("finds each group's own words and drops words common to all", () => {
    const texts = [
      "the war and the army and the battle",
      "the army won the war",
      "the war was long and the army tired",
      "the tariff and the taxes and the budget",
      "the taxes rose and the tariff too",
      "the budget and the tariff and the taxes",
    ];
    const [war, money] = distinctiveWords(texts, [0, 0, 0, 1, 1, 1], 2, { top: 2 });
    expect(new Set(war)).toEqual(new Set(["war", "army"]));
    expect(new Set(money)).toEqual(new Set(["tariff", "taxes"]));
  });

  it("scores by hand-computed smoothed rate ratios", () => {
    // Group 0: "aaa" ×3, "bbb" ×3; group 1: "bbb" ×3. V = 2, all = 9.
    // aaa: (3+1)/(6+2) ÷ (3+1)/(9+2) = 1.375; bbb: (3+1)/(6+2) ÷ (6+1)/(9+2) ≈ 0.786.
    const texts = ["aaa aaa aaa bbb bbb bbb", "bbb bbb bbb"];
    expect(distinctiveWords(texts, [0, 1], 2, { top: 2, minRatio: 0 })[0]).toEqual(["aaa", "bbb"]);
    // With the default minimum ratio of 1.5, neither is typical enough.
    expect(distinctiveWords(texts, [0, 1], 2, { top: 2 })[0]).toEqual([]);
    expect(distinctiveWords(texts, [0, 1], 2, { top: 2, minRatio: 1.3 })[0]).toEqual(["aaa"]);
  });

  it("checks the group numbers", () => {
    expect(() => distinctiveWords(["a"], [0, 1], 2)).toThrow("1 texts but 2 group numbers");
    expect(() => distinctiveWords(["a"], [3], 2)).toThrow("group 3");
  });
});
