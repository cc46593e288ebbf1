/**
 * Image embeddings offline: MobileNetV2's features (from nsfwjs, converted to
 * ONNX at asset-build time), with nsfwjs's own preprocessing. Runs in Node and
 * in a Worker; no DOM. This entry is light: the embedder itself (which loads
 * transformers.js) is `vision/embedder`, and pages reach it through the worker.
 */
export { createVisionClient, type VisionClient, type VisionWorkerLike } from "./client";
export { MAX_FILE_BYTES, MAX_PIXELS, MAX_SIDE } from "./decode";
export {
  ImageInputError,
  INPUT_SIZE,
  modelInput,
  normalizedRGB,
  resizeBilinearAligned,
  type Pixels,
} from "./preprocess";
export type { EmbedOutcome } from "./protocol";
