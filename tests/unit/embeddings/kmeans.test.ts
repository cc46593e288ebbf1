import { describe, expect, it } from "vitest";
import { kmeans, summarizeClusters, toMatrix, type Points } from "@/lib/embeddings/index";
import { randomVectors } from "./random-points";

/** Points around three far-apart centres in 2-D; `truth[i]` is each point's centre. */
function blobs(): { points: Points; truth: number[] } {
  const centres = [
    [0, 0],
    [10, 0],
    [0, 10],
  ] as const;
  const jitter = randomVectors(60, 2, 5);
  const truth = jitter.map((_, i) => i % 3);
  const data = new Float32Array(60 * 2);
  jitter.forEach((j, i) => {
    const c = centres[i % 3] as readonly [number, number];
    data[2 * i] = c[0] + (j[0] as number);
    data[2 * i + 1] = c[1] + (j[1] as number);
  });
  return { points: { count: 60, dims: 2, data }, truth };
}

/** True when two labelings put the same points together (cluster numbers may differ). */
function samePartition(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  const map = new Map<number, number>();
  const used = new Set<number>();
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i] as number, b[i] as number];
    if (map.has(x)) {
      if (map.get(x) !== y) return false;
    } else {
      if (used.has(y)) return false;
      map.set(x, y);
      used.add(y);
    }
  }
  return true;
}

describe("kmeans(points, { k, seed })", () => {
  it("recovers three well-separated blobs for every seed", () => {
    const { points, truth } = blobs();
    for (const seed of [0, 1, 2, 3, 4, 99]) {
      const result = kmeans(points, { k: 3, seed });
      expect(samePartition(result.assignments, truth), `seed ${seed}`).toBe(true);
      expect(result.converged).toBe(true);
      expect([...result.sizes].sort()).toEqual([20, 20, 20]);
    }
  });

  it("puts each centroid at the mean of its points, and reports the inertia", () => {
    const { points } = blobs();
    const result = kmeans(points, { k: 3, seed: 7 });
    let inertia = 0;
    for (let c = 0; c < 3; c++) {
      const members = [...result.assignments.keys()].filter((i) => result.assignments[i] === c);
      const mean = [0, 1].map(
        (j) => members.reduce((s, i) => s + (points.data[2 * i + j] as number), 0) / members.length,
      );
      expect(result.centroids[2 * c]).toBeCloseTo(mean[0] as number, 5);
      expect(result.centroids[2 * c + 1]).toBeCloseTo(mean[1] as number, 5);
      for (const i of members)
        inertia +=
          ((points.data[2 * i] as number) - (mean[0] as number)) ** 2 +
          ((points.data[2 * i + 1] as number) - (mean[1] as number)) ** 2;
    }
    expect(result.inertia).toBeCloseTo(inertia, 3);
  });

  it("finds the optimal split of a small set, checked against every possible split", () => {
    // Six points on a line: the best 2-split by exhaustive search.
    const xs = [0, 1, 2, 7, 8, 30];
    const points = { count: 6, dims: 1, data: Float32Array.from(xs) };
    let best = Infinity;
    for (let mask = 1; mask < 63; mask++) {
      const groups = [
        xs.filter((_, i) => mask & (1 << i)),
        xs.filter((_, i) => !(mask & (1 << i))),
      ];
      const cost = groups.reduce((sum, g) => {
        const m = g.reduce((s, x) => s + x, 0) / g.length;
        return sum + g.reduce((s, x) => s + (x - m) ** 2, 0);
      }, 0);
      best = Math.min(best, cost);
    }
    expect(kmeans(points, { k: 2, seed: 1 }).inertia).toBeCloseTo(best, 6);
  });

  it("is deterministic for a seed", () => {
    const points = toMatrix(randomVectors(200, 16, 8));
    const a = kmeans(points, { k: 5, seed: 42 });
    const b = kmeans(points, { k: 5, seed: 42 });
    expect([...a.assignments]).toEqual([...b.assignments]);
    expect(a.inertia).toBe(b.inertia);
  });

  it("never leaves a cluster empty, even with duplicate points", () => {
    const points = { count: 4, dims: 1, data: Float32Array.from([1, 1, 1, 1]) };
    const result = kmeans(points, { k: 3, seed: 0 });
    expect([...result.sizes].every((s) => s > 0)).toBe(true);
    expect(result.inertia).toBe(0);
  });

  it("k = 1 gives the overall mean; k = n puts every point alone", () => {
    const points = { count: 3, dims: 1, data: Float32Array.from([1, 2, 6]) };
    expect(kmeans(points, { k: 1, seed: 0 }).centroids[0]).toBeCloseTo(3, 10);
    const alone = kmeans(points, { k: 3, seed: 0 });
    expect(new Set(alone.assignments).size).toBe(3);
    expect(alone.inertia).toBe(0);
  });

  it("rejects a bad k or seed", () => {
    const points = { count: 3, dims: 1, data: Float32Array.from([1, 2, 6]) };
    expect(() => kmeans(points, { k: 4, seed: 0 })).toThrow("k must be a whole number from 1 to 3");
    expect(() => kmeans(points, { k: 0, seed: 0 })).toThrow(RangeError);
    expect(() => kmeans(points, { k: 2, seed: -1 })).toThrow("seed");
  });
});

describe("summarizeClusters(points, result)", () => {
  it("lists clusters largest first with the most typical member first", () => {
    const xs = [0, 1, 2, 10, 11, 12, 13];
    const points = { count: 7, dims: 1, data: Float32Array.from(xs) };
    const result = kmeans(points, { k: 2, seed: 3 });
    const [big, small] = summarizeClusters(points, result);
    expect(big?.size).toBe(4);
    expect(small?.size).toBe(3);
    // Centroid 11.5: 11 and 12 tie, the lower index first; centroid 1: point 1 first.
    expect(big?.members).toEqual([4, 5, 3, 6]);
    expect(small?.members[0]).toBe(1);
  });
});
