import { describe, expect, it } from "vitest";
import { cosine, dot, norm } from "@/lib/vectors/index";

describe("cosine", () => {
  it("is 1 for parallel, 0 for orthogonal and −1 for opposite vectors", () => {
    expect(cosine([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(cosine([1, 0], [0, 5])).toBe(0);
    expect(cosine([1, 1], [-2, -2])).toBeCloseTo(-1, 12);
  });

  it("matches the angle computed with atan2 for 2-D vectors", () => {
    const a: [number, number] = [0.9, 0.1];
    const b: [number, number] = [0.3, 0.8];
    const angle = Math.atan2(b[1], b[0]) - Math.atan2(a[1], a[0]);
    expect(cosine(a, b)).toBeCloseTo(Math.cos(angle), 12);
  });

  it("works on typed arrays and is scale-invariant", () => {
    const a = Float32Array.from([0.0074, 0.003, -0.0105, 0.0002]);
    const b = Float64Array.from([0.21, -0.04, 0.11, 0.08]);
    expect(cosine(a, b)).toBeCloseTo(
      cosine(
        a.map((x) => x * 1000),
        b,
      ),
      6,
    );
  });

  it("is NaN for a zero vector and throws on different lengths", () => {
    expect(cosine([0, 0], [1, 2])).toBeNaN();
    expect(() => cosine([1, 2], [1, 2, 3])).toThrow(/differ in length: 2 and 3/);
  });
});

describe("dot and norm", () => {
  it("compute a · b and ‖a‖ (3-4-5 triangle)", () => {
    expect(dot([1, 2, 3], [4, 5, 6])).toBe(32);
    expect(norm([3, 4])).toBe(5);
  });
});
