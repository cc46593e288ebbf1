/**
 * Embeddings computed ahead of time (at build time, by the same model the
 * browser runs) and stored compactly, so a page need not embed a bundled
 * corpus before its first search.
 *
 * File layout: the 4 bytes "LLSE", a little-endian uint32 n, n bytes of JSON
 * (the header below), zero padding to a multiple of 4 bytes, then
 * count × dims float16 numbers (little-endian, row-major), one row per text.
 */
import { fromFloat16Bits, toFloat16Bits } from "./float16";
import { toMatrix, type EmbeddingMatrix } from "./matrix";

const MAGIC = "LLSE";

/** Which stored text a row is: its token range in the corpus and a hash of its text. */
export interface StoredPassage {
  start: number;
  end: number;
  /** textHash(text). */
  hash: string;
}

export interface StoredHeader {
  format: 1;
  /** The provider's id, e.g. "use-lite". */
  model: string;
  dims: number;
  count: number;
  encoding: "float16";
  /** textsHash of all the texts, in row order. */
  textsHash: string;
  passages: StoredPassage[];
  /** Rows whose text was longer than the model takes (only its beginning was embedded). */
  truncated: number[];
}

export interface StoredEmbeddings {
  header: StoredHeader;
  /** The rows, normalised to length 1. */
  matrix: EmbeddingMatrix;
}

/** FNV-1a (32 bits) of the text's UTF-16 code units, as 8 hex digits. */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** One hash for a list of texts in order (textHash of them joined by newlines). */
export function textsHash(texts: readonly string[]): string {
  return textHash(texts.join("\n"));
}

export interface StoreInput {
  model: string;
  passages: readonly { start: number; end: number; text: string }[];
  /** One vector per passage, all of one length. */
  vectors: readonly ArrayLike<number>[];
  truncated?: readonly number[];
}

/** Packs passages and their vectors into the file format above. */
export function encodeStoredEmbeddings(input: StoreInput): Uint8Array {
  const { passages, vectors } = input;
  if (passages.length !== vectors.length)
    throw new RangeError(`${passages.length} passages but ${vectors.length} vectors`);
  const matrix = toMatrix(vectors);
  const header: StoredHeader = {
    format: 1,
    model: input.model,
    dims: matrix.dims,
    count: matrix.count,
    encoding: "float16",
    textsHash: textsHash(passages.map((p) => p.text)),
    passages: passages.map((p) => ({ start: p.start, end: p.end, hash: textHash(p.text) })),
    truncated: [...(input.truncated ?? [])],
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const offset = Math.ceil((8 + json.length) / 4) * 4;
  const bytes = new Uint8Array(offset + 2 * matrix.data.length);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(4, json.length, true);
  bytes.set(json, 8);
  matrix.data.forEach((v, i) => {
    view.setUint16(offset + 2 * i, toFloat16Bits(v), true);
  });
  return bytes;
}

/** Reads the file format above; throws a RangeError on anything else. */
export function decodeStoredEmbeddings(buffer: ArrayBuffer | Uint8Array): StoredEmbeddings {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC)
    throw new RangeError("not a stored-embeddings file");
  const length = view.getUint32(4, true);
  if (8 + length > bytes.length) throw new RangeError("stored-embeddings header is cut off");
  const raw = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length))) as Record<
    string,
    unknown
  >;
  if (raw["format"] !== 1 || raw["encoding"] !== "float16")
    throw new RangeError(`unknown stored-embeddings format ${String(raw["format"])}`);
  const header = raw as unknown as StoredHeader;
  const offset = Math.ceil((8 + length) / 4) * 4;
  const n = header.count * header.dims;
  if (offset + 2 * n !== bytes.length || header.passages.length !== header.count)
    throw new RangeError("stored-embeddings file has the wrong size for its header");
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = fromFloat16Bits(view.getUint16(offset + 2 * i, true));
  const rows = Array.from({ length: header.count }, (_, r) =>
    data.subarray(r * header.dims, (r + 1) * header.dims),
  );
  return { header, matrix: toMatrix(rows) };
}

export interface StoredMatch {
  /** The stored vector of each passage, or null where the file has no matching row. */
  vectors: (Float32Array | null)[];
  /** The passages with no matching row (to embed now). */
  missing: number[];
  /** Matched passages whose text was cut to the model's length. */
  truncated: number;
}

/**
 * Pairs passages with stored rows: a row matches a passage with the same token
 * range and the same text hash, so a stale file (another corpus build) can
 * never lend a vector to a different text.
 */
export function matchStored(
  stored: StoredEmbeddings,
  passages: readonly { start: number; end: number; text: string }[],
): StoredMatch {
  const byStart = new Map(stored.header.passages.map((p, row) => [p.start, row]));
  const cut = new Set(stored.header.truncated);
  const { dims, data } = stored.matrix;
  const missing: number[] = [];
  let truncated = 0;
  const vectors = passages.map((p, i) => {
    const row = byStart.get(p.start);
    const entry = row === undefined ? undefined : stored.header.passages[row];
    if (row === undefined || entry?.end !== p.end || entry.hash !== textHash(p.text)) {
      missing.push(i);
      return null;
    }
    if (cut.has(row)) truncated++;
    return data.subarray(row * dims, (row + 1) * dims);
  });
  return { vectors, missing, truncated };
}
