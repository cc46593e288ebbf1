/**
 * The same word in many contexts: find a target word in each encoding, take
 * its vector at every layer (mean of its tokens), and compare across texts.
 */
import { contextualVector } from "../vectors/contextual";
import { cosine } from "../vectors/cosine";
import { pca } from "../vectors/pca";
import { EncoderError, type Encoding, type Word } from "./types";

export interface TargetInContext {
  /** Index of the text in the batch. */
  text: number;
  word: Word;
  /** One vector per layer; see layerLabels(). */
  layers: Float32Array[];
}

/** Names of the layers targetVectors() returns, in order. */
export function layerLabels(encoding: Encoding): string[] {
  return [
    "token embedding",
    "+ position (layer input)",
    ...encoding.hiddenStates.slice(1).map((_, i) => `after layer ${i + 1}`),
  ];
}

/** The first word of `encoding` equal to `target` (case-insensitive), or undefined. */
export function findWord(encoding: Encoding, target: string): Word | undefined {
  const wanted = target.trim().normalize("NFKC").toLocaleLowerCase();
  return encoding.words.find((w) => w.text.toLocaleLowerCase() === wanted);
}

/**
 * The target's vector at every layer in every text. Throws an EncoderError
 * naming each text that does not contain the target.
 */
export function targetVectors(encodings: readonly Encoding[], target: string): TargetInContext[] {
  if (!target.trim()) throw new EncoderError("Type the word to follow, e.g. bank.");
  const missing = encodings
    .map((e, i) => (findWord(e, target) ? null : i + 1))
    .filter((i) => i !== null);
  const cut = missing.find((i) => encodings[i - 1]?.truncated);
  if (cut !== undefined)
    throw new EncoderError(
      `“${target.trim()}” is not in the first ${encodings[cut - 1]?.truncated?.keptTokens ?? "?"} tokens of sentence ${cut}, and the model reads no further: shorten the sentence or move the word earlier.`,
    );
  if (missing.length > 0)
    throw new EncoderError(
      `“${target.trim()}” is not a word of sentence${missing.length > 1 ? "s" : ""} ${missing.join(", ")}. Use it in every sentence, or change the word.`,
    );
  return encodings.map((encoding, text) => {
    const word = findWord(encoding, target) as Word;
    const states = [encoding.tokenEmbeddings, ...encoding.hiddenStates];
    return {
      text,
      word,
      layers: states.map((_, layer) => contextualVector(states, word.tokens, layer)),
    };
  });
}

/** Cosine similarity of every pair of targets at one layer (a symmetric matrix). */
export function similarityMatrix(targets: readonly TargetInContext[], layer: number): number[][] {
  return targets.map((a) =>
    targets.map((b) =>
      cosine(a.layers[layer] ?? new Float32Array(), b.layers[layer] ?? new Float32Array()),
    ),
  );
}

/** Everything the ContextLens draws, as plain serialisable data. */
export interface ContextView {
  target: string;
  sentences: string[];
  /** Layer names (see layerLabels). */
  layers: string[];
  /** Display tokens of each sentence. */
  tokens: string[][];
  /** The target's tokens in each sentence. */
  spans: { start: number; end: number }[];
  /** similarity[layer][i][j]: cosine of the target between sentences i and j. */
  similarity: number[][][];
  /** map[layer]: 2-D PCA coordinates of the target in each sentence, [x0, y0, x1, y1, …]. */
  map: number[][];
  /** Truncation notices, by sentence (null when the sentence fit). */
  notices: (string | null)[];
}

function map2d(vectors: readonly Float32Array[]): number[] {
  const flat = new Array<number>(vectors.length * 2).fill(0);
  if (vectors.length < 2) return flat;
  try {
    const projection = pca(vectors, Math.min(2, vectors[0]?.length ?? 1));
    const k = projection.components;
    vectors.forEach((_, i) => {
      flat[i * 2] = projection.coordinates[i * k] ?? 0;
      flat[i * 2 + 1] = k > 1 ? (projection.coordinates[i * k + 1] ?? 0) : 0;
    });
  } catch {
    /* identical points (the token embedding layer): every point at the origin */
  }
  return flat.map((v) => (Number.isFinite(v) ? v : 0));
}

/** The ContextLens view of `target` across `encodings`; throws like targetVectors(). */
export function contextView(encodings: readonly Encoding[], target: string): ContextView {
  const targets = targetVectors(encodings, target);
  const first = encodings[0];
  const layers = first ? layerLabels(first) : [];
  return {
    target: target.trim(),
    sentences: encodings.map((e) => e.text),
    layers,
    tokens: encodings.map((e) => e.tokens),
    spans: targets.map((t) => ({ ...t.word.tokens })),
    similarity: layers.map((_, layer) => similarityMatrix(targets, layer)),
    map: layers.map((_, layer) => map2d(targets.map((t) => t.layers[layer] ?? new Float32Array()))),
    notices: encodings.map((e) => e.truncated?.notice ?? null),
  };
}
