import { describe, expect, it } from "vitest";
import { matchesQuery, mentionLine, queryWords } from "@/scripts/search-match";

const LESSON =
  "Agent-based models: the Schelling model of segregation. Agents move when unhappy; x: the share of like neighbours.";

describe("matchesQuery", () => {
  it("keeps pages that have every query word, as a word, a word's start, or without a plural ending", () => {
    expect(matchesQuery(LESSON, "Schelling")).toBe(true);
    expect(matchesQuery(LESSON, "segregat")).toBe(true);
    expect(matchesQuery(LESSON, "models")).toBe(true);
    expect(matchesQuery(LESSON, "agent models")).toBe(true);
    expect(matchesQuery(LESSON, "neighbours")).toBe(true);
  });

  it("drops nonsense and words found only inside other words", () => {
    expect(matchesQuery(LESSON, "xyzzyqq")).toBe(false);
    expect(matchesQuery(LESSON, "elling")).toBe(false);
    expect(matchesQuery(LESSON, "Schelling attention")).toBe(false);
    expect(matchesQuery(LESSON, "   ")).toBe(false);
  });

  it("reads a query's words without punctuation", () => {
    expect(queryWords("“Schelling”, a model!")).toEqual(["schelling", "model"]);
    expect(queryWords("x")).toEqual(["x"]);
  });
});

describe("mentionLine", () => {
  it("agrees in number", () => {
    expect(mentionLine(1, "Schelling", 20)).toBe("1 lesson mentions “Schelling”.");
    expect(mentionLine(3, "model", 20)).toBe("3 lessons mention “model”.");
    expect(mentionLine(0, "xyzzyqq", 20)).toContain("No lesson mentions “xyzzyqq”");
    expect(mentionLine(25, "a", 20)).toBe("25 lessons mention “a” (first 20 shown).");
  });
});
