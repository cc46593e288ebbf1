/**
 * Image embeddings offline: MobileNetV2's features (from nsfwjs, converted to
 * ONNX at asset-build time), with nsfwjs's own preprocessing. Runs in Node and
 * in a Worker; no DOM.
 */
export {
  BATCH,
  EMBEDDING_SIZE,
  l2normalize,
  loadImageEmbedder,
  VISION_MODEL,
  type ImageEmbedder,
  type VisionLoadOptions,
} from "./embedder";
export {
  ImageInputError,
  INPUT_SIZE,
  modelInput,
  normalizedRGB,
  resizeBilinearAligned,
  type Pixels,
} from "./preprocess";
export { createVisionClient, type VisionClient, type VisionWorkerLike } from "./client";
export { MAX_FILE_BYTES, MAX_PIXELS, MAX_SIDE } from "./decode";
export type { EmbedOutcome } from "./protocol";
