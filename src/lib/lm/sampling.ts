/**
 * Turning a model's scores into a choice: temperature, top-k and sampling,
 * as pure functions over plain arrays. Scores are logits (for an n-gram
 * model: the logarithms of the counts).
 */
import type { Random } from "./random";

export interface SamplingOptions {
  /** > 0 divides the logits (below 1 sharpens, above 1 flattens); 0 always takes the most likely. */
  temperature: number;
  /** Keep only the k most likely (0 or ≥ the vocabulary: keep all). */
  topK: number;
  /** Nucleus sampling: keep the most likely tokens whose probabilities first reach p (0 < p ≤ 1; default 1 keeps all). */
  topP?: number;
}

/** Softmax of logits / temperature (temperature > 0), computed stably. */
export function softmax(logits: ArrayLike<number>, temperature = 1): Float64Array {
  if (!(temperature > 0)) throw new RangeError("softmax needs a temperature above 0");
  const out = new Float64Array(logits.length);
  const n = logits.length;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) max = Math.max(max, logits[i] as number);
  if (max === Number.NEGATIVE_INFINITY) return out;
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    const e = Math.exp(((logits[i] as number) - max) / temperature);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / sum;
  return out;
}

/** The index of the largest value (the first, on ties); -1 for an empty list. */
export function argmax(values: ArrayLike<number>): number {
  let best = -1;
  for (let i = 0; i < values.length; i++)
    if (best === -1 || (values[i] as number) > (values[best] as number)) best = i;
  return best;
}

/** Indices of the k largest values, largest first (ties: lower index first). */
export function topKIndices(values: ArrayLike<number>, k: number): number[] {
  const all = Array.from({ length: values.length }, (_, i) => i);
  all.sort((a, b) => (values[b] as number) - (values[a] as number) || a - b);
  return k > 0 && k < all.length ? all.slice(0, k) : all;
}

/**
 * The distribution the sampler draws from: softmax at the temperature, zero
 * outside the top k, renormalised. Temperature 0 puts all mass on the argmax.
 */
export function samplingDistribution(
  logits: ArrayLike<number>,
  options: SamplingOptions,
): Float64Array {
  const { temperature, topK } = options;
  if (!(temperature >= 0)) throw new RangeError("the temperature must be 0 or more");
  const out = new Float64Array(logits.length);
  if (logits.length === 0) return out;
  if (temperature === 0) {
    out[argmax(logits)] = 1;
    return out;
  }
  const topP = options.topP ?? 1;
  if (!(topP > 0 && topP <= 1)) throw new RangeError("top-p must be above 0 and at most 1");
  let kept = topKIndices(logits, topK);
  let probabilities = softmax(
    kept.map((i) => logits[i] as number),
    temperature,
  );
  if (topP < 1) {
    // kept is sorted most likely first: keep the shortest prefix whose mass reaches p.
    let mass = 0;
    let n = 0;
    while (n < kept.length && mass < topP) mass += probabilities[n++] as number;
    kept = kept.slice(0, Math.max(1, n));
    probabilities = probabilities.slice(0, kept.length).map((q) => q / mass);
  }
  kept.forEach((i, k) => (out[i] = probabilities[k] as number));
  return out;
}

/** Draws an index with the given probabilities (summing to 1) using one random number. */
export function sampleIndex(probabilities: ArrayLike<number>, random: Random): number {
  const u = random();
  let cumulative = 0;
  let last = -1;
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i] as number;
    if (p <= 0) continue;
    cumulative += p;
    last = i;
    if (u < cumulative) return i;
  }
  return last; // rounding: u fell just above the final cumulative sum
}

/** One draw from the logits with temperature and top-k. */
export function sampleNext(
  logits: ArrayLike<number>,
  options: SamplingOptions,
  random: Random,
): number {
  return sampleIndex(samplingDistribution(logits, options), random);
}
