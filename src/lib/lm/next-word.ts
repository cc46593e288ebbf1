/**
 * Next-word candidates from either model, in one shape for the widget: the
 * ∞-gram over the bundled corpora (offline) or a hub model's logits (online).
 */
import type { InfiniGramPrediction } from "../ngram/index";
import { topKIndices } from "./sampling";

export interface Candidate {
  /** What a reader sees: "check", "United", "." */
  word: string;
  /** The text to append to the prompt when this candidate is chosen (" check", "."). */
  append: string;
  /** The model's score: a logit, or log(count) for the n-gram model. */
  logit: number;
  /** n-gram model: how often the word follows the matched suffix. */
  count?: number;
}

/** Tokens written without a space before them in the corpora's text. */
const NO_SPACE_BEFORE = /^[.,;:!?)\]}%'’”]/;

/** How to append a corpus token to running text. */
export function appendToken(token: string): string {
  return NO_SPACE_BEFORE.test(token) ? token : ` ${token}`;
}

/** The ∞-gram's following words as candidates, logit = log(count). */
export function ngramCandidates(prediction: InfiniGramPrediction): Candidate[] {
  return prediction.distribution.candidates.map((c) => ({
    word: c.display,
    append: appendToken(c.display),
    logit: Math.log(c.count),
    count: c.count,
  }));
}

/**
 * The k highest-scoring tokens of a hub model as candidates. Byte-level
 * tokens carry their own leading space (" check"); WordPiece continuations
 * ("##ing") attach to the word before.
 */
export function hubCandidates(
  logits: Float32Array,
  vocabulary: readonly string[],
  k: number,
): Candidate[] {
  return topKIndices(logits, k).map((id) => {
    const text = vocabulary[id] ?? "";
    const piece = text.startsWith("##") ? text.slice(2) : text;
    return {
      word: piece.trim() === "" ? JSON.stringify(piece) : piece.trim(),
      append: piece,
      logit: logits[id] as number,
    };
  });
}
