export { buildIndex } from "./build";
export { count, countSymbols, type NgramCount } from "./count";
export { NgramError } from "./errors";
export { infiniGram, type BackoffStep, type InfiniGramPrediction } from "./infini-gram";
export { keywordInContext, type KeywordInContext } from "./kwic";
export { nextTokenDistribution, type NextToken, type NextTokenDistribution } from "./next-token";
export { documentAt, occurrenceAt, samplePositions } from "./occurrences";
export { asTokens, queryTokens, symbols } from "./query";
export { suffixArray } from "./sa-is";
export { findRange, longestPrefix, type Range } from "./search";
export {
  trace,
  TRACE_MAX_CHARS,
  type TraceOptions,
  type TraceResult,
  type TraceSpan,
} from "./trace";
export {
  DOCUMENT_END,
  UNKNOWN,
  type DocumentRef,
  type NgramIndex,
  type Occurrence,
  type QueryToken,
} from "./types";
export { createNgramClient, type NgramClient, type NgramWorkerLike } from "./client";
export type {
  CorpusInfo,
  CorpusSource,
  NgramAnswers,
  NgramLoadProgress,
  NgramQuery,
} from "./protocol";
export { copiedSpan, type Copied } from "./copy";
