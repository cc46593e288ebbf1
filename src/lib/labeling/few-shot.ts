/**
 * Few-shot labeling on embeddings (images or texts): a handful of hand-labelled
 * examples per class, then every other item gets a label by the nearest class
 * centroid, the nearest single example, or a linear probe (multinomial logistic
 * regression, validated on a seeded 20 % of the examples as the text recipe
 * does, then refit on all of them). Vectors are compared by cosine similarity, so pass them L2-normalised
 * for the probe.
 */
import { shuffledIndices } from "./exports";
import {
  argmax,
  centroidScorer,
  trainLogisticProbe,
  trainValidationSplit,
  zeroShotScorer,
  type Scorer,
  type Vector,
} from "./local";
import { SPLIT_SEED, VALIDATION_SHARE } from "./local-recipe";
import { evaluate, type Evaluation } from "./metrics";
import { LabelingError } from "./task";

export type FewShotMethod = "centroid" | "nearest" | "probe";

export const FEW_SHOT_METHODS: Readonly<Record<FewShotMethod, string>> = {
  centroid: "nearest class centroid",
  nearest: "nearest example (1-NN)",
  probe: "linear probe",
};

/** Per class, the cosine similarity of its closest example. */
export function nearestExampleScorer(
  examples: readonly Vector[],
  labels: readonly number[],
  k: number,
): Scorer {
  const byExample = zeroShotScorer(examples);
  for (let c = 0; c < k; c++)
    if (!labels.includes(c)) throw new RangeError(`label ${c + 1} has no examples`);
  return (v) => {
    const sims = byExample(v);
    const best = Array.from({ length: k }, () => -Infinity);
    sims.forEach((s, i) => {
      const c = labels[i] as number;
      if (s > (best[c] as number)) best[c] = s;
    });
    return best;
  };
}

/**
 * A seeded split that takes `perClass` items of each label for training (in a
 * shuffled order) and leaves the rest for testing. A label with fewer items
 * gives all of them to training and none to testing.
 */
export function perClassSplit(
  labels: readonly string[],
  perClass: number,
  seed: number,
): { train: number[]; test: number[] } {
  const taken = new Map<string, number>();
  const train: number[] = [];
  const test: number[] = [];
  for (const i of shuffledIndices(labels.length, seed)) {
    const label = labels[i] as string;
    const n = taken.get(label) ?? 0;
    if (n < perClass) {
      taken.set(label, n + 1);
      train.push(i);
    } else test.push(i);
  }
  return { train: train.sort((a, b) => a - b), test: test.sort((a, b) => a - b) };
}

/** The share of hand labels held out to check a model when there is nothing else to check it on. */
export const HELD_OUT_SHARE = 0.25;
/** Hand labels needed before a share of them is held out. */
export const MIN_HAND_LABELS_TO_HOLD_OUT = 8;
/** The seed of the held-out split. */
export const HOLD_OUT_SEED = 11;

/**
 * The check's split of hand labels, the same in the sandbox and the
 * ImageLabeler: per label, about a quarter held out (rounded, in a seeded
 * order) and the rest to train. A label always keeps at least one example to
 * learn from, so a label with one hand label holds none out.
 */
export function holdOutSplit(labels: readonly string[]): { train: number[]; test: number[] } {
  const total = new Map<string, number>();
  for (const label of labels) total.set(label, (total.get(label) ?? 0) + 1);
  const held = new Map<string, number>();
  const train: number[] = [];
  const test: number[] = [];
  for (const i of shuffledIndices(labels.length, HOLD_OUT_SEED)) {
    const label = labels[i] as string;
    const n = total.get(label) ?? 0;
    const quota = Math.min(n - 1, Math.round(n * HELD_OUT_SHARE));
    const taken = held.get(label) ?? 0;
    if (taken < quota) {
      held.set(label, taken + 1);
      test.push(i);
    } else train.push(i);
  }
  return { train: train.sort((a, b) => a - b), test: test.sort((a, b) => a - b) };
}

export interface FewShotModel {
  scorer: Scorer;
  /** The label names, in the scorer's order. */
  names: string[];
  note: string;
  /** The probe's accuracy on its own validation split (probe only). */
  validationAccuracy?: number;
}

/** Learns a scorer from labelled examples (every name must have at least one). */
export function trainFewShot(
  method: FewShotMethod,
  vectors: readonly Vector[],
  labels: readonly string[],
  names: readonly string[],
): FewShotModel {
  const missing = names.filter((n) => !labels.includes(n));
  if (missing.length > 0)
    throw new LabelingError(
      `Label at least one example of ${missing.map((m) => `“${m}”`).join(", ")} before training.`,
    );
  const classes = labels.map((l) => names.indexOf(l));
  if (classes.includes(-1))
    throw new LabelingError(
      `An example is labelled “${labels[classes.indexOf(-1)] ?? ""}”, which is not one of the labels (${names.join(", ")}).`,
    );
  const counts = names.map((_, c) => classes.filter((k) => k === c).length);
  const shown = names.map((n, c) => `${counts[c]} “${n}”`).join(", ");
  if (method === "centroid")
    return {
      scorer: centroidScorer(vectors, classes, names.length),
      names: [...names],
      note: `Nearest class centroid of ${vectors.length} examples (${shown}).`,
    };
  if (method === "nearest")
    return {
      scorer: nearestExampleScorer(vectors, classes, names.length),
      names: [...names],
      note: `Nearest single example among ${vectors.length} (${shown}).`,
    };
  const split = trainValidationSplit(vectors.length, VALIDATION_SHARE, SPLIT_SEED);
  const train = split.train.map((i) => classes[i] as number);
  const lacking = names.filter((_, c) => !train.includes(c));
  if (lacking.length > 0)
    throw new LabelingError(
      `The probe holds 20 % of the examples out to validate itself, and then has none of ${lacking.map((m) => `“${m}”`).join(", ")} left to learn from: label more examples of ${lacking.length > 1 ? "them" : "it"} (two or more each), or use the centroid.`,
    );
  const probe = trainLogisticProbe(
    split.train.map((i) => vectors[i] as Vector),
    train,
    names.length,
  );
  const correct = split.validation.filter(
    (i) => argmax(probe(vectors[i] as Vector)) === classes[i],
  ).length;
  const accuracy = split.validation.length ? correct / split.validation.length : Number.NaN;
  // with a handful of examples every one counts: the probe that labels is refit on all of them
  return {
    scorer: trainLogisticProbe(vectors, classes, names.length),
    names: [...names],
    note: split.validation.length
      ? `Linear probe on ${vectors.length} examples; trained on ${split.train.length} of them, it got ${accuracy.toFixed(3)} of the other ${split.validation.length} right (validation).`
      : `Linear probe trained on ${vectors.length} examples (too few to hold any out).`,
    validationAccuracy: accuracy,
  };
}

/** The label the model gives each vector. */
export function predictFewShot(model: FewShotModel, vectors: readonly Vector[]): string[] {
  return vectors.map((v) => model.names[argmax(model.scorer(v))] ?? "");
}

/**
 * The held-out check, one way for every caller: a model trained on the
 * `train` indices labels the `test` indices, scored against their labels.
 */
export function heldOutEvaluation(
  method: FewShotMethod,
  vectors: readonly Vector[],
  labels: readonly string[],
  names: readonly string[],
  split: { train: readonly number[]; test: readonly number[] },
): { model: FewShotModel; predicted: string[]; evaluation: Evaluation } {
  const pick = <T>(list: readonly T[], at: readonly number[]): T[] => at.map((i) => list[i] as T);
  const model = trainFewShot(method, pick(vectors, split.train), pick(labels, split.train), names);
  const predicted = predictFewShot(model, pick(vectors, split.test));
  return { model, predicted, evaluation: evaluate(pick(labels, split.test), predicted, names) };
}
