import { describe, expect, it } from "vitest";
import { detokenize, tokenize } from "@/lib/corpora/index";

const texts = (text: string): string[] => tokenize(text).map((t) => t.text);

describe("tokenize(text)", () => {
  it("splits words and punctuation, keeping case", () => {
    expect(texts("Call me Ishmael. Some years ago—never mind")).toEqual([
      "Call",
      "me",
      "Ishmael",
      ".",
      "Some",
      "years",
      "ago",
      "—",
      "never",
      "mind",
    ]);
  });

  it("keeps inner apostrophes, hyphens and decimal points inside a token", () => {
    expect(texts("don't sea-captain’s 3.5 U.S. 'quoted'")).toEqual([
      "don't",
      "sea-captain’s",
      "3.5",
      "U.S",
      ".",
      "'",
      "quoted",
      "'",
    ]);
  });

  it("treats non-Latin letters and an emoji correctly", () => {
    expect(texts("Ελλάδα und naïve 🐋!")).toEqual(["Ελλάδα", "und", "naïve", "🐋", "!"]);
  });

  it("records the white space before each token and its offsets", () => {
    const tokens = tokenize("Whales,  all.\nThe end\n\nNext");
    expect(tokens.map((t) => t.gap)).toEqual([0, 0, 1, 0, 2, 1, 3]);
    expect(tokens[2]).toEqual({ text: "all", gap: 1, start: 9, end: 12 });
  });

  it("returns nothing for empty or blank text", () => {
    expect(tokenize("")).toEqual([]);
    expect(tokenize(" \n\t ")).toEqual([]);
  });
});

describe("detokenize(tokens)", () => {
  it("gives the text back, with runs of spaces read as one", () => {
    const text = "Call me Ishmael.\n\nIt is a way I have—of driving off the spleen; (really).";
    expect(detokenize(tokenize(text))).toBe(text);
    expect(detokenize(tokenize("  two   spaces \t here  "))).toBe("two spaces here");
  });
});
