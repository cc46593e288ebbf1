import { describe, expect, it } from "vitest";
import { expressionMap, parseExpression, type Point2 } from "@/lib/vectors/index";

const POINTS: Record<string, Point2> = {
  king: [4, 3],
  man: [1, 1],
  woman: [1, 3],
  gorgeous: [0, 4],
  cat: [2, 0],
  boy: [0, 0],
  girl: [0, 2],
};
const at = (word: string): Point2 => POINTS[word] ?? [NaN, NaN];

describe("expressionMap(terms, at)", () => {
  it("draws an analogy as an offset and the same offset walked from the first word", () => {
    const map = expressionMap(parseExpression("king - man + woman"), at);
    // By hand: (4, 3) − (1, 1) + (1, 3) = (4, 5).
    expect(map.result).toEqual([4, 5]);
    expect(map.weight).toBe(1);
    expect(map.arrows).toEqual([
      { from: [1, 1], to: [1, 3], kind: "offset", words: ["man", "woman"] },
      { from: [4, 3], to: [4, 5], kind: "step", words: ["man", "woman"] },
    ]);
  });

  it("walks two offsets tip to tail and ends at the result", () => {
    const map = expressionMap(parseExpression("king - man + woman - boy + girl"), at);
    // (4, 3) + (0, 2) + (0, 2) = (4, 7).
    expect(map.result).toEqual([4, 7]);
    const steps = map.arrows.filter((a) => a.kind === "step");
    expect(steps.map((s) => s.to)).toEqual([
      [4, 5],
      [4, 7],
    ]);
  });

  it("draws a sum as arrows from each word to the mean", () => {
    const map = expressionMap(parseExpression("gorgeous + cat"), at);
    expect(map.weight).toBe(2);
    expect(map.result).toEqual([1, 2]);
    expect(map.arrows).toEqual([
      { from: [0, 4], to: [1, 2], kind: "to-result", words: ["gorgeous", "result"] },
      { from: [2, 0], to: [1, 2], kind: "to-result", words: ["cat", "result"] },
    ]);
  });

  it("puts a single word on itself with no arrows", () => {
    expect(expressionMap(parseExpression("cat"), at)).toEqual({
      result: [2, 0],
      arrows: [],
      weight: 1,
    });
  });

  it("gives a pure difference no point, only its offset", () => {
    const map = expressionMap(parseExpression("woman - man"), at);
    expect(map.result).toBeNull();
    expect(map.arrows).toEqual([]);
    const pair = expressionMap(parseExpression("king - man + woman - cat"), at);
    expect(pair.result).toBeNull();
    expect(pair.arrows.map((a) => a.words)).toEqual([["man", "woman"]]);
  });
});
