export { createLmClient, type LmClient, type LmWorkerLike } from "./client";
export { LmError } from "./errors";
export type { HubLm, HubLoadOptions } from "./hub";
export { logitsAt, maskPosition, withMask } from "./logits";
export { appendToken, hubCandidates, ngramCandidates, type Candidate } from "./next-word";
export type { LmLoadOptions } from "./protocol";
export { createRandom, type Random } from "./random";
export {
  argmax,
  sampleIndex,
  sampleNext,
  samplingDistribution,
  softmax,
  topKIndices,
  type SamplingOptions,
} from "./sampling";
export {
  checkpointId,
  isOwnModel,
  OWN_MODELS,
  type LmKind,
  type OwnModel,
  type TrainingFacts,
  type TrainingLogEntry,
  type TrainingRecord,
} from "./models";
export {
  loadLanguageModel,
  type Forward,
  type LanguageModel,
  type LmInfo,
  type LoadLmOptions,
} from "./language-model";
export {
  fillMask,
  predictNext,
  refuseMaskForCausal,
  type Prediction,
  type TokenChoice,
} from "./predict";
export {
  checkGenerateOptions,
  generate,
  type GenerateOptions,
  type GeneratedToken,
  type Generation,
} from "./generate";
export { perplexity, wordCount, type Perplexity } from "./perplexity";
export { layerPredictions, type LayerPredictions } from "./layers";
export {
  lensLogits,
  LENS_FILES,
  parseLens,
  parseLensFile,
  parseQuantizedLens,
  type Lens,
} from "./lens";
export { pieceLabel, pieceText } from "./tokens";
export { fitText, type Fitted } from "./window";
export { splitAtGap, type Gap } from "./gap";
