/**
 * The sandbox's providers: the offline encoder with one of three local
 * methods (nothing leaves the tab), CLIP from the hub (online), or an
 * OpenAI-compatible API with the learner's key (src/scripts/api-key.ts).
 * The OpenAI SDK loads only when the API is used.
 */
import {
  type ChatProvider,
  type EmbedImages,
  type EmbedInput,
  type EmbedTexts,
  encoderLabeler,
  imageLabeler,
  type LocalMethod,
  type LocalSetup,
  type PoolRow,
  type TaskSpec,
} from "@/lib/labeling";
import { offlineEncoder } from "@/scripts/encoder-workers";
import { ASSETS } from "../../lib/assets/paths";

export async function apiProvider(apiKey: string, baseURL: string): Promise<ChatProvider> {
  const { createOpenAIChat } = await import("@/lib/labeling/openai");
  return createOpenAIChat({ apiKey, baseURL, timeoutMs: 30_000 });
}

/** CLIP from the hub (online only), loaded once per page. */
let clip: Promise<import("@/lib/labeling/clip").ClassifyImage> | null = null;

async function clipProvider(
  task: TaskSpec,
  resolve: (ref: string) => string | null,
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
  const classify = await clip;
  return {
    // a picked file is read through its object URL; a URL as it is
    provider: createClipLabeler(task, (image, candidates) =>
      classify(resolve(image) ?? image, candidates),
    ),
    note: "CLIP zero-shot: each image gets the label whose description CLIP finds closest (the images were sent to nobody; the model ran in this tab).",
  };
}

/**
 * The offline models as a labeler using `method` (the library's recipes):
 * the sentence encoder on texts, the image model on images (`images` reads
 * each item's image in this tab, or gives a URL CLIP can read), or both; `pool` holds the rows the
 * method learns from (hand labels, or gold rows that are not being labelled).
 */
export async function localProvider(
  task: TaskSpec,
  settings: { method: LocalMethod; input?: EmbedInput },
  pool: readonly PoolRow[],
  images: { embed: EmbedImages; resolve: (ref: string) => string | null },
  onProgress: (label: string, fraction?: number) => void,
): Promise<LocalSetup> {
  const { method, input = "text" } = settings;
  if (method === "clip") return clipProvider(task, images.resolve, onProgress);
  const texts = async (): Promise<EmbedTexts> => {
    const encoder = await offlineEncoder(onProgress);
    // a missing sentence embedding stays missing: the recipe's check turns it into an error
    return async (list) =>
      (await encoder.encode(list)).encodings.map((e) => e.sentenceEmbedding ?? new Float32Array(0));
  };
  if (input === "text") return encoderLabeler(task, method, pool, await texts(), onProgress);
  return imageLabeler(
    task,
    method,
    input,
    pool,
    { images: images.embed, ...(input === "both" ? { texts: await texts() } : {}) },
    onProgress,
  );
}
