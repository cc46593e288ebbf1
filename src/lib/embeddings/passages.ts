import type { Corpus } from "../corpora/corpus";

/** A run of whole sentences from one document, short enough for a small encoder. */
export interface Passage {
  /** The passage's text, as the corpus spells it. */
  text: string;
  /** The index of its document (a State of the Union address). */
  document: number;
  /** The document's title, e.g. "Abraham Lincoln, 1862". */
  title: string;
  /** Its tokens are corpus.tokens[start … end). */
  start: number;
  end: number;
}

export interface PassageOptions {
  /** A passage grows sentence by sentence until it has at least this many words (default 40). */
  minWords?: number;
  /** …and stops before a sentence would take it past this many (default 80). */
  maxWords?: number;
}

const WORDLIKE = /[\p{L}\p{N}]/u;
const SENTENCE_END = new Set([".", "?", "!"]);
/** After “.”, these show an abbreviation, not a sentence end: “etc.,”, “esq.;”. */
const CONTINUES = new Set([",", ";", ":", "-"]);
/** Marks that stay with the sentence they close: `."`, `?)`, `..`. */
const CLOSERS = new Set([".", "?", "!", '"', "'", ")", "]", "\u201d", "\u2019", "\u00bb"]);

/**
 * Cuts every document into passages of whole sentences (a sentence ends at
 * “.”, “?” or “!”, with any closing quotes or brackets after it, unless a
 * comma or the like follows, as in “etc.,”), about minWords–maxWords words each: the corpora keep no
 * paragraph breaks, so passages stand in for paragraphs. A single sentence
 * longer than maxWords is a passage of its own; a short tail joins the
 * passage before it. Returns token ranges, cheap to compute for a whole corpus.
 */
export function passageBounds(
  corpus: Pick<Corpus, "tokens" | "vocabulary" | "documents">,
  options: PassageOptions = {},
): { document: number; start: number; end: number }[] {
  const { minWords = 40, maxWords = 80 } = options;
  if (!(minWords >= 1 && maxWords >= minWords))
    throw new RangeError(`need 1 ≤ minWords ≤ maxWords, got ${minWords} and ${maxWords}`);
  const { tokens, vocabulary } = corpus;
  const isWord = vocabulary.map((w) => WORDLIKE.test(w));
  const isEnd = vocabulary.map((w) => SENTENCE_END.has(w));
  const isCloser = vocabulary.map((w) => CLOSERS.has(w));
  const isContinue = vocabulary.map((w) => CONTINUES.has(w));
  const out: { document: number; start: number; end: number }[] = [];
  corpus.documents.forEach((doc, document) => {
    let start = doc.start;
    let words = 0;
    let sentenceStart = doc.start;
    let sentenceWords = 0;
    let pending = false;
    const close = (end: number): void => {
      if (end > start) out.push({ document, start, end });
      start = end;
      words = 0;
    };
    for (let i = doc.start; i < doc.end; i++) {
      const id = tokens[i] as number;
      if (isWord[id]) sentenceWords++;
      // An end mark, then any closers: the sentence ends after the last closer.
      if (isEnd[id]) pending = true;
      else if (!isCloser[id]) pending = false;
      const last = i === doc.end - 1;
      const next = tokens[i + 1] as number;
      if (!last && (!pending || isCloser[next] || isContinue[next])) continue;
      pending = false;
      // A sentence ends at i: keep it in the passage or start a new one with it.
      if (words > 0 && words + sentenceWords > maxWords) close(sentenceStart);
      words += sentenceWords;
      sentenceStart = i + 1;
      sentenceWords = 0;
      if (words >= minWords) close(i + 1);
    }
    if (start < doc.end) {
      const previous = out.at(-1);
      if (previous?.document === document && words < minWords / 2) previous.end = doc.end;
      else close(doc.end);
    }
  });
  return out;
}

/**
 * `count` passages spread evenly over the whole corpus (the i-th of n is
 * passage ⌊(i + ½)·total / n⌋), so every era is represented and the choice
 * needs no seed. All passages when count ≥ their number.
 */
export function samplePassages(
  corpus: Pick<Corpus, "tokens" | "vocabulary" | "documents" | "text">,
  count: number,
  options: PassageOptions = {},
): Passage[] {
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`count must be a positive whole number, got ${count}`);
  const bounds = passageBounds(corpus, options);
  const n = Math.min(count, bounds.length);
  return Array.from({ length: n }, (_, i) => {
    const b = bounds[Math.floor(((i + 0.5) * bounds.length) / n)] as (typeof bounds)[number];
    return {
      text: corpus.text(b.start, b.end),
      document: b.document,
      title: corpus.documents[b.document]?.title ?? "",
      start: b.start,
      end: b.end,
    };
  });
}
