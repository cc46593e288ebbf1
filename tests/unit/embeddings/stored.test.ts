import { describe, expect, it } from "vitest";
import {
  decodeStoredEmbeddings,
  encodeStoredEmbeddings,
  matchStored,
  rowOf,
  textHash,
  textsHash,
} from "@/lib/embeddings/index";
import { bruteCosine, randomVectors } from "./random-points";

const passages = ["The army marched.", "Taxes were raised.", "Ships sailed east."].map(
  (text, i) => ({ text, start: i * 10, end: i * 10 + 4 }),
);

describe("encodeStoredEmbeddings / decodeStoredEmbeddings", () => {
  it("keeps every cosine between stored rows and fresh queries to 1e-3 (float16)", () => {
    const vectors = randomVectors(3, 512, 5);
    const bytes = encodeStoredEmbeddings({ model: "m", passages, vectors, truncated: [2] });
    // 4 magic + 4 length + JSON, padded to 4, then 2 bytes per number.
    expect(bytes.length % 4).toBe(0);
    expect(bytes.length).toBeLessThan(3 * 512 * 2 + 600);
    const { header, matrix } = decodeStoredEmbeddings(bytes.slice().buffer);
    expect(header).toMatchObject({ model: "m", dims: 512, count: 3, truncated: [2] });
    expect(header.textsHash).toBe(textsHash(passages.map((p) => p.text)));
    expect(header.passages[1]).toEqual({
      start: 10,
      end: 14,
      hash: textHash("Taxes were raised."),
    });
    for (const query of randomVectors(20, 512, 6))
      vectors.forEach((v, i) => {
        const stored = Array.from(rowOf(matrix, i));
        expect(Math.abs(bruteCosine(query, stored) - bruteCosine(query, v))).toBeLessThan(1e-3);
      });
  });

  it("refuses other files and files cut short", () => {
    const bytes = encodeStoredEmbeddings({ model: "m", passages, vectors: randomVectors(3, 8, 1) });
    expect(() => decodeStoredEmbeddings(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toThrow(
      "not a stored-embeddings file",
    );
    expect(() => decodeStoredEmbeddings(bytes.subarray(0, bytes.length - 2))).toThrow("wrong size");
    expect(() =>
      encodeStoredEmbeddings({ model: "m", passages, vectors: randomVectors(2, 8, 1) }),
    ).toThrow("3 passages but 2 vectors");
  });
});

describe("matchStored(stored, passages)", () => {
  const stored = decodeStoredEmbeddings(
    encodeStoredEmbeddings({
      model: "m",
      passages,
      vectors: randomVectors(3, 8, 2),
      truncated: [0],
    }),
  );

  it("finds each passage's row by token range and text, in any order", () => {
    const match = matchStored(stored, [passages[2], passages[0]] as typeof passages);
    expect(match.missing).toEqual([]);
    expect(match.truncated).toBe(1);
    expect(Array.from(match.vectors[0] ?? [])).toEqual(Array.from(rowOf(stored.matrix, 2)));
  });

  it("never lends a vector to a different text or range", () => {
    const match = matchStored(stored, [
      { ...passages[0], text: "The navy marched." } as (typeof passages)[number],
      { ...passages[1], end: 15 } as (typeof passages)[number],
      { text: "new", start: 99, end: 100 },
      passages[2] as (typeof passages)[number],
    ]);
    expect(match.missing).toEqual([0, 1, 2]);
    expect(match.vectors.map((v) => v !== null)).toEqual([false, false, false, true]);
  });
});
