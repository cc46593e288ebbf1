import { encodeCorpus, packGaps, SEPARATOR, type CorpusDocument } from "./format";
import { tokenize, type Gap } from "./tokenize";

/** A document before tokenisation. */
export interface SourceDocument {
  title: string;
  meta: CorpusDocument["meta"];
  text: string;
}

export const TOKENIZATION =
  "Letters, marks and digits with inner ' ’ - . joining runs; any other non-space character alone; " +
  "original case; the white space before each token as none, space, line break or blank line.";

/**
 * Tokenises documents into a corpus file (format.ts): ids by descending
 * frequency (ties in code-point order), each document followed by SEPARATOR.
 */
export function buildCorpus(
  name: string,
  source: string,
  documents: readonly SourceDocument[],
): Uint8Array {
  const tokenized = documents.map((d) => tokenize(d.text));
  const counts = new Map<string, number>();
  for (const tokens of tokenized)
    for (const t of tokens) counts.set(t.text, (counts.get(t.text) ?? 0) + 1);
  const vocabulary = [
    "",
    ...[...counts.keys()].sort(
      (a, b) =>
        (counts.get(b) as number) - (counts.get(a) as number) || (a < b ? -1 : a > b ? 1 : 0),
    ),
  ];
  const ids = new Map(vocabulary.map((w, i) => [w, i]));
  const total = tokenized.reduce((sum, tokens) => sum + tokens.length + 1, 0);
  const stream = new Uint32Array(total);
  const gaps: Gap[] = [];
  const docs: CorpusDocument[] = [];
  let at = 0;
  documents.forEach((d, i) => {
    const tokens = tokenized[i] ?? [];
    const start = at;
    for (const t of tokens) {
      stream[at++] = ids.get(t.text) as number;
      gaps.push(t.gap);
    }
    docs.push({ title: d.title, start, end: at, meta: d.meta });
    stream[at++] = SEPARATOR;
    gaps.push(0);
  });
  return encodeCorpus(
    { name, source, tokenization: TOKENIZATION, vocabulary, documents: docs },
    stream,
    packGaps(gaps),
  );
}
