import { describe, expect, it } from "vitest";
import { meanSimilarities, outliers, toMatrix } from "@/lib/embeddings/index";
import { bruteCosine, randomVectors } from "./random-points";

describe("meanSimilarities(matrix)", () => {
  it("equals the O(n²) mean of pairwise cosines", () => {
    const vectors = randomVectors(120, 24, 21);
    const fast = meanSimilarities(toMatrix(vectors));
    vectors.forEach((v, i) => {
      const others = vectors.filter((_, j) => j !== i);
      const brute = others.reduce((s, w) => s + bruteCosine(v, w), 0) / others.length;
      expect(fast[i]).toBeCloseTo(brute, 5);
    });
  });

  it("needs two texts", () => {
    expect(() => meanSimilarities(toMatrix([[1, 0]]))).toThrow("at least 2");
  });
});

describe("outliers(matrix, k)", () => {
  it("puts the one text pointing away from a tight group first", () => {
    const group = [
      [1, 0.1, 0],
      [1, 0, 0.1],
      [0.9, 0.1, 0.1],
      [1, 0.05, 0.05],
    ];
    const matrix = toMatrix([...group.slice(0, 2), [0, 0, 1], ...group.slice(2)]);
    const [first, second] = outliers(matrix, 2);
    expect(first?.index).toBe(2);
    expect(first?.meanSimilarity).toBeLessThan(second?.meanSimilarity ?? 0);
  });

  it("returns the k lowest, lowest first", () => {
    const matrix = toMatrix(randomVectors(40, 6, 2));
    const all = [...meanSimilarities(matrix)].sort((a, b) => a - b);
    expect(outliers(matrix, 5).map((o) => o.meanSimilarity)).toEqual(all.slice(0, 5));
  });
});
