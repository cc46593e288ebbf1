import { NgramError } from "./errors";
import { asTokens, symbols } from "./query";
import { findRange } from "./search";
import type { NgramIndex, QueryToken } from "./types";

export interface NgramCount {
  /** The n-gram as tokenised (n = tokens.length). */
  tokens: QueryToken[];
  /** Occurrences in all the indexes together. */
  count: number;
  /** Occurrences in each index, in the order given. */
  byCorpus: { corpus: string; count: number; tokenCount: number }[];
  /** Tokens (folded) that no index has at all: the reason for a count of 0. */
  unknown: string[];
}

/** Occurrences of the symbols in one index (0 when any is unknown). */
export function countSymbols(index: NgramIndex, ngram: Int32Array): number {
  const { lo, hi } = findRange(index, ngram);
  return hi - lo;
}

/**
 * How often an n-gram occurs, case-insensitively, in one or more corpora
 * (counts add up: no n-gram spans two documents, let alone two corpora).
 * Throws NgramError when the n-gram has no tokens.
 */
export function count(
  shards: readonly NgramIndex[],
  ngram: string | readonly string[],
): NgramCount {
  const tokens = asTokens(ngram);
  if (tokens.length === 0) throw new NgramError("Type a word or a phrase to count.");
  const byCorpus = shards.map((index) => ({
    corpus: index.name,
    count: countSymbols(index, symbols(index, tokens)),
    tokenCount: index.tokenCount,
  }));
  const unknown = [
    ...new Set(
      tokens
        .map((t) => t.folded)
        .filter((form) => shards.every((index) => !index.symbolOf.has(form))),
    ),
  ];
  return { tokens, count: byCorpus.reduce((sum, c) => sum + c.count, 0), byCorpus, unknown };
}
