/** The library's operations on our models, and their answers to bad input. */
import { describe, expect, it } from "vitest";
import {
  fillMask,
  generate,
  layerPredictions,
  perplexity,
  predictNext,
  samplingDistribution,
  softmax,
  type GenerateOptions,
} from "@/lib/lm/index";
import { testModel } from "./load";

const OPTIONS: GenerateOptions = { tokens: 12, temperature: 0.9, topK: 40, topP: 0.95, seed: 7 };

describe("predictNext", () => {
  it("gives a distribution over the whole vocabulary, top tokens first", async () => {
    const gpt = await testModel("gpt");
    const p = await predictNext(gpt, "Fellow citizens of the Senate and", 5);
    expect(p.logits).toHaveLength(gpt.info.vocabSize);
    expect(p.top).toHaveLength(5);
    const sum = p.probabilities.reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 9);
    for (let i = 1; i < p.top.length; i++)
      expect(p.top[i]?.probability).toBeLessThanOrEqual(p.top[i - 1]?.probability ?? 1);
    expect(p.tokens[0]).toBe("<|endoftext|>");
    expect(p.truncated).toBeNull();
  });

  it("keeps the last tokens of a text longer than the context and says so", async () => {
    const gpt = await testModel("gpt");
    const long = Array.from({ length: 200 }, (_, i) => `word${i}`).join(" ");
    const p = await predictNext(gpt, long, 3);
    expect(p.tokens).toHaveLength(gpt.info.context);
    expect(p.truncated?.notice).toMatch(/only the last 128 were used/);
    expect(p.tokens.at(-1)).toBe("9"); // …word199 ends in the digit 9
  });

  it("refuses [MASK], empty text and a masked model with clear messages", async () => {
    const gpt = await testModel("gpt");
    const mlm = await testModel("mlm");
    await expect(predictNext(gpt, "John wants his [MASK]")).rejects.toThrow(/no \[MASK\]/);
    await expect(predictNext(gpt, "   ")).rejects.toThrow("Type some text first.");
    await expect(predictNext(mlm, "Call me")).rejects.toThrow(/Use fill/);
    await expect(predictNext(gpt, "Call me", 0)).rejects.toThrow(/--top/);
  });

  it("reads characters outside its vocabulary as bytes, never NaN", async () => {
    const gpt = await testModel("gpt");
    const p = await predictNext(gpt, "🐱☃ Zürich ∑", 3);
    expect(p.top.every((c) => Number.isFinite(c.probability))).toBe(true);
  });
});

describe("fillMask", () => {
  it("scores the one [MASK] (or ___) with both sides in view", async () => {
    const mlm = await testModel("mlm");
    const a = await fillMask(mlm, "John wants his bank to [MASK] the check.", 5);
    const b = await fillMask(mlm, "John wants his bank to ___ the check.", 5);
    expect(a.top.map((c) => c.id)).toEqual(b.top.map((c) => c.id));
    expect(a.tokens[a.position]).toBe("[MASK]");
    // The words after the gap change the guess: a masked model reads both sides.
    const c = await fillMask(mlm, "John wants his bank to [MASK] the river.", 5);
    expect(Array.from(c.probabilities)).not.toEqual(Array.from(a.probabilities));
  });

  it("asks for exactly one [MASK] and refuses the causal model", async () => {
    const mlm = await testModel("mlm");
    const gpt = await testModel("gpt");
    await expect(fillMask(mlm, "no gap here")).rejects.toThrow(/where the missing word goes/);
    await expect(fillMask(mlm, "[MASK] and [MASK]")).rejects.toThrow(/only once \(found 2\)/);
    await expect(fillMask(gpt, "John [MASK] the check")).rejects.toThrow(/has no \[MASK\]/);
  });
});

describe("generate", () => {
  it("repeats with the same seed and differs with another", async () => {
    const gpt = await testModel("gpt");
    const a = await generate(gpt, "The state of the Union", OPTIONS);
    const b = await generate(gpt, "The state of the Union", OPTIONS);
    const c = await generate(gpt, "The state of the Union", { ...OPTIONS, seed: 8 });
    expect(a).toEqual(b);
    expect(c.steps.map((s) => s.id)).not.toEqual(a.steps.map((s) => s.id));
    expect(a.text.startsWith("The state of the Union")).toBe(true);
    expect(a.text).toBe(a.text.slice(0, a.text.length - a.continuation.length) + a.continuation);
  });

  it("at temperature 0 takes the most likely token each step (as predictNext ranks it)", async () => {
    const gpt = await testModel("gpt");
    const g = await generate(gpt, "Call me", { ...OPTIONS, temperature: 0, tokens: 4 });
    let text = "Call me";
    for (const step of g.steps) {
      const p = await predictNext(gpt, text, 1);
      expect(step.id).toBe(p.top[0]?.id);
      expect(step.sampledProbability).toBe(1);
      text = gpt.decode([...gpt.encode(text), step.id]);
    }
  });

  it("records each token's probability under the model and under the cut-off distribution", async () => {
    const gpt = await testModel("gpt");
    const g = await generate(gpt, "Call me", { ...OPTIONS, tokens: 3 });
    let ids = gpt.contextIds("Call me").ids;
    for (const step of g.steps) {
      const { logits } = await gpt.forward(ids);
      const last = logits.subarray(logits.length - gpt.info.vocabSize);
      expect(step.probability).toBeCloseTo(softmax(last)[step.id] as number, 12);
      expect(step.sampledProbability).toBeCloseTo(
        samplingDistribution(last, OPTIONS)[step.id] as number,
        12,
      );
      ids = [...ids, step.id];
    }
  });

  it("refuses bad settings with clear messages", async () => {
    const gpt = await testModel("gpt");
    const bad: [Partial<GenerateOptions>, RegExp][] = [
      [{ temperature: -1 }, /temperature must be a number of 0 or more/],
      [{ temperature: Number.NaN }, /temperature/],
      [{ topP: 0 }, /Top-p must be above 0 and at most 1/],
      [{ topP: 1.5 }, /Top-p/],
      [{ topK: -2 }, /Top-k/],
      [{ tokens: 0 }, /from 1 to 200/],
      [{ seed: 1.5 }, /seed/],
    ];
    for (const [change, message] of bad)
      await expect(generate(gpt, "Call me", { ...OPTIONS, ...change })).rejects.toThrow(message);
    const mlm = await testModel("mlm");
    await expect(generate(mlm, "Call me", OPTIONS)).rejects.toThrow(
      /only a causal model generates/,
    );
  });
});

describe("perplexity", () => {
  it("scores every token once, also across windows, and divides by tokens and words", async () => {
    const gpt = await testModel("gpt");
    const text = Array.from({ length: 60 }, () => "We the people of the United States").join(" ");
    const p = await perplexity(gpt, text);
    expect(p.tokens).toBe(gpt.encode(text).length);
    expect(p.tokens).toBeGreaterThan(gpt.info.context); // several windows
    expect(p.words).toBe(420);
    expect(p.nllPerWord).toBeCloseTo(p.nll / 420, 12);
    expect(p.perplexityPerToken).toBeCloseTo(Math.exp(p.nll / p.tokens), 6);
    // A text repeated 60 times is easy once seen: far below a single copy's per-token loss.
    const once = await perplexity(gpt, "We the people of the United States");
    expect(p.nllPerToken).toBeLessThan(once.nllPerToken);
  });

  it("equals the sum of -log p over a short text computed token by token", async () => {
    const gpt = await testModel("gpt");
    const text = "Call me Ishmael.";
    const p = await perplexity(gpt, text);
    const { ids } = gpt.contextIds(text);
    const { logits } = await gpt.forward(ids);
    const vocab = gpt.info.vocabSize;
    let nll = 0;
    for (let i = 1; i < ids.length; i++)
      nll -= Math.log(
        softmax(logits.subarray((i - 1) * vocab, i * vocab))[ids[i] as number] as number,
      );
    expect(p.nll).toBeCloseTo(nll, 6);
  });

  it("is a pseudo-likelihood for the masked model and refuses empty text", async () => {
    const mlm = await testModel("mlm");
    const p = await perplexity(mlm, "Call me Ishmael.");
    expect(p.method).toBe("pseudo");
    expect(p.tokens).toBe(mlm.encode("Call me Ishmael.").length);
    expect(Number.isFinite(p.nll)).toBe(true);
    await expect(perplexity(mlm, "")).rejects.toThrow(/empty/);
  });
});

describe("layerPredictions", () => {
  it("gives the top tokens after every layer; the last layer is the model's prediction", async () => {
    const gpt = await testModel("gpt");
    const text = "Fellow citizens of the Senate and";
    const lens = await layerPredictions(gpt, text, 3);
    expect(lens.layers).toEqual(["embedding", "layer 1", "layer 2", "layer 3", "layer 4"]);
    expect(lens.grid).toHaveLength(lens.tokens.length);
    const next = await predictNext(gpt, text, 3);
    const last = lens.grid.at(-1)?.at(-1) ?? [];
    expect(last.map((c) => c.id)).toEqual(next.top.map((c) => c.id));
    last.forEach((c, i) => {
      expect(c.probability).toBeCloseTo(next.top[i]?.probability ?? 0, 4);
    });
  });
});
