import { describe, expect, it } from "vitest";
import {
  ExpressionError,
  add,
  evaluateExpression,
  formatExpression,
  mean,
  nearest,
  parseExpression,
  subtract,
} from "@/lib/vectors/index";

describe("parseExpression", () => {
  it.each([
    ["king - man + woman", "king − man + woman"],
    ["king − man + woman", "king − man + woman"],
    ["King – Man + Woman", "king − man + woman"],
    ["gorgeous+cat", "gorgeous + cat"],
    ["  love  ", "love"],
    ["-man + woman", "−man + woman"],
    ["well-being - money", "well-being − money"],
  ])("parses %j as %j", (text, formatted) => {
    expect(formatExpression(parseExpression(text))).toBe(formatted);
  });

  it("returns signed terms", () => {
    expect(parseExpression("king - man + woman")).toEqual([
      { sign: 1, word: "king" },
      { sign: -1, word: "man" },
      { sign: 1, word: "woman" },
    ]);
  });

  it.each([
    ["", /at least one word/],
    ["   ", /at least one word/],
    ["+", /at least one word/],
    ["king +", /ends with an operator/],
    ["king + - man", /Two operators in a row/],
    ["king man", /Put \+ or − between “king” and “man”/],
  ])("rejects %j with a clear message", (text, message) => {
    expect(() => parseExpression(text)).toThrow(ExpressionError);
    expect(() => parseExpression(text)).toThrow(message);
  });
});

describe("evaluateExpression", () => {
  const table = new Map<string, number[]>([
    ["king", [0.9, 0.1]],
    ["man", [0.1, 0.1]],
    ["woman", [0.1, 0.9]],
  ]);
  it("adds and subtracts vectors", () => {
    const result = evaluateExpression(parseExpression("king - man + woman"), (w) => table.get(w));
    expect([...result].map((x) => Number(x.toFixed(10)))).toEqual([0.9, 0.9]);
  });

  it("names every unknown word", () => {
    expect(() =>
      evaluateExpression(parseExpression("king - robot + alien"), (w) => table.get(w)),
    ).toThrow("Unknown words: “robot”, “alien”.");
  });
});

describe("arithmetic", () => {
  it("add, subtract and mean agree with hand computation", () => {
    expect([...add([1, 2], [3, 4], [5, 6])]).toEqual([9, 12]);
    expect([...subtract([1, 2], [3, 5])]).toEqual([-2, -3]);
    expect([
      ...mean([
        [1, 2],
        [3, 6],
      ]),
    ]).toEqual([2, 4]);
  });
});

describe("nearest", () => {
  const entries: [string, number[]][] = [
    ["queen", [0.88, 0.9]],
    ["king", [0.9, 0.1]],
    ["girl", [0.05, 0.98]],
    ["zero", [0, 0]],
  ];
  it("ranks by cosine, skips excluded words and zero vectors", () => {
    const result = nearest([0.9, 0.9], entries, 3, ["king"]);
    expect(result.map((n) => n.word)).toEqual(["queen", "girl"]);
    expect(result[0]?.similarity).toBeCloseTo(
      (0.9 * 0.88 + 0.9 * 0.9) / (Math.hypot(0.9, 0.9) * Math.hypot(0.88, 0.9)),
      12,
    );
  });

  it("rejects a k that is not a positive integer", () => {
    expect(() => nearest([1, 0], entries, 0)).toThrow(/positive integer/);
  });
});
