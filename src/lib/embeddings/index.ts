export { embedInBatches, type EmbedBatch } from "./batches";
export {
  classifyByDescription,
  checkLabels,
  type Classification,
  type LabelDefinition,
} from "./classify";
export { summarizeClusters, type ClusterSummary } from "./clusters";
export { corpusMap, type CorpusMap } from "./corpus-map";
export {
  EMBEDDING_PRICES,
  estimateCost,
  formatDollars,
  loadCl100kCounter,
  type CostEstimate,
  type CountTokens,
} from "./cost";
export { distinctiveWords, wordsOf, type KeywordOptions } from "./keywords";
export { kmeans, type KMeansOptions, type KMeansResult, type Points } from "./kmeans";
export { parseLines, type PastedItems } from "./lines";
export {
  createLocalProvider,
  type EncodeTexts,
  type LocalProviderOptions,
  type SentenceEncoding,
} from "./local-provider";
export { rowOf, rows, toMatrix, unit, type EmbeddingMatrix } from "./matrix";
export { meanSimilarities, outliers, type OutlierScore } from "./outliers";
export { passageBounds, samplePassages, type Passage, type PassageOptions } from "./passages";
export { search, type Hit } from "./search";
export {
  EmbeddingError,
  type EmbeddingProvider,
  type EmbedOptions,
  type EmbedResult,
} from "./types";
export {
  bestCosines,
  spread,
  weakMatchCalibration,
  type Spread,
  type WeakMatchCalibration,
} from "./calibration";
export { fromFloat16Bits, toFloat16Bits } from "./float16";
export {
  SOTU_EMBEDDINGS_MANIFEST,
  SOTU_SIZES,
  sotuEmbeddingsFile,
  type SotuEmbeddingsManifest,
} from "./precomputed-sotu";
export {
  decodeStoredEmbeddings,
  encodeStoredEmbeddings,
  matchStored,
  textHash,
  textsHash,
  type StoredEmbeddings,
  type StoredHeader,
  type StoredMatch,
  type StoredPassage,
  type StoreInput,
} from "./stored";
