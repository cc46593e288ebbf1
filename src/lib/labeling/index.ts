/**
 * The labeling library's light entry point: tasks, prompts, the job and its
 * runner, stores, local methods, metrics, costs and exports. The heavy parts
 * have their own entry points, loaded only where needed:
 * `labeling/openai` (the OpenAI SDK), `labeling/tokens` and
 * `labeling/estimate` (the tokenizers, about 1 MB gzip), `labeling/clip`
 * (transformers.js) and `labeling/node` (files and the encoder in Node).
 */
export { krippendorffAlphaNominal } from "./alpha";
export { defined, undefinedBecause, type Statistic } from "./statistic";
export { majorityVote, parseAnswer } from "./answer";
export { bootstrapInterval, type Interval } from "./bootstrap";
export {
  BUNDLED,
  BUNDLED_IMAGES,
  type BundledImageSet,
  provenanceOf,
  type BundledDataset,
  type BundledId,
  type Codebook,
} from "./datasets";
export {
  actualCost,
  BATCH_DISCOUNT,
  DEFAULT_PRICES,
  estimateAnswerTokens,
  estimateJobCost,
  formatDollars,
  MIN_CACHED_PREFIX,
  priceFor,
  priceTable,
  resultsCost,
  scenarioCost,
  type CostEstimate,
  type PriceScenario,
  type ScenarioCost,
  type ModelPrice,
  type PriceTable,
} from "./cost";
export {
  batchJSONL,
  fineTuneJSONL,
  FORMULA_START,
  importBatchResults,
  resultsCSV,
  safeCSV,
  shuffledIndices,
} from "./exports";
export {
  cohenKappa,
  confusionMatrix,
  evaluate,
  kappaFromMatrix,
  type ClassScores,
  type Evaluation,
} from "./metrics";
export { backoffDelay, RateLimiter, sleep, type BackoffOptions, type Sleep } from "./pacing";
export {
  answerJSON,
  buildMessages,
  fillTemplate,
  messageText,
  responseSchema,
  systemMessage,
  type ChatMessage,
  type ContentPart,
} from "./prompt";
export {
  parseRetryAfter,
  ProviderError,
  type ChatProvider,
  type ChatReply,
  type ChatRequest,
  type FailureKind,
  type Usage,
} from "./provider";
export {
  fitMessages,
  runJob,
  type JobOptions,
  type JobProgress,
  type JobSummary,
  type RetryEvent,
} from "./runner";
export {
  cacheKey,
  dedupeResults,
  addUsage,
  flagCause,
  retriedBy,
  memoryCache,
  memoryStore,
  parseResultLines,
  type AttemptEvent,
  type FlagCause,
  type ItemResult,
  type RetryMode,
  type ResponseCache,
  type ResultStore,
} from "./store";
export {
  defaultTemperature,
  examplesFromRows,
  LabelingError,
  maxLabelsOf,
  parseLabelLines,
  TEXT_PLACEHOLDER,
  validateTask,
  type FewShotExample,
  type LabelDef,
  type LabelItem,
  type ModelParameters,
  type TaskSpec,
} from "./task";
export { datasetFromTable, parseCSV, type ColumnChoice, type Dataset, type Table } from "./table";
export {
  argmax,
  centroidScorer,
  createLocalLabeler,
  trainLogisticProbe,
  trainValidationSplit,
  zeroShotScorer,
  type EmbedTexts,
  type ProbeOptions,
  type Scorer,
  type Vector,
} from "./local";
export { idbCache, idbStore, openLabelingDB } from "./idb-store";
export { evaluationReport, NOTHING_LABELLED, statisticText, type EvaluationReport } from "./report";
export {
  advance,
  importBatchIntoJob,
  createJob,
  jobId,
  jobSpend,
  learnsFromPool,
  MAX_EXAMPLES_PER_LABEL,
  memoryJobStore,
  runLabelingJob,
  selectExamples,
  splitDataset,
  splitWithHandLabels,
  TRANSITIONS,
  type EmbedInput,
  type JobRecord,
  type JobSpec,
  type JobStatus,
  type JobStore,
  type LocalMethod,
  type PoolRow,
  type ProviderSettings,
  type RunOptions,
} from "./job";
export {
  encoderLabeler,
  encoderScorer,
  MAX_TRAINING_ROWS,
  SPLIT_SEED,
  VALIDATION_SHARE,
  type EncoderMethod,
  type LocalScorer,
  type LocalSetup,
} from "./local-recipe";
export {
  clearCurrentJob,
  finishedRuns,
  forgetRun,
  idbJobStore,
  loadCurrentJob,
  saveCurrentJob,
  type FinishedRun,
} from "./idb-jobs";
export {
  FEW_SHOT_METHODS,
  heldOutEvaluation,
  HELD_OUT_SHARE,
  HOLD_OUT_SEED,
  holdOutSplit,
  MIN_HAND_LABELS_TO_HOLD_OUT,
  nearestExampleScorer,
  perClassSplit,
  predictFewShot,
  trainFewShot,
  type FewShotMethod,
  type FewShotModel,
} from "./few-shot";
export {
  imageLabeler,
  joinPair,
  requestImage,
  type Embedders,
  type EmbedImages,
  type ImageOutcome,
} from "./image-recipe";
