import type { Encoding } from "../encoder/types";
import { embedInBatches } from "./batches";
import { EmbeddingError, type EmbeddingProvider } from "./types";

/** What the local provider needs of an encoding. */
export type SentenceEncoding = Pick<Encoding, "sentenceEmbedding" | "truncated">;

/** Encodes texts with the encoder: in Node `encoder.encode`, in a page the worker client's. */
export type EncodeTexts = (texts: string[]) => Promise<readonly SentenceEncoding[]>;

export interface LocalProviderOptions {
  /** Texts per call to the encoder (default 16). */
  batchSize?: number;
  /** Shown to the learner (default: the offline Universal Sentence Encoder lite). */
  label?: string;
  id?: string;
}

/**
 * A provider over the offline encoder's sentence embedding (512 numbers,
 * L2-normalised, for Universal Sentence Encoder lite). Nothing leaves the
 * machine. Texts longer than the model's 128 tokens are cut; the result says
 * how many were.
 */
export function createLocalProvider(
  encode: EncodeTexts,
  options: LocalProviderOptions = {},
): EmbeddingProvider {
  const {
    batchSize = 16,
    label = "Universal Sentence Encoder lite (offline, in your browser)",
    id = "use-lite",
  } = options;
  return {
    id,
    label,
    embed: (texts, embedOptions) =>
      embedInBatches(
        texts,
        batchSize,
        async (batch) => {
          const encodings = await encode(batch);
          const vectors = encodings.map((encoding, i) => {
            if (!encoding.sentenceEmbedding)
              throw new EmbeddingError(
                `The model gave no sentence embedding for text ${i + 1}; pick a sentence-embedding model.`,
              );
            return encoding.sentenceEmbedding;
          });
          return { vectors, truncated: encodings.filter((e) => e.truncated).length };
        },
        embedOptions,
      ),
  };
}
