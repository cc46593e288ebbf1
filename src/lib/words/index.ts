export {
  decodeVectors,
  encodeVectors,
  quantize,
  VectorsFormatError,
  type QuantizedVectors,
} from "./format";
export { suggestWords, UnknownWordError } from "./suggest";
export { topKByDot, type Scored } from "./top-k";
export { loadWordVectors, normalizeWord, type WordVectors } from "./word-vectors";
