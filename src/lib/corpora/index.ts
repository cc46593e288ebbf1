export { buildCorpus, TOKENIZATION, type SourceDocument } from "./build";
export { foldCase, loadCorpus, type Corpus } from "./corpus";
export {
  CorpusFormatError,
  decodeCorpus,
  encodeCorpus,
  packGaps,
  SEPARATOR,
  type CorpusData,
  type CorpusDocument,
  type CorpusHeader,
} from "./format";
export {
  parseSpamSample,
  SpamSampleError,
  type SpamLabel,
  type SpamMessage,
  type SpamSample,
} from "./spam";
export { detokenize, GAP_TEXT, tokenize, type Gap, type Token } from "./tokenize";
