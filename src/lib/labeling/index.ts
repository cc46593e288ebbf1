export {
  checkBaseURL,
  createOpenAIEmbeddings,
  DEFAULT_EMBEDDING_MODEL,
  OPENAI_BASE_URL,
  type OpenAIEmbeddingsOptions,
} from "./providers/openai-embeddings";
export { krippendorffAlphaNominal } from "./alpha";
export { defined, undefinedBecause, type Statistic } from "./statistic";
export { majorityVote, parseAnswer } from "./answer";
export { bootstrapInterval, type Interval } from "./bootstrap";
export {
  BUNDLED,
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
export {
  classify as classifyProviderError,
  createOpenAIChat,
  type OpenAIChatOptions,
} from "./openai-chat";
export { createJobsClient, type JobsClient, type PollOptions } from "./openai-jobs";
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
  memoryCache,
  memoryStore,
  parseResultLines,
  type ItemResult,
  type ResponseCache,
  type ResultStore,
} from "./store";
export {
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
export { countChatTokens, countTextTokens, encodingFor, type EncodingName } from "./tokens";
export { datasetFromTable, parseCSV, type ColumnChoice, type Dataset, type Table } from "./table";
export { estimateTaskCost, type TaskEstimate } from "./estimate";
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
