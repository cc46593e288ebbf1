/** Where a corpus's vectors come from: the offline encoder or an API. */
export interface EmbeddingProvider {
  /** A short id, e.g. "use-lite" or "openai:text-embedding-3-small". */
  readonly id: string;
  /** What a learner reads, e.g. "Universal Sentence Encoder lite (offline)". */
  readonly label: string;
  /**
   * One vector per text, in order. `onProgress(done, total)` is called after
   * each batch; `signal` stops between batches.
   */
  embed(texts: readonly string[], options?: EmbedOptions): Promise<EmbedResult>;
}

export interface EmbedOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface EmbedResult {
  vectors: Float32Array[];
  /** How many texts were cut to the model's length limit (0 for APIs that do not say). */
  truncated: number;
}

export class EmbeddingError extends Error {
  override name = "EmbeddingError";
}
