import { GAP_TEXT, type CorpusDocument } from "../corpora/index";
import type { Range } from "./search";
import type { DocumentRef, NgramIndex, Occurrence } from "./types";

/** The document that holds token `position` of the index's corpus. */
export function documentAt(index: NgramIndex, position: number): DocumentRef {
  const at = index.corpus.documentOf(position);
  const doc = index.corpus.documents[at] as CorpusDocument;
  return { corpus: index.name, index: at, title: doc.title, meta: doc.meta };
}

/**
 * The n-gram of `length` tokens at `position`, with up to `width` tokens of
 * its document on either side, in the corpus's original spelling.
 */
export function occurrenceAt(
  index: NgramIndex,
  position: number,
  length: number,
  width: number,
): Occurrence {
  const { corpus } = index;
  const document = documentAt(index, position);
  const doc = corpus.documents[document.index] as CorpusDocument;
  const end = position + length;
  const leftStart = Math.max(doc.start, position - width);
  const rightEnd = Math.min(doc.end, end + width);
  const gapBefore = position > doc.start ? GAP_TEXT[corpus.gap(position)] : "";
  const gapAfter = end < doc.end ? GAP_TEXT[corpus.gap(end)] : "";
  return {
    document,
    position,
    offsetInDocument: position - doc.start,
    left: corpus.text(leftStart, position) + gapBefore,
    match: corpus.text(position, end),
    right: end < rightEnd ? gapAfter + corpus.text(end, rightEnd) : "",
  };
}

/**
 * Up to `limit` corpus positions from a block of ranks, spread evenly over it
 * (so the examples differ in what follows), in corpus order.
 */
export function samplePositions(index: NgramIndex, range: Range, limit: number): number[] {
  const size = range.hi - range.lo;
  const take = Math.min(size, Math.max(0, limit));
  const positions: number[] = [];
  for (let i = 0; i < take; i++) {
    const rank = range.lo + Math.floor(((i + 0.5) * size) / take);
    positions.push(index.sa[rank] as number);
  }
  return positions.sort((a, b) => a - b);
}
