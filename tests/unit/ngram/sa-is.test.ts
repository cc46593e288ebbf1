import { describe, expect, it } from "vitest";
import { suffixArray } from "@/lib/ngram/index";
import { seeded } from "./fixtures";

/** The suffix array by sorting the suffixes with a plain comparison. */
function naiveSuffixArray(text: readonly number[]): number[] {
  const compare = (a: number, b: number): number => {
    while (a < text.length && b < text.length) {
      const d = (text[a] as number) - (text[b] as number);
      if (d !== 0) return d;
      a++;
      b++;
    }
    return b - a; // the shorter suffix (larger start) first
  };
  return text.map((_, i) => i).sort(compare);
}

describe("suffixArray", () => {
  it("sorts the suffixes of 'banana' (a textbook example)", () => {
    // b=2 a=1 n=3, then the sentinel 0: suffixes $, a$, ana$, anana$, banana$, na$, nana$
    const text = Int32Array.from([2, 1, 3, 1, 3, 1, 0]);
    expect(Array.from(suffixArray(text, 4))).toEqual([6, 5, 3, 1, 0, 4, 2]);
  });

  it.each([
    [2, 1],
    [3, 2],
    [5, 3],
    [40, 4],
  ])("equals a naive sort for 500 random texts (alphabet %i, seed %i)", (alphabet, seed) => {
    const random = seeded(seed);
    for (let trial = 0; trial < 500; trial++) {
      const length = 1 + random(60);
      const text = Array.from({ length: length - 1 }, () => 1 + random(alphabet - 1 || 1));
      text.push(0);
      expect(Array.from(suffixArray(Int32Array.from(text), alphabet + 1))).toEqual(
        naiveSuffixArray(text),
      );
    }
  });

  it("handles long runs of one symbol (deep recursion)", () => {
    const text = new Int32Array(5001).fill(1);
    text[5000] = 0;
    expect(Array.from(suffixArray(text, 2))).toEqual(naiveSuffixArray(Array.from(text)));
  });

  it("rejects a text without a unique final sentinel", () => {
    expect(() => suffixArray(Int32Array.from([1, 2]), 3)).toThrow(RangeError);
    expect(() => suffixArray(Int32Array.from([1, 0, 0]), 2)).toThrow(/sentinel/);
    expect(() => suffixArray(Int32Array.from([5, 0]), 3)).toThrow(/outside/);
  });
});
