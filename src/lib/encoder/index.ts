export { DEFAULT_MODEL, loadEncoder, type Encoder, type LoadEncoderOptions } from "./encoder";
export { alignTokens, displayToken, wordSpans } from "./align";
export { CONTEXT_PRESETS, contextPresetById, type ContextPreset } from "./context-presets";
export {
  EncoderError,
  type AttentionTensor,
  type Encoding,
  type EncoderInfo,
  type LayerTensor,
  type LoadProgress,
  type Span,
  type Word,
} from "./types";
export { sessionOptions, type ModelDtype } from "./precision";
export { createEncoderClient, type EncoderClient, type WorkerLike } from "./client";
export type { WorkerLoadOptions } from "./protocol";
export {
  contextView,
  findWord,
  layerLabels,
  similarityMatrix,
  targetVectors,
  type ContextView,
  type TargetInContext,
} from "./context";
export {
  attentionRow,
  cosineToInput,
  cosineToPrevious,
  headWeights,
  meanOverHeads,
  previousTokenHead,
  previousTokenScores,
  similarityToWords,
  topAttended,
  wordAttention,
  type Attended,
  type HeadChoice,
  type HeadScore,
  type VectorTrail,
} from "./attention";
