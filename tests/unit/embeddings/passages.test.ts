import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildCorpus, loadCorpus } from "@/lib/corpora/index";
import { passageBounds, samplePassages } from "@/lib/embeddings/index";

const SOTU = "public/generated/corpora/sotu.bin";

function words(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

const tiny = loadCorpus(
  buildCorpus("tiny", "test", [
    {
      title: "Doc A",
      meta: {},
      text: "One two three. Four five six seven. Eight nine. Ten eleven twelve thirteen fourteen fifteen sixteen. End.",
    },
    { title: "Doc B", meta: {}, text: "Short one. And another short one here" },
  ]),
);

describe("passageBounds(corpus, options)", () => {
  it("groups whole sentences until minWords, never past maxWords, within one document", () => {
    const passages = passageBounds(tiny, { minWords: 5, maxWords: 8 }).map((b) => ({
      document: b.document,
      text: tiny.text(b.start, b.end),
    }));
    expect(passages).toEqual([
      // 3 + 4 words reach 5; the next sentence (2) starts a new passage…
      { document: 0, text: "One two three. Four five six seven." },
      // …2 + 7 would pass 8, so the 2-word sentence closes alone; the 7-word one reaches 5; the
      // 1-word tail ("End.") is under half of minWords and joins it.
      { document: 0, text: "Eight nine." },
      { document: 0, text: "Ten eleven twelve thirteen fourteen fifteen sixteen. End." },
      // A document's text without a final stop still ends its last passage.
      { document: 1, text: "Short one. And another short one here" },
    ]);
  });

  it("keeps closing quotes and repeated marks with their sentence", () => {
    const quoted = loadCorpus(
      buildCorpus("q", "test", [
        {
          title: "Q",
          meta: {},
          text: 'He said "Stop now." Then he left?! Ships, guns, etc., were sold.',
        },
      ]),
    );
    const texts = passageBounds(quoted, { minWords: 2, maxWords: 3 }).map((b) =>
      quoted.text(b.start, b.end),
    );
    expect(texts).toEqual([
      'He said "Stop now."',
      "Then he left?!",
      "Ships, guns, etc., were sold.",
    ]);
  });

  it("rejects limits that cannot hold", () => {
    expect(() => passageBounds(tiny, { minWords: 10, maxWords: 5 })).toThrow(RangeError);
  });
});

describe.runIf(existsSync(SOTU))("samplePassages(sotu, count)", () => {
  const sotu = loadCorpus(readFileSync(SOTU));

  it("cuts every address into passages that cover it without gaps", () => {
    const bounds = passageBounds(sotu);
    sotu.documents.forEach((doc, d) => {
      const mine = bounds.filter((b) => b.document === d);
      expect(mine[0]?.start).toBe(doc.start);
      expect(mine.at(-1)?.end).toBe(doc.end);
      for (let i = 1; i < mine.length; i++) expect(mine[i]?.start).toBe(mine[i - 1]?.end);
    });
  });

  it("spreads 300 passages over 1790–2021, most of 40–80 words", () => {
    const passages = samplePassages(sotu, 300);
    expect(passages).toHaveLength(300);
    const years = passages.map((p) => Number(/\d{4}$/.exec(p.title)?.[0]));
    expect(Math.min(...years)).toBeLessThan(1800);
    expect(Math.max(...years)).toBeGreaterThan(2010);
    const inRange = passages.filter((p) => words(p.text) >= 40 && words(p.text) <= 80);
    expect(inRange.length / passages.length).toBeGreaterThan(0.8);
    const counts = passages.map((p) => words(p.text)).sort((a, b) => a - b);
    expect(counts[150]).toBeGreaterThanOrEqual(40);
    expect(counts[150]).toBeLessThanOrEqual(80);
    expect(passages[0]?.text).toBe(sotu.text(passages[0]?.start ?? 0, passages[0]?.end ?? 0));
  });

  it("is the same every time and returns all passages when asked for more", () => {
    expect(samplePassages(sotu, 50).map((p) => p.start)).toEqual(
      samplePassages(sotu, 50).map((p) => p.start),
    );
    expect(samplePassages(tiny, 99)).toHaveLength(passageBounds(tiny).length);
    expect(() => samplePassages(tiny, 0)).toThrow(RangeError);
  });
});
