import { describe, expect, it } from "vitest";
import { createLocalProvider, search, toMatrix } from "@/lib/embeddings/index";
import { testEncoder } from "../encoder/load";

const TEXTS = [
  "The army fought a long war against the rebels.",
  "Taxes on imported goods brought revenue to the Treasury.",
  "Our soldiers and sailors defended the nation in battle.",
  "The harvest was plentiful and the farmers prospered.",
  "Schools and teachers prepare our children for the future.",
];

describe("createLocalProvider(encode)", () => {
  it("returns the encoder's sentence embeddings, in order, batch by batch", async () => {
    const encoder = await testEncoder();
    const progress: number[] = [];
    const provider = createLocalProvider((texts) => encoder.encode(texts), { batchSize: 2 });
    const { vectors, truncated } = await provider.embed(TEXTS, {
      onProgress: (done) => progress.push(done),
    });
    expect(progress).toEqual([0, 2, 4, 5]);
    expect(truncated).toBe(0);
    const direct = await encoder.encode(TEXTS);
    vectors.forEach((v, i) => {
      expect(v).toHaveLength(512);
      const reference = direct[i]?.sentenceEmbedding ?? new Float32Array();
      // Batches of 2 pad differently from one batch of 5: equal up to float noise.
      for (let j = 0; j < 512; j += 64) expect(v[j]).toBeCloseTo(reference[j] as number, 4);
    });
  });

  it("makes a search for a war query rank the two military sentences first", async () => {
    const encoder = await testEncoder();
    const provider = createLocalProvider((texts) => encoder.encode(texts));
    const { vectors } = await provider.embed(TEXTS);
    const [query] = (await provider.embed(["war and the military"])).vectors;
    const top = search(toMatrix(vectors), query ?? [], 2).map((h) => h.index);
    expect(top.sort()).toEqual([0, 2]);
  });

  it("counts texts cut to the model's 128 tokens", async () => {
    const encoder = await testEncoder();
    const provider = createLocalProvider((texts) => encoder.encode(texts));
    const long = Array.from({ length: 300 }, (_, i) => `word${i}`).join(" ");
    expect((await provider.embed(["short", long])).truncated).toBe(1);
  });

  it("explains a model without a sentence embedding", async () => {
    const provider = createLocalProvider(() =>
      Promise.resolve([{ sentenceEmbedding: null, truncated: null }]),
    );
    await expect(provider.embed(["x"])).rejects.toThrow("no sentence embedding");
  });
});
