import { describe, expect, it } from "vitest";
import { parseEquation } from "@/lib/vectors/index";

describe("parseEquation(text)", () => {
  it("reads a plain expression without a name", () => {
    expect(parseEquation("gorgeous + cat")).toEqual({
      name: null,
      terms: [
        { sign: 1, word: "gorgeous" },
        { sign: 1, word: "cat" },
      ],
    });
  });

  it("reads the name on either side of = or ≈", () => {
    const expected = {
      name: "queen",
      terms: [
        { sign: 1, word: "king" },
        { sign: -1, word: "man" },
        { sign: 1, word: "woman" },
      ],
    };
    expect(parseEquation("Queen = king − man + woman")).toEqual(expected);
    expect(parseEquation("king - man + woman ≈ queen")).toEqual(expected);
    expect(parseEquation("Xiangling = Gorgeous + Cat").name).toBe("xiangling");
  });

  it.each([
    ["a = b = c", "at most once"],
    ["= cat", "one word on one side"],
    ["a + b = c - d", "one word on one side"],
    ["xiangling = ", "one word on one side"],
    ["x = gorgeous +", "ends with an operator"],
  ])("explains %s", (text, message) => {
    expect(() => parseEquation(text)).toThrow(message);
  });
});
