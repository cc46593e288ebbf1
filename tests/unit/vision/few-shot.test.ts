import { beforeAll, describe, expect, it } from "vitest";
import {
  BUNDLED_IMAGES,
  heldOutEvaluation,
  nearestExampleScorer,
  perClassSplit,
  predictFewShot,
  SPLIT_SEED,
  trainFewShot,
  trainValidationSplit,
  VALIDATION_SHARE,
} from "../../../src/lib/labeling";
import { loadImageEmbedder } from "../../../src/lib/vision/embedder";
import { bundledImages, decodeFile } from "../../../scripts/vision/bundled-images";

describe("few-shot methods on vectors", () => {
  it("scores each class by its closest example (cosine)", () => {
    const scorer = nearestExampleScorer(
      [
        [1, 0],
        [0.6, 0.8],
        [0, 1],
      ],
      [0, 1, 1],
      2,
    );
    // to (0.8, 0.6): class 0's only example gives 0.8; class 1's best is (0.6, 0.8) at 0.96
    const [a, b] = scorer([0.8, 0.6]) as [number, number];
    expect(a).toBeCloseTo(0.8, 12);
    expect(b).toBeCloseTo(0.96, 12);
  });

  it("splits per class, seeded: n of each label to train, the rest to test", () => {
    const labels = ["a", "b", "a", "c", "a", "b", "c", "a"];
    const split = perClassSplit(labels, 2, 3);
    expect(perClassSplit(labels, 2, 3)).toEqual(split);
    const trainLabels = split.train.map((i) => labels[i]);
    expect(trainLabels.filter((l) => l === "a")).toHaveLength(2);
    expect(trainLabels.filter((l) => l === "b")).toHaveLength(2);
    expect(trainLabels.filter((l) => l === "c")).toHaveLength(2);
    expect([...split.train, ...split.test].sort()).toEqual(labels.map((_, i) => i));
  });

  it("says what is missing: a label with no example, or too few for the probe's split", () => {
    const v = [
      [1, 0],
      [0, 1],
      [0.9, 0.1],
    ];
    expect(() => trainFewShot("centroid", v, ["a", "a", "a"], ["a", "b"])).toThrow(
      /at least one example of “b”/,
    );
    // one example of "b": the centroid and 1-NN work; the probe may hold it out
    expect(
      predictFewShot(trainFewShot("centroid", v, ["a", "b", "a"], ["a", "b"]), [[0.1, 1]]),
    ).toEqual(["b"]);
    // the one "b" example sits where the probe's seeded split holds an example out
    const held = trainValidationSplit(11, VALIDATION_SHARE, SPLIT_SEED).validation[0] as number;
    const labels = Array.from({ length: 11 }, (_, i) => (i === held ? "b" : "a"));
    const vectors = labels.map((l, i) => (l === "b" ? [0, 1] : [1, i / 10]));
    expect(() => trainFewShot("probe", vectors, labels, ["a", "b"])).toThrow(
      /none of “b” left to learn from/,
    );
    expect(
      predictFewShot(trainFewShot("nearest", vectors, labels, ["a", "b"]), [[0.1, 1]]),
    ).toEqual(["b"]);
  });
});

describe("few-shot on the bundled images (the real model, seeded)", () => {
  let vectors: Float32Array[] = [];
  let labels: string[] = [];

  beforeAll(async () => {
    const images = bundledImages();
    expect(images).toHaveLength(160);
    labels = images.map((i) => i.label);
    const embedder = await loadImageEmbedder({ localModelPath: "public/generated/models/" });
    vectors = await embedder.embed(await Promise.all(images.map((i) => decodeFile(i.file))), {
      normalize: true,
    });
    await embedder.dispose();
  }, 120_000);

  it("labels the held-out images far above chance from 5 examples per class, every method", () => {
    const names = BUNDLED_IMAGES.emoji.labels;
    const split = perClassSplit(labels, 5, 1);
    expect(split.train).toHaveLength(20);
    const pick = <T>(list: readonly T[], at: readonly number[]) => at.map((i) => list[i] as T);
    for (const method of ["centroid", "nearest", "probe"] as const) {
      const { predicted, evaluation: e } = heldOutEvaluation(method, vectors, labels, names, split);
      // the same as training and predicting by hand
      const model = trainFewShot(
        method,
        pick(vectors, split.train),
        pick(labels, split.train),
        names,
      );
      expect(predictFewShot(model, pick(vectors, split.test))).toEqual(predicted);
      const gold = pick(labels, split.test);
      // the metric agrees with a plain count
      const hits = predicted.filter((p, i) => p === gold[i]).length;
      expect(e.accuracy.value).toBeCloseTo(hits / gold.length, 12);
      // four classes: chance is 0.25
      expect(e.accuracy.value, method).toBeGreaterThan(0.5);
    }
  });
});
