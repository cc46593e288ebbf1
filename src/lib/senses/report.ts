/**
 * The polysemy benchmark's results as the asset step "polysemy" writes them
 * (public/generated/precomputed/polysemy.json) and the lessons and widgets read them.
 */
import type { PairKind } from "./benchmark";
import type { Separation } from "./separation";

export interface BenchmarkLayer {
  label: string;
  separation: Separation;
}

export interface BenchmarkModel {
  /** "use-lite", "gpt", "mlm" or "glove". */
  id: string;
  name: string;
  /** Whether the model gives a word different vectors in different sentences. */
  contextual: boolean;
  layers: BenchmarkLayer[];
  /** Index of the layer with the highest AUC. */
  best: number;
  /** cosines[layer][pair], rounded to 6 decimals (null where the model has no vector). */
  cosines: (number | null)[][];
}

export interface PolysemyBenchmark {
  splits: string[];
  resamples: number;
  seed: number;
  /** One row per example sentence: the word key ("bank|n|bank"), its synset and where the form is. */
  examples: { word: string; synset: string; text: string; start: number; end: number }[];
  senses: Record<string, { definition: string; category: string }>;
  pairs: { a: number; b: number; kind: PairKind }[];
  models: BenchmarkModel[];
  /** The contextual model and layer that separate senses best: ContextLens's default. */
  best: { model: string; layer: number };
}

/** The contextual model and layer with the highest AUC estimate (ties: the earlier model, then layer). */
export function bestModel(models: readonly BenchmarkModel[]): { model: string; layer: number } {
  const candidates = models
    .filter((m) => m.contextual)
    .flatMap((m) =>
      m.layers.map((l, layer) => ({ model: m.id, layer, auc: l.separation.auc.estimate })),
    )
    .filter((c) => Number.isFinite(c.auc));
  const best = candidates.reduce<(typeof candidates)[number] | undefined>(
    (top, c) => (top === undefined || c.auc > top.auc ? c : top),
    undefined,
  );
  if (!best) throw new Error("no contextual model has a finite AUC");
  return { model: best.model, layer: best.layer };
}

/** Index of the layer with the highest AUC estimate. */
export function bestLayer(layers: readonly BenchmarkLayer[]): number {
  let best = 0;
  layers.forEach((l, i) => {
    if (l.separation.auc.estimate > (layers[best]?.separation.auc.estimate ?? -Infinity)) best = i;
  });
  return best;
}
