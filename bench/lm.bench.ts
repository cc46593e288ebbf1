/**
 * Our language models: warm next-token distribution (≤ 64-token context) in
 * Node and in Chromium (the worker's own time, read from the widget), the
 * first GPT result in Chromium on a cold cache with the bytes downloaded,
 * generation, and the held-out figures (data/lm/baselines.json, written in one
 * run by scripts/train/baselines.py) with the GPT's perplexity re-measured here.
 */
import { readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generate, perplexity, predictNext, type TrainingRecord } from "../src/lib/lm/index";
import { loadLanguageModelFromDisk } from "../src/lib/lm/node";
import { launchBrowser, startPreview } from "./lib/preview";
import { timeRuns, type BenchSuite, type Measurement } from "./lib/runner";

const MODELS = fileURLToPath(new URL("../public/generated/models/", import.meta.url));
const RUNS = Number(process.env["BENCH_RUNS"] ?? 30);
/** 64 tokens with the document start. */
const LONG =
  "Fellow citizens of the Senate and House of Representatives: the state of our Union is strong, and the work before us is great. We have seen the bank close its doors, the farmer lose his land, and";

interface Baselines {
  tokens: number;
  words: number;
  kneser_ney_5gram: { perplexityPerWord: number; nllPerToken: number };
  gpt: { perplexityPerWord: number; nllPerToken: number };
  mlm_pseudo: {
    pseudoPerplexityPerWord: number;
    gptPerplexityPerWordSameText: number;
    words: number;
  };
  ratio_gpt_to_5gram: number;
}

async function browser(): Promise<{ first: number[]; bytes: number; warm: number[] }> {
  const preview = await startPreview(4393);
  const chromium = await launchBrowser();
  const first: number[] = [];
  const warm: number[] = [];
  let bytes = 0;
  try {
    for (let run = 0; run < 3; run++) {
      // Cold cache; the service worker blocked, so every byte counted is the page's own request.
      const context = await chromium.newContext({ serviceWorkers: "block" });
      const page = await context.newPage();
      const sizes: Promise<number>[] = [];
      let clickedAt = Number.POSITIVE_INFINITY;
      page.on("requestfinished", (request) => {
        if (Date.now() >= clickedAt)
          sizes.push(
            request.sizes().then(
              (s) => s.responseBodySize,
              () => 0,
            ),
          );
      });
      await page.goto(`${preview.url}/lessons/03-how-llms-work/`);
      const widget = page.locator("next-word");
      await widget.scrollIntoViewIfNeeded();
      await page.waitForFunction(
        () => document.querySelector("next-word")?.getAttribute("data-ready") === "true",
      );
      const explain = widget.locator('[data-part="explain"]');
      clickedAt = Date.now();
      await widget.getByRole("button", { name: "Predict the next word" }).click();
      await page.locator('next-word [data-part="explain"][data-ms]').waitFor({ timeout: 120_000 });
      first.push(Date.now() - clickedAt);
      await page.waitForTimeout(300);
      bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
      await widget.getByLabel("Beginning of a sentence").fill(LONG);
      for (let i = 0; i < 10; i++) {
        await explain.evaluate((el) => {
          el.removeAttribute("data-ms");
        });
        await widget.getByRole("button", { name: "Predict the next word" }).click();
        await page.locator('next-word [data-part="explain"][data-ms]').waitFor();
        warm.push(Number(await explain.getAttribute("data-ms")));
      }
      await context.close();
    }
  } finally {
    await chromium.close();
    preview.stop();
  }
  return { first, bytes, warm };
}

export const suite: BenchSuite = {
  name: "lm",
  async run() {
    const rows: Measurement[] = [];
    const start = performance.now();
    const gpt = await loadLanguageModelFromDisk({ model: "gpt", localModelPath: MODELS });
    await predictNext(gpt, "warm up");
    rows.push({
      name: "Node: load the GPT + first prediction",
      unit: "ms",
      values: [performance.now() - start],
    });
    const tokens = gpt.contextIds(LONG).ids.length;
    rows.push({
      name: `Node: warm next-token distribution, ${tokens} tokens`,
      unit: "ms",
      values: await timeRuns(() => predictNext(gpt, LONG, 10), RUNS, 5),
      target: "≤ 10 ms",
    });
    rows.push({
      name: "Node: generate 20 tokens (no cache: one pass per token)",
      unit: "ms",
      values: await timeRuns(
        () =>
          generate(gpt, "John wants his bank to cash the", {
            tokens: 20,
            temperature: 1,
            topK: 0,
            topP: 1,
            seed: 1,
          }),
        5,
        1,
      ),
    });

    const b = await browser();
    rows.push({
      name: "Chromium: first GPT result after click, cold cache",
      unit: "ms",
      values: b.first,
    });
    rows.push({
      name: "Chromium: bytes downloaded for it (model, tokenizer, lens, runtime, scripts; compressed)",
      unit: "bytes",
      values: [b.bytes],
      target: "≤ 6 MB",
    });
    rows.push({
      name: `Chromium: warm next-token distribution, ${tokens} tokens (worker time)`,
      unit: "ms",
      values: b.warm,
      target: "≤ 10 ms",
    });

    const baselines = JSON.parse(readFileSync("data/lm/baselines.json", "utf8")) as Baselines;
    const texts = (
      JSON.parse(readFileSync("data/lm/eval-texts.json", "utf8")) as {
        documents: { text: string }[];
      }
    ).documents;
    let nll = 0;
    let words = 0;
    const t0 = performance.now();
    for (const { text } of texts) {
      const p = await perplexity(gpt, text);
      nll += p.nll;
      words += p.words;
    }
    const measuredMs = performance.now() - t0;
    rows.push({
      name: `held-out perplexity per word, GPT (measured here, ${words} words)`,
      unit: "count",
      values: [Math.round(Math.exp(nll / words))],
    });
    rows.push({
      name: "  the same, PyTorch (baselines.json)",
      unit: "count",
      values: [Math.round(baselines.gpt.perplexityPerWord)],
    });
    rows.push({
      name: "  Kneser–Ney 5-gram, same training split and text",
      unit: "count",
      values: [Math.round(baselines.kneser_ney_5gram.perplexityPerWord)],
    });
    rows.push({
      name: "  GPT ÷ 5-gram",
      unit: "ratio",
      values: [baselines.ratio_gpt_to_5gram],
      target: "≤ 0.7×",
    });
    rows.push({
      name: `  masked LM pseudo-perplexity per word (${baselines.mlm_pseudo.words} words)`,
      unit: "count",
      values: [Math.round(baselines.mlm_pseudo.pseudoPerplexityPerWord)],
    });
    rows.push({
      name: "  GPT on those words",
      unit: "count",
      values: [Math.round(baselines.mlm_pseudo.gptPerplexityPerWordSameText)],
    });
    rows.push({
      name: "Node: GPT perplexity over the held-out text",
      unit: "ms",
      values: [measuredMs],
    });

    for (const model of ["gpt", "mlm"]) {
      const record = JSON.parse(
        readFileSync(`data/lm/${model}/training.json`, "utf8"),
      ) as TrainingRecord;
      const last = record.log.at(-1);
      rows.push({
        name: `training wall time, ${model} (${record.meta.steps} steps)`,
        unit: "s",
        values: [last?.seconds ?? Number.NaN],
      });
    }
    for (const [name, path] of Object.entries({
      "gpt model_quantized.onnx (served)": "public/generated/models/gpt/onnx/model_quantized.onnx",
      "gpt lens_quantized.bin (served)": "public/generated/models/gpt/lens_quantized.bin",
      "gpt model.onnx (fp32)": "public/generated/models/gpt/onnx/model.onnx",
      "gpt lens.bin (fp32)": "public/generated/models/gpt/lens.bin",
      "tokenizer.json": "public/generated/models/gpt/tokenizer.json",
    }))
      rows.push({ name: `file: ${name}`, unit: "bytes", values: [statSync(path).size] });
    return rows;
  },
};
