import { describe, expect, it } from "vitest";
import { corpusMap, toMatrix } from "@/lib/embeddings/index";
import { randomVectors } from "./random-points";

describe("corpusMap(matrix, fitRows)", () => {
  it("recovers a planted 2-D structure in 64 dimensions", () => {
    // Points on a plane spanned by two orthogonal directions, plus tiny noise.
    const noise = randomVectors(300, 64, 9);
    const plane = randomVectors(300, 2, 10);
    const u = Float32Array.from({ length: 64 }, (_, j) => (j < 32 ? 1 : 0) / Math.sqrt(32));
    const v = Float32Array.from({ length: 64 }, (_, j) => (j >= 32 ? 1 : 0) / Math.sqrt(32));
    const vectors = plane.map((p, i) =>
      Float32Array.from(
        { length: 64 },
        (_, j) =>
          10 +
          3 * (p[0] as number) * (u[j] as number) +
          3 * (p[1] as number) * (v[j] as number) +
          0.001 * ((noise[i] as Float32Array)[j] as number),
      ),
    );
    const map = corpusMap(toMatrix(vectors), 100);
    expect(map.fittedOn).toBe(100);
    expect(map.xy).toHaveLength(600);
    expect(map.explained).toBeGreaterThan(0.99);
  });

  it("keeps distances of a 2-D set (up to rotation and reflection)", () => {
    // Unit vectors in 2-D: the map is the centred set, rotated or reflected.
    const angles = [0, 0.5, 1, 1.5, 2];
    const matrix = toMatrix(angles.map((a) => [Math.cos(a), Math.sin(a)]));
    const { xy } = corpusMap(matrix);
    const dist = (i: number, j: number, p: ArrayLike<number>): number =>
      Math.hypot(
        (p[2 * i] as number) - (p[2 * j] as number),
        (p[2 * i + 1] as number) - (p[2 * j + 1] as number),
      );
    for (let i = 0; i < 5; i++)
      for (let j = 0; j < 5; j++) expect(dist(i, j, xy)).toBeCloseTo(dist(i, j, matrix.data), 6);
  });

  it("needs two texts", () => {
    expect(() => corpusMap(toMatrix([[1, 2]]))).toThrow("at least 2");
  });
});
