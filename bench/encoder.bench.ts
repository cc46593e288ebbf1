/**
 * Encoder benchmarks: Node cold load and warm encode (ONNX via transformers.js),
 * the same graph on @tensorflow/tfjs (the package's own runtime) for the ratio,
 * and in Chromium the first result after a click on a cold cache, with the
 * bytes the browser downloads.
 */
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadEncoder } from "../src/lib/encoder/index";
import { referenceTokenIds, runReference } from "../tests/unit/encoder/tfjs-reference";
import { launchBrowser, startPreview } from "./lib/preview";
import { median, timeRuns, type BenchSuite, type Measurement } from "./lib/runner";

const MODELS = fileURLToPath(new URL("../public/generated/models/", import.meta.url));
const SENTENCE = "John wants his bank to cash the check before it closes";
const RUNS = Number(process.env["BENCH_RUNS"] ?? 30);

function coldLoadMs(): number {
  const script = `(async () => {
    const { loadEncoder } = await import(${JSON.stringify(new URL("../src/lib/encoder/index.ts", import.meta.url).href)});
    const start = performance.now();
    const encoder = await loadEncoder({ localModelPath: ${JSON.stringify(MODELS)} });
    await encoder.encode("warm up");
    process.stdout.write(String(performance.now() - start));
  })();`;
  const out = execFileSync("npx", ["tsx", "--eval", script], { encoding: "utf8" });
  return Number(out.trim().split("\n").pop());
}

async function browserFirstResult(): Promise<{
  ms: number[];
  bytes: number;
  pageBytes: number;
  warm: number[];
}> {
  const preview = await startPreview(4391);
  const browser = await launchBrowser();
  const ms: number[] = [];
  const warm: number[] = [];
  let bytes = 0;
  let pageBytes = 0;
  try {
    for (let run = 0; run < 3; run++) {
      // A fresh profile: cold cache. The service worker is blocked so that every byte is the
      // page's own request (it would add the shell it keeps on install, about 2 MB).
      const context = await browser.newContext({ serviceWorkers: "block" });
      const page = await context.newPage();
      const sizes: Promise<number>[] = [];
      const before: Promise<number>[] = [];
      let clickedAt = Number.POSITIVE_INFINITY;
      // responseBodySize is what came over the wire (Brotli-compressed where served so).
      page.on("requestfinished", (request) => {
        (Date.now() >= clickedAt ? sizes : before).push(
          request.sizes().then(
            (s) => s.responseBodySize,
            () => 0,
          ),
        );
      });
      await page.goto(`${preview.url}/lessons/02-contextual-embeddings/`);
      const lens = page.locator("context-lens");
      await lens.scrollIntoViewIfNeeded();
      await page.waitForFunction(
        () => document.querySelector("context-lens")?.getAttribute("data-ready") === "true",
      );
      const start = Date.now();
      clickedAt = start;
      await lens.getByRole("button", { name: "Compare in context" }).click();
      // The preset's precomputed result is on show already: wait for the live one.
      await page.waitForFunction(
        () => document.querySelector("context-lens")?.getAttribute("data-source") === "live",
        null,
        { timeout: 120_000 },
      );
      ms.push(Date.now() - start);
      await page.waitForTimeout(500);
      bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
      pageBytes = (await Promise.all(before)).reduce((a, b) => a + b, 0);
      // Warm: edit a sentence and run again; time from the click to the new result drawn.
      const sentences = lens.getByLabel("Sentences (one per line, 2 to 8)");
      for (let edit = 0; edit < 5; edit++) {
        await sentences.fill(
          `John went to the bank to withdraw cash.\nHe sat on the river bank ${edit}.\nShe deposited money at the bank.`,
        );
        const runs = Number(await lens.getAttribute("data-runs"));
        const t0 = Date.now();
        await lens.getByRole("button", { name: "Compare in context" }).click();
        await page.waitForFunction(
          (n) => Number(document.querySelector("context-lens")?.getAttribute("data-runs")) > n,
          runs,
        );
        warm.push(Date.now() - t0);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    preview.stop();
  }
  return { ms, bytes, pageBytes, warm };
}

export const suite: BenchSuite = {
  name: "encoder",
  async run() {
    const rows: Measurement[] = [];
    const cold = [coldLoadMs(), coldLoadMs(), coldLoadMs()];
    rows.push({
      name: "Node cold load + first encode (ONNX)",
      unit: "ms",
      values: cold,
      target: "≤ 2 s",
    });

    const encoder = await loadEncoder({ localModelPath: MODELS });
    const tokens = (await encoder.encode(SENTENCE)).tokenIds.length;
    const onnx = await timeRuns(() => encoder.encode(SENTENCE), RUNS, 5);
    rows.push({
      name: `Node warm encode, ${tokens} tokens (ONNX)`,
      unit: "ms",
      values: onnx,
      target: "≤ 20 ms",
    });

    const ids = referenceTokenIds([SENTENCE]);
    const tfjs = await timeRuns(() => runReference(ids), Math.min(RUNS, 15), 3);
    rows.push({
      name: `Node warm encode, ${tokens} tokens (TF.js graph, cpu)`,
      unit: "ms",
      values: tfjs,
    });
    rows.push({
      name: "TF.js ÷ ONNX (medians)",
      unit: "ratio",
      values: [median(tfjs) / median(onnx)],
    });

    const first = await browserFirstResult();
    rows.push({
      name: "Chromium: first result after click, cold cache",
      unit: "ms",
      values: first.ms,
      target: "≤ 2 s",
    });
    rows.push({
      name: "Chromium: bytes downloaded for that result (after the click, compressed)",
      unit: "bytes",
      values: [first.bytes],
      target: "≤ 10 MB",
    });
    rows.push({
      name: "Chromium: bytes of the page before the click (compressed)",
      unit: "bytes",
      values: [first.pageBytes],
    });
    rows.push({
      name: "Chromium: edit → new result drawn (warm)",
      unit: "ms",
      values: first.warm,
      target: "≤ 150 ms",
    });
    const files = {
      "model_quantized.onnx (served)": "public/generated/models/use-lite/onnx/model_quantized.onnx",
      "model.onnx (fp32)": "public/generated/models/use-lite/onnx/model.onnx",
      "tokenizer.json": "public/generated/models/use-lite/tokenizer.json",
      "ort wasm": "public/generated/ort/ort-wasm-simd-threaded.wasm",
    };
    for (const [name, path] of Object.entries(files))
      rows.push({ name: `file: ${name}`, unit: "bytes", values: [statSync(path).size] });
    return rows;
  },
};
