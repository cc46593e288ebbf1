/**
 * The int8 encoder the site serves (onnx/model_quantized.onnx, asset step
 * "quantize") against its fp32 original as the second method: sentence
 * embeddings, the lesson's context presets, the polysemy benchmark it ships,
 * attention, and the local labeling methods on SpamAssassin.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  CONTEXT_PRESETS,
  contextView,
  loadEncoder,
  type Encoder,
  type Encoding,
  type ModelDtype,
} from "@/lib/encoder/index";
import { BUNDLED, type EmbedTexts } from "@/lib/labeling/index";
import { labelBundledLocally, nodeEmbedder } from "@/lib/labeling/node";
import {
  bestLayer,
  exampleVectors,
  pairCosines,
  separation,
  type PolysemyBenchmark,
} from "@/lib/senses/index";
import { cosine } from "@/lib/vectors/index";
import { MODELS_DIR, testEncoder } from "./load";

/** Ordinary prose and the odd things learners type. */
const SENTENCES = [
  "John went to the bank to withdraw cash.",
  "He sat on the river bank and watched the boats.",
  "The magazine published a long article about the election.",
  "lol idk 🤷 whatevs!!! 😂😂",
  "Das ist ein Satz auf Deutsch, mit Umlauten: schön, Größe.",
  "東京は日本の首都です。",
  "the the the the the the the the",
  "42",
  "?",
  "ALL CAPS SHOUTING ABOUT THE TAX BILL",
  "https://example.com/path?q=1&lang=en",
  "for (let i = 0; i < n; i++) { sum += x[i]; }",
  "Colorless green ideas sleep furiously.",
  "Quantum chromodynamics describes the strong interaction between quarks and gluons.",
  `${"The committee met again and again. ".repeat(30)}Then it adjourned.`,
];

let q8: Encoder;
let fp32: Encoder;
beforeAll(async () => {
  [q8, fp32] = await Promise.all([testEncoder("q8"), testEncoder("fp32")]);
}, 60_000);

describe("the int8 encoder against fp32", () => {
  it("is the served default and a quarter of the bytes", () => {
    expect(q8.info.dtype).toBe("q8");
    expect(fp32.info.dtype).toBe("fp32");
    const size = (file: string): number =>
      readFileSync(`${MODELS_DIR}use-lite/onnx/${file}`).length;
    expect(size("model_quantized.onnx")).toBeLessThan(size("model.onnx") * 0.27);
  });

  it("gives every sentence (prose, emoji, other scripts, code, one character, a truncated text) a sentence embedding with cosine ≥ 0.99", async () => {
    const [a, b] = await Promise.all([q8.encode(SENTENCES), fp32.encode(SENTENCES)]);
    const cosines = a.map((e, i) =>
      cosine(e.sentenceEmbedding ?? [], b[i]?.sentenceEmbedding ?? []),
    );
    for (const [i, c] of cosines.entries()) expect(c, SENTENCES[i]).toBeGreaterThanOrEqual(0.99);
    expect(a.at(-1)?.truncated).not.toBeNull();
  });

  it("keeps attention a distribution: every row sums to 1 within 1e-5", async () => {
    for (const e of await q8.encode(SENTENCES.slice(0, 5)))
      for (const layer of e.attentions)
        for (let r = 0; r < layer.heads * layer.seq; r++) {
          let sum = 0;
          for (let k = 0; k < layer.seq; k++) sum += layer.data[r * layer.seq + k] as number;
          expect(Math.abs(sum - 1)).toBeLessThan(1e-5);
        }
  });

  it.each(CONTEXT_PRESETS.map((p) => [p.id, p] as const))(
    "gives the %s preset's similarity figures within 0.01 of fp32's (the lesson shows 2 decimals)",
    async (_, preset) => {
      const [a, b] = await Promise.all(
        [q8, fp32].map(async (e) => contextView(await e.encode(preset.sentences), preset.target)),
      );
      let worst = 0;
      for (const [l, matrix] of (a?.similarity ?? []).entries())
        for (const [i, row] of matrix.entries())
          for (const [j, v] of row.entries())
            worst = Math.max(worst, Math.abs(v - (b?.similarity[l]?.[i]?.[j] ?? NaN)));
      expect(worst).toBeLessThan(0.01);
    },
  );
});

describe("the shipped polysemy benchmark (built from the int8 models) against fp32", () => {
  const benchmark = JSON.parse(
    readFileSync("public/generated/precomputed/polysemy.json", "utf8"),
  ) as PolysemyBenchmark;
  const examples = benchmark.examples.map((e) => ({
    text: e.text,
    form: e.text.slice(e.start, e.end),
    chars: { start: e.start, end: e.end },
  }));
  const pairs = benchmark.pairs.map((p) => ({ ...p, word: benchmark.examples[p.a]?.word ?? "" }));

  it.each(["use-lite", "gpt", "mlm"])(
    "gives %s the same best layer and every layer's AUC within 0.01",
    async (id) => {
      const shipped = benchmark.models.find((m) => m.id === id);
      const encoder = await loadEncoder({ model: id, localModelPath: MODELS_DIR, dtype: "fp32" });
      const encodings: Encoding[] = await encoder.encode(examples.map((e) => e.text));
      const vectors = encodings.map((e, i) => exampleVectors(e, examples[i] as never));
      const layers = pairCosines(vectors, pairs).map((cosines) => ({
        label: "",
        separation: separation(pairs, cosines, { resamples: 50, seed: benchmark.seed }),
      }));
      expect(bestLayer(layers)).toBe(shipped?.best);
      layers.forEach((layer, l) => {
        const auc = shipped?.layers[l]?.separation.auc.estimate ?? NaN;
        expect(Math.abs(layer.separation.auc.estimate - auc)).toBeLessThan(0.01);
      });
    },
    120_000,
  );
});

describe("local labeling of SpamAssassin with int8 vs fp32 embeddings", () => {
  // 200 emails: an accuracy near 0.9 has a standard error of about 0.02 there.
  const ROWS = 200;
  const embedders = new Map<ModelDtype, Promise<EmbedTexts>>();
  /** One embedder per dtype that embeds each text once (the methods share the pool and the items). */
  function embedder(dtype: ModelDtype): Promise<EmbedTexts> {
    let found = embedders.get(dtype);
    if (!found) {
      found = nodeEmbedder(MODELS_DIR, dtype).then((embed) => {
        const seen = new Map<string, Float32Array>();
        return async (texts) => {
          const missing = [...new Set(texts.filter((t) => !seen.has(t)))];
          const vectors = missing.length > 0 ? await embed(missing) : [];
          missing.forEach((t, i) => seen.set(t, vectors[i] as Float32Array));
          return texts.map((t) => seen.get(t) as Float32Array);
        };
      });
      embedders.set(dtype, found);
    }
    return found;
  }

  it.each(["centroid", "probe"] as const)(
    "%s: accuracy within 0.03 of fp32's, and the same label for ≥ 95 % of emails",
    async (method) => {
      const [a, b] = await Promise.all(
        (["q8", "fp32"] as const).map(async (dtype) =>
          labelBundledLocally("spam", BUNDLED.spam, method, await embedder(dtype), ROWS),
        ),
      );
      const accuracy = (run: typeof a): number => run?.report.evaluation?.accuracy.value ?? NaN;
      expect(a?.results).toHaveLength(ROWS);
      expect(Math.abs(accuracy(a) - accuracy(b))).toBeLessThanOrEqual(0.03);
      const fp32Label = new Map(b?.results.map((r) => [r.id, r.labels.join()]));
      const same = (a?.results ?? []).filter((r) => fp32Label.get(r.id) === r.labels.join());
      expect(same.length / ROWS).toBeGreaterThanOrEqual(0.95);
    },
    180_000,
  );
});
