import { tokenize } from "../corpora/index";
import { UNKNOWN, type NgramIndex, type QueryToken } from "./types";

/** Splits text into tokens exactly as the corpora were split, folding case for counting. */
export function queryTokens(text: string): QueryToken[] {
  return tokenize(text).map((t) => ({
    text: t.text,
    folded: t.text.toLowerCase(),
    start: t.start,
    end: t.end,
  }));
}

/** The index's symbols for the tokens; UNKNOWN (-1) for a token the corpus never has. */
export function symbols(index: NgramIndex, tokens: readonly QueryToken[]): Int32Array {
  return Int32Array.from(tokens, (t) => index.symbolOf.get(t.folded) ?? UNKNOWN);
}

/** Tokens of an n-gram given as text or as a list of words. */
export function asTokens(ngram: string | readonly string[]): QueryToken[] {
  return typeof ngram === "string" ? queryTokens(ngram) : queryTokens(ngram.join(" "));
}
