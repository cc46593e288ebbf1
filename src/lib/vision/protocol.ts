/** Messages between a page and the vision Web Worker (plain data, Blobs and transferred arrays). */
import type { VisionLoadOptions } from "./embedder";

export type WorkerLoadOptions = Omit<VisionLoadOptions, "onProgress">;

/** One image's outcome: its embedding, or why it could not be read. */
export type EmbedOutcome =
  | { ok: true; vector: Float32Array; width: number; height: number; reduced: boolean }
  | { ok: false; message: string };

export type ToWorker =
  | { type: "load"; id: number; options: WorkerLoadOptions }
  | { type: "embed"; id: number; images: Blob[] };

export type FromWorker =
  | { type: "progress"; id: number; file: string; fraction: number | null; done?: number }
  | { type: "loaded"; id: number }
  | { type: "embedded"; id: number; outcomes: EmbedOutcome[]; ms: number }
  | { type: "error"; id: number; message: string };
