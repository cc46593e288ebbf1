export { createLmClient, type LmClient, type LmWorkerLike } from "./client";
export { LmError } from "./errors";
export type { HubLm, HubLoadOptions, LmKind } from "./hub";
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
