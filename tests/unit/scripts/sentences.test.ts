import { describe, expect, it } from "vitest";
import { drawSentences, shuffleRows, wholeSentences } from "../../../scripts/corpora/sentences";

const text =
  "Call me Ishmael. Some years ago, never mind how long precisely, having little or no money in my purse, I thought I would sail about. " +
  "It is a way I have of driving off the spleen and regulating the circulation of the blood and the heart!\n\n" +
  "whenever I find myself growing grim about the mouth, I account it high time to get to sea as soon as I can. " +
  "A sentence that never ends because the writer forgot the full stop at the end of it all";

describe("wholeSentences", () => {
  it("keeps sentences of 60–280 characters that start with a capital and end with punctuation", () => {
    const kept = wholeSentences(text);
    expect(kept).toEqual([
      "Some years ago, never mind how long precisely, having little or no money in my purse, I thought I would sail about.",
      "It is a way I have of driving off the spleen and regulating the circulation of the blood and the heart!",
    ]);
  });
});

describe("drawSentences", () => {
  const docs = [
    { title: "A", text },
    { title: "B", text: text.replace("Ishmael", "Queequeg").replace("purse", "pocket") },
  ];
  it("draws without replacement, seeded, with ids, labels and sources", () => {
    const a = drawSentences(docs, 3, 5, "moby", "no");
    const b = drawSentences(docs, 3, 5, "moby", "no");
    expect(a).toEqual(b);
    expect(a.map((r) => r.id)).toEqual(["moby-001", "moby-002", "moby-003"]);
    expect(new Set(a.map((r) => `${r.source}|${r.text}`)).size).toBe(3);
    expect(a.every((r) => r.label === "no" && (r.source === "A" || r.source === "B"))).toBe(true);
  });
  it("refuses to draw more sentences than there are", () => {
    expect(() => drawSentences(docs, 5, 1, "moby", "no")).toThrow(/only 4 sentences/);
  });
  it("shuffles rows as a permutation", () => {
    const rows = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = shuffleRows(rows, 2);
    expect(shuffled).not.toEqual(rows);
    expect([...shuffled].sort((x, y) => x - y)).toEqual(rows);
  });
});
