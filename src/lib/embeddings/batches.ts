import { EmbeddingError, type EmbedOptions, type EmbedResult } from "./types";

/** Embeds one batch: one vector per text, and how many texts were cut short. */
export type EmbedBatch = (texts: string[]) => Promise<EmbedResult>;

/**
 * Splits `texts` into batches of `batchSize`, embeds them one after another
 * and reports progress after each ("embedded 120 / 300"). Checks that every
 * batch returns one vector per text, all of one length. Stops with an
 * AbortError-named EmbeddingError when `signal` is aborted between batches.
 */
export async function embedInBatches(
  texts: readonly string[],
  batchSize: number,
  embedBatch: EmbedBatch,
  options: EmbedOptions = {},
): Promise<EmbedResult> {
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  const vectors: Float32Array[] = [];
  let truncated = 0;
  options.onProgress?.(0, texts.length);
  for (let start = 0; start < texts.length; start += batchSize) {
    if (options.signal?.aborted) {
      const stopped = new EmbeddingError(`Stopped after ${start} of ${texts.length} texts.`);
      stopped.name = "AbortError";
      throw stopped;
    }
    const batch = texts.slice(start, start + batchSize);
    const result = await embedBatch(batch);
    if (result.vectors.length !== batch.length)
      throw new EmbeddingError(`Asked for ${batch.length} vectors, got ${result.vectors.length}.`);
    for (const vector of result.vectors) {
      const dims = vectors[0]?.length ?? vector.length;
      if (vector.length !== dims || dims === 0)
        throw new EmbeddingError(`Got a vector of ${vector.length} numbers, want ${dims}.`);
      vectors.push(vector);
    }
    truncated += result.truncated;
    options.onProgress?.(vectors.length, texts.length);
  }
  return { vectors, truncated };
}
