/** Messages between the page and the hub-model worker (plain data only). */
import type { HubLoadOptions, LmKind } from "./hub";

export type LmLoadOptions = Omit<HubLoadOptions, "onProgress">;

export type ToLmWorker =
  | { id: number; type: "load"; options: LmLoadOptions }
  | { id: number; type: "logits"; kind: LmKind; text: string };

export type FromLmWorker =
  | { id: number; type: "progress"; label: string; fraction: number | null }
  | { id: number; type: "loaded"; vocabulary: string[]; maskToken: string }
  | { id: number; type: "logits"; logits: Float32Array; ms: number }
  | { id: number; type: "error"; message: string };
