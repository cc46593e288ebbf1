import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";
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

const MASK64 = (1n << 64n) - 1n;

/**
 * The 128-bit xoroshiro128+ state for a seed, as four 32-bit words, filled by
 * splitmix64 (the seeding its authors recommend). pure-rand's own
 * `xoroshiro128plus(seed)` puts the seed into the state almost as it is, so
 * the first outputs of consecutive seeds are nearly consecutive numbers; the
 * mixer spreads every bit of the seed over the whole state.
 */
export function seedState(seed: number): [number, number, number, number] {
  let x = BigInt(seed);
  const words: number[] = [];
  for (let i = 0; i < 2; i++) {
    x = (x + 0x9e3779b97f4a7c15n) & MASK64;
    let z = x;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    z ^= z >> 31n;
    // pure-rand's word order: [s01, s00, s11, s10] (high, low of s0; high, low of s1).
    words.push(Number(z >> 32n) | 0, Number(z & 0xffff_ffffn) | 0);
  }
  return words as [number, number, number, number];
}

/** A Random seeded with `seed` (see parseSeed for what a seed may be). */
export function createRandom(seed: number | string): Random {
  const rng = xoroshiro128plusFromState(seedState(parseSeed(seed)));
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
