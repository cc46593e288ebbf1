import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { foldCase, loadCorpus, SEPARATOR, type Corpus } from "@/lib/corpora/index";

/** Built by `npm run assets` (scripts/assets/corpora.ts), which runs before the unit tests. */
function generated(name: string): Corpus {
  const path = `public/generated/corpora/${name}.bin`;
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run assets\` first`);
  return loadCorpus(readFileSync(path));
}

const sotu = generated("sotu");
const moby = generated("moby-dick");

describe("loadCorpus(bytes) with the State of the Union addresses", () => {
  it("holds the 233 addresses from 1790 to 2021, one document each", () => {
    expect(sotu.documents).toHaveLength(233);
    expect(sotu.documents[0]?.meta).toEqual({
      president: "George Washington",
      year: 1790,
      party: "none",
    });
    expect(sotu.documents.at(-1)?.meta).toEqual({
      president: "Joseph R Biden",
      year: 2021,
      party: "Democratic",
    });
  });

  it("knows Lincoln's 1862 address (“the last best hope of earth”)", () => {
    const index = sotu.documents.findIndex((d) => d.meta["year"] === 1862);
    const lincoln = sotu.documents[index];
    expect(lincoln?.title).toBe("Abraham Lincoln, 1862");
    expect(lincoln?.meta["party"]).toBe("Republican");
    const text = sotu.text(lincoln?.start ?? 0, lincoln?.end ?? 0);
    expect(text).toContain("We shall nobly save or meanly lose the last best hope of earth.");
  });

  it("is a u16 stream with a separator after every document", () => {
    expect(sotu.tokens).toBeInstanceOf(Uint16Array);
    for (const d of sotu.documents) expect(sotu.tokens[d.end]).toBe(SEPARATOR);
    expect(sotu.tokens.length).toBe((sotu.documents.at(-1)?.end ?? 0) + 1);
    expect(sotu.source).toMatch(/PDDL/);
  });
});

describe("loadCorpus(bytes) with Moby Dick", () => {
  it("holds the etymology, extracts, 135 chapters and the epilogue, in book order", () => {
    expect(moby.documents).toHaveLength(138);
    expect(moby.documents.map((d) => d.title).slice(0, 3)).toEqual([
      "Etymology. (Supplied by a Late Consumptive Usher to a Grammar School.)",
      "Extracts. (Supplied by a Sub-Sub-Librarian).",
      "Chapter 1. Loomings.",
    ]);
    expect(moby.documents[2]?.meta).toEqual({ chapter: 1, heading: "Loomings." });
    expect(moby.documents[136]?.meta["chapter"]).toBe(135);
    expect(moby.documents.at(-1)?.meta["chapter"]).toBeNull();
  });

  it("decodes the first tokens of chapter 1 back to “Call me Ishmael.”", () => {
    const start = moby.documents[2]?.start ?? 0;
    expect(moby.text(start, start + 4)).toBe("Call me Ishmael.");
  });

  it("finds the document of a token by binary search", () => {
    const chapter = moby.documents[50];
    expect(moby.documentOf(chapter?.start ?? 0)).toBe(50);
    expect(moby.documentOf(chapter?.end ?? 0)).toBe(50);
    expect(moby.documentOf(0)).toBe(0);
    expect(() => moby.documentOf(moby.tokens.length)).toThrow(RangeError);
  });

  it("rejects a token range outside the stream", () => {
    expect(() => moby.text(-1, 3)).toThrow(/not within/);
    expect(() => moby.text(5, 4)).toThrow(RangeError);
  });
});

describe("foldCase(corpus)", () => {
  it("maps case variants of a surface form to one lower-case id", () => {
    const { vocabulary, ids } = foldCase(moby);
    const id = (surface: string): number => ids[moby.vocabulary.indexOf(surface)] ?? -1;
    expect(id("Whale")).toBe(id("whale"));
    expect(id("WHALE")).toBe(id("whale"));
    expect(vocabulary[id("Whale")]).toBe("whale");
    expect(ids[SEPARATOR]).toBe(0);
    expect(vocabulary.length).toBeLessThan(moby.vocabulary.length);
  });
});
