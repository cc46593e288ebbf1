/** Plain data the encoder returns: typed arrays and records, never library objects. */
import type { ModelDtype } from "./precision";

export type { ModelDtype } from "./precision";

/** Hidden states of one layer for one text: `seq` rows of `dim` numbers, row-major. */
export interface LayerTensor {
  data: Float32Array;
  seq: number;
  dim: number;
}

/** Attention of one layer for one text: [heads][query][key], row-major; rows sum to 1. */
export interface AttentionTensor {
  data: Float32Array;
  heads: number;
  seq: number;
}

/** A token span, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface Word {
  text: string;
  /** Character offsets into `Encoding.text`. */
  chars: Span;
  /** The tokens that make this word. */
  tokens: Span;
}

export interface Encoding {
  /** The text as the model saw it (Unicode NFKC, truncated when too long). */
  text: string;
  /** Display form of each token ("▁bank" → "bank"; word-piece markers removed). */
  tokens: string[];
  /** Raw vocabulary pieces, e.g. "▁bank". */
  pieces: string[];
  tokenIds: number[];
  /** Character offsets of each token in `text` (empty spans for special tokens). */
  offsets: Span[];
  words: Word[];
  /** The embedding-table row of each token (no position, no context). */
  tokenEmbeddings: LayerTensor;
  /** hiddenStates[0] is the input of the first layer; hiddenStates[i] is layer i's output. */
  hiddenStates: LayerTensor[];
  /** attentions[l] is layer l's attention (l from 0). */
  attentions: AttentionTensor[];
  /** L2-normalised sentence vector, or null when the model has none. */
  sentenceEmbedding: Float32Array | null;
  /** Set when the text was cut to the model's length limit. */
  truncated: { keptTokens: number; notice: string } | null;
}

export interface EncoderInfo {
  /** "use-lite" for the offline default, or a hub id such as "Xenova/bert-base-uncased". */
  id: string;
  name: string;
  layers: number;
  heads: number;
  maxLength: number;
  /** How word pieces are marked, for display and word spans. */
  tokenStyle: "metaspace" | "wordpiece" | "byte-level";
  offline: boolean;
  /** The weights loaded. */
  dtype: ModelDtype;
}

export interface LoadProgress {
  /** The file being loaded, e.g. "onnx/model.onnx". */
  file: string;
  /** 0–1 of that file, when known. */
  fraction: number | null;
  status: "initiate" | "download" | "progress" | "done" | "ready";
}

export class EncoderError extends Error {
  override name = "EncoderError";
}
