import { describe, expect, it } from "vitest";
import { suggestWords, UnknownWordError } from "@/lib/words/index";

const vocabulary = ["the", "king", "kings", "kind", "queen", "sing", "whale", "whales", "wheel"];

describe("suggestWords(word, vocabulary, limit)", () => {
  it("lists words one edit away from a short word, most frequent first", () => {
    expect(suggestWords("kng", vocabulary)).toEqual(["king"]);
    expect(suggestWords("kinh", vocabulary)).toEqual(["king", "kind"]);
  });

  it("allows two edits from five letters on, closest first", () => {
    // Levenshtein counts a swap of two letters as two edits: “wheel” is one away, “whale” two.
    expect(suggestWords("whael", vocabulary)).toEqual(["wheel", "whale", "whales"]);
  });

  it("respects the limit and never suggests the word itself or far words", () => {
    expect(suggestWords("kinh", vocabulary, 1)).toEqual(["king"]);
    expect(suggestWords("king", ["king"])).toEqual([]);
    expect(suggestWords("xylophone", vocabulary)).toEqual([]);
  });
});

describe("UnknownWordError", () => {
  it("names the word, the vocabulary size and the suggestions", () => {
    const error = new UnknownWordError("kinh", ["king", "kind"], 50_000);
    expect(error.name).toBe("UnknownWordError");
    expect(error.message).toBe(
      "“kinh” is not among the 50,000 words. Did you mean “king”, “kind”?",
    );
    expect(new UnknownWordError("zzz", [], 9).message).toMatch(/no word is close/);
  });
});
