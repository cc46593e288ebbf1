/**
 * Image labeling with CLIP, zero-shot — the counterpart of LabelGenius's
 * CLIP module: each image gets the label whose description CLIP finds most
 * similar to it. The model comes from the Hugging Face hub, so this path needs
 * the internet (the learner turns it on); it is kept out of the labeling index
 * so the offline paths and the command line never load it. Wrapped as a
 * ChatProvider, the same job runner (progress, store, resume) drives it.
 */
import { configureHubEnv } from "../runtime/transformers-env";
import { argmax } from "./local";
import { parseAnswer } from "./answer";
import type { ChatProvider } from "./provider";
import { ProviderError } from "./provider";
import { LabelingError, type TaskSpec } from "./task";

/** Scores of each candidate text for an image (higher is likelier), in order. */
export type ClassifyImage = (image: string, candidates: string[]) => Promise<number[]>;

export const DEFAULT_CLIP_MODEL = "Xenova/clip-vit-base-patch32";

/** The text CLIP compares each image with: the label's description, else its name. */
export function clipCandidates(task: TaskSpec): string[] {
  return task.labels.map((l) => l.description || l.name);
}

/** A provider that labels the image of each item's last user message. */
export function createClipLabeler(task: TaskSpec, classify: ClassifyImage): ChatProvider {
  const names = task.labels.map((l) => l.name);
  const candidates = clipCandidates(task);
  return {
    id: "clip",
    label: "CLIP zero-shot on images",
    async complete(request) {
      const user = request.messages.filter((m) => m.role === "user").at(-1);
      const part =
        user && typeof user.content !== "string"
          ? user.content.find((p) => p.type === "image_url")
          : undefined;
      const url = part?.type === "image_url" ? part.image_url.url : "";
      if (!url)
        throw new ProviderError("This item has no image: CLIP labels images only.", "fatal");
      let scores: number[];
      try {
        scores = await classify(url, candidates);
      } catch (error) {
        throw new ProviderError(
          `The image could not be read: ${error instanceof Error ? error.message : String(error)}`,
          "fatal",
        );
      }
      const label = names[argmax(scores)] ?? "";
      const content =
        task.mode === "single" ? JSON.stringify({ label }) : JSON.stringify({ labels: [label] });
      if (!parseAnswer(content, task)) throw new LabelingError("CLIP produced an invalid label.");
      return { content, usage: null };
    },
  };
}

export interface ClipLoadOptions {
  model?: string;
  wasmPaths?: { mjs: string; wasm: string };
  remoteHost?: string;
  onProgress?: (label: string, fraction?: number) => void;
}

/** CLIP's zero-shot image classifier from the hub; throws a LabelingError that says it needs the internet. */
export async function loadClipClassifier(options: ClipLoadOptions = {}): Promise<ClassifyImage> {
  const model = options.model ?? DEFAULT_CLIP_MODEL;
  const { env, pipeline } = await import("@huggingface/transformers");
  configureHubEnv(env, options);
  let classifier: (
    image: string,
    labels: string[],
  ) => Promise<{ label: string; score: number }[] | { label: string; score: number }[][]>;
  try {
    classifier = await pipeline("zero-shot-image-classification", model, {
      dtype: "q8",
      progress_callback: (info: { status?: string; file?: string; progress?: number }) => {
        if (info.status === "progress")
          options.onProgress?.(
            `Downloading ${info.file ?? "CLIP"} from the Hugging Face hub…`,
            typeof info.progress === "number" ? info.progress / 100 : undefined,
          );
      },
    });
  } catch (error) {
    throw new LabelingError(
      `CLIP could not be loaded from the Hugging Face hub (${error instanceof Error ? error.message : String(error)}). CLIP needs the internet; offline, label the images' text locally or send the images to a vision model through the API.`,
    );
  }
  return async (image, candidates) => {
    const out = await classifier(image, candidates);
    const list = (Array.isArray(out[0]) ? out[0] : out) as { label: string; score: number }[];
    return candidates.map((c) => list.find((r) => r.label === c)?.score ?? 0);
  };
}
