/**
 * How surprised a model is by a text: the natural-log negative log-likelihood
 * summed over the text's tokens, per token and per whitespace word. A causal
 * model scores each token from the tokens before it, in sliding windows of
 * its context with a stride of half a context (each token scored once, with at
 * least half a context before it once the text is long enough). A masked
 * model gives a pseudo-likelihood: each token masked in turn, read with both
 * sides (Salazar et al. 2020), one forward pass per token.
 */
import { LmError } from "./errors";
import type { LanguageModel } from "./language-model";

export interface Perplexity {
  /** Tokens scored (the text's tokens; document boundaries excluded). */
  tokens: number;
  /** Whitespace-separated words of the text. */
  words: number;
  nll: number;
  nllPerToken: number;
  nllPerWord: number;
  perplexityPerToken: number;
  perplexityPerWord: number;
  /** "causal" likelihood, or the masked model's "pseudo" likelihood. */
  method: "causal" | "pseudo";
}

/** -log softmax(logits)[id], in float64. */
function negLogProb(logits: Float32Array, offset: number, vocab: number, id: number): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let v = 0; v < vocab; v++) max = Math.max(max, logits[offset + v] as number);
  let sum = 0;
  for (let v = 0; v < vocab; v++) sum += Math.exp((logits[offset + v] as number) - max);
  return Math.log(sum) + max - (logits[offset + id] as number);
}

export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed === "" ? 0 : trimmed.split(/\s+/).length;
}

async function causalNll(model: LanguageModel, ids: number[]): Promise<number> {
  const context = model.info.context;
  const stride = Math.floor(context / 2);
  let total = 0;
  let scored = 1; // ids[0] is the document boundary: given, not predicted
  for (let begin = 0; scored < ids.length; begin += stride) {
    const end = Math.min(begin + context, ids.length);
    const window = ids.slice(begin, end);
    const { logits } = await model.forward(window);
    const vocab = logits.length / window.length;
    for (let pos = Math.max(scored, begin + 1); pos < end; pos++)
      total += negLogProb(logits, (pos - begin - 1) * vocab, vocab, ids[pos] as number);
    scored = end;
  }
  return total;
}

async function pseudoNll(model: LanguageModel, ids: number[]): Promise<number> {
  const context = model.info.context;
  let total = 0;
  for (let i = 1; i < ids.length - 1; i++) {
    const begin = Math.max(0, Math.min(i - Math.floor(context / 2), ids.length - context));
    const window = ids.slice(begin, begin + context);
    window[i - begin] = model.info.maskId;
    const { logits } = await model.forward(window);
    const vocab = logits.length / window.length;
    total += negLogProb(logits, (i - begin) * vocab, vocab, ids[i] as number);
  }
  return total;
}

export async function perplexity(model: LanguageModel, text: string): Promise<Perplexity> {
  if (text.trim() === "") throw new LmError("The text is empty: there is nothing to score.");
  if (!model.info.own)
    throw new LmError(
      "Perplexity is computed for the course's own models (gpt, mlm) and the 5-gram.",
    );
  const { ids } = model.contextIds(text);
  const causal = model.info.kind === "causal";
  const tokens = causal ? ids.length - 1 : ids.length - 2;
  const nll = causal ? await causalNll(model, ids) : await pseudoNll(model, ids);
  const words = wordCount(text);
  return {
    tokens,
    words,
    nll,
    nllPerToken: nll / tokens,
    nllPerWord: nll / words,
    perplexityPerToken: Math.exp(nll / tokens),
    perplexityPerWord: Math.exp(nll / words),
    method: causal ? "causal" : "pseudo",
  };
}
