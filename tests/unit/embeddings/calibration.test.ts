import { describe, expect, it } from "vitest";
import { bestCosines, spread, toMatrix, weakMatchCalibration } from "@/lib/embeddings/index";

describe("weakMatchCalibration(related, unrelated)", () => {
  it("puts the threshold in the middle of a clean gap", () => {
    const c = weakMatchCalibration([0.5, 0.6, 0.7], [0.1, 0.2, 0.3]);
    expect(c.threshold).toBeCloseTo(0.4, 12);
    expect(c.accuracy).toBe(1);
    expect(c.related).toEqual({ min: 0.5, median: 0.6, max: 0.7 });
    expect(c.unrelated.median).toBe(0.2);
  });

  it("with overlap, takes the threshold that gets most of each kind right", () => {
    // One unrelated query scores 0.55; the best cut still separates the rest.
    const c = weakMatchCalibration([0.45, 0.5, 0.6, 0.7], [0.1, 0.2, 0.3, 0.55]);
    expect(c.threshold).toBeGreaterThan(0.3);
    expect(c.threshold).toBeLessThan(0.45);
    expect(c.accuracy).toBeCloseTo(7 / 8, 12);
  });

  it("refuses empty lists", () => {
    expect(() => weakMatchCalibration([], [0.1])).toThrow(RangeError);
  });
});

describe("spread(values) and bestCosines(matrix, queries)", () => {
  it("gives min, median and max", () => {
    expect(spread([3, 1, 2, 10])).toEqual({ min: 1, median: 2.5, max: 10 });
  });

  it("is each query's highest cosine to any row", () => {
    const m = toMatrix([
      [1, 0],
      [0, 1],
    ]);
    expect(
      bestCosines(m, [
        [1, 1],
        [-1, 0],
      ]),
    ).toEqual([expect.closeTo(Math.SQRT1_2, 6), expect.closeTo(0, 6)]);
  });
});
