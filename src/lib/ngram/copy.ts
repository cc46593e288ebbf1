/**
 * Is a generated text copying its corpus? From a trace (trace.ts) of prompt +
 * continuation: the longest verbatim corpus span with at least `minTokens`
 * tokens inside the generated part. An n-gram model copies whenever its
 * longest matching suffix has one continuation in the corpus (probability 1);
 * a neural model copies what it memorised.
 */
import type { TraceResult, TraceSpan } from "./trace";

export interface Copied {
  span: TraceSpan;
  /** Tokens of the span that the model generated (not the prompt's). */
  generatedTokens: number;
}

/**
 * The span of `trace` with the most generated tokens, when it has at least
 * `minTokens` of them; `generatedFrom` is the character offset where the
 * continuation starts in the traced text. Null when nothing was copied.
 */
export function copiedSpan(
  trace: TraceResult,
  generatedFrom: number,
  minTokens = 6,
): Copied | null {
  let best: Copied | null = null;
  for (const span of trace.spans) {
    let generated = 0;
    for (let t = span.tokenStart; t < span.tokenEnd; t++)
      if ((trace.tokens[t]?.start ?? -1) >= generatedFrom) generated++;
    if (generated >= minTokens && (best === null || generated > best.generatedTokens))
      best = { span, generatedTokens: generated };
  }
  return best;
}
