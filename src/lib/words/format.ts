/**
 * The static word-vectors file (`data/glove-50k-100d.bin`, served as
 * `/generated/words/glove-50k-100d.bin`). One file, one fetch, little-endian:
 *
 * | offset      | size      | content                                                        |
 * | ----------- | --------- | -------------------------------------------------------------- |
 * | 0           | 8         | magic, the ASCII bytes `LLMLABWV`                              |
 * | 8           | 4 (u32)   | format version, 1                                              |
 * | 12          | 4 (u32)   | N, the number of words                                         |
 * | 16          | 4 (u32)   | D, the number of dimensions                                    |
 * | 20          | 4 (u32)   | V, the byte length of the vocabulary                           |
 * | 24          | V         | the words, UTF-8, joined by "\n", most frequent first          |
 * | 24 + V      | 0–3       | zero padding to a multiple of 4                                |
 * | S           | 4·N (f32) | one scale per word                                             |
 * | S + 4·N     | N·D (i8)  | components, word-major: component j of word i is at i·D + j    |
 *
 * Component j of word i is `int8[i·D + j] × scale[i]` (symmetric per-word
 * int8 quantization: scale = max |x| / 127, so every word keeps 8 bits of
 * resolution whatever its norm).
 */

export const MAGIC = "LLMLABWV";
export const VERSION = 1;
const HEADER_BYTES = 24;

/** The decoded contents of a word-vectors file. */
export interface QuantizedVectors {
  /** The words, most frequent first. */
  words: string[];
  dims: number;
  /** One scale per word. */
  scales: Float32Array;
  /** words.length × dims int8 components, word-major. */
  data: Int8Array;
}

export class VectorsFormatError extends Error {
  override name = "VectorsFormatError";
}

function padTo4(n: number): number {
  return (n + 3) & ~3;
}

function asBytes(source: ArrayBuffer | Uint8Array): Uint8Array {
  return source instanceof Uint8Array ? source : new Uint8Array(source);
}

/** Quantizes float vectors (word-major, `dims` per word) to int8 with one scale per word. */
export function quantize(
  floats: ArrayLike<number>,
  dims: number,
): { scales: Float32Array; data: Int8Array } {
  const count = floats.length / dims;
  if (!Number.isInteger(count)) throw new RangeError("floats.length must be a multiple of dims");
  const scales = new Float32Array(count);
  const data = new Int8Array(floats.length);
  for (let i = 0; i < count; i++) {
    let max = 0;
    for (let j = 0; j < dims; j++) max = Math.max(max, Math.abs(floats[i * dims + j] as number));
    const scale = Math.fround(max / 127);
    scales[i] = scale;
    if (scale === 0) continue;
    for (let j = 0; j < dims; j++)
      data[i * dims + j] = Math.round((floats[i * dims + j] as number) / scale);
  }
  return { scales, data };
}

/** Writes the file described above. */
export function encodeVectors(vectors: QuantizedVectors): Uint8Array {
  const { words, dims, scales, data } = vectors;
  if (words.some((w) => w === "" || w.includes("\n")))
    throw new VectorsFormatError("words must be non-empty and contain no newline");
  if (scales.length !== words.length || data.length !== words.length * dims)
    throw new VectorsFormatError("scales and data must match words.length × dims");
  const vocab = new TextEncoder().encode(words.join("\n"));
  const scalesAt = HEADER_BYTES + padTo4(vocab.length);
  const dataAt = scalesAt + 4 * words.length;
  const bytes = new Uint8Array(dataAt + data.length);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(8, VERSION, true);
  view.setUint32(12, words.length, true);
  view.setUint32(16, dims, true);
  view.setUint32(20, vocab.length, true);
  bytes.set(vocab, HEADER_BYTES);
  scales.forEach((s, i) => {
    view.setFloat32(scalesAt + 4 * i, s, true);
  });
  bytes.set(new Uint8Array(data.buffer, data.byteOffset, data.length), dataAt);
  return bytes;
}

/** Reads the file described above; throws VectorsFormatError on anything else. */
export function decodeVectors(source: ArrayBuffer | Uint8Array): QuantizedVectors {
  const bytes = asBytes(source);
  if (bytes.length < HEADER_BYTES)
    throw new VectorsFormatError(`not a word-vectors file: only ${bytes.length} bytes`);
  const magic = new TextDecoder().decode(bytes.subarray(0, 8));
  if (magic !== MAGIC)
    throw new VectorsFormatError(`not a word-vectors file (magic “${magic}”, want ${MAGIC})`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== VERSION)
    throw new VectorsFormatError(`word-vectors format version ${version}, want ${VERSION}`);
  const count = view.getUint32(12, true);
  const dims = view.getUint32(16, true);
  const vocabBytes = view.getUint32(20, true);
  const scalesAt = HEADER_BYTES + padTo4(vocabBytes);
  const dataAt = scalesAt + 4 * count;
  if (bytes.length !== dataAt + count * dims)
    throw new VectorsFormatError(
      `word-vectors file has ${bytes.length} bytes, the header implies ${dataAt + count * dims}`,
    );
  const text = new TextDecoder().decode(bytes.subarray(HEADER_BYTES, HEADER_BYTES + vocabBytes));
  const words = count === 0 ? [] : text.split("\n");
  if (words.length !== count)
    throw new VectorsFormatError(`vocabulary has ${words.length} words, header says ${count}`);
  const scales = new Float32Array(count);
  for (let i = 0; i < count; i++) scales[i] = view.getFloat32(scalesAt + 4 * i, true);
  const data = new Int8Array(bytes.buffer, bytes.byteOffset + dataAt, count * dims).slice();
  return { words, dims, scales, data };
}
