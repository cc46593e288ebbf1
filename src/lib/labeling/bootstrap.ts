/**
 * Percentile bootstrap confidence intervals over items, with a seeded
 * generator (xoroshiro128+ from pure-rand) so the same seed gives the same
 * interval.
 */
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

export interface Interval {
  estimate: number;
  low: number;
  high: number;
  /** Confidence level, e.g. 0.95. */
  level: number;
  resamples: number;
}

/**
 * `statistic(indices)` on the original items, and the (1−level)/2 and
 * (1+level)/2 quantiles of it over `resamples` resamples of item indices drawn
 * with replacement. Resamples where the statistic is NaN are skipped.
 */
export function bootstrapInterval(
  n: number,
  statistic: (indices: readonly number[]) => number,
  options: { resamples?: number; level?: number; seed?: number } = {},
): Interval {
  const { resamples = 1000, level = 0.95, seed = 42 } = options;
  const all = Array.from({ length: n }, (_, i) => i);
  const estimate = statistic(all);
  if (n === 0) return { estimate, low: NaN, high: NaN, level, resamples: 0 };
  const rng = xoroshiro128plus(seed);
  const values: number[] = [];
  const indices = new Array<number>(n);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) indices[i] = uniformInt(rng, 0, n - 1);
    const v = statistic(indices);
    if (!Number.isNaN(v)) values.push(v);
  }
  values.sort((a, b) => a - b);
  const at = (q: number): number => {
    if (values.length === 0) return NaN;
    const pos = q * (values.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return (values[lo] as number) + ((values[hi] as number) - (values[lo] as number)) * (pos - lo);
  };
  return {
    estimate,
    low: at((1 - level) / 2),
    high: at((1 + level) / 2),
    level,
    resamples: values.length,
  };
}
