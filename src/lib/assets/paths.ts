/**
 * Where the generated assets are served: `npm run assets` writes them under
 * public/generated/ (scripts/assets/), the site serves that folder at
 * /generated/. One place for the paths the widgets, workers and code cells
 * load, so a renamed file is one edit and a test checks each one exists.
 */

/** The URL path of the generated folder. */
export const GENERATED = "/generated/";

/** The bundled corpora (scripts/assets/corpora.ts). */
export const CORPUS_FILES = ["sotu", "moby-dick"] as const;
export type CorpusFile = (typeof CORPUS_FILES)[number];

export const ASSETS = {
  /** transformers.js's local model folder: use-lite, gpt, mlm and the GPT checkpoints. */
  models: `${GENERATED}models/`,
  /** The GPT's training record (losses, checkpoints). */
  gptTraining: `${GENERATED}models/gpt/training.json`,
  /** onnxruntime-web's WebAssembly build, served from this site rather than a CDN. */
  ort: {
    mjs: `${GENERATED}ort/ort-wasm-simd-threaded.mjs`,
    wasm: `${GENERATED}ort/ort-wasm-simd-threaded.wasm`,
    /** transformers.js with onnxruntime-web, one module for every page and worker. */
    runtime: `${GENERATED}ort/transformers.mjs`,
  },
  /** GloVe, 50,000 words × 100 numbers. */
  wordVectors: `${GENERATED}words/glove-50k-100d.bin`,
  corpus: (name: CorpusFile): string => `${GENERATED}corpora/${name}.bin`,
  labeling: {
    politics: `${GENERATED}labeling/politics.csv`,
    spam: `${GENERATED}labeling/spam.csv`,
    /** 160 Twemoji PNGs and emoji.csv (id, image, label, name); images relative to the CSV. */
    emoji: `${GENERATED}labeling/emoji/emoji.csv`,
  },
  /** MobileNetV2 image features (from nsfwjs), under `models`. */
  visionModel: `${GENERATED}models/mobilenet-v2/onnx/model.onnx`,
  precomputed: {
    contexts: `${GENERATED}precomputed/contexts.json`,
    polysemy: `${GENERATED}precomputed/polysemy.json`,
  },
  /** The lab library's type declarations for the code cells' editor. */
  labTypes: `${GENERATED}lab/types.json`,
} as const;

/** Every fixed asset path above, for checks (the corpora by name). */
export function assetPaths(): string[] {
  return [
    ASSETS.gptTraining,
    ASSETS.ort.mjs,
    ASSETS.ort.wasm,
    ASSETS.ort.runtime,
    ASSETS.wordVectors,
    ...CORPUS_FILES.map(ASSETS.corpus),
    ASSETS.labeling.politics,
    ASSETS.labeling.spam,
    ASSETS.labeling.emoji,
    ASSETS.visionModel,
    ASSETS.precomputed.contexts,
    ASSETS.precomputed.polysemy,
    ASSETS.labTypes,
  ];
}
