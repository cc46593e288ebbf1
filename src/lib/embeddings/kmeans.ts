import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

/** n points of d numbers, row-major (an EmbeddingMatrix fits). */
export interface Points {
  readonly count: number;
  readonly dims: number;
  readonly data: Float32Array;
}

export interface KMeansOptions {
  /** The number of clusters, 1 ≤ k ≤ n. */
  k: number;
  /** Fixes the k-means++ start, so a seed fixes the result (a whole number ≥ 0). */
  seed: number;
  /** Most Lloyd iterations (default 100). */
  maxIterations?: number;
}

export interface KMeansResult {
  k: number;
  /** The cluster of each point, 0 … k − 1. */
  assignments: Int32Array;
  /** k × d centroids (the mean of each cluster's points), row-major. */
  centroids: Float64Array;
  /** The number of points in each cluster (never 0). */
  sizes: Int32Array;
  /** The sum of squared Euclidean distances from each point to its centroid. */
  inertia: number;
  iterations: number;
  /** False when maxIterations ran out before the assignments settled. */
  converged: boolean;
}

function squaredDistance(
  data: Float32Array,
  at: number,
  centres: Float64Array,
  c: number,
  d: number,
): number {
  let sum = 0;
  for (let j = 0; j < d; j++) {
    const diff = (data[at + j] as number) - (centres[c * d + j] as number);
    sum += diff * diff;
  }
  return sum;
}

/** k-means++ (Arthur & Vassilvitskii 2007): each next centre drawn with probability ∝ D². */
function seedCentres(points: Points, k: number, seed: number): Float64Array {
  const { count: n, dims: d, data } = points;
  const rng = xoroshiro128plus(seed);
  const centres = new Float64Array(k * d);
  const chosen = new Set<number>();
  const take = (i: number, c: number): void => {
    chosen.add(i);
    for (let j = 0; j < d; j++) centres[c * d + j] = data[i * d + j] as number;
  };
  take(uniformInt(rng, 0, n - 1), 0);
  const nearest = new Float64Array(n).fill(Infinity);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      nearest[i] = Math.min(nearest[i] as number, squaredDistance(data, i * d, centres, c - 1, d));
      total += nearest[i] as number;
    }
    let pick = -1;
    if (total > 0) {
      let target = uniformFloat64(rng) * total;
      for (let i = 0; i < n && pick < 0; i++) {
        target -= nearest[i] as number;
        if (target < 0 && (nearest[i] as number) > 0) pick = i;
      }
    }
    // All remaining points coincide with a centre (or rounding ran past the end).
    if (pick < 0) {
      const free = [...Array(n).keys()].filter((i) => !chosen.has(i));
      pick = free[uniformInt(rng, 0, free.length - 1)] as number;
    }
    take(pick, c);
  }
  return centres;
}

/**
 * Seeded k-means: k-means++ start, then Lloyd's iterations with Euclidean
 * distance (on unit vectors, the same order as cosine). A cluster that runs
 * empty takes the point farthest from its centroid. Deterministic for a seed.
 */
export function kmeans(points: Points, options: KMeansOptions): KMeansResult {
  const { k, seed, maxIterations = 100 } = options;
  const { count: n, dims: d, data } = points;
  if (!Number.isInteger(k) || k < 1 || k > n)
    throw new RangeError(
      `k must be a whole number from 1 to ${n} (the number of points), got ${k}`,
    );
  if (!Number.isInteger(seed) || seed < 0)
    throw new RangeError(`the seed must be a whole number ≥ 0, got ${seed}`);
  const centroids = seedCentres(points, k, seed);
  const assignments = new Int32Array(n).fill(-1);
  const sizes = new Int32Array(k);
  const distance = new Float64Array(n);
  let iterations = 0;
  let converged = false;
  const norms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < d; j++) sum += (data[i * d + j] as number) ** 2;
    norms[i] = sum;
  }
  const centreNorms = new Float64Array(k);
  while (iterations < maxIterations) {
    iterations++;
    let changed = 0;
    for (let c = 0; c < k; c++) {
      let sum = 0;
      for (let j = 0; j < d; j++) sum += (centroids[c * d + j] as number) ** 2;
      centreNorms[c] = sum;
    }
    // ‖x − c‖² = ‖x‖² + ‖c‖² − 2 x·c: one multiply-add per number instead of three operations.
    for (let i = 0; i < n; i++) {
      const at = i * d;
      let best = 0;
      let bestDistance = Infinity;
      for (let c = 0; c < k; c++) {
        const ct = c * d;
        let dot0 = 0;
        let dot1 = 0;
        let j = 0;
        for (; j + 1 < d; j += 2) {
          dot0 += (data[at + j] as number) * (centroids[ct + j] as number);
          dot1 += (data[at + j + 1] as number) * (centroids[ct + j + 1] as number);
        }
        if (j < d) dot0 += (data[at + j] as number) * (centroids[ct + j] as number);
        const dist = (centreNorms[c] as number) - 2 * (dot0 + dot1);
        if (dist < bestDistance) [best, bestDistance] = [c, dist];
      }
      if (assignments[i] !== best) changed++;
      assignments[i] = best;
      distance[i] = Math.max(0, bestDistance + (norms[i] as number));
    }
    sizes.fill(0);
    for (const c of assignments) sizes[c] = (sizes[c] as number) + 1;
    for (let c = 0; c < k; c++) {
      if (sizes[c] !== 0) continue;
      // Refill an empty cluster with the point farthest from its centroid.
      let far = -1;
      for (let i = 0; i < n; i++) {
        const from = assignments[i] as number;
        if (
          (sizes[from] as number) > 1 &&
          (far < 0 || (distance[i] as number) > (distance[far] as number))
        )
          far = i;
      }
      if (far < 0) break;
      sizes[assignments[far] as number] = (sizes[assignments[far] as number] as number) - 1;
      assignments[far] = c;
      sizes[c] = 1;
      distance[far] = 0;
      changed++;
    }
    centroids.fill(0);
    for (let i = 0; i < n; i++) {
      const c = assignments[i] as number;
      for (let j = 0; j < d; j++)
        centroids[c * d + j] = (centroids[c * d + j] as number) + (data[i * d + j] as number);
    }
    for (let c = 0; c < k; c++)
      for (let j = 0; j < d; j++)
        centroids[c * d + j] = (centroids[c * d + j] as number) / (sizes[c] as number);
    if (changed === 0) {
      converged = true;
      break;
    }
  }
  let inertia = 0;
  for (let i = 0; i < n; i++)
    inertia += squaredDistance(data, i * d, centroids, assignments[i] as number, d);
  return { k, assignments, centroids, sizes, inertia, iterations, converged };
}
