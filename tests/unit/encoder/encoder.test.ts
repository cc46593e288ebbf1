import { beforeAll, describe, expect, it } from "vitest";
import { EncoderError, type Encoder, type Encoding } from "@/lib/encoder/index";
import { cosine } from "@/lib/vectors/index";
import { testEncoder } from "./load";

let encoder: Encoder;
beforeAll(async () => {
  encoder = await testEncoder();
}, 60_000);

/** The mean of a word's token vectors at one layer (here every test word is one token). */
function wordVector(e: Encoding, word: string, layer: number | "input"): Float32Array {
  const found = e.words.find((w) => w.text === word);
  if (!found) throw new Error(`no word ${word} in ${e.text}`);
  const t = layer === "input" ? e.tokenEmbeddings : e.hiddenStates[layer];
  if (!t) throw new Error(`no layer ${layer}`);
  const out = new Float32Array(t.dim);
  for (let i = found.tokens.start; i < found.tokens.end; i++)
    for (let d = 0; d < t.dim; d++) out[d] = (out[d] ?? 0) + (t.data[i * t.dim + d] ?? 0);
  return out;
}

describe("loadEncoder (offline default)", () => {
  it("describes the model: 2 layers, 4 heads, 128 tokens, offline, int8 weights", () => {
    expect(encoder.info).toMatchObject({
      id: "use-lite",
      layers: 2,
      heads: 4,
      maxLength: 128,
      offline: true,
      tokenStyle: "metaspace",
      dtype: "q8",
    });
  });
});

describe("encode: contextual vs static", () => {
  let cash: Encoding;
  let river: Encoding;
  let deposit: Encoding;
  beforeAll(async () => {
    [cash, river, deposit] = (await encoder.encode([
      "John went to the bank to withdraw cash.",
      "He sat on the river bank.",
      "She deposited money at the bank.",
    ])) as [Encoding, Encoding, Encoding];
  });

  it("makes 'bank' (cash vs river) less similar than 'bank' (cash vs deposit) at the last layer: 0.76 vs 0.91", async () => {
    const last = encoder.info.layers;
    const different = cosine(wordVector(cash, "bank", last), wordVector(river, "bank", last));
    const same = cosine(wordVector(cash, "bank", last), wordVector(deposit, "bank", last));
    expect(different).toBeLessThan(same);
    // 0.76 and 0.91 were measured on the fp32 conversion; the int8 model keeps them within 0.01.
    expect(Math.abs(different - 0.76)).toBeLessThan(0.01);
    expect(Math.abs(same - 0.91)).toBeLessThan(0.01);
    const fp32 = await (await testEncoder("fp32")).encode([cash.text, river.text, deposit.text]);
    const [c, r, d] = fp32 as [Encoding, Encoding, Encoding];
    expect(cosine(wordVector(c, "bank", last), wordVector(r, "bank", last))).toBeCloseTo(0.76, 2);
    expect(cosine(wordVector(c, "bank", last), wordVector(d, "bank", last))).toBeCloseTo(0.91, 2);
  });

  it("gives the same token the identical input embedding in every context", () => {
    const a = wordVector(cash, "bank", "input");
    expect([...wordVector(river, "bank", "input")]).toEqual([...a]);
    expect([...wordVector(deposit, "bank", "input")]).toEqual([...a]);
  });

  it("returns word spans that point at the word's tokens and characters", () => {
    const bank = cash.words.find((w) => w.text === "bank");
    expect(bank?.chars).toEqual({ start: 17, end: 21 });
    expect(cash.text.slice(bank?.chars.start, bank?.chars.end)).toBe("bank");
    expect(cash.tokens.slice(bank?.tokens.start, bank?.tokens.end)).toEqual(["bank"]);
  });
});

describe("encode: attention", () => {
  it("has shape [layers][heads][S][S] and every row sums to 1 ± 1e-5", async () => {
    const e = await encoder.encode("John wants his bank to cash the check.");
    const S = e.tokenIds.length;
    expect(e.attentions).toHaveLength(2);
    for (const layer of e.attentions) {
      expect(layer.heads).toBe(4);
      expect(layer.seq).toBe(S);
      expect(layer.data).toHaveLength(4 * S * S);
      for (let row = 0; row < 4 * S; row++) {
        const sum = layer.data.subarray(row * S, (row + 1) * S).reduce((a, b) => a + b, 0);
        expect(Math.abs(sum - 1)).toBeLessThan(1e-5);
      }
    }
  });

  it("excludes padding: a short text in a batch with a long one has the same attention alone", async () => {
    const short = "He sat on the river bank.";
    const [batched] = await encoder.encode([
      short,
      "A much longer sentence that forces the short one to be padded a lot.",
    ]);
    const alone = await encoder.encode(short);
    const a = batched?.attentions[1]?.data ?? new Float32Array();
    const b = alone.attentions[1]?.data ?? new Float32Array();
    expect(a.length).toBe(b.length);
    expect(Math.max(...a.map((x, i) => Math.abs(x - (b[i] ?? 0))))).toBeLessThan(1e-5);
  });
});

describe("encode: bad input", () => {
  it.each([[""], ["   "], ["\n\t"]])("rejects empty text %j with a clear message", async (text) => {
    await expect(encoder.encode(text)).rejects.toThrow(EncoderError);
    await expect(encoder.encode(text)).rejects.toThrow("Type some text to encode.");
  });

  it("names the empty text in a batch", async () => {
    await expect(encoder.encode(["fine", ""])).rejects.toThrow("Text 2 is empty");
  });

  it("truncates text beyond 128 tokens and says so", async () => {
    const e = await encoder.encode("word ".repeat(300));
    expect(e.tokenIds).toHaveLength(128);
    expect(e.truncated?.notice).toMatch(/limit of 128 tokens/);
    expect(e.attentions[0]?.seq).toBe(128);
  });

  it("keeps emoji and non-Latin scripts as (unknown) tokens with their own characters", async () => {
    const e = await encoder.encode("🐱 東京 Héllo!");
    expect(e.words.map((w) => w.text)).toEqual(["🐱", "東京", "Héllo", "!"]);
    expect(e.tokens).toContain("🐱");
    expect(e.tokens).toContain("東京");
    expect(e.sentenceEmbedding?.every(Number.isFinite)).toBe(true);
  });

  it("returns an empty list for an empty batch", async () => {
    await expect(encoder.encode([])).resolves.toEqual([]);
  });
});
