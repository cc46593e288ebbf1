import { NgramError } from "./errors";
import { occurrenceAt, samplePositions } from "./occurrences";
import { asTokens, symbols } from "./query";
import { findRange } from "./search";
import type { NgramIndex, Occurrence } from "./types";

export interface KeywordInContext {
  /** Occurrences in all the indexes together. */
  count: number;
  /** Up to `limit` examples, spread over the occurrences, in corpus order. */
  examples: Occurrence[];
}

/**
 * Keyword in context: examples of an n-gram with `width` tokens of text on
 * either side, taken evenly from each index in proportion to its count.
 */
export function keywordInContext(
  shards: readonly NgramIndex[],
  ngram: string | readonly string[],
  options: { limit?: number; width?: number } = {},
): KeywordInContext {
  const { limit = 10, width = 8 } = options;
  const tokens = asTokens(ngram);
  if (tokens.length === 0) throw new NgramError("Type a word or a phrase to look up.");
  const ranges = shards.map((index) => findRange(index, symbols(index, tokens)));
  const count = ranges.reduce((sum, r) => sum + r.hi - r.lo, 0);
  const examples: Occurrence[] = [];
  let given = 0;
  let seen = 0;
  shards.forEach((index, s) => {
    const range = ranges[s] as { lo: number; hi: number };
    seen += range.hi - range.lo;
    // Largest-remainder style: this index's share of the limit, so the total is exact.
    const upTo = count === 0 ? 0 : Math.round((Math.min(limit, count) * seen) / count);
    for (const position of samplePositions(index, range, upTo - given))
      examples.push(occurrenceAt(index, position, tokens.length, width));
    given = upTo;
  });
  return { count, examples };
}
