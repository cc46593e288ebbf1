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
  kneser_ney_5gram: { nll: number; perplexityPerWord: number };
  gpt: { nll: number; perplexityPerWord: number };
  gpt_checkpoints: { step: number; nll: number; nllPerToken: number }[];
  by_source: Record<string, { tokens: number; kn_nllPerToken: number; gpt_nllPerToken: number }>;
  ratio_gpt_to_5gram: number;
}

const baselines = lmData("baselines.json") as Baselines;
const documents = (lmData("eval-texts.json") as { documents: { source: string; text: string }[] })
  .documents;
const texts = documents;

async function total(model: LanguageModel, chosen = texts) {
  let nll = 0;
  let tokens = 0;
  let words = 0;
  for (const { text } of chosen) {
    const p = await perplexity(model, text);
    nll += p.nll;
    tokens += p.tokens;
    words += p.words;
  }
  return { nll, tokens, words };
}

describe("held-out perplexity", () => {
  it("of the GPT (fp32 weights) equals PyTorch's on the same text, in all and by source", async () => {
    const gpt = await testModel("gpt", "fp32");
    const { nll, tokens, words } = await total(gpt);
    expect(tokens).toBe(baselines.tokens);
    expect(words).toBe(baselines.words);
    expect(Math.abs(nll - baselines.gpt.nll) / baselines.gpt.nll).toBeLessThan(1e-4);
    // The ratio to the 5-gram reported by the bench and the note, from this run's GPT figure.
    expect(Math.exp((nll - baselines.kneser_ney_5gram.nll) / words)).toBeCloseTo(
      baselines.ratio_gpt_to_5gram,
      3,
    );
    for (const [source, figures] of Object.entries(baselines.by_source)) {
      const mine = await total(
        gpt,
        documents.filter((d) => d.source === source),
      );
      expect(mine.tokens).toBe(figures.tokens);
      expect(mine.nll / mine.tokens).toBeCloseTo(figures.gpt_nllPerToken, 4);
    }
  }, 180_000);

  it("is close to the Kneser–Ney 5-gram's on prose and glosses, far above it on the e-mails it memorised", () => {
    // What the lesson and the note say: the 1.3M-parameter GPT does not beat a 5-gram trained on
    // the same 8.5M tokens (the target was 0.7 × the 5-gram); it comes within 0.2 nats per
    // token on Moby Dick, the State of the Union and WordNet, while the 5-gram wins on the
    // SpamAssassin e-mails, whose test split repeats training messages nearly word for word.
    const { by_source: s } = baselines;
    for (const source of ["moby-dick", "sotu", "wordnet"]) {
      const f = s[source];
      expect(f, source).toBeDefined();
      expect(Math.abs((f?.gpt_nllPerToken ?? 0) - (f?.kn_nllPerToken ?? 0))).toBeLessThan(0.2);
    }
    const mail = s["spam-assassin"];
    expect((mail?.gpt_nllPerToken ?? 0) - (mail?.kn_nllPerToken ?? 0)).toBeGreaterThan(1);
  });

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
