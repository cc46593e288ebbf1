import type { Vec } from "./cosine";

/** A principal-component projection of n points in d dimensions onto k axes. */
export interface Projection {
  /** k, the number of axes. */
  components: number;
  /** d, the dimensions of the input points. */
  dims: number;
  /** The mean of the points (d numbers); axes pass through it. */
  mean: Float64Array;
  /** k unit axes of d numbers each, row-major: axis c is axes[c·d … c·d + d). */
  axes: Float64Array;
  /** The variance of the points along each axis (divisor n − 1), largest first. */
  variance: Float64Array;
  /** Each axis's share of the total variance, in [0, 1]. */
  explained: Float64Array;
  /** n × k coordinates, row-major: point i on axis c is coordinates[i·k + c]. */
  coordinates: Float64Array;
}

export interface PcaOptions {
  /** Most power iterations per axis (default 10,000). */
  maxIterations?: number;
  /** Stop when a unit iterate moves less than this between two iterations (default 1e-12). */
  tolerance?: number;
}

function dotRange(a: Float64Array, aAt: number, b: Float64Array, bAt: number, n: number): number {
  let sum = 0;
  for (let j = 0; j < n; j++) sum += (a[aAt + j] as number) * (b[bAt + j] as number);
  return sum;
}

/** Centres the points: a row-major n × d matrix and the mean. */
function centre(points: readonly Vec[]): { x: Float64Array; mean: Float64Array; d: number } {
  const d = points[0]?.length ?? 0;
  const x = new Float64Array(points.length * d);
  const mean = new Float64Array(d);
  points.forEach((p, i) => {
    if (p.length !== d) throw new RangeError(`point ${i} has ${p.length} dimensions, want ${d}`);
    for (let j = 0; j < d; j++) {
      const value = p[j] as number;
      if (!Number.isFinite(value)) throw new RangeError(`point ${i} has a non-finite value`);
      x[i * d + j] = value;
      mean[j] = (mean[j] as number) + value / points.length;
    }
  });
  for (let i = 0; i < x.length; i++) x[i] = (x[i] as number) - (mean[i % d] as number);
  return { x, mean, d };
}

/** Removes from v its components along the first `count` axes (twice, for stability). */
function orthogonalize(v: Float64Array, axes: Float64Array, count: number): void {
  const d = v.length;
  for (let pass = 0; pass < 2; pass++)
    for (let c = 0; c < count; c++) {
      const along = dotRange(v, 0, axes, c * d, d);
      for (let j = 0; j < d; j++) v[j] = (v[j] as number) - along * (axes[c * d + j] as number);
    }
}

/** A fixed pseudo-random vector, so that no start is exactly orthogonal to an axis. */
function jitter(d: number): Float64Array {
  let state = 12345;
  return Float64Array.from({ length: d }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648 - 0.5;
  });
}

/**
 * Principal component analysis by power iteration with deflation: the k
 * directions of largest variance of `points` (all of one length d), and the
 * points' coordinates along them. Deterministic: the start vectors are fixed,
 * and each axis's largest component is made positive. An axis with no
 * variance left (e.g. k = 2 for points on a line) is any unit vector
 * orthogonal to the earlier ones, with variance 0.
 */
export function pca(points: readonly Vec[], components = 2, options: PcaOptions = {}): Projection {
  const { maxIterations = 10_000, tolerance = 1e-12 } = options;
  const n = points.length;
  if (n < 2) throw new RangeError(`PCA needs at least 2 points, got ${n}`);
  const { x, mean, d } = centre(points);
  if (!Number.isInteger(components) || components < 1 || components > d)
    throw new RangeError(`components must be a whole number from 1 to ${d}, got ${components}`);

  // v ↦ C v with C = Xᵀ X / (n − 1): through a d × d matrix when n ≥ d, else as Xᵀ (X v).
  const xv = new Float64Array(n);
  const cov = n >= d ? new Float64Array(d * d) : null;
  if (cov)
    for (let i = 0; i < n; i++)
      for (let a = 0; a < d; a++)
        for (let b = 0; b < d; b++)
          cov[a * d + b] =
            (cov[a * d + b] as number) + (x[i * d + a] as number) * (x[i * d + b] as number);
  const times = (v: Float64Array, out: Float64Array): void => {
    out.fill(0);
    if (cov) {
      for (let a = 0; a < d; a++) out[a] = dotRange(cov, a * d, v, 0, d) / (n - 1);
      return;
    }
    for (let i = 0; i < n; i++) xv[i] = dotRange(x, i * d, v, 0, d);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < d; j++)
        out[j] = (out[j] as number) + ((xv[i] as number) * (x[i * d + j] as number)) / (n - 1);
  };

  let total = 0;
  for (const value of x) total += (value * value) / (n - 1);
  const axes = new Float64Array(components * d);
  const variance = new Float64Array(components);
  const noise = jitter(d);
  const w = new Float64Array(d);
  for (let c = 0; c < components; c++) {
    const v = Float64Array.from(noise);
    let converged = false;
    for (let iteration = 0; iteration <= maxIterations && !converged; iteration++) {
      orthogonalize(v, axes, c);
      const length = Math.sqrt(dotRange(v, 0, v, 0, d));
      if (length <= 1e-12) break;
      for (let j = 0; j < d; j++) v[j] = (v[j] as number) / length;
      times(v, w);
      orthogonalize(w, axes, c);
      const lambda = Math.sqrt(dotRange(w, 0, w, 0, d));
      if (lambda <= 1e-12 * total) break;
      // Converged when the unit iterate moves less than `tolerance` (in Euclidean norm).
      const sign = dotRange(v, 0, w, 0, d) < 0 ? -1 : 1;
      let moved = 0;
      for (let j = 0; j < d; j++)
        moved += ((w[j] as number) / lambda - sign * (v[j] as number)) ** 2;
      converged = Math.sqrt(moved) < tolerance;
      v.set(w);
    }
    const length = Math.sqrt(dotRange(v, 0, v, 0, d));
    const axis = length > 1e-12 ? v.map((value) => value / length) : spareAxis(axes, c, d);
    const largest = axis.reduce(
      (best, value, j) => (Math.abs(value) > Math.abs(axis[best] as number) ? j : best),
      0,
    );
    const sign = (axis[largest] as number) < 0 ? -1 : 1;
    for (let j = 0; j < d; j++) axes[c * d + j] = sign * (axis[j] as number);
    // The Rayleigh quotient aᵀ C a: the variance along the axis.
    times(axes.subarray(c * d, (c + 1) * d), w);
    variance[c] = Math.max(0, dotRange(axes, c * d, w, 0, d));
  }

  const coordinates = new Float64Array(n * components);
  for (let i = 0; i < n; i++)
    for (let c = 0; c < components; c++)
      coordinates[i * components + c] = dotRange(x, i * d, axes, c * d, d);
  const explained = variance.map((v) => (total > 0 ? v / total : 0));
  return { components, dims: d, mean, axes, variance, explained, coordinates };
}

/** A unit vector orthogonal to the first `count` axes: the least-covered basis vector, orthogonalized. */
function spareAxis(axes: Float64Array, count: number, d: number): Float64Array {
  let best = new Float64Array(d);
  let bestLength = -1;
  for (let j = 0; j < d; j++) {
    const e = new Float64Array(d);
    e[j] = 1;
    orthogonalize(e, axes, count);
    const length = Math.sqrt(dotRange(e, 0, e, 0, d));
    if (length > bestLength + 1e-9) [best, bestLength] = [e, length];
  }
  return best.map((value) => value / bestLength);
}

/** Places a new point on an existing projection: its k coordinates. */
export function project(projection: Projection, point: Vec): Float64Array {
  const { dims: d, components, mean, axes } = projection;
  if (point.length !== d)
    throw new RangeError(`the point has ${point.length} dimensions, want ${d}`);
  const centred = Float64Array.from(
    { length: d },
    (_, j) => (point[j] as number) - (mean[j] as number),
  );
  return Float64Array.from({ length: components }, (_, c) => dotRange(centred, 0, axes, c * d, d));
}
