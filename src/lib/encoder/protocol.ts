/** Messages between a page and the encoder Web Worker (plain data only). */
import type { Encoding, EncoderInfo, LoadProgress } from "./types";
import type { LoadEncoderOptions } from "./encoder";

export type WorkerLoadOptions = Omit<LoadEncoderOptions, "onProgress">;

export type ToWorker =
  | { type: "load"; id: number; options: WorkerLoadOptions }
  | { type: "encode"; id: number; texts: string[] };

export type FromWorker =
  | { type: "progress"; id: number; progress: LoadProgress }
  | { type: "loaded"; id: number; info: EncoderInfo }
  | { type: "encoded"; id: number; encodings: Encoding[]; ms: number }
  | { type: "error"; id: number; message: string };

/** The typed arrays of encodings, to transfer instead of copy. */
export function transferables(encodings: readonly Encoding[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const e of encodings) {
    for (const t of [e.tokenEmbeddings, ...e.hiddenStates, ...e.attentions])
      buffers.add(t.data.buffer as ArrayBuffer);
    if (e.sentenceEmbedding) buffers.add(e.sentenceEmbedding.buffer as ArrayBuffer);
  }
  return [...buffers];
}
