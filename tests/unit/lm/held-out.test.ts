/**
 * Held-out figures, measured here with the site's runtime on the text
 * scripts/train/baselines.py scored in one run with PyTorch and a Kneser–Ney
 * 5-gram on the same training split (data/lm/eval-texts.json, baselines.json).
 */
import { describe, expect, it } from "vitest";
import { checkpointId, perplexity, type LanguageModel, type TrainingRecord } from "@/lib/lm/index";
import { lmData, testModel } from "./load";

interface Baselines {
  tokens: number;
  words: number;
  kneser_ney_5gram: { perplexityPerWord: number };
  gpt: { nll: number; perplexityPerWord: number };
  gpt_checkpoints: { step: number; nll: number; nllPerToken: number }[];
}

const baselines = lmData("baselines.json") as Baselines;
const texts = (lmData("eval-texts.json") as { documents: { text: string }[] }).documents;

async function total(model: LanguageModel) {
  let nll = 0;
  let tokens = 0;
  let words = 0;
  for (const { text } of texts) {
    const p = await perplexity(model, text);
    nll += p.nll;
    tokens += p.tokens;
    words += p.words;
  }
  return { nll, tokens, words };
}

describe("held-out perplexity", () => {
  it("of the GPT equals PyTorch's on the same text, and is at most 0.7 × the 5-gram's per word", async () => {
    const gpt = await testModel("gpt");
    const { nll, tokens, words } = await total(gpt);
    expect(tokens).toBe(baselines.tokens);
    expect(words).toBe(baselines.words);
    expect(Math.abs(nll - baselines.gpt.nll) / baselines.gpt.nll).toBeLessThan(1e-4);
    const perWord = Math.exp(nll / words);
    expect(perWord).toBeLessThanOrEqual(0.7 * baselines.kneser_ney_5gram.perplexityPerWord);
  }, 120_000);

  it("falls from the first checkpoint to the last", async () => {
    const record = lmData("gpt/training.json") as TrainingRecord;
    const steps = record.checkpoints.map((c) => c.step);
    expect(steps.length).toBeGreaterThanOrEqual(4);
    // The first three documents of each source keep this quick; PyTorch's full figures must fall too.
    const sample = texts.filter((_, i) => i % 10 < 3);
    const losses: number[] = [];
    for (const step of steps) {
      const model = await testModel(step === record.meta.steps ? "gpt" : checkpointId(step));
      let nll = 0;
      let tokens = 0;
      for (const { text } of sample) {
        const p = await perplexity(model, text);
        nll += p.nll;
        tokens += p.tokens;
      }
      losses.push(nll / tokens);
    }
    for (let i = 1; i < losses.length; i++) expect(losses[i]).toBeLessThan(losses[i - 1] as number);
    const python = baselines.gpt_checkpoints.map((c) => c.nllPerToken);
    for (let i = 1; i < python.length; i++) expect(python[i]).toBeLessThan(python[i - 1] as number);
    // The untrained model is about uniform over the 4,096 tokens.
    expect(losses[0]).toBeCloseTo(Math.log(4096), 0);
  }, 120_000);
});
