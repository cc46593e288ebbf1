import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { SchellingError } from "./errors";

/** The largest seed: seeds are whole numbers from 0 to 2³² − 1. */
export const MAX_SEED = 0xffff_ffff;

/**
 * A seeded source of randomness (xoroshiro128+ from pure-rand). Every random
 * choice of a simulation goes through one of these, so a seed fixes the run.
 */
export interface Random {
  /** A whole number in [0, n), uniformly; n ≥ 1. */
  int(n: number): number;
  /** A number in [0, 1). */
  float(): number;
  /** Shuffles the first `length` entries of `items` in place (Fisher–Yates). */
  shuffle(items: Int32Array, length?: number): void;
}

/**
 * Reads a seed: a whole number from 0 to 2³² − 1, or a string of digits.
 * Throws a SchellingError that quotes the bad value otherwise.
 */
export function parseSeed(seed: number | string): number {
  const value = typeof seed === "string" && /^\s*\d+\s*$/.test(seed) ? Number(seed) : seed;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > MAX_SEED) {
    const shown = typeof seed === "string" ? `“${seed}”` : String(seed);
    throw new SchellingError(
      `The seed must be a whole number from 0 to ${MAX_SEED}; ${shown} is not.`,
    );
  }
  return value;
}

/** A Random seeded with `seed` (see parseSeed for what a seed may be). */
export function createRandom(seed: number | string): Random {
  const rng = xoroshiro128plus(parseSeed(seed));
  const int = (n: number): number => (n <= 1 ? 0 : uniformInt(rng, 0, n - 1));
  return {
    int,
    float: () => uniformFloat64(rng),
    shuffle(items, length = items.length) {
      for (let i = length - 1; i > 0; i--) {
        const j = int(i + 1);
        const t = items[i] as number;
        items[i] = items[j] as number;
        items[j] = t;
      }
    },
  };
}
