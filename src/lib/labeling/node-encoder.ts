/**
 * The offline sentence encoder as an EmbedTexts in Node (the CLI's local
 * provider, the bench): the same model files the site serves, read from
 * `public/generated/models/`. Node only.
 */
import { fileURLToPath } from "node:url";
import { loadEncoder, type ModelDtype } from "../encoder/index";
import type { EmbedTexts } from "./local";

/** Where `npm run assets` puts the encoder. */
export const NODE_MODELS_DIR = fileURLToPath(
  new URL("../../../public/generated/models/", import.meta.url),
);

/** Sentence embeddings from the encoder's int8 weights (what the site serves) or its fp32 ones. */
export async function nodeEmbedder(
  localModelPath = NODE_MODELS_DIR,
  dtype: ModelDtype = "q8",
): Promise<EmbedTexts> {
  const encoder = await loadEncoder({ localModelPath, dtype });
  // a missing embedding stays empty: checkedEmbed (in the recipe) turns it into an error
  return async (texts) =>
    (await encoder.encode(texts)).map((e) => e.sentenceEmbedding ?? new Float32Array(0));
}
