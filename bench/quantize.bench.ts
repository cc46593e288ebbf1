/**
 * What the int8 models (asset step "quantize", served by default) save and
 * cost, in Node: each served model file's bytes fp32 vs int8 (raw, gzip -9,
 * brotli 11), the bytes before a first encoder / GPT result (model,
 * tokenizer, lens, the ORT wasm; brotli, as a server would send them), and
 * the accuracy cost: SpamAssassin labeling (centroid, probe, zero-shot), the
 * lesson's context presets, the polysemy benchmark's AUCs, the GPT's
 * held-out loss and Node encode time, fp32 vs int8.
 */
import { existsSync, readFileSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import {
  CONTEXT_PRESETS,
  contextView,
  loadEncoder,
  type Encoder,
  type ModelDtype,
} from "../src/lib/encoder/index";
import { BUNDLED } from "../src/lib/labeling/index";
import { labelBundledLocally, nodeEmbedder } from "../src/lib/labeling/node";
import { perplexity } from "../src/lib/lm/index";
import { loadLanguageModelFromDisk } from "../src/lib/lm/node";
import {
  exampleVectors,
  pairCosines,
  separation,
  type PolysemyBenchmark,
} from "../src/lib/senses/index";
import { timeRuns, type BenchSuite, type Measurement } from "./lib/runner";

const MODELS = "public/generated/models/";
const ORT = "public/generated/ort/";
const DTYPES = ["fp32", "q8"] as const;
const FILE: Record<ModelDtype, string> = { fp32: "model.onnx", q8: "model_quantized.onnx" };
const LENS: Record<ModelDtype, string> = { fp32: "lens.bin", q8: "lens_quantized.bin" };

/** A figure ×1000 as a count (the table prints ratios to 2 decimals only). */
const milli = (v: number): number => Math.round(v * 1000);

/** One row per dtype: the table's columns are runs, not methods. */
function perDtype(
  name: string,
  unit: Measurement["unit"],
  values: Record<ModelDtype, number[]>,
): Measurement[] {
  return DTYPES.map((d) => ({ name: `${name} (${d})`, unit, values: values[d] }));
}

function sizes(path: string): { raw: number; gzip: number; brotli: number } {
  const bytes = readFileSync(path);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

function byteRows(): Measurement[] {
  const rows: Measurement[] = [];
  const ortFiles = ["ort-wasm-simd-threaded.wasm", "ort-wasm-simd-threaded.mjs"]
    .map((f) => `${ORT}${f}`)
    .filter((f) => existsSync(f));
  const ort = ortFiles.reduce((sum, f) => sum + sizes(f).brotli, 0);
  rows.push({ name: "ORT wasm + mjs (brotli 11)", unit: "bytes", values: [ort] });
  const small = (id: string): number =>
    ["tokenizer.json", "tokenizer_config.json", "config.json"]
      .map((f) => `${MODELS}${id}/${f}`)
      .filter((f) => existsSync(f))
      .reduce((sum, f) => sum + sizes(f).brotli, 0);
  for (const id of ["use-lite", "gpt", "mlm", "gpt-step-400"]) {
    const first: Record<ModelDtype, number> = { fp32: 0, q8: 0 };
    for (const dtype of DTYPES) {
      const model = sizes(`${MODELS}${id}/onnx/${FILE[dtype]}`);
      const lensPath = `${MODELS}${id}/${LENS[dtype]}`;
      const lens = existsSync(lensPath) ? sizes(lensPath) : null;
      for (const [file, size] of [
        [FILE[dtype], model],
        ...(lens ? [[LENS[dtype], lens] as const] : []),
      ] as const)
        for (const kind of ["raw", "gzip", "brotli"] as const)
          rows.push({
            name: `file: ${id}/${file}, ${kind === "raw" ? "raw" : kind === "gzip" ? "gzip -9" : "brotli 11"}`,
            unit: "bytes",
            values: [size[kind]],
          });
      first[dtype] = model.brotli + (lens?.brotli ?? 0) + small(id) + ort;
    }
    for (const dtype of DTYPES)
      rows.push({
        name: `${id}: bytes before the first result, ${dtype} (brotli; no page JS)`,
        unit: "bytes",
        values: [first[dtype]],
        target: id === "use-lite" ? "≤ 10 MB" : "≤ 6 MB",
      });
  }
  return rows;
}

async function labelingRows(): Promise<Measurement[]> {
  const rows: Measurement[] = [];
  for (const rowsLabelled of [undefined, 200]) {
    for (const method of ["centroid", "probe", "zero-shot"] as const) {
      const values: Record<ModelDtype, number[]> = { fp32: [], q8: [] };
      let n = 0;
      for (const dtype of DTYPES) {
        const run = await labelBundledLocally(
          "spam",
          BUNDLED.spam,
          method,
          await nodeEmbedder(undefined, dtype),
          rowsLabelled,
        );
        n = run.record.items.length;
        values[dtype].push(milli(run.report.evaluation?.accuracy.value ?? NaN));
      }
      rows.push(
        ...perDtype(`SpamAssassin ${method}, ${n} emails: accuracy ×1000`, "count", values),
      );
    }
  }
  return rows;
}

async function encoderRows(encoders: Record<ModelDtype, Encoder>): Promise<Measurement[]> {
  const rows: Measurement[] = [];
  for (const preset of CONTEXT_PRESETS) {
    const [a, b] = await Promise.all(
      DTYPES.map(async (d) =>
        contextView(await encoders[d].encode(preset.sentences), preset.target),
      ),
    );
    let worst = 0;
    const last = (a?.similarity.length ?? 1) - 1;
    for (const [l, matrix] of (a?.similarity ?? []).entries())
      for (const [i, row] of matrix.entries())
        for (const [j, v] of row.entries())
          worst = Math.max(worst, Math.abs(v - (b?.similarity[l]?.[i]?.[j] ?? NaN)));
    rows.push(
      ...perDtype(`context preset “${preset.id}”: sentences 1 vs 2, last layer, ×1000`, "count", {
        fp32: [milli(a?.similarity[last]?.[0]?.[1] ?? NaN)],
        q8: [milli(b?.similarity[last]?.[0]?.[1] ?? NaN)],
      }),
      {
        name: `context preset “${preset.id}”: largest |Δ similarity| fp32 vs q8, any layer, ×1000`,
        unit: "count",
        values: [milli(worst)],
        target: "< 10",
      },
    );
  }
  const sentence = "John wants his bank to cash the check before it closes";
  rows.push(
    ...perDtype("Node warm encode, one sentence", "ms", {
      fp32: await timeRuns(() => encoders.fp32.encode(sentence), 20, 3),
      q8: await timeRuns(() => encoders.q8.encode(sentence), 20, 3),
    }),
  );
  return rows;
}

async function polysemyRows(): Promise<Measurement[]> {
  const shipped = JSON.parse(
    readFileSync("public/generated/precomputed/polysemy.json", "utf8"),
  ) as PolysemyBenchmark;
  const examples = shipped.examples.map((e) => ({
    text: e.text,
    form: e.text.slice(e.start, e.end),
    chars: { start: e.start, end: e.end },
  }));
  const pairs = shipped.pairs.map((p) => ({ ...p, word: shipped.examples[p.a]?.word ?? "" }));
  const rows: Measurement[] = [];
  for (const id of ["use-lite", "gpt", "mlm"]) {
    const model = shipped.models.find((m) => m.id === id);
    const encoder = await loadEncoder({ model: id, localModelPath: MODELS, dtype: "fp32" });
    const encodings = await encoder.encode(examples.map((e) => e.text));
    const vectors = encodings.map((e, i) => exampleVectors(e, examples[i] as never));
    const layer = model?.best ?? 0;
    const cosines = pairCosines(vectors, pairs)[layer] ?? new Float64Array(0);
    const fp32 = separation(pairs, cosines, { resamples: 50, seed: shipped.seed }).auc.estimate;
    rows.push(
      ...perDtype(`polysemy ${id}, layer ${layer} (the shipped best): AUC ×1000`, "count", {
        fp32: [milli(fp32)],
        q8: [milli(model?.layers[layer]?.separation.auc.estimate ?? NaN)],
      }),
    );
  }
  return rows;
}

async function lmRows(): Promise<Measurement[]> {
  const { documents } = JSON.parse(readFileSync("data/lm/eval-texts.json", "utf8")) as {
    documents: { text: string }[];
  };
  const values: Record<ModelDtype, number[]> = { fp32: [], q8: [] };
  for (const dtype of DTYPES) {
    const gpt = await loadLanguageModelFromDisk({ model: "gpt", localModelPath: MODELS, dtype });
    let nll = 0;
    let tokens = 0;
    for (const { text } of documents) {
      const p = await perplexity(gpt, text);
      nll += p.nll;
      tokens += p.tokens;
    }
    values[dtype].push(milli(nll / tokens));
  }
  return perDtype(
    `GPT held-out loss, ${documents.length} documents: nats/token ×1000`,
    "count",
    values,
  );
}

export const suite: BenchSuite = {
  name: "quantize",
  async run() {
    const encoders = {
      fp32: await loadEncoder({ localModelPath: MODELS, dtype: "fp32" }),
      q8: await loadEncoder({ localModelPath: MODELS, dtype: "q8" }),
    };
    const rows = [
      ...byteRows(),
      ...(await encoderRows(encoders)),
      ...(await polysemyRows()),
      ...(await lmRows()),
      ...(await labelingRows()),
    ];
    for (const row of rows)
      if (row.unit === "bytes" && row.values.some((v) => v > 1e5))
        row.name += ` [${row.values.map((v) => (v / 1e6).toFixed(2)).join(" / ")} MB]`;
    return rows;
  },
};
