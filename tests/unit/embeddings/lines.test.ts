import { describe, expect, it } from "vitest";
import { parseLines } from "@/lib/embeddings/index";

describe("parseLines(text, max)", () => {
  it("keeps one trimmed item per non-blank line", () => {
    expect(parseLines("  one \n\n two\r\nthree\n", 10)).toEqual({
      items: ["one", "two", "three"],
      blank: 2,
      dropped: 0,
    });
  });

  it("keeps at most max items and says how many it dropped", () => {
    expect(parseLines("a\nb\nc\nd", 2)).toEqual({ items: ["a", "b"], blank: 0, dropped: 2 });
  });

  it("gives nothing for blank text", () => {
    expect(parseLines(" \n ", 5).items).toEqual([]);
  });
});
