import { describe, expect, it } from "vitest";
import {
  decodeVectors,
  encodeVectors,
  quantize,
  VectorsFormatError,
  type QuantizedVectors,
} from "@/lib/words/index";

const floats = [0.5, -1.27, 0.01, 2.54, 0, -2.54, 0, 0, 0];

function sample(): QuantizedVectors {
  return { words: ["zebra", "naïve", "u.s."], dims: 3, ...quantize(floats, 3) };
}

describe("quantize(floats, dims)", () => {
  it("scales each word so that its largest component is ±127", () => {
    const { scales, data } = quantize(floats, 3);
    expect(Array.from(scales)).toEqual([Math.fround(1.27 / 127), Math.fround(2.54 / 127), 0]);
    expect(Array.from(data)).toEqual([50, -127, 1, 127, 0, -127, 0, 0, 0]);
  });

  it("keeps every component within half a step of the float value", () => {
    const { scales, data } = quantize(floats, 3);
    floats.forEach((x, i) => {
      const scale = scales[Math.floor(i / 3)] as number;
      expect(Math.abs((data[i] as number) * scale - x)).toBeLessThanOrEqual(scale / 2 + 1e-9);
    });
  });

  it("rejects a length that is not a multiple of dims", () => {
    expect(() => quantize([1, 2, 3, 4], 3)).toThrow(RangeError);
  });
});

describe("encodeVectors / decodeVectors", () => {
  it("round-trips words (UTF-8), scales and components", () => {
    const original = sample();
    const bytes = encodeVectors(original);
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe("LLMLABWV");
    const decoded = decodeVectors(bytes);
    expect(decoded.words).toEqual(original.words);
    expect(decoded.dims).toBe(3);
    expect(decoded.scales).toEqual(original.scales);
    expect(decoded.data).toEqual(original.data);
  });

  it("reads from an ArrayBuffer and from a Uint8Array that is a view into a larger buffer", () => {
    const bytes = encodeVectors(sample());
    const padded = new Uint8Array(bytes.length + 7);
    padded.set(bytes, 5);
    expect(decodeVectors(padded.subarray(5, 5 + bytes.length)).words).toEqual(sample().words);
    expect(decodeVectors(bytes.slice().buffer).words).toEqual(sample().words);
  });

  it("rejects other files, other versions and truncated files with a message", () => {
    const bytes = encodeVectors(sample());
    expect(() => decodeVectors(new TextEncoder().encode("<!doctype html><html>…</html>"))).toThrow(
      /not a word-vectors file/,
    );
    const future = bytes.slice();
    new DataView(future.buffer).setUint32(8, 2, true);
    expect(() => decodeVectors(future)).toThrow(/version 2/);
    expect(() => decodeVectors(bytes.subarray(0, bytes.length - 1))).toThrow(VectorsFormatError);
  });

  it("refuses words with a newline and mismatched arrays", () => {
    expect(() => encodeVectors({ ...sample(), words: ["a\nb", "c", "d"] })).toThrow(/newline/);
    expect(() => encodeVectors({ ...sample(), words: ["a", "b"] })).toThrow(/match/);
  });
});
