/**
 * The shipped polysemy benchmark (public/generated/precomputed/polysemy.json,
 * asset step "polysemy") against the models themselves: a sample of its
 * cosines recomputed from single-sentence encodings (the step encodes in
 * batches), its separation figures recomputed from its cosines, and its
 * default the best contextual model and layer.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadEncoder } from "@/lib/encoder/index";
import {
  bestModel,
  exampleVectors,
  separation,
  type PolysemyBenchmark,
  type SenseExample,
} from "@/lib/senses/index";
import { cosine } from "@/lib/vectors/cosine";
import { MODELS_DIR } from "../encoder/load";

const benchmark = JSON.parse(
  readFileSync("public/generated/precomputed/polysemy.json", "utf8"),
) as PolysemyBenchmark;

function example(i: number): SenseExample {
  const e = benchmark.examples[i];
  if (!e) throw new Error(`no example ${i}`);
  const form = e.text.slice(e.start, e.end);
  const [lemma = "", pos = "n"] = e.word.split("|");
  return {
    ...e,
    lemma,
    pos: pos as SenseExample["pos"],
    form,
    chars: { start: e.start, end: e.end },
    category: benchmark.senses[e.synset]?.category ?? "",
    definition: "",
    split: "test",
  };
}

describe("the shipped polysemy benchmark", () => {
  it("covers every offline model ContextLens offers and GloVe", () => {
    expect(benchmark.models.map((m) => m.id)).toEqual(["use-lite", "gpt", "mlm", "glove"]);
    for (const m of benchmark.models)
      for (const row of m.cosines) expect(row).toHaveLength(benchmark.pairs.length);
  });

  it.each(["use-lite", "gpt", "mlm"])(
    "has %s's cosines: 12 sampled pairs recomputed one sentence at a time",
    async (id) => {
      const model = benchmark.models.find((m) => m.id === id);
      const encoder = await loadEncoder({ model: id, localModelPath: MODELS_DIR });
      const step = Math.floor(benchmark.pairs.length / 12);
      for (let k = 0; k < 12; k++) {
        const pair = benchmark.pairs[k * step];
        if (!pair) continue;
        const [va, vb] = await Promise.all(
          [pair.a, pair.b].map(async (i) =>
            exampleVectors(await encoder.encode(example(i).text), example(i)),
          ),
        );
        va?.forEach((v, layer) => {
          const stored = model?.cosines[layer]?.[k * step];
          expect(stored).not.toBeNull();
          expect(cosine(v, vb?.[layer] ?? [])).toBeCloseTo(stored as number, 3);
        });
      }
    },
    60_000,
  );

  it("has separation figures that follow from its cosines", () => {
    for (const m of benchmark.models)
      m.layers.forEach((layer, l) => {
        const keep = (m.cosines[l] ?? []).map((c) => c !== null);
        const s = separation(
          benchmark.pairs
            .map((p) => ({ ...p, word: benchmark.examples[p.a]?.word ?? "" }))
            .filter((_, i) => keep[i]),
          (m.cosines[l] ?? []).filter((c): c is number => c !== null),
          { resamples: 50, seed: benchmark.seed },
        );
        // The step scores the cosines it stores (6 decimals): the same numbers.
        expect(s.auc.estimate).toBeCloseTo(layer.separation.auc.estimate, 9);
        expect(s.relatedMinusDistant.estimate).toBeCloseTo(
          layer.separation.relatedMinusDistant.estimate,
          3,
        );
        expect(s.pairs).toEqual(layer.separation.pairs);
      });
  });

  it("makes the best contextual model and layer the default; static vectors sit at chance", () => {
    expect(bestModel(benchmark.models)).toEqual(benchmark.best);
    const best = benchmark.models.find((m) => m.id === benchmark.best.model);
    const top = best?.layers[benchmark.best.layer]?.separation.auc.estimate ?? NaN;
    for (const m of benchmark.models.filter((x) => x.contextual))
      for (const l of m.layers) expect(l.separation.auc.estimate).toBeLessThanOrEqual(top);
    for (const m of benchmark.models) {
      // The token embedding layer (and GloVe) gives one vector per form: every pair ties.
      expect(m.layers[0]?.separation.auc.estimate).toBe(0.5);
      expect(m.layers[0]?.separation.auc.low).toBe(0.5);
    }
  });
});
