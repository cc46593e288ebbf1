/**
 * The offline image embedder (MobileNetV2 from nsfwjs, asset step
 * "vision-model") in Node: the bytes a browser downloads for it, images per
 * second on the bundled emoji set, how far its embeddings are from nsfwjs on
 * TF.js, and few-shot labeling accuracy on the held-out images (5 and 20
 * labelled examples per class; centroid, nearest example, linear probe; five
 * seeded splits each); then in Chromium, the ImageLabeler's worker reading the
 * same 160 images, and the model's bytes over the wire.
 */
import { readFileSync } from "node:fs";
import { brotliCompressSync, constants } from "node:zlib";
import * as tf from "@tensorflow/tfjs";
import { bundledImages, decodeFile } from "../scripts/vision/bundled-images";
import {
  BUNDLED_IMAGES,
  heldOutEvaluation,
  perClassSplit,
  joinPair,
  type FewShotMethod,
} from "../src/lib/labeling/index";
import { loadEncoder } from "../src/lib/encoder/index";
import { loadImageEmbedder } from "../src/lib/vision/embedder";
import type { Pixels } from "../src/lib/vision/index";
import { launchBrowser, startPreview } from "./lib/preview";
import { timeRuns, type BenchSuite, type Measurement } from "./lib/runner";

const MODEL = "public/generated/models/mobilenet-v2/onnx/model.onnx";
const SEEDS = [1, 2, 3, 4, 5];

function byteRows(): Measurement[] {
  const bytes = readFileSync(MODEL);
  const brotli = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }).length;
  return [
    { name: "vision model (raw)", unit: "bytes", values: [bytes.length] },
    { name: "vision model (brotli 11, as served)", unit: "bytes", values: [brotli] },
  ];
}

/** max |ours − nsfwjs| ×1e6 on four of the bundled images (TF.js on the CPU is slow). */
async function referenceRow(pixels: Pixels[], ours: Float32Array[]): Promise<Measurement> {
  const nsfwjs = await import("nsfwjs");
  const model = (await nsfwjs.load("MobileNetV2")) as unknown as {
    infer(img: tf.Tensor3D, endpoint: string): tf.Tensor;
  };
  const diffs: number[] = [];
  for (const [i, p] of pixels.slice(0, 4).entries()) {
    // the bundled PNGs are opaque: RGB is what TF.js's fromPixels would read
    const rgb = Int32Array.from(
      { length: p.width * p.height * 3 },
      (_, k) => p.data[Math.floor(k / 3) * p.channels + (k % 3)] as number,
    );
    const grid = model.infer(
      tf.tensor3d(rgb, [p.height, p.width, 3], "int32"),
      "block_13_expand_relu",
    );
    const theirs = tf.mean(grid, [1, 2]).dataSync();
    const mine = ours[i] as Float32Array;
    let max = 0;
    mine.forEach((v, k) => (max = Math.max(max, Math.abs(v - (theirs[k] as number)))));
    diffs.push(Math.round(1e6 * max));
  }
  return { name: "max |ONNX − nsfwjs on TF.js| ×1e6, 4 images", unit: "count", values: diffs };
}

function fewShotRows(vectors: Float32Array[], labels: string[]): Measurement[] {
  const names = BUNDLED_IMAGES.emoji.labels;
  const rows: Measurement[] = [];
  for (const per of [5, 20])
    for (const method of ["centroid", "nearest", "probe"] as FewShotMethod[]) {
      const values = SEEDS.map((seed) => {
        const { evaluation } = heldOutEvaluation(
          method,
          vectors,
          labels,
          names,
          perClassSplit(labels, per, seed),
        );
        return Math.round(1000 * (evaluation.accuracy.value ?? NaN));
      });
      rows.push({
        name: `held-out accuracy ×1000, ${per} per class, ${method} (${labels.length - per * names.length} test images, seeds 1–5)`,
        unit: "count",
        values,
      });
    }
  return rows;
}

/**
 * What a caption adds (the sandbox's "Text + image pairs"): centroid accuracy at
 * 5 per class from the emoji's names alone (the offline sentence encoder on the
 * template-filled name), from the images alone, and from both joined.
 */
async function pairRows(
  images: Float32Array[],
  labels: string[],
  names: string[],
): Promise<Measurement[]> {
  const encoder = await loadEncoder({ localModelPath: "public/generated/models/" });
  const encoded = await encoder.encode(names.map((n) => `Text: ${n}`));
  const texts = encoded.map((e) => e.sentenceEmbedding ?? new Float32Array(0));
  const pairs = images.map((v, i) => joinPair(texts[i] as Float32Array, v));
  const kinds = BUNDLED_IMAGES.emoji.labels;
  const accuracy = (vectors: Float32Array[]) =>
    SEEDS.map((seed) => {
      const { evaluation } = heldOutEvaluation(
        "centroid",
        vectors,
        labels,
        kinds,
        perClassSplit(labels, 5, seed),
      );
      return Math.round(1000 * (evaluation.accuracy.value ?? NaN));
    });
  return [
    ["the names alone (sentence encoder)", texts],
    ["the images alone", images],
    ["text + image pairs", pairs],
  ].map(([what, vectors]) => ({
    name: `held-out accuracy ×1000, 5 per class, centroid, ${what as string} (seeds 1–5)`,
    unit: "count" as const,
    values: accuracy(vectors as Float32Array[]),
  }));
}

/** Chromium: the ImageLabeler reads the bundled emoji, cold (fresh profile) then warm (again, same page). */
async function browserRows(): Promise<Measurement[]> {
  const preview = await startPreview(4393);
  const browser = await launchBrowser();
  const cold: number[] = [];
  const warm: number[] = [];
  const modelBytes: number[] = [];
  try {
    for (let run = 0; run < 3; run++) {
      const context = await browser.newContext({ serviceWorkers: "block" });
      const page = await context.newPage();
      const sizes: Promise<number>[] = [];
      page.on("requestfinished", (request) => {
        if (request.url().includes("/mobilenet-v2/"))
          sizes.push(
            request.sizes().then(
              (s) => s.responseBodySize,
              () => 0,
            ),
          );
      });
      await page.goto(`${preview.url}/lessons/07-labeling-with-llms/`);
      const widget = page.locator("image-labeler");
      await widget.scrollIntoViewIfNeeded();
      await page.waitForFunction(
        () => document.querySelector("image-labeler")?.getAttribute("data-ready") === "true",
      );
      for (const times of [cold, warm]) {
        const before = await widget.getAttribute("data-embed-ms");
        await widget.getByRole("button", { name: /Use the bundled emoji/ }).click();
        await page.waitForFunction(
          (b) => {
            const ms = document.querySelector("image-labeler")?.getAttribute("data-embed-ms");
            return ms !== null && ms !== undefined && ms !== b;
          },
          before,
          { timeout: 120_000 },
        );
        times.push(Number(await widget.getAttribute("data-embed-ms")));
        // the same time twice in a row would not be seen as new: clear it
        await widget.evaluate((el) => {
          el.removeAttribute("data-embed-ms");
        });
      }
      modelBytes.push((await Promise.all(sizes)).reduce((a, b) => a + b, 0));
      await context.close();
    }
  } finally {
    await browser.close();
    preview.stop();
  }
  const perSecond = (list: number[]) => list.map((ms) => Math.round((160 / ms) * 1000));
  return [
    { name: "Chromium: model bytes downloaded (over the wire)", unit: "bytes", values: modelBytes },
    { name: "Chromium: decode + embed 160 images, first time (worker)", unit: "ms", values: cold },
    { name: "Chromium: images per second, first time", unit: "count", values: perSecond(cold) },
    { name: "Chromium: decode + embed 160 images, again", unit: "ms", values: warm },
    { name: "Chromium: images per second, again", unit: "count", values: perSecond(warm) },
  ];
}

export const suite: BenchSuite = {
  name: "vision",
  async run() {
    const images = bundledImages();
    const pixels = await Promise.all(images.map((i) => decodeFile(i.file)));
    const embedder = await loadImageEmbedder({ localModelPath: "public/generated/models/" });
    let vectors: Float32Array[] = [];
    const runs = await timeRuns(
      async () => {
        vectors = await embedder.embed(pixels);
      },
      5,
      1,
    );
    const normalized = await embedder.embed(pixels, { normalize: true });
    await embedder.dispose();
    return [
      ...byteRows(),
      { name: `Node: embed ${images.length} images (batches of 8)`, unit: "ms", values: runs },
      {
        name: "Node: images per second",
        unit: "count",
        values: runs.map((ms) => Math.round((images.length / ms) * 1000)),
      },
      await referenceRow(pixels, vectors),
      ...fewShotRows(
        normalized,
        images.map((i) => i.label),
      ),
      ...(await pairRows(
        normalized,
        images.map((i) => i.label),
        images.map((i) => i.name),
      )),
      ...(await browserRows()),
    ];
  },
};
