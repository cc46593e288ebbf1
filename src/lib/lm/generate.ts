/**
 * Text from a causal model, one token at a time: temperature, top-k, top-p
 * and a seed, so the same settings give the same text in Node and a browser.
 * Each step records the token's probability under the model and under the
 * distribution actually sampled.
 */
import { LmError } from "./errors";
import type { LanguageModel } from "./language-model";
import { createRandom } from "./random";
import { sampleIndex, samplingDistribution, softmax } from "./sampling";
import { pieceLabel } from "./tokens";
import { fitText } from "./window";

export interface GenerateOptions {
  /** How many tokens to add (1–200). */
  tokens: number;
  /** > 0; 0 always takes the most likely token (greedy). */
  temperature: number;
  /** 0 keeps every token. */
  topK: number;
  /** 0 < p ≤ 1; 1 keeps every token. */
  topP: number;
  seed: number;
}

export interface GeneratedToken {
  id: number;
  label: string;
  /** Probability under the model (temperature 1, no cut-off). */
  probability: number;
  /** Probability in the distribution sampled from (after temperature, top-k, top-p). */
  sampledProbability: number;
}

export interface Generation {
  prompt: string;
  /** The prompt as the tokenizer normalised it, plus the continuation. */
  text: string;
  continuation: string;
  steps: GeneratedToken[];
  /** Why it stopped early: the model chose end-of-text. */
  stoppedAtEnd: boolean;
  truncated: { kept: number; total: number; notice: string } | null;
}

export function checkGenerateOptions(options: GenerateOptions): void {
  const { tokens, temperature, topK, topP, seed } = options;
  if (!Number.isInteger(tokens) || tokens < 1 || tokens > 200)
    throw new LmError("Generate from 1 to 200 tokens.");
  if (!Number.isFinite(temperature) || temperature < 0)
    throw new LmError(
      "The temperature must be a number of 0 or more (0 always takes the most likely token).",
    );
  if (!Number.isInteger(topK) || topK < 0)
    throw new LmError("Top-k must be a whole number of 0 or more (0 keeps every token).");
  if (!(topP > 0 && topP <= 1)) throw new LmError("Top-p must be above 0 and at most 1.");
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff)
    throw new LmError("The seed must be a whole number from 0 to 4294967295.");
}

export async function generate(
  model: LanguageModel,
  prompt: string,
  options: GenerateOptions,
): Promise<Generation> {
  checkGenerateOptions(options);
  if (model.info.kind !== "causal")
    throw new LmError(`${model.info.name} fills in [MASK]; only a causal model generates text.`);
  const fitted = fitText(model, prompt);
  const random = createRandom(options.seed);
  const context = model.info.context;
  let ids = fitted.ids;
  const textIds = ids.slice(fitted.start);
  const added: number[] = [];
  const steps: GeneratedToken[] = [];
  let stoppedAtEnd = false;
  for (let i = 0; i < options.tokens; i++) {
    const window = ids.length > context ? ids.slice(ids.length - context) : ids;
    const forward = await model.forward(window);
    const vocab = forward.logits.length / window.length;
    const logits = forward.logits.subarray((window.length - 1) * vocab, window.length * vocab);
    const distribution = samplingDistribution(logits, options);
    const id = sampleIndex(distribution, random);
    steps.push({
      id,
      label: id === model.eosId ? "(end of text)" : pieceLabel(model.pieces[id] ?? ""),
      probability: softmax(logits)[id] as number,
      sampledProbability: distribution[id] as number,
    });
    if (id === model.eosId) {
      stoppedAtEnd = true;
      break;
    }
    added.push(id);
    ids = [...ids, id];
  }
  const before = model.decode(textIds);
  const text = model.decode([...textIds, ...added]);
  return {
    prompt,
    text,
    continuation: text.startsWith(before) ? text.slice(before.length) : model.decode(added),
    steps,
    stoppedAtEnd,
    truncated: fitted.truncated,
  };
}
