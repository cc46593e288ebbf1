/**
 * The ∞-gram (Liu et al. 2024): predict the next token from the longest
 * suffix of the prompt that occurs in the corpus with a following token,
 * P(w | prompt) = count(suffix w) / count(suffix followed by any token).
 */
import { countSymbols } from "./count";
import { nextTokenDistribution, type NextTokenDistribution } from "./next-token";
import { queryTokens, symbols } from "./query";
import { findRange } from "./search";
import { DOCUMENT_END, type NgramIndex, type QueryToken } from "./types";

export interface BackoffStep {
  /** Suffix length in tokens. */
  length: number;
  /** The suffix as written in the prompt. */
  text: string;
  /** Occurrences of the suffix. */
  count: number;
  /** Occurrences followed by a token (not by a document end). */
  continuations: number;
}

export interface InfiniGramPrediction {
  prompt: QueryToken[];
  /** Tokens of the prompt the prediction uses: the ∞-gram's n − 1 (0: unigram). */
  suffixLength: number;
  /** That suffix as written in the prompt ("" for none). */
  suffix: string;
  /** Each suffix length tried, from 1 up to the first that never occurs with a follower. */
  backoff: BackoffStep[];
  distribution: NextTokenDistribution;
}

/** Occurrences of a suffix followed by a token, summed over the indexes. */
function continuationsOf(shards: readonly NgramIndex[], contexts: readonly Int32Array[]) {
  let count = 0;
  let ends = 0;
  shards.forEach((index, s) => {
    const context = contexts[s] as Int32Array;
    count += countSymbols(index, context);
    const withEnd = new Int32Array(context.length + 1);
    withEnd.set(context);
    withEnd[context.length] = DOCUMENT_END;
    const { lo, hi } = findRange(index, withEnd);
    ends += hi - lo;
  });
  return { count, continuations: count - ends };
}

/**
 * The ∞-gram's next-token distribution for `prompt` over one or more corpora.
 * `maxContext` bounds the suffixes tried (in tokens).
 */
export function infiniGram(
  shards: readonly NgramIndex[],
  prompt: string,
  options: { limit?: number; maxContext?: number } = {},
): InfiniGramPrediction {
  const tokens = queryTokens(prompt);
  const all = shards.map((index) => symbols(index, tokens));
  const longest = Math.min(tokens.length, options.maxContext ?? 500);
  const backoff: BackoffStep[] = [];
  let suffixLength = 0;
  // Counts never grow as the suffix gets longer: stop at the first zero.
  for (let length = 1; length <= longest; length++) {
    const contexts = all.map((s) => s.subarray(s.length - length));
    const { count, continuations } = continuationsOf(shards, contexts);
    const first = tokens[tokens.length - length] as QueryToken;
    const last = tokens[tokens.length - 1] as QueryToken;
    backoff.push({ length, text: prompt.slice(first.start, last.end), count, continuations });
    if (continuations === 0) break;
    suffixLength = length;
  }
  const contexts = all.map((s) => s.subarray(s.length - suffixLength));
  return {
    prompt: tokens,
    suffixLength,
    suffix: backoff[suffixLength - 1]?.text ?? "",
    backoff,
    distribution: nextTokenDistribution(shards, contexts, options.limit),
  };
}
