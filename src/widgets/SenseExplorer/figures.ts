/**
 * The polysemy benchmark's figures as lesson 02 quotes them: which model and
 * layer a figure is about, and how it is written. Used by PolysemyNumber and
 * PolysemyTable at build time and by the test of the lesson's claims.
 */
import type { BenchmarkModel, PolysemyBenchmark, Separation } from "@/lib/senses/index";

/** "best": the benchmark's best layer of the model; "last": its last; "position": token + position. */
export type LayerChoice = "best" | "last" | "position" | number;

export interface Picked {
  model: BenchmarkModel;
  layer: number;
  label: string;
  separation: Separation;
}

export function pick(
  benchmark: PolysemyBenchmark,
  model = "best",
  layer: LayerChoice = "best",
): Picked {
  const id = model === "best" ? benchmark.best.model : model;
  const found = benchmark.models.find((m) => m.id === id);
  if (!found) throw new Error(`the polysemy benchmark has no model “${id}”`);
  const index =
    layer === "best"
      ? found.best
      : layer === "last"
        ? found.layers.length - 1
        : layer === "position"
          ? Math.min(1, found.layers.length - 1)
          : layer;
  const chosen = found.layers[index];
  if (!chosen) throw new Error(`${id} has no layer ${String(layer)}`);
  return { model: found, layer: index, label: chosen.label, separation: chosen.separation };
}

export const percent = (v: number): string => `${(100 * v).toFixed(1)} %`;
export const signed = (v: number): string => `${v >= 0 ? "+" : "−"}${Math.abs(v).toFixed(3)}`;

export type Stat =
  | "auc"
  | "auc-interval"
  | "related"
  | "distant"
  | "gap"
  | "gap-interval"
  | "words"
  | "words-gap"
  | "pairs-same"
  | "pairs-different"
  | "model"
  | "layer";

/** One figure as the lesson writes it, e.g. "57.6 %" or "50.4–63.5 %". */
export function statText(picked: Picked, stat: Stat): string {
  const s = picked.separation;
  switch (stat) {
    case "auc":
      return percent(s.auc.estimate);
    case "auc-interval":
      return `${percent(s.auc.low).replace(" %", "")}–${percent(s.auc.high)}`;
    case "related":
      return percent(s.related.estimate);
    case "distant":
      return percent(s.distant.estimate);
    case "gap":
      return signed(s.relatedMinusDistant.estimate);
    case "gap-interval":
      return `${signed(s.relatedMinusDistant.low)} to ${signed(s.relatedMinusDistant.high)}`;
    case "words":
      return String(s.wordsWithBoth);
    case "words-gap":
      return String(s.wordsWithGap);
    case "pairs-same":
      return String(s.pairs.same);
    case "pairs-different":
      return String(s.pairs.related + s.pairs.distant);
    case "model":
      return picked.model.name.replace(/ \((offline|ours, offline)\)$/, "");
    case "layer":
      return picked.label;
  }
}
