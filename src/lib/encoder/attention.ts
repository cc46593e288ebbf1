/**
 * Reading attention tensors: one head's matrix, the mean of heads, a word's
 * attention over the words of its sentence, the most-attended tokens, the
 * head that looks at the previous token, and how a word's vector moves away
 * from its input as it passes through the layers.
 */
import { contextualVector } from "../vectors/contextual";
import { cosine } from "../vectors/cosine";
import { EncoderError, type AttentionTensor, type Encoding, type Word } from "./types";

/** A head index, or "mean" for the average of all heads. */
export type HeadChoice = number | "mean";

function checkHead(attention: AttentionTensor, head: number): void {
  if (!Number.isInteger(head) || head < 0 || head >= attention.heads)
    throw new EncoderError(`head ${head} does not exist: this layer has ${attention.heads} heads`);
}

function checkToken(attention: AttentionTensor, token: number): void {
  if (!Number.isInteger(token) || token < 0 || token >= attention.seq)
    throw new EncoderError(`token ${token} does not exist: the text has ${attention.seq} tokens`);
}

/** One head's weights, [query][key] row-major (seq × seq); a view, not a copy. */
export function headWeights(attention: AttentionTensor, head: number): Float32Array {
  checkHead(attention, head);
  const size = attention.seq * attention.seq;
  return attention.data.subarray(head * size, (head + 1) * size);
}

/** The average of all heads, [query][key] row-major (seq × seq); rows still sum to 1. */
export function meanOverHeads(attention: AttentionTensor): Float32Array {
  const size = attention.seq * attention.seq;
  const sum = new Float64Array(size);
  for (let h = 0; h < attention.heads; h++)
    for (let i = 0; i < size; i++)
      sum[i] = (sum[i] as number) + (attention.data[h * size + i] as number);
  return Float32Array.from(sum, (v) => v / attention.heads);
}

/** The weights one head (or the mean of heads) gives from token `query` to every token. */
export function attentionRow(
  attention: AttentionTensor,
  query: number,
  head: HeadChoice,
): Float32Array {
  checkToken(attention, query);
  const n = attention.seq;
  const matrix = head === "mean" ? meanOverHeads(attention) : headWeights(attention, head);
  return matrix.slice(query * n, (query + 1) * n);
}

/**
 * Attention between words rather than tokens, as BertViz and most papers
 * aggregate it: the query word's token rows are averaged and the keys are
 * summed over each word's tokens, so the result (one weight per word) still
 * sums to 1 when every token belongs to a word. Tokens outside every word
 * (e.g. [CLS]) are left out.
 */
export function wordAttention(
  attention: AttentionTensor,
  words: readonly Word[],
  query: number,
  head: HeadChoice,
): number[] {
  const word = words[query];
  if (!word)
    throw new EncoderError(`word ${query} does not exist: the text has ${words.length} words`);
  const n = attention.seq;
  const matrix = head === "mean" ? meanOverHeads(attention) : headWeights(attention, head);
  const span = word.tokens.end - word.tokens.start;
  return words.map((key) => {
    let sum = 0;
    for (let q = word.tokens.start; q < word.tokens.end; q++)
      for (let k = key.tokens.start; k < key.tokens.end; k++) sum += matrix[q * n + k] as number;
    return sum / span;
  });
}

export interface Attended {
  index: number;
  weight: number;
}

/** The `k` largest weights, largest first; ties keep the earlier index first. */
export function topAttended(weights: ArrayLike<number>, k: number): Attended[] {
  return Array.from(weights, (weight, index) => ({ index, weight }))
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .slice(0, Math.max(0, k));
}

/**
 * For each head, the average weight a token gives to the token just before
 * it (queries 1 … seq − 1). A "previous-token head" scores near 1.
 */
export function previousTokenScores(attention: AttentionTensor): number[] {
  const n = attention.seq;
  return Array.from({ length: attention.heads }, (_, h) => {
    if (n < 2) return 0;
    let sum = 0;
    for (let q = 1; q < n; q++) sum += attention.data[(h * n + q) * n + q - 1] as number;
    return sum / (n - 1);
  });
}

export interface HeadScore {
  /** Layer index, from 0. */
  layer: number;
  /** Head index, from 0. */
  head: number;
  score: number;
}

/** The head, in any layer, that puts the most attention on the previous token. */
export function previousTokenHead(attentions: readonly AttentionTensor[]): HeadScore | null {
  let best: HeadScore | null = null;
  attentions.forEach((attention, layer) => {
    previousTokenScores(attention).forEach((score, head) => {
      if (!best || score > best.score) best = { layer, head, score };
    });
  });
  return best;
}

/** The vectors of one word at each stage (token embedding, layer input, after each layer). */
export interface VectorTrail {
  layers: readonly Float32Array[];
}

/**
 * The cosine of the word's vector at each stage to its input (the token
 * embedding, stage 0). Null where the sizes differ: a layer that widens the
 * vector (USE lite's first layer goes from 256 to 512 numbers) has no
 * like-for-like comparison with its input.
 */
export function cosineToInput(trail: VectorTrail): (number | null)[] {
  const input = trail.layers[0];
  return trail.layers.map((v) => (v.length === input?.length ? cosine(v, input) : null));
}

/** The cosine of each stage's vector to the stage before it (null for the first and where sizes differ). */
export function cosineToPrevious(trail: VectorTrail): (number | null)[] {
  return trail.layers.map((v, i) => {
    const before = trail.layers[i - 1];
    return before?.length === v.length ? cosine(v, before) : null;
  });
}

/**
 * The cosine, at one stage (0 = token embedding, 1 = layer input, 1 + l =
 * after layer l), between word `index`'s vector and every word's vector in
 * the same text (1 for the word itself).
 */
export function similarityToWords(encoding: Encoding, index: number, stage: number): number[] {
  const word = encoding.words[index];
  if (!word)
    throw new EncoderError(
      `word ${index} does not exist: the text has ${encoding.words.length} words`,
    );
  const states = [encoding.tokenEmbeddings, ...encoding.hiddenStates];
  const own = contextualVector(states, word.tokens, stage);
  return encoding.words.map((other) => cosine(own, contextualVector(states, other.tokens, stage)));
}
