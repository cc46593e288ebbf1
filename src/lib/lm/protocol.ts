/** Messages between the page and the language-model worker (plain data only). */
import type { GenerateOptions, Generation } from "./generate";
import type { LayerPredictions } from "./layers";
import type { LmInfo, LoadLmOptions } from "./language-model";
import type { Prediction } from "./predict";

export type LmLoadOptions = Omit<LoadLmOptions, "onProgress" | "readFile">;

export type LmRequest =
  | { type: "predict"; model: string; text: string; top: number }
  | { type: "fill"; model: string; text: string; top: number }
  | { type: "generate"; model: string; text: string; options: GenerateOptions }
  | { type: "layers"; model: string; text: string; top: number };

export type ToLmWorker =
  { id: number; type: "load"; options: LmLoadOptions } | ({ id: number } & LmRequest);

export type FromLmWorker =
  | { id: number; type: "progress"; label: string; fraction: number | null }
  | { id: number; type: "loaded"; info: LmInfo }
  | { id: number; type: "prediction"; prediction: Prediction; ms: number }
  | { id: number; type: "generation"; generation: Generation; ms: number }
  | { id: number; type: "layers"; layers: LayerPredictions; ms: number }
  | { id: number; type: "error"; message: string };
