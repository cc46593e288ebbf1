/**
 * The same word in many contexts: find a target word in each encoding, take
 * its vector at every layer (mean of its tokens), and compare across texts.
 */
import { contextualVector } from "../vectors/contextual";
import { cosine } from "../vectors/cosine";
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
