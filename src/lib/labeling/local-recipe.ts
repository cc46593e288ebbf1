/**
 * The local methods' recipe, one for every caller: zero-shot from the label
 * descriptions, few-shot centroids or a linear probe trained on at most
 * MAX_TRAINING_ROWS pool rows, the probe validated on a seeded 20 % split.
 * The embedder is passed in (the offline encoder in a worker or in Node).
 */
import type { PoolRow } from "./job";
import {
  argmax,
  centroidScorer,
  checkedEmbed,
  createLocalLabeler,
  trainLogisticProbe,
  trainValidationSplit,
  zeroShotScorer,
  type EmbedTexts,
  type Scorer,
} from "./local";
import type { ChatProvider } from "./provider";
import { LabelingError, type LabelDef, type TaskSpec } from "./task";

/** Training rows embedded for the probe and the centroids (enough to learn, quick to embed). */
export const MAX_TRAINING_ROWS = 200;
/** The seed and share of the probe's validation split. */
export const SPLIT_SEED = 7;
export const VALIDATION_SHARE = 0.2;

export type EncoderMethod = "zero-shot" | "centroid" | "probe";

export interface LocalSetup {
  provider: ChatProvider;
  /** What the method learned from, for the learner (e.g. the probe's validation accuracy). */
  note: string;
  /** The probe's accuracy on its validation split (probe only). */
  validationAccuracy?: number;
}

/** A local method ready to score embeddings, and what it learned from. */
export interface LocalScorer {
  scorer: Scorer;
  note: string;
  validationAccuracy?: number;
}

/** The text each item is embedded as: what the runner passes (the filled template). */
export async function encoderLabeler(
  task: TaskSpec,
  method: EncoderMethod,
  pool: readonly PoolRow[],
  embedTexts: EmbedTexts,
  onProgress: (label: string) => void = () => undefined,
): Promise<LocalSetup> {
  const embed = checkedEmbed(embedTexts);
  const { scorer, ...learned } = await encoderScorer(task.labels, method, pool, embed, onProgress);
  return { ...learned, provider: createLocalLabeler(task, embed, scorer, { batchSize: 16 }) };
}

/**
 * The local method's scorer over label indices: zero-shot from the label
 * descriptions, centroids of gold pool rows, or a probe trained on them.
 */
export async function encoderScorer(
  labels: readonly LabelDef[],
  method: EncoderMethod,
  pool: readonly PoolRow[],
  embedTexts: EmbedTexts,
  onProgress: (label: string) => void = () => undefined,
): Promise<LocalScorer> {
  const embed = checkedEmbed(embedTexts);
  const names = labels.map((l) => l.name);
  const wrap = (scorer: Scorer, note: string): LocalScorer => ({ scorer, note });
  if (method === "zero-shot") {
    onProgress("Embedding the label descriptions…");
    const vectors = await embed(labels.map((l) => l.description || l.name));
    return wrap(
      zeroShotScorer(vectors),
      "Zero-shot: each text gets the label whose description it is closest to.",
    );
  }
  const rows = pool.filter((r) => names.includes(r.label)).slice(0, MAX_TRAINING_ROWS);
  const missing = names.filter((n) => !rows.some((r) => r.label === n));
  if (missing.length > 0)
    throw new LabelingError(
      `${method === "probe" ? "The probe" : "Few-shot"} learns from labelled rows that are not being labelled (hand labels, or gold rows after the ones being labelled), and there are none for ${missing.map((m) => `“${m}”`).join(", ")}. Label a few of those by hand in step 1, label fewer rows, or check the gold column and the label names.`,
    );
  onProgress(`Embedding ${rows.length} labelled rows…`);
  const vectors = await embed(rows.map((r) => r.text));
  const classes = rows.map((r) => names.indexOf(r.label));
  if (method === "centroid")
    return wrap(
      centroidScorer(vectors, classes, names.length),
      `Few-shot: each text gets the label of the nearest class centroid of ${rows.length} labelled rows.`,
    );
  const split = trainValidationSplit(rows.length, VALIDATION_SHARE, SPLIT_SEED);
  const pick = <T>(list: readonly T[], at: readonly number[]): T[] => at.map((i) => list[i] as T);
  const train = pick(classes, split.train);
  const lacking = names.filter((_, c) => !train.includes(c));
  if (lacking.length > 0)
    throw new LabelingError(
      `The probe's training split has no row labelled ${lacking.map((m) => `“${m}”`).join(", ")}: give it more labelled rows of those (by hand, or gold rows after the ones being labelled).`,
    );
  const probe = trainLogisticProbe(pick(vectors, split.train), train, names.length);
  const correct = split.validation.filter(
    (i) => argmax(probe(vectors[i] as Float32Array)) === classes[i],
  ).length;
  const accuracy = split.validation.length ? correct / split.validation.length : Number.NaN;
  return {
    ...wrap(
      probe,
      split.validation.length
        ? `Linear probe trained on ${split.train.length} labelled rows; validation accuracy ${accuracy.toFixed(3)} on ${split.validation.length} held-out rows.`
        : `Linear probe trained on ${split.train.length} labelled rows (too few to hold any out for validation).`,
    ),
    validationAccuracy: accuracy,
  };
}
