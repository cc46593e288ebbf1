import { describe, expect, it } from "vitest";
import { rowOf, search, toMatrix, unit } from "@/lib/embeddings/index";
import { bruteCosine, randomVectors } from "./random-points";

describe("toMatrix(vectors)", () => {
  it("normalises every row to length 1 and keeps zero rows at zero", () => {
    const m = toMatrix([
      [3, 4],
      [0, 0],
      [0, -2],
    ]);
    expect([...rowOf(m, 0)]).toEqual([expect.closeTo(0.6, 6), expect.closeTo(0.8, 6)]);
    expect([...rowOf(m, 1)]).toEqual([0, 0]);
    expect([...rowOf(m, 2)]).toEqual([0, -1]);
    expect(m.count).toBe(3);
    expect(m.dims).toBe(2);
  });

  it("rejects vectors of different lengths and an empty list", () => {
    expect(() => toMatrix([[1, 2], [1]])).toThrow("vector 1 has 1 numbers, want 2");
    expect(() => toMatrix([])).toThrow(RangeError);
    expect(() => rowOf(toMatrix([[1]]), 1)).toThrow("row 1 is not within 0…0");
  });

  it("unit(v) has length 1 and the same direction", () => {
    expect([...unit([0, 5])]).toEqual([0, 1]);
  });
});

describe("search(matrix, query, k)", () => {
  it("ranks rows exactly as a brute-force cosine sort does", () => {
    const corpus = randomVectors(500, 64, 11);
    const queries = randomVectors(5, 64, 12);
    const matrix = toMatrix(corpus);
    for (const query of queries) {
      const brute = corpus
        .map((v, index) => ({ index, similarity: bruteCosine(query, v) }))
        .sort((a, b) => b.similarity - a.similarity)
        .slice(0, 10);
      const hits = search(matrix, query, 10);
      expect(hits.map((h) => h.index)).toEqual(brute.map((b) => b.index));
      hits.forEach((h, i) => {
        expect(h.similarity).toBeCloseTo((brute[i] as { similarity: number }).similarity, 5);
      });
    }
  });

  it("does not depend on the query's length, and finds a row's own text first", () => {
    const corpus = randomVectors(50, 8, 3);
    const matrix = toMatrix(corpus);
    const query = Float32Array.from(corpus[17] as Float32Array, (x) => x * 42);
    const [top] = search(matrix, query, 1);
    expect(top?.index).toBe(17);
    expect(top?.similarity).toBeCloseTo(1, 6);
  });

  it("returns at most as many hits as rows and checks the query's length", () => {
    const matrix = toMatrix(randomVectors(3, 4, 1));
    expect(search(matrix, [1, 0, 0, 0], 10)).toHaveLength(3);
    expect(() => search(matrix, [1, 0], 2)).toThrow("the query has 2 numbers, the corpus 4");
  });
});
