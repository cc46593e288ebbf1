/**
 * What lesson 02 says in words about the shipped models, checked against the
 * figures it prints (computed at build time). If a retrained model changes a
 * figure, the number in the lesson follows by itself; if it changes a claim,
 * this test fails and the prose must be rewritten.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ContextView } from "@/lib/encoder/index";
import type { PolysemyBenchmark } from "@/lib/senses/index";
import { pick } from "@/widgets/SenseExplorer/figures";

const benchmark = JSON.parse(
  readFileSync("public/generated/precomputed/polysemy.json", "utf8"),
) as PolysemyBenchmark;
const contexts = JSON.parse(
  readFileSync("public/generated/precomputed/contexts.json", "utf8"),
) as Record<string, ContextView>;
const lesson = readFileSync("content/lessons/02-contextual-embeddings/index.mdx", "utf8");

const last = (id: string): number[][] => contexts[id]?.similarity.at(-1) ?? [];
const includesZero = (i: { low: number; high: number }): boolean => i.low <= 0 && i.high >= 0;

describe("lesson 02's claims", () => {
  it("bank: the two money sentences are closer than money and river", () => {
    const m = last("bank");
    expect(m[0]?.[2]).toBeGreaterThan(m[0]?.[1] ?? 1);
  });

  it("magazine: the model gets it backwards (object–publisher above object–object)", () => {
    expect(lesson).toContain("On this example the model gets it backwards");
    const m = last("magazine");
    expect(m[0]?.[1]).toBeGreaterThan(m[0]?.[2] ?? 1);
  });

  it("quotes WordNet examples of two senses and of one sense of “direct” from the benchmark", () => {
    const synset = (text: string): string | undefined =>
      benchmark.examples.find((e) => e.text === text && e.word.startsWith("direct|"))?.synset;
    const sunlight = synset("in direct sunlight");
    expect(sunlight).toBeDefined();
    expect(synset("a direct descendant of the king")).not.toBe(sunlight);
    expect(synset("direct exposure to the disease")).toBe(sunlight);
  });

  it("the best model's interval only just clears chance; no shipped model comes near BERT-large's 65.5 %", () => {
    const best = pick(benchmark);
    expect(best.model.id).toBe("use-lite");
    expect(best.separation.auc.low).toBeGreaterThan(0.5);
    expect(best.separation.auc.low).toBeLessThan(0.55);
    for (const m of benchmark.models)
      for (const l of m.layers) expect(l.separation.auc.estimate).toBeLessThan(0.62);
  });

  it("position alone already scores above 50 %, within noise of chance", () => {
    const position = pick(benchmark, "best", "position");
    expect(position.label).toBe("+ position (layer input)");
    expect(position.separation.auc.estimate).toBeGreaterThan(0.5);
    expect(position.separation.auc.low).toBeLessThan(0.5);
  });

  it("homonyms vs polysemy at the last layer: USE-lite and GPT within noise, the masked LM leaning the slides' way", () => {
    expect(includesZero(pick(benchmark, "use-lite", "last").separation.relatedMinusDistant)).toBe(
      true,
    );
    expect(includesZero(pick(benchmark, "gpt", "last").separation.relatedMinusDistant)).toBe(true);
    expect(pick(benchmark, "mlm", "last").separation.relatedMinusDistant.low).toBeGreaterThan(0);
  });

  it("static vectors score exactly chance", () => {
    const glove = pick(benchmark, "glove");
    expect(glove.separation.auc.estimate).toBe(0.5);
    expect(glove.model.contextual).toBe(false);
  });
});
