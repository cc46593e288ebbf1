import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { describe, expect, it } from "vitest";
import { pca, project } from "@/lib/vectors/index";

/** Eigenvalues and eigenvectors (columns) of a symmetric matrix by cyclic Jacobi rotations. */
function jacobi(matrix: number[][]): { values: number[]; vectors: number[][] } {
  const n = matrix.length;
  const a = matrix.map((row) => [...row]);
  const v = a.map((_, i) => a.map((__, j) => (i === j ? 1 : 0)));
  const at = (m: number[][], i: number, j: number): number => (m[i] as number[])[j] as number;
  const set = (m: number[][], i: number, j: number, x: number): void => {
    (m[i] as number[])[j] = x;
  };
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += at(a, p, q) ** 2;
    if (off < 1e-24) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(at(a, p, q)) < 1e-300) continue;
        const theta = (at(a, q, q) - at(a, p, p)) / (2 * at(a, p, q));
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const [akp, akq] = [at(a, k, p), at(a, k, q)];
          set(a, k, p, c * akp - s * akq);
          set(a, k, q, s * akp + c * akq);
        }
        for (let k = 0; k < n; k++) {
          const [apk, aqk] = [at(a, p, k), at(a, q, k)];
          set(a, p, k, c * apk - s * aqk);
          set(a, q, k, s * apk + c * aqk);
        }
        for (let k = 0; k < n; k++) {
          const [vkp, vkq] = [at(v, k, p), at(v, k, q)];
          set(v, k, p, c * vkp - s * vkq);
          set(v, k, q, s * vkp + c * vkq);
        }
      }
  }
  return { values: a.map((_, i) => at(a, i, i)), vectors: v };
}

/** The sample covariance (divisor n − 1) of row vectors. */
function covariance(points: number[][]): number[][] {
  const d = (points[0] as number[]).length;
  const mean = Array.from(
    { length: d },
    (_, j) => points.reduce((s, p) => s + (p[j] as number), 0) / points.length,
  );
  return mean.map((_, a) =>
    mean.map(
      (__, b) =>
        points.reduce(
          (s, p) =>
            s + ((p[a] as number) - (mean[a] as number)) * ((p[b] as number) - (mean[b] as number)),
          0,
        ) /
        (points.length - 1),
    ),
  );
}

function randomPoints(seed: number, n: number, scales: number[]): number[][] {
  const rng = xoroshiro128plus(seed);
  // Random directions mixed so that the covariance is not diagonal.
  return Array.from({ length: n }, () => {
    const z = scales.map((s) => s * (uniformFloat64(rng) * 2 - 1));
    return z.map((_, j) => z.reduce((sum, x, k) => sum + x * Math.cos((j + 1) * (k + 2)), 0));
  });
}

function axis(p: ReturnType<typeof pca>, c: number): number[] {
  return Array.from(p.axes.subarray(c * p.dims, (c + 1) * p.dims));
}

describe("pca(points, k)", () => {
  // A 4 × 2 grid (variances 40/7 and 8/7), rotated by 30° and moved to (5, −2).
  const angle = Math.PI / 6;
  const grid = [-3, -1, 1, 3].flatMap((a) => [-1, 1].map((b) => [a, b] as const));
  const rotated = grid.map(([a, b]) => [
    5 + a * Math.cos(angle) - b * Math.sin(angle),
    -2 + a * Math.sin(angle) + b * Math.cos(angle),
  ]);

  it("finds the axes of a 2-D grid rotated by a known angle", () => {
    const p = pca(rotated, 2);
    expect(axis(p, 0)[0]).toBeCloseTo(Math.cos(angle), 12);
    expect(axis(p, 0)[1]).toBeCloseTo(Math.sin(angle), 12);
    expect(axis(p, 1)[0]).toBeCloseTo(-Math.sin(angle), 12);
    expect(axis(p, 1)[1]).toBeCloseTo(Math.cos(angle), 12);
    expect(p.variance[0]).toBeCloseTo(40 / 7, 12);
    expect(p.variance[1]).toBeCloseTo(8 / 7, 12);
    expect(Array.from(p.explained)).toEqual([
      expect.closeTo(40 / 48, 12),
      expect.closeTo(8 / 48, 12),
    ]);
    expect(Array.from(p.mean)).toEqual([expect.closeTo(5, 12), expect.closeTo(-2, 12)]);
  });

  it("gives each point its unrotated grid coordinates", () => {
    const p = pca(rotated, 2);
    grid.forEach(([a, b], i) => {
      expect(p.coordinates[2 * i]).toBeCloseTo(a, 12);
      expect(p.coordinates[2 * i + 1]).toBeCloseTo(b, 12);
    });
  });

  it.each([
    {
      shape: "40 points in 6-D (covariance path)",
      points: randomPoints(1, 40, [5, 3, 2, 1, 0.5, 0.2]),
    },
    {
      shape: "6 points in 20-D (Xᵀ(Xv) path)",
      points: randomPoints(
        2,
        6,
        Array.from({ length: 20 }, (_, i) => 20 - i),
      ),
    },
  ])("matches a Jacobi eigen-decomposition of the covariance: $shape", ({ points }) => {
    const p = pca(points, 3);
    const { values, vectors } = jacobi(covariance(points));
    const order = values.map((v, i) => [v, i] as const).sort((x, y) => y[0] - x[0]);
    for (let c = 0; c < 3; c++) {
      const [value, column] = order[c] as readonly [number, number];
      expect(p.variance[c]).toBeCloseTo(value, 8);
      const expected = vectors.map((row) => row[column] as number);
      const sign = Math.sign(axis(p, c).reduce((s, x, j) => s + x * (expected[j] as number), 0));
      axis(p, c).forEach((x, j) => {
        expect(x).toBeCloseTo(sign * (expected[j] as number), 6);
      });
    }
  });

  it("returns orthonormal axes, uncorrelated coordinates and the same result every time", () => {
    const points = randomPoints(3, 30, [4, 2, 1, 1, 0.5]);
    const p = pca(points, 2);
    const [a, b] = [axis(p, 0), axis(p, 1)];
    expect(Math.hypot(...a)).toBeCloseTo(1, 12);
    expect(a.reduce((s, x, j) => s + x * (b[j] as number), 0)).toBeCloseTo(0, 10);
    let cross = 0;
    for (let i = 0; i < 30; i++)
      cross += (p.coordinates[2 * i] as number) * (p.coordinates[2 * i + 1] as number);
    expect(cross).toBeCloseTo(0, 6);
    expect(pca(points, 2)).toEqual(p);
  });

  it("gives a zero-variance, orthogonal second axis for points on a line", () => {
    const p = pca(
      [
        [0, 0, 0],
        [1, 2, 2],
        [2, 4, 4],
      ],
      2,
    );
    expect(axis(p, 0).map((x) => x * 3)).toEqual([
      expect.closeTo(1, 12),
      expect.closeTo(2, 12),
      expect.closeTo(2, 12),
    ]);
    expect(p.variance[1]).toBeCloseTo(0, 12);
    expect(Math.hypot(...axis(p, 1))).toBeCloseTo(1, 12);
    expect(axis(p, 0).reduce((s, x, j) => s + x * (axis(p, 1)[j] as number), 0)).toBeCloseTo(0, 12);
  });

  it("rejects fewer than 2 points, ragged points, non-finite values and a bad k", () => {
    expect(() => pca([[1, 2]])).toThrow(/at least 2 points/);
    expect(() =>
      pca([
        [1, 2],
        [1, 2, 3],
      ]),
    ).toThrow(/point 1 has 3 dimensions, want 2/);
    expect(() =>
      pca([
        [1, Number.NaN],
        [1, 2],
      ]),
    ).toThrow(/non-finite/);
    expect(() =>
      pca(
        [
          [1, 2],
          [3, 4],
        ],
        3,
      ),
    ).toThrow(/from 1 to 2/);
  });
});

describe("project(projection, point)", () => {
  it("places the input points at their coordinates and rejects a wrong length", () => {
    const points = randomPoints(4, 12, [3, 2, 1]);
    const p = pca(points, 2);
    points.forEach((point, i) => {
      const [x, y] = project(p, point);
      expect(x).toBeCloseTo(p.coordinates[2 * i] as number, 12);
      expect(y).toBeCloseTo(p.coordinates[2 * i + 1] as number, 12);
    });
    expect(() => project(p, [1, 2])).toThrow(/2 dimensions, want 3/);
  });
});
