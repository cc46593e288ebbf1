import type { Term } from "../vectors/expression";
import type { Vec } from "../vectors/cosine";
import type { Neighbor } from "../vectors/neighbors";
import { decodeVectors } from "./format";
import { suggestWords, UnknownWordError } from "./suggest";
import { topKByDot } from "./top-k";

/** Static word vectors: look-up, neighbours and analogies over one vocabulary. */
export interface WordVectors {
  /** The vocabulary, most frequent first. */
  readonly words: readonly string[];
  readonly size: number;
  readonly dims: number;
  /** Whether the word (trimmed, lower-cased) is in the vocabulary. */
  has(word: string): boolean;
  /** The word's vector (as stored, not normalised); throws UnknownWordError. */
  vector(word: string): Float32Array;
  /** Cosine similarity of two words; throws UnknownWordError. */
  similarity(a: string, b: string): number;
  /**
   * The k words most cosine-similar to a word (itself excluded) or to any
   * vector of `dims` numbers, best first (empty for the zero vector).
   */
  neighbors(query: string | Vec, k?: number): Neighbor[];
  /**
   * “a is to b as c is to …?”: the k words nearest to b − a + c (each term
   * normalised to unit length first, as in word2vec's 3CosAdd), the three
   * inputs excluded. analogy("man", "king", "woman")[0].word is "queen".
   */
  analogy(a: string, b: string, c: string, k?: number): Neighbor[];
  /**
   * The k words nearest to a signed sum of unit word vectors, e.g. the terms
   * of parseExpression("king − man + woman"); the terms' words excluded.
   */
  evaluate(terms: readonly Term[], k?: number): Neighbor[];
  /** Vocabulary words a few edits away from `word`, closest and most frequent first. */
  suggest(word: string, limit?: number): string[];
}

/** How the library reads what a learner typed: trimmed, lower-case, straight apostrophes. */
export function normalizeWord(word: string): string {
  return word
    .trim()
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'");
}

/**
 * Loads a word-vectors file (src/lib/words/format.ts) from its bytes; the
 * caller fetches or reads the file. Normalises every vector once into one
 * Float32Array so that a query is a single pass of dot products.
 */
export function loadWordVectors(source: ArrayBuffer | Uint8Array): WordVectors {
  const { words, dims, scales, data } = decodeVectors(source);
  const size = words.length;
  const index = new Map(words.map((w, i) => [w, i]));
  const unit = new Float32Array(size * dims);
  for (let i = 0; i < size; i++) {
    let sum = 0;
    for (let j = 0; j < dims; j++) sum += (data[i * dims + j] as number) ** 2;
    const inverse = sum > 0 ? 1 / Math.sqrt(sum) : 0;
    for (let j = 0; j < dims; j++) unit[i * dims + j] = (data[i * dims + j] as number) * inverse;
  }

  const indexOf = (word: string): number => {
    const key = normalizeWord(word);
    const i = index.get(key);
    if (i === undefined) throw new UnknownWordError(key, suggestWords(key, words), size);
    return i;
  };
  const unitRow = (i: number): Float32Array => unit.subarray(i * dims, (i + 1) * dims);
  const ranked = (target: Float64Array, k: number, exclude: Set<number>): Neighbor[] => {
    const length = Math.hypot(...target);
    if (length === 0) return [];
    return topKByDot(unit, dims, target, k, exclude).map(({ index: i, score }) => ({
      word: words[i] as string,
      similarity: Math.max(-1, Math.min(1, score / length)),
    }));
  };
  const evaluate = (terms: readonly Term[], k = 10): Neighbor[] => {
    if (terms.length === 0) throw new RangeError("need at least one term");
    const target = new Float64Array(dims);
    const exclude = new Set<number>();
    for (const term of terms) {
      const i = indexOf(term.word);
      exclude.add(i);
      const row = unitRow(i);
      for (let j = 0; j < dims; j++)
        target[j] = (target[j] as number) + term.sign * (row[j] as number);
    }
    return ranked(target, k, exclude);
  };

  return {
    words,
    size,
    dims,
    has: (word) => index.has(normalizeWord(word)),
    vector(word) {
      const i = indexOf(word);
      const scale = scales[i] as number;
      return Float32Array.from(data.subarray(i * dims, (i + 1) * dims), (q) => q * scale);
    },
    similarity(a, b) {
      const [ua, ub] = [unitRow(indexOf(a)), unitRow(indexOf(b))];
      let dot = 0;
      for (let j = 0; j < dims; j++) dot += (ua[j] as number) * (ub[j] as number);
      return Math.max(-1, Math.min(1, dot));
    },
    neighbors(query, k = 10) {
      if (typeof query === "string") {
        const i = indexOf(query);
        return ranked(Float64Array.from(unitRow(i)), k, new Set([i]));
      }
      if (query.length !== dims)
        throw new RangeError(`the vector has ${query.length} dimensions, want ${dims}`);
      return ranked(Float64Array.from(query), k, new Set());
    },
    analogy: (a, b, c, k = 10) =>
      evaluate(
        [
          { sign: 1, word: b },
          { sign: -1, word: a },
          { sign: 1, word: c },
        ],
        k,
      ),
    evaluate,
    suggest: (word, limit = 5) => suggestWords(normalizeWord(word), words, limit),
  };
}
