import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

/** A seeded source of numbers in [0, 1): the same seed gives the same sequence. */
export type Random = () => number;

/** xoroshiro128+ (pure-rand) seeded with a whole number. */
export function createRandom(seed: number): Random {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff)
    throw new RangeError(`the seed must be a whole number from 0 to 4294967295, not ${seed}`);
  const rng = xoroshiro128plus(seed);
  return () => uniformFloat64(rng);
}
