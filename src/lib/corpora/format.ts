import type { Gap } from "./tokenize";

/**
 * A tokenised corpus file (`/generated/corpora/<name>.bin`), little-endian:
 *
 * | offset  | size             | content                                                      |
 * | ------- | ---------------- | ------------------------------------------------------------ |
 * | 0       | 8                | magic, the ASCII bytes `LLMLABCO`                            |
 * | 8       | 4 (u32)          | format version, 1                                            |
 * | 12      | 4 (u32)          | H, the byte length of the header                             |
 * | 16      | H                | the header, UTF-8 JSON: CorpusHeader                         |
 * | 16 + H  | 0–3              | zero padding to a multiple of 4                              |
 * | T       | T·idBytes        | token ids, u16 when the vocabulary fits, else u32            |
 * | …       | ⌈tokens / 4⌉     | gaps, 2 bits per token: token i in byte i >> 2, bits 2·(i & 3) |
 *
 * The token stream is every document's tokens followed by the separator id 0
 * (vocabulary[0] is ""), so no n-gram spans two documents. Ids count from 1
 * by descending frequency. The ids are case-sensitive surface forms.
 */

export const CORPUS_MAGIC = "LLMLABCO";
export const CORPUS_VERSION = 1;
/** The id that ends every document in the token stream. */
export const SEPARATOR = 0;

/** One document: its tokens are tokens[start … end), followed by SEPARATOR at `end`. */
export interface CorpusDocument {
  /** What a reader sees, e.g. "George Washington, 1790" or "Chapter 1. Loomings.". */
  title: string;
  start: number;
  end: number;
  /** Per-corpus metadata, e.g. { president, year, party } or { chapter, heading }. */
  meta: Record<string, string | number | null>;
}

export interface CorpusHeader {
  /** Short name, e.g. "sotu". */
  name: string;
  /** Where the text comes from and its licence. */
  source: string;
  /** How the text was tokenised (the rules in tokenize.ts). */
  tokenization: string;
  idBytes: 2 | 4;
  tokenCount: number;
  vocabulary: string[];
  documents: CorpusDocument[];
}

export interface CorpusData {
  header: CorpusHeader;
  tokens: Uint16Array | Uint32Array;
  /** 2 bits per token (see the table above). */
  gaps: Uint8Array;
}

export class CorpusFormatError extends Error {
  override name = "CorpusFormatError";
}

const pad4 = (n: number): number => (n + 3) & ~3;

/** Packs one Gap per token into 2 bits each. */
export function packGaps(gaps: readonly Gap[]): Uint8Array {
  const packed = new Uint8Array(Math.ceil(gaps.length / 4));
  gaps.forEach((gap, i) => {
    packed[i >> 2] = (packed[i >> 2] as number) | (gap << (2 * (i & 3)));
  });
  return packed;
}

/** Writes the file described above from the header (idBytes and tokenCount are filled in). */
export function encodeCorpus(
  header: Omit<CorpusHeader, "idBytes" | "tokenCount">,
  tokens: ArrayLike<number>,
  gaps: Uint8Array,
): Uint8Array {
  const idBytes = header.vocabulary.length <= 0x10000 ? 2 : 4;
  const full: CorpusHeader = { ...header, idBytes, tokenCount: tokens.length };
  const json = new TextEncoder().encode(JSON.stringify(full));
  const tokensAt = pad4(16 + json.length);
  const gapsAt = tokensAt + tokens.length * idBytes;
  if (gaps.length !== Math.ceil(tokens.length / 4))
    throw new CorpusFormatError("gaps must hold 2 bits for every token");
  const bytes = new Uint8Array(gapsAt + gaps.length);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(CORPUS_MAGIC), 0);
  view.setUint32(8, CORPUS_VERSION, true);
  view.setUint32(12, json.length, true);
  bytes.set(json, 16);
  for (let i = 0; i < tokens.length; i++) {
    const id = tokens[i] as number;
    if (id >= header.vocabulary.length) throw new CorpusFormatError(`token id ${id} out of range`);
    if (idBytes === 2) view.setUint16(tokensAt + 2 * i, id, true);
    else view.setUint32(tokensAt + 4 * i, id, true);
  }
  bytes.set(gaps, gapsAt);
  return bytes;
}

/** Reads the file described above; throws CorpusFormatError on anything else. */
export function decodeCorpus(source: ArrayBuffer | Uint8Array): CorpusData {
  const bytes = source instanceof Uint8Array ? source : new Uint8Array(source);
  const magic = new TextDecoder().decode(bytes.subarray(0, 8));
  if (bytes.length < 16 || magic !== CORPUS_MAGIC)
    throw new CorpusFormatError(`not a corpus file (magic “${magic}”, want ${CORPUS_MAGIC})`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== CORPUS_VERSION)
    throw new CorpusFormatError(`corpus format version ${version}, want ${CORPUS_VERSION}`);
  const headerBytes = view.getUint32(12, true);
  let header: CorpusHeader;
  try {
    header = JSON.parse(
      new TextDecoder().decode(bytes.subarray(16, 16 + headerBytes)),
    ) as CorpusHeader;
  } catch {
    throw new CorpusFormatError("the corpus header is not valid JSON");
  }
  const { idBytes, tokenCount } = header;
  const tokensAt = pad4(16 + headerBytes);
  const gapsAt = tokensAt + tokenCount * idBytes;
  if (bytes.length !== gapsAt + Math.ceil(tokenCount / 4))
    throw new CorpusFormatError(
      `corpus file has ${bytes.length} bytes, the header implies ${gapsAt + Math.ceil(tokenCount / 4)}`,
    );
  const tokens = idBytes === 2 ? new Uint16Array(tokenCount) : new Uint32Array(tokenCount);
  for (let i = 0; i < tokenCount; i++)
    tokens[i] =
      idBytes === 2
        ? view.getUint16(tokensAt + 2 * i, true)
        : view.getUint32(tokensAt + 4 * i, true);
  return { header, tokens, gaps: bytes.slice(gapsAt) };
}
