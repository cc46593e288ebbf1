/**
 * Our int8 language models (onnx/model_quantized.onnx and lens_quantized.bin,
 * asset step "quantize") against their fp32 originals as the second method:
 * next-token and fill-in distributions, held-out perplexity, the logit lens.
 * (own-models.test.ts checks the int8 attention: causal mask, rows sum to 1.)
 */
import { describe, expect, it } from "vitest";
import {
  fillMask,
  layerPredictions,
  perplexity,
  predictNext,
  type LanguageModel,
  type Prediction,
} from "@/lib/lm/index";
import { lmData, testModel } from "./load";

const PROMPTS = [
  "John wants his bank to cash the",
  "Fellow citizens of the Senate and",
  "Call me Ishmael. Some years ago",
  "The river bank was muddy after the",
  "Click here to claim your FREE",
  "🐱☃ Zürich ∑",
];
const MASKED = [
  "John wants his bank to [MASK] the check.",
  "The [MASK] of the United States shall be vested in a President.",
  "Call me [MASK].",
  "lol [MASK] 🤷",
];

/** Total variation and KL(fp32 ‖ q8) between two distributions. */
function distance(p: Prediction, q: Prediction): { tv: number; kl: number } {
  let tv = 0;
  let kl = 0;
  p.probabilities.forEach((pi, i) => {
    const qi = q.probabilities[i] ?? 0;
    tv += Math.abs(pi - qi) / 2;
    if (pi > 0) kl += pi * Math.log(pi / qi);
  });
  return { tv, kl };
}

function expectClose(fp32: Prediction, q8: Prediction, text: string): void {
  const { tv, kl } = distance(fp32, q8);
  expect(tv, text).toBeLessThan(0.05);
  expect(kl, text).toBeLessThan(0.005);
  // The same most likely token, unless fp32's first two are a near tie (within 0.01).
  const [first, second] = fp32.top;
  if ((first?.probability ?? 0) - (second?.probability ?? 0) > 0.01)
    expect(q8.top[0]?.id, text).toBe(first?.id);
}

describe.each(["gpt", "gpt-step-400", "gpt-step-40", "gpt-step-0"])(
  "%s: int8 against fp32",
  (name) => {
    it.each(PROMPTS)(
      "predicts the token after “%s” with TV < 0.05, KL < 0.005, the same top-1",
      async (text) => {
        const [q8, fp32] = await Promise.all([testModel(name, "q8"), testModel(name, "fp32")]);
        expect(q8.info.dtype).toBe("q8");
        expectClose(await predictNext(fp32, text, 2), await predictNext(q8, text, 2), text);
      },
    );
  },
);

describe("mlm: int8 against fp32", () => {
  it.each(MASKED)("fills “%s” with TV < 0.05, KL < 0.005, the same top-1", async (text) => {
    const [q8, fp32] = await Promise.all([testModel("mlm", "q8"), testModel("mlm", "fp32")]);
    expectClose(await fillMask(fp32, text, 2), await fillMask(q8, text, 2), text);
  });
});

describe("the int8 GPT's held-out perplexity", () => {
  const { documents } = lmData("eval-texts.json") as { documents: { text: string }[] };
  const sample = documents.filter((_, i) => i % 10 === 0);

  async function nll(model: LanguageModel): Promise<number> {
    let total = 0;
    for (const { text } of sample) total += (await perplexity(model, text)).nll;
    return total;
  }

  it("is within 1 % of fp32's (in nats over a tenth of the held-out documents)", async () => {
    const [q8, fp32] = await Promise.all([testModel("gpt", "q8"), testModel("gpt", "fp32")]);
    const [a, b] = await Promise.all([nll(q8), nll(fp32)]);
    expect(Math.abs(a - b) / b).toBeLessThan(0.01);
  }, 120_000);
});

describe("the int8 GPT's logit lens", () => {
  it("gives fp32's top token after every layer for “John wants his bank to cash the”", async () => {
    const [q8, fp32] = await Promise.all([testModel("gpt", "q8"), testModel("gpt", "fp32")]);
    const text = "John wants his bank to cash the";
    const [a, b] = await Promise.all([
      layerPredictions(q8, text, 1),
      layerPredictions(fp32, text, 1),
    ]);
    expect(a.layers).toEqual(b.layers);
    const top = (p: typeof a): (number | undefined)[] =>
      p.grid.flatMap((row) => row.map((cell) => cell[0]?.id));
    const agree = top(a).filter((id, i) => id === top(b)[i]).length;
    expect(agree / top(b).length).toBeGreaterThanOrEqual(0.9);
  });
});
