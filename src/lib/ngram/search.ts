/**
 * Binary search in the suffix array. A pattern is a run of symbols
 * `pattern[from … from + length)`; the suffixes that start with it form one
 * contiguous block of ranks [lo, hi). The searches skip the symbols already
 * known to match at both ends of the interval (Manber & Myers 1993), so a
 * search costs about O(length + log n) symbol comparisons.
 */
import type { NgramIndex } from "./types";

/** A block of suffix-array ranks, hi exclusive; its size is the count. */
export interface Range {
  lo: number;
  hi: number;
}

let matched = 0;

/**
 * Compares the suffix at `position` with the pattern from symbol `skip` on;
 * leaves the number of matching symbols in `matched`. Negative: the suffix
 * sorts before the pattern; 0: the suffix starts with the pattern.
 */
function compare(
  text: Int32Array,
  position: number,
  pattern: Int32Array,
  from: number,
  length: number,
  skip: number,
): number {
  // The sentinel 0 at the end of the text differs from every pattern symbol.
  for (let k = skip; k < length; k++) {
    const a = text[position + k] as number;
    const b = pattern[from + k] as number;
    if (a !== b) {
      matched = k;
      return a - b;
    }
  }
  matched = length;
  return 0;
}

/** The first rank whose suffix does not sort before the pattern (`upper`: after it). */
function bound(
  index: NgramIndex,
  pattern: Int32Array,
  from: number,
  length: number,
  upper: boolean,
): number {
  const { text, sa } = index;
  let lo = 0;
  let hi = sa.length;
  let matchedLo = 0;
  let matchedHi = 0;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = compare(
      text,
      sa[mid] as number,
      pattern,
      from,
      length,
      Math.min(matchedLo, matchedHi),
    );
    if (c < 0 || (upper && c === 0)) {
      lo = mid + 1;
      matchedLo = matched;
    } else {
      hi = mid;
      matchedHi = matched;
    }
  }
  return lo;
}

/** The block of suffixes that start with `pattern[from … from + length)`. */
export function findRange(
  index: NgramIndex,
  pattern: Int32Array,
  from = 0,
  length = pattern.length - from,
): Range {
  if (length <= 0) return { lo: 1, hi: index.sa.length }; // every suffix but the sentinel's
  const lo = bound(index, pattern, from, length, false);
  const hi = bound(index, pattern, from, length, true);
  return { lo, hi };
}

/** How many symbols of the suffix at `position` match the pattern, up to `length`. */
function commonPrefix(
  index: NgramIndex,
  position: number,
  pattern: Int32Array,
  from: number,
  length: number,
): number {
  compare(index.text, position, pattern, from, length, 0);
  return matched;
}

/**
 * The longest prefix of `pattern[from … from + length)` that occurs in the
 * corpus, as its length and block: the suffix sharing the longest prefix with
 * the pattern sorts right next to where the pattern would be inserted.
 */
export function longestPrefix(
  index: NgramIndex,
  pattern: Int32Array,
  from = 0,
  length = pattern.length - from,
): { length: number; range: Range } {
  const { sa } = index;
  const at = bound(index, pattern, from, length, false);
  let best = 0;
  if (at > 0) best = commonPrefix(index, sa[at - 1] as number, pattern, from, length);
  if (at < sa.length)
    best = Math.max(best, commonPrefix(index, sa[at] as number, pattern, from, length));
  return {
    length: best,
    range: best > 0 ? findRange(index, pattern, from, best) : { lo: 0, hi: 0 },
  };
}
