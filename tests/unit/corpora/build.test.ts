import { describe, expect, it } from "vitest";
import { buildCorpus, loadCorpus, SEPARATOR } from "@/lib/corpora/index";

const corpus = loadCorpus(
  buildCorpus("tiny", "a test", [
    { title: "A", meta: { n: 1 }, text: "The whale. The sea." },
    { title: "B", meta: { n: 2 }, text: "A whale!" },
  ]),
);

describe("buildCorpus(name, source, documents)", () => {
  it("numbers surface forms from 1 by descending frequency, ties in code-point order", () => {
    expect(corpus.vocabulary).toEqual(["", ".", "The", "whale", "!", "A", "sea"]);
  });

  it("ends every document with the separator and records its span", () => {
    expect(Array.from(corpus.tokens)).toEqual([2, 3, 1, 2, 6, 1, SEPARATOR, 5, 3, 4, SEPARATOR]);
    expect(corpus.documents).toEqual([
      { title: "A", start: 0, end: 6, meta: { n: 1 } },
      { title: "B", start: 7, end: 10, meta: { n: 2 } },
    ]);
  });

  it("keeps the text readable", () => {
    expect(corpus.text(0, 6)).toBe("The whale. The sea.");
    expect(corpus.text(7, 10)).toBe("A whale!");
    expect(corpus.name).toBe("tiny");
  });

  it("handles an empty document", () => {
    const empty = loadCorpus(buildCorpus("e", "s", [{ title: "E", meta: {}, text: "  " }]));
    expect(Array.from(empty.tokens)).toEqual([SEPARATOR]);
    expect(empty.documents[0]).toMatchObject({ start: 0, end: 0 });
  });
});
