import { describe, expect, it } from "vitest";
import {
  CorpusFormatError,
  decodeCorpus,
  encodeCorpus,
  packGaps,
  type CorpusHeader,
} from "@/lib/corpora/index";

const header: Omit<CorpusHeader, "idBytes" | "tokenCount"> = {
  name: "tiny",
  source: "a test",
  tokenization: "by hand",
  vocabulary: ["", "whale", "."],
  documents: [{ title: "One", start: 0, end: 2, meta: { chapter: 1 } }],
};

describe("packGaps(gaps)", () => {
  it("packs four 2-bit gaps per byte, first token in the low bits", () => {
    expect(Array.from(packGaps([1, 2, 3, 0, 1]))).toEqual([0b00111001, 0b01]);
  });
});

describe("encodeCorpus / decodeCorpus", () => {
  it("round-trips the header, u16 token ids and gaps", () => {
    const bytes = encodeCorpus(header, [1, 2, 0], packGaps([0, 0, 0]));
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe("LLMLABCO");
    const { header: read, tokens, gaps } = decodeCorpus(bytes);
    expect(read).toEqual({ ...header, idBytes: 2, tokenCount: 3 });
    expect(tokens).toBeInstanceOf(Uint16Array);
    expect(Array.from(tokens)).toEqual([1, 2, 0]);
    expect(Array.from(gaps)).toEqual([0]);
  });

  it("switches to u32 ids when the vocabulary outgrows 65,536 entries", () => {
    const vocabulary = ["", ...Array.from({ length: 70_000 }, (_, i) => `w${i}`)];
    const bytes = encodeCorpus({ ...header, vocabulary }, [70_000, 0], packGaps([0, 0]));
    const { tokens } = decodeCorpus(bytes.slice().buffer);
    expect(tokens).toBeInstanceOf(Uint32Array);
    expect(Array.from(tokens)).toEqual([70_000, 0]);
  });

  it("rejects other files, other versions, truncated files and bad ids", () => {
    const bytes = encodeCorpus(header, [1, 0], packGaps([0, 0]));
    expect(() => decodeCorpus(new TextEncoder().encode("LLMLABWV and more bytes"))).toThrow(
      /not a corpus file/,
    );
    const future = bytes.slice();
    new DataView(future.buffer).setUint32(8, 9, true);
    expect(() => decodeCorpus(future)).toThrow(/version 9/);
    expect(() => decodeCorpus(bytes.subarray(0, bytes.length - 1))).toThrow(CorpusFormatError);
    expect(() => encodeCorpus(header, [3], packGaps([0]))).toThrow(/token id 3 out of range/);
  });
});
