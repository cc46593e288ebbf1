/**
 * OLMoTrace-style tracing (Liu et al. 2025): the maximal spans of a text
 * that occur verbatim in the corpus. For each token of the text, the longest
 * run starting there that the corpus has is found with one binary search;
 * a span is kept when no span starting earlier contains it.
 */
import { occurrenceAt, samplePositions } from "./occurrences";
import { queryTokens, symbols } from "./query";
import { findRange, longestPrefix } from "./search";
import type { NgramIndex, Occurrence, QueryToken } from "./types";

export interface TraceSpan {
  /** Token indices in the traced text, end exclusive. */
  tokenStart: number;
  tokenEnd: number;
  /** UTF-16 offsets into the traced text, end exclusive. */
  start: number;
  end: number;
  /** The span as written in the traced text. */
  text: string;
  /** Occurrences in all the indexes together. */
  count: number;
  /**
   * Natural log of the product of its tokens' unigram probabilities: lower is
   * rarer, more distinctive (OLMoTrace keeps the spans with the lowest).
   */
  unigramLogProbability: number;
  /** Up to `maxOccurrences` of them with their documents, in corpus order. */
  occurrences: Occurrence[];
}

export interface TraceResult {
  tokens: QueryToken[];
  /** Maximal spans of at least `minLength` tokens, in text order. */
  spans: TraceSpan[];
  /** Set when the text was cut to `maxChars` before tracing: its full length. */
  truncatedFrom?: number;
  /** The characters traced (the whole text unless truncated). */
  tracedChars: number;
}

export interface TraceOptions {
  /** Shortest span kept, in tokens (default 4). */
  minLength?: number;
  /** Examples listed per span (default 10). */
  maxOccurrences?: number;
  /** Tokens of context on either side of each example (default 12). */
  width?: number;
  /** Longest text traced, in characters (default 20,000); the rest is ignored. */
  maxChars?: number;
}

export const TRACE_MAX_CHARS = 20_000;

/** For each token of the text, the longest corpus match starting there, per index. */
function matchLengths(shards: readonly NgramIndex[], all: readonly Int32Array[]): Int32Array[] {
  return shards.map((index, s) => {
    const query = all[s] as Int32Array;
    const lengths = new Int32Array(query.length);
    for (let i = 0; i < query.length; i++)
      lengths[i] = longestPrefix(index, query, i, query.length - i).length;
    return lengths;
  });
}

function logUnigram(shards: readonly NgramIndex[], tokens: readonly QueryToken[]): number {
  const total = shards.reduce((sum, index) => sum + index.tokenCount, 0);
  let log = 0;
  for (const t of tokens) {
    let n = 0;
    for (const index of shards) {
      const symbol = index.symbolOf.get(t.folded);
      if (symbol !== undefined) n += index.unigrams[symbol] as number;
    }
    log += Math.log(n / total);
  }
  return log;
}

/** The maximal verbatim spans of `text` in the corpora (see the module comment). */
export function trace(
  shards: readonly NgramIndex[],
  text: string,
  options: TraceOptions = {},
): TraceResult {
  const { minLength = 4, maxOccurrences = 10, width = 12, maxChars = TRACE_MAX_CHARS } = options;
  const truncated = text.length > maxChars;
  const tokens = queryTokens(truncated ? text.slice(0, maxChars) : text).filter(
    (t) => t.end <= maxChars,
  );
  const all = shards.map((index) => symbols(index, tokens));
  const perShard = matchLengths(shards, all);
  const longest = Int32Array.from(tokens, (_, i) =>
    Math.max(0, ...perShard.map((lengths) => lengths[i] as number)),
  );
  const spans: TraceSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const length = longest[i] as number;
    // A span starting one token earlier contains this one unless it reaches further.
    const contained = i > 0 && length < (longest[i - 1] as number);
    if (length < Math.max(1, minLength) || contained) continue;
    const occurrences: Occurrence[] = [];
    let count = 0;
    shards.forEach((index, s) => {
      if ((perShard[s] as Int32Array)[i] !== length) return;
      const range = findRange(index, all[s] as Int32Array, i, length);
      count += range.hi - range.lo;
      for (const position of samplePositions(index, range, maxOccurrences - occurrences.length))
        occurrences.push(occurrenceAt(index, position, length, width));
    });
    const first = tokens[i] as QueryToken;
    const last = tokens[i + length - 1] as QueryToken;
    spans.push({
      tokenStart: i,
      tokenEnd: i + length,
      start: first.start,
      end: last.end,
      text: text.slice(first.start, last.end),
      count,
      unigramLogProbability: logUnigram(shards, tokens.slice(i, i + length)),
      occurrences,
    });
  }
  return {
    tokens,
    spans,
    ...(truncated ? { truncatedFrom: text.length } : {}),
    tracedChars: truncated ? maxChars : text.length,
  };
}
