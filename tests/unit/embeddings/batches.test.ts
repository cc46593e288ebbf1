import { describe, expect, it } from "vitest";
import { embedInBatches } from "@/lib/embeddings/index";

const fake = async (texts: string[]) => {
  await Promise.resolve();
  return { vectors: texts.map((t) => Float32Array.of(t.length, 1)), truncated: 0 };
};

describe("embedInBatches(texts, batchSize, embedBatch, options)", () => {
  it("embeds in order, batch by batch, and reports progress after each", async () => {
    const texts = Array.from({ length: 7 }, (_, i) => "x".repeat(i + 1));
    const sizes: number[] = [];
    const progress: string[] = [];
    const result = await embedInBatches(
      texts,
      3,
      (batch) => {
        sizes.push(batch.length);
        return fake(batch);
      },
      { onProgress: (done, total) => progress.push(`${done}/${total}`) },
    );
    expect(sizes).toEqual([3, 3, 1]);
    expect(progress).toEqual(["0/7", "3/7", "6/7", "7/7"]);
    expect(result.vectors.map((v) => v[0])).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("stops between batches when aborted", async () => {
    const controller = new AbortController();
    const run = embedInBatches(
      ["a", "b", "c"],
      1,
      async (batch) => {
        controller.abort();
        return fake(batch);
      },
      { signal: controller.signal },
    );
    await expect(run).rejects.toThrow("Stopped after 1 of 3 texts.");
  });

  it("rejects a provider that returns the wrong number or size of vectors", async () => {
    await expect(
      embedInBatches(["a", "b"], 2, () =>
        Promise.resolve({ vectors: [Float32Array.of(1)], truncated: 0 }),
      ),
    ).rejects.toThrow("Asked for 2 vectors, got 1.");
    await expect(
      embedInBatches(["a", "b"], 1, (batch) =>
        Promise.resolve({ vectors: [new Float32Array(batch[0] === "a" ? 2 : 3)], truncated: 0 }),
      ),
    ).rejects.toThrow("Got a vector of 3 numbers, want 2.");
    await expect(embedInBatches(["a"], 0, fake)).rejects.toThrow("batchSize");
  });
});
