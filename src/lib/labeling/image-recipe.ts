/**
 * The local methods on images, and on text + image pairs: every item's image
 * is embedded by the offline image model (MobileNetV2's features), or its
 * text and its image are embedded and joined, and a few-shot model (class
 * centroids or a linear probe, see few-shot.ts) learns from the pool's
 * labelled rows. Nothing links pictures to words offline, so zero-shot is
 * refused with the reason. Wrapped as a ChatProvider, the same job runner
 * (progress, store, resume, evaluation) drives it as it drives text.
 */
import { trainFewShot, type FewShotMethod } from "./few-shot";
import type { EmbedInput, LocalMethod, PoolRow } from "./job";
import { argmax, batched, checkedEmbed, type EmbedTexts, type Vector } from "./local";
import { MAX_TRAINING_ROWS, type LocalSetup } from "./local-recipe";
import { parseAnswer } from "./answer";
import { fillTemplate, messageText } from "./prompt";
import { ProviderError, type ChatProvider, type ChatRequest } from "./provider";
import { LabelingError, type TaskSpec } from "./task";

/**
 * One image's embedding, or why it could not be read (in words for the
 * learner); `transient` when asking again may work (offline, a busy server).
 */
export type ImageOutcome =
  { ok: true; vector: Vector } | { ok: false; message: string; transient?: boolean };
interface Unread {
  message: string;
  transient: boolean;
}
/** Embeds images given by reference (a URL or a file name the caller can resolve), in order. */
export type EmbedImages = (refs: string[]) => Promise<ImageOutcome[]>;

export interface Embedders {
  texts?: EmbedTexts;
  images: EmbedImages;
}

/** A vector scaled to length 1 (a zero vector stays zero). */
function unit(v: Vector, scale = 1): Float32Array {
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm);
  const out = new Float32Array(v.length);
  if (norm > 0) for (let i = 0; i < v.length; i++) out[i] = ((v[i] as number) / norm) * scale;
  return out;
}

/**
 * A text and an image as one vector: each made unit length, scaled by 1/√2
 * and concatenated, so the pair is unit length and its cosine with another
 * pair is the mean of the two cosines (text and image weigh the same).
 */
export function joinPair(text: Vector, image: Vector): Float32Array {
  const out = new Float32Array(text.length + image.length);
  out.set(unit(text, Math.SQRT1_2), 0);
  out.set(unit(image, Math.SQRT1_2), text.length);
  return out;
}

/** The image reference of a request's last user message ("" when it has none). */
export function requestImage(request: ChatRequest): string {
  const user = request.messages.filter((m) => m.role === "user").at(-1);
  if (!user || typeof user.content === "string") return "";
  const part = user.content.find((p) => p.type === "image_url");
  return part?.type === "image_url" ? part.image_url.url : "";
}

const FEW_SHOT: Partial<Record<LocalMethod, FewShotMethod>> = {
  centroid: "centroid",
  probe: "probe",
};

interface Pair {
  text: string;
  image: string;
}

/**
 * A labeler over image (or text + image) embeddings, trained on the pool's
 * rows that have an image and one of the task's labels (at most
 * MAX_TRAINING_ROWS). A training image that cannot be read is left out and
 * counted in the note; an item whose image cannot be read is flagged with
 * the reason, and the job goes on.
 */
export async function imageLabeler(
  task: TaskSpec,
  method: LocalMethod,
  input: Exclude<EmbedInput, "text">,
  pool: readonly PoolRow[],
  embedders: Embedders,
  onProgress: (label: string) => void = () => undefined,
): Promise<LocalSetup> {
  const fewShot = FEW_SHOT[method];
  if (!fewShot)
    throw new LabelingError(
      method === "zero-shot"
        ? "Zero-shot needs a model that links pictures to words, and the offline image model knows no words: label a few images by hand (or use a gold column) and choose few-shot centroids or the linear probe. CLIP links them, online."
        : `The ${method} method does not work on image embeddings: choose few-shot centroids or the linear probe.`,
    );
  const embedTexts = embedders.texts ? checkedEmbed(embedders.texts) : undefined;
  if (input === "both" && !embedTexts)
    throw new LabelingError("Text + image needs the sentence encoder as well.");
  const names = task.labels.map((l) => l.name);
  // pairs: a training row's text is filled into the template, as every item's is
  const rows = pool.filter((r) => r.image && names.includes(r.label)).slice(0, MAX_TRAINING_ROWS);
  /** Embeds pairs; an unreadable image gives its message instead of a vector. */
  const embedPairs = async (pairs: Pair[]): Promise<(Vector | Unread)[]> => {
    const images = await embedders.images(pairs.map((p) => p.image));
    if (images.length !== pairs.length)
      throw new LabelingError(
        `The image model returned ${images.length} results for ${pairs.length} images.`,
      );
    const texts = input === "both" && embedTexts ? await embedTexts(pairs.map((p) => p.text)) : [];
    return images.map((outcome, i) => {
      if (!outcome.ok) return { message: outcome.message, transient: outcome.transient === true };
      return input === "both" ? joinPair(texts[i] as Vector, outcome.vector) : outcome.vector;
    });
  };
  onProgress(`Embedding ${rows.length} labelled ${input === "both" ? "pairs" : "images"}…`);
  const embedded = await embedPairs(
    rows.map((r) => ({ text: fillTemplate(task.template, r.text), image: r.image ?? "" })),
  );
  const usable = rows.flatMap((r, i) => {
    const v = embedded[i];
    return v === undefined || "message" in v ? [] : [{ label: r.label, vector: v }];
  });
  const unreadable = rows.length - usable.length;
  const missing = names.filter((n) => !usable.some((u) => u.label === n));
  if (missing.length > 0)
    throw new LabelingError(
      `The image methods learn from labelled rows with a readable image that are not being labelled, and there are none for ${missing.map((m) => `“${m}”`).join(", ")}. Label a few of those images by hand in step 1${unreadable ? ` (${unreadable} labelled image${unreadable > 1 ? "s" : ""} could not be read)` : ""}.`,
    );
  const model = trainFewShot(
    fewShot,
    usable.map((u) => u.vector),
    usable.map((u) => u.label),
    names,
  );
  const what =
    input === "both"
      ? "Text + image (sentence encoder and MobileNetV2)"
      : "Images (MobileNetV2 features)";
  const note = `${what}: ${model.note}${unreadable ? ` ${unreadable} labelled image${unreadable > 1 ? "s" : ""} could not be read and ${unreadable > 1 ? "were" : "was"} left out.` : ""}`;
  const embedOne = batched(embedPairs, 8);
  const provider: ChatProvider = {
    id: input === "both" ? "local-pairs" : "local-images",
    label: "Offline image model (nothing leaves this device)",
    async complete(request) {
      const image = requestImage(request);
      if (!image)
        throw new ProviderError(
          "This item has no image: the image methods label images (choose the text input for texts).",
          "fatal",
        );
      const user = request.messages.filter((m) => m.role === "user").at(-1);
      const vector = await embedOne({ text: user ? messageText(user) : "", image });
      if ("message" in vector)
        throw new ProviderError(
          `The image “${image}” could not be read: ${vector.message}`,
          vector.transient ? "retry" : "fatal",
        );
      const best = argmax(model.scorer(vector));
      if (best < 0)
        throw new ProviderError("The image's embedding is all zeros: no label is closer.", "fatal");
      const label = names[best] ?? "";
      const content =
        task.mode === "single" ? JSON.stringify({ label }) : JSON.stringify({ labels: [label] });
      if (!parseAnswer(content, task))
        throw new Error("the image labeler produced an invalid label");
      return { content, usage: null };
    },
  };
  return {
    provider,
    note,
    ...(model.validationAccuracy !== undefined
      ? { validationAccuracy: model.validationAccuracy }
      : {}),
  };
}
