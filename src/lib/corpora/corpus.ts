import { decodeCorpus, type CorpusDocument } from "./format";
import { GAP_TEXT, type Gap } from "./tokenize";

/** A tokenised corpus, loaded from its file (format.ts). */
export interface Corpus {
  name: string;
  /** Where the text comes from and its licence. */
  source: string;
  /** Surface forms by id; vocabulary[0] is "" (the document separator). */
  vocabulary: readonly string[];
  /** The token stream: each document's ids, then the separator 0. */
  tokens: Uint16Array | Uint32Array;
  documents: readonly CorpusDocument[];
  /** The white space before token i (0 none, 1 space, 2 line break, 3 blank line). */
  gap(i: number): Gap;
  /** The text of tokens [start, end): surface forms joined by their gaps (no leading gap). */
  text(start: number, end: number): string;
  /** The index of the document that holds token i (its separator included). */
  documentOf(i: number): number;
}

/** Loads a corpus file from its bytes; the caller fetches or reads the file. */
export function loadCorpus(source: ArrayBuffer | Uint8Array): Corpus {
  const { header, tokens, gaps } = decodeCorpus(source);
  const { vocabulary, documents } = header;
  const gap = (i: number): Gap => (((gaps[i >> 2] ?? 0) >> (2 * (i & 3))) & 3) as Gap;
  return {
    name: header.name,
    source: header.source,
    vocabulary,
    tokens,
    documents,
    gap,
    text(start, end) {
      if (start < 0 || end > tokens.length || start > end)
        throw new RangeError(`tokens ${start}…${end} are not within 0…${tokens.length}`);
      const parts: string[] = [];
      for (let i = start; i < end; i++)
        parts.push((i === start ? "" : GAP_TEXT[gap(i)]) + (vocabulary[tokens[i] as number] ?? ""));
      return parts.join("");
    },
    documentOf(i) {
      if (i < 0 || i >= tokens.length)
        throw new RangeError(`token ${i} is not within 0…${tokens.length}`);
      let [low, high] = [0, documents.length - 1];
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if ((documents[mid] as CorpusDocument).start <= i) low = mid;
        else high = mid - 1;
      }
      return low;
    },
  };
}

/**
 * Case-folded ids for counting: `ids[surfaceId]` is the id of the lower-cased
 * form in `vocabulary` (whose entry 0 is still the separator "").
 */
export function foldCase(corpus: Pick<Corpus, "vocabulary">): {
  vocabulary: string[];
  ids: Uint32Array;
} {
  const vocabulary: string[] = [];
  const index = new Map<string, number>();
  const ids = Uint32Array.from(corpus.vocabulary, (surface) => {
    const folded = surface.toLowerCase();
    let id = index.get(folded);
    if (id === undefined) {
      id = vocabulary.push(folded) - 1;
      index.set(folded, id);
    }
    return id;
  });
  return { vocabulary, ids };
}
