import type { Corpus, CorpusDocument } from "../corpora/index";

/**
 * A suffix-array index over one corpus, for counting: tokens are case-folded
 * (corpora's foldCase), so "The" and "the" count together; surface forms are
 * kept for display.
 *
 * Symbols: 0 is the sentinel after the last token, 1 ends a document, and a
 * token's symbol is its folded id + 1 (≥ 2).
 */
export interface NgramIndex {
  /** The corpus name, e.g. "sotu". */
  readonly name: string;
  readonly corpus: Corpus;
  /** The symbol of every token of the corpus (separators 1), then the sentinel 0. */
  readonly text: Int32Array;
  /** Suffix array of `text`: suffix starts in lexicographic order (the sentinel's first). */
  readonly sa: Int32Array;
  /** The folded form of each symbol ("" for 0 and 1). */
  readonly forms: readonly string[];
  /** The most frequent surface form of each symbol, for display ("States" for "states"). */
  readonly display: readonly string[];
  /** Folded form → symbol. */
  readonly symbolOf: ReadonlyMap<string, number>;
  /** How often each symbol occurs. */
  readonly unigrams: Uint32Array;
  /** Tokens in the corpus, separators not counted. */
  readonly tokenCount: number;
  /** How long building the index took, in milliseconds. */
  readonly buildMs: number;
}

/** The symbol of a token the corpus does not have: it matches nothing. */
export const UNKNOWN = -1;
/** The symbol that ends each document. */
export const DOCUMENT_END = 1;

/** Where a document sits, for linking a match to it. */
export interface DocumentRef {
  /** The corpus name, e.g. "sotu". */
  corpus: string;
  /** Index in the corpus's document list. */
  index: number;
  /** "George Washington, 1790" or "Chapter 1. Loomings." */
  title: string;
  meta: CorpusDocument["meta"];
}

/** One occurrence of an n-gram, with the text around it. */
export interface Occurrence {
  document: DocumentRef;
  /** Token offset of the match in its corpus. */
  position: number;
  /** Token offset of the match within its document. */
  offsetInDocument: number;
  /** Surface text before the match, including the white space that precedes it. */
  left: string;
  /** The match as written in the corpus. */
  match: string;
  /** Surface text after the match, including the white space that precedes it. */
  right: string;
}

/** A query after tokenisation, with each token's place in the query text. */
export interface QueryToken {
  /** The token as written. */
  text: string;
  /** Lower-cased, as counted. */
  folded: string;
  start: number;
  end: number;
}
