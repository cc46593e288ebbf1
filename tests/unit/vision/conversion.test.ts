/**
 * The converted MobileNetV2 against the original runtime: nsfwjs's own
 * `infer(image, "block_13_expand_relu")` on TF.js (its preprocessing and its
 * model), averaged over the grid, and
 * our preprocessing + the ONNX file through transformers.js in Node, on the
 * same pixels. The bar: every embedding value within 1e-4.
 */
import { readFileSync } from "node:fs";
import sharp from "sharp";
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadImageEmbedder, type ImageEmbedder } from "../../../src/lib/vision/embedder";
import type { Pixels } from "../../../src/lib/vision";

interface Nsfw {
  infer(img: tf.Tensor3D, endpoint: string): tf.Tensor;
}

let reference: Nsfw;
let embedder: ImageEmbedder;

beforeAll(async () => {
  const nsfwjs = await import("nsfwjs");
  reference = await nsfwjs.load("MobileNetV2");
  embedder = await loadImageEmbedder({ localModelPath: "public/generated/models/" });
}, 120_000);

/** Seeded noise (a linear congruential generator: the same bytes every run). */
function noise(width: number, height: number, seed: number): Pixels {
  const data = new Uint8Array(width * height * 3);
  let s = seed;
  for (let i = 0; i < data.length; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    data[i] = s % 256;
  }
  return { width, height, channels: 3, data };
}

function gradient(size: number): Pixels {
  const data = new Uint8Array(size * size * 3);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const p = (y * size + x) * 3;
      data[p] = Math.round((255 * x) / (size - 1));
      data[p + 1] = Math.round((255 * y) / (size - 1));
      data[p + 2] = (x * y) % 256;
    }
  return { width: size, height: size, channels: 3, data };
}

/** An emoji drawn by sharp (as the bundled image set is made), over white, RGB. */
async function emoji(file: string, size: number): Promise<Pixels> {
  const { data, info } = await sharp(readFileSync(`node_modules/@twemoji/svg/${file}`), {
    density: 300,
  })
    .resize(size, size)
    .flatten({ background: "#ffffff" })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, channels: 3, data: new Uint8Array(data) };
}

function referenceEmbedding(image: Pixels): Float32Array {
  const tensor = tf.tensor3d(Int32Array.from(image.data), [image.height, image.width, 3], "int32");
  const grid = reference.infer(tensor, "block_13_expand_relu");
  const out = tf.mean(grid, [1, 2]);
  const values = out.dataSync() as Float32Array;
  tensor.dispose();
  grid.dispose();
  out.dispose();
  return values;
}

const maxDiff = (a: Float32Array, b: Float32Array): number =>
  a.reduce((m, v, i) => Math.max(m, Math.abs(v - (b[i] as number))), 0);

describe("MobileNetV2 converted from nsfwjs", () => {
  it("equals nsfwjs on TF.js within 1e-4, resized or not", async () => {
    const images = [
      gradient(224),
      noise(300, 170, 7),
      noise(97, 401, 8),
      await emoji("1f408.svg", 72),
    ];
    const ours = await embedder.embed(images);
    for (const [i, image] of images.entries()) {
      const theirs = referenceEmbedding(image);
      expect(ours[i]).toHaveLength(576);
      expect(maxDiff(ours[i] as Float32Array, theirs), `image ${i}`).toBeLessThan(1e-4);
      // not a vacuous match: the features vary and are not all zero
      expect(Math.max(...theirs)).toBeGreaterThan(0.1);
    }
    const [a, b] = ours as [Float32Array, Float32Array];
    expect(maxDiff(a, b), "different images, different features").toBeGreaterThan(0.1);
  }, 120_000);
});
