export { parseDataFile, parseDataLine, splitGloss, type Synset, type WordNetPos } from "./wordnet";
export { splitOf, type Split } from "./split";
export { baseForms, findLemma } from "./morph";
export { lexName } from "./lexnames";
export {
  senseExamples,
  sensePairs,
  type PairKind,
  type SenseExample,
  type SensePair,
} from "./benchmark";
export { auc, separation, stratifiedAuc, type Separation } from "./separation";
export { exampleVectors, pairCosines, wordAt } from "./measure";
export {
  bestLayer,
  bestModel,
  type BenchmarkLayer,
  type BenchmarkModel,
  type PolysemyBenchmark,
} from "./report";
export {
  MAX_SENTENCES,
  SenseInputError,
  benchmarkSenses,
  benchmarkWords,
  labelledPairs,
  locateWord,
  measureWord,
  parseLabelledSentences,
  type BenchmarkSense,
  type LabelledSentence,
  type MeasuredPair,
  type WordMeasurement,
} from "./explore";
