/**
 * The sandbox's providers: the offline encoder with one of three local
 * methods (nothing leaves the tab), CLIP from the hub (online), or an
 * OpenAI-compatible API with the learner's key (src/scripts/api-key.ts).
 * The OpenAI SDK loads only when the API is used.
 */
import {
  argmax,
  centroidScorer,
  createLocalLabeler,
  trainLogisticProbe,
  trainValidationSplit,
  zeroShotScorer,
  type EmbedTexts,
  type Scorer,
} from "@/lib/labeling/local";
import type { ChatProvider } from "@/lib/labeling/provider";
import { LabelingError, type TaskSpec } from "@/lib/labeling/task";
import { offlineEncoder } from "@/scripts/encoder-workers";
import type { LocalMethod } from "./job-store";
import { ASSETS } from "../../lib/assets/paths";

/** Training rows embedded for the probe and the centroids (enough to learn, quick to embed). */
const MAX_TRAINING_ROWS = 200;

export async function apiProvider(apiKey: string, baseURL: string): Promise<ChatProvider> {
  const { createOpenAIChat } = await import("@/lib/labeling/openai-chat");
  return createOpenAIChat({ apiKey, baseURL, timeoutMs: 30_000 });
}

/** CLIP from the hub (online only), loaded once per page. */
let clip: Promise<import("@/lib/labeling/clip").ClassifyImage> | null = null;

async function clipProvider(
  task: TaskSpec,
  onProgress: (label: string, fraction?: number) => void,
): Promise<LocalSetup> {
  const { createClipLabeler, loadClipClassifier } = await import("@/lib/labeling/clip");
  onProgress("Downloading CLIP from the Hugging Face hub…");
  clip ??= loadClipClassifier({
    wasmPaths: {
      mjs: ASSETS.ort.mjs,
      wasm: ASSETS.ort.wasm,
    },
    onProgress,
  });
  clip.catch(() => {
    clip = null;
  });
  return {
    provider: createClipLabeler(task, await clip),
    note: "CLIP zero-shot: each image gets the label whose description CLIP finds closest (the images were sent to nobody; the model ran in this tab).",
  };
}

export interface LocalSetup {
  provider: ChatProvider;
  /** What the method learned from, for the learner (e.g. the probe's validation accuracy). */
  note: string;
}

/** The offline encoder as a labeler using `method`; `pool` holds gold rows that are not being labelled. */
export async function localProvider(
  task: TaskSpec,
  method: LocalMethod,
  pool: readonly { text: string; label: string }[],
  onProgress: (label: string, fraction?: number) => void,
): Promise<LocalSetup> {
  if (method === "clip") return clipProvider(task, onProgress);
  const encoder = await offlineEncoder(onProgress);
  const embed: EmbedTexts = async (texts) =>
    (await encoder.encode(texts)).encodings.map((e) => e.sentenceEmbedding ?? new Float32Array(0));
  const names = task.labels.map((l) => l.name);
  const wrap = (scorer: Scorer, note: string): LocalSetup => ({
    provider: createLocalLabeler(task, embed, scorer, { batchSize: 16 }),
    note,
  });
  if (method === "zero-shot") {
    onProgress("Embedding the label descriptions…");
    const vectors = await embed(task.labels.map((l) => l.description || l.name));
    return wrap(
      zeroShotScorer(vectors),
      "Zero-shot: each text gets the label whose description it is closest to.",
    );
  }
  const rows = pool.filter((r) => names.includes(r.label)).slice(0, MAX_TRAINING_ROWS);
  const missing = names.filter((n) => !rows.some((r) => r.label === n));
  if (missing.length > 0)
    throw new LabelingError(
      `${method === "probe" ? "The probe" : "Few-shot"} learns from gold-labelled rows that are not being labelled, and there are none for ${missing.map((m) => `“${m}”`).join(", ")}. Label fewer rows, or check the gold column and the label names.`,
    );
  onProgress(`Embedding ${rows.length} labelled rows…`);
  const vectors = await embed(rows.map((r) => r.text));
  const classes = rows.map((r) => names.indexOf(r.label));
  if (method === "centroid")
    return wrap(
      centroidScorer(vectors, classes, names.length),
      `Few-shot: each text gets the label of the nearest class centroid of ${rows.length} labelled rows.`,
    );
  const split = trainValidationSplit(rows.length, 0.2, 7);
  const pick = <T>(list: readonly T[], at: readonly number[]): T[] => at.map((i) => list[i] as T);
  const probe = trainLogisticProbe(
    pick(vectors, split.train),
    pick(classes, split.train),
    names.length,
  );
  const correct = split.validation.filter(
    (i) => argmax(probe(vectors[i] as Float32Array)) === classes[i],
  ).length;
  const accuracy = split.validation.length ? correct / split.validation.length : Number.NaN;
  return wrap(
    probe,
    `Linear probe trained on ${split.train.length} labelled rows; validation accuracy ${accuracy.toFixed(3)} on ${split.validation.length} held-out rows.`,
  );
}
