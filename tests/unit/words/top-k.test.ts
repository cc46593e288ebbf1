import { describe, expect, it } from "vitest";
import { topKByDot } from "@/lib/words/index";

// Four 2-D rows; the dot products with [1, 0] are 0.2, 0.9, -1, 0.9.
const matrix = Float32Array.from([0.2, 0.5, 0.9, 0, -1, 0, 0.9, 0.1]);

describe("topKByDot(matrix, dims, target, k, exclude)", () => {
  it("returns the k best rows, best first, ties by lower index", () => {
    expect(topKByDot(matrix, 2, [1, 0], 3)).toEqual([
      { index: 1, score: expect.closeTo(0.9, 6) as number },
      { index: 3, score: expect.closeTo(0.9, 6) as number },
      { index: 0, score: expect.closeTo(0.2, 6) as number },
    ]);
  });

  it("skips excluded rows", () => {
    expect(topKByDot(matrix, 2, [1, 0], 2, new Set([1])).map((s) => s.index)).toEqual([3, 0]);
  });

  it("agrees with scoring and sorting every row (random data)", () => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    const dims = 5;
    const rows = Float32Array.from({ length: 200 * dims }, random);
    const target = Array.from({ length: dims }, random);
    const all = Array.from({ length: 200 }, (_, index) => ({
      index,
      score: target.reduce((s, t, j) => s + t * (rows[index * dims + j] as number), 0),
    })).sort((a, b) => b.score - a.score);
    const top = topKByDot(rows, dims, target, 10);
    expect(top.map((s) => s.index)).toEqual(all.slice(0, 10).map((s) => s.index));
  });

  it("returns all rows when k exceeds them and rejects bad k or target length", () => {
    expect(topKByDot(matrix, 2, [0, 1], 10)).toHaveLength(4);
    expect(() => topKByDot(matrix, 2, [1, 0], 0)).toThrow(/positive integer/);
    expect(() => topKByDot(matrix, 2, [1, 0, 0], 1)).toThrow(/3 dimensions, want 2/);
  });
});
