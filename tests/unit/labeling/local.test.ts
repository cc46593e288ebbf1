import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSpamSample } from "@/lib/corpora/index";
import {
  argmax,
  centroidScorer,
  cohenKappa,
  createLocalLabeler,
  evaluate,
  kappaFromMatrix,
  memoryStore,
  runJob,
  trainLogisticProbe,
  trainValidationSplit,
  zeroShotScorer,
  type TaskSpec,
  type Vector,
} from "@/lib/labeling/index";
import { testEncoder } from "../encoder/load";

describe("a missing or empty embedding is an error, never a label", () => {
  const task: TaskSpec = {
    labels: [
      { name: "a", description: "first" },
      { name: "b", description: "second" },
    ],
    mode: "single",
    instructions: "",
    template: "{text}",
    examples: [],
    model: "local",
    parameters: {},
    votes: 1,
  };
  const ask = (embed: (texts: string[]) => Promise<Vector[]>) =>
    runJob({
      task,
      items: [
        { id: "x", text: "one" },
        { id: "y", text: "two" },
      ],
      provider: createLocalLabeler(
        task,
        embed,
        zeroShotScorer([
          [1, 0],
          [0, 1],
        ]),
      ),
      store: memoryStore(),
    });

  it("an empty vector (the encoder gave none) fails the job with a message", async () => {
    await expect(
      ask((texts) => Promise.resolve(texts.map(() => new Float32Array(0)))),
    ).rejects.toThrow(/no usable embedding for text 1/);
    await expect(ask(() => Promise.resolve([[1, 0]]))).rejects.toThrow(
      /returned 1 embeddings for 2 texts/,
    );
  });

  it("a zero vector has no nearest label: the item is flagged with the reason", async () => {
    const summary = await ask((texts) => Promise.resolve(texts.map(() => [0, 0])));
    expect(summary.results.map((r) => r.status)).toEqual(["flagged", "flagged"]);
    expect(summary.results[0]?.flag).toBe("fatal");
    expect(summary.results[0]?.notes.join(" ")).toMatch(/all zeros/);
    expect(argmax([Number.NaN, Number.NaN])).toBe(-1);
  });
});

describe("local scorers on hand-made vectors", () => {
  it("zero-shot picks the most cosine-similar description", () => {
    const score = zeroShotScorer([
      [1, 0],
      [0, 1],
    ]);
    expect(score([3, 1])).toEqual([3 / Math.sqrt(10), 1 / Math.sqrt(10)]);
    expect(argmax(score([1, 2]))).toBe(1);
  });

  it("few-shot uses the class centroids", () => {
    // centroids: class 0 at (1, 0.5), class 1 at (-1, 0)
    const score = centroidScorer(
      [
        [1, 0],
        [1, 1],
        [-1, 1],
        [-1, -1],
      ],
      [0, 0, 1, 1],
      2,
    );
    expect(argmax(score([0.9, 0.4]))).toBe(0);
    expect(argmax(score([-2, 0.1]))).toBe(1);
    expect(() => centroidScorer([[1, 0]], [0], 2)).toThrow(/no examples/);
  });

  it("the logistic probe separates separable data and gives probabilities", () => {
    const x: Vector[] = [];
    const y: number[] = [];
    for (let i = 0; i < 40; i++) {
      const c = i % 2;
      x.push([c ? 1 + (i % 5) / 10 : -1 - (i % 5) / 10, ((i * 7) % 11) / 11 - 0.5]);
      y.push(c);
    }
    const probe = trainLogisticProbe(x, y, 2, { epochs: 200, learningRate: 1 });
    x.forEach((v, i) => {
      expect(argmax(probe(v))).toBe(y[i]);
    });
    const p = probe([0.5, 0]);
    expect((p[0] ?? 0) + (p[1] ?? 0)).toBeCloseTo(1, 12);
    expect(p[1]).toBeGreaterThan(0.5);
  });

  it("splits train and validation disjointly and reproducibly", () => {
    const a = trainValidationSplit(100, 0.2, 5);
    expect(a.validation).toHaveLength(20);
    expect(new Set([...a.train, ...a.validation]).size).toBe(100);
    expect(trainValidationSplit(100, 0.2, 5)).toEqual(a);
  });
});

describe("local labeling of the SpamAssassin sample with the offline encoder", () => {
  const sample = parseSpamSample(readFileSync("public/generated/corpora/spam-sample.json"));
  const task: TaskSpec = {
    labels: [
      {
        name: "spam",
        description: "An unsolicited advertisement: buy now, free offer, make money, click here.",
      },
      {
        name: "ham",
        description: "A personal or work email, or a discussion on a technical mailing list.",
      },
    ],
    mode: "single",
    instructions: "",
    template: "{text}",
    examples: [],
    model: "use-lite",
    parameters: {},
    votes: 1,
  };
  const items = sample.messages.map((m) => ({ id: m.id, text: `${m.subject}\n${m.body}` }));
  const gold = sample.messages.map((m) => m.label);

  it("zero-shot through the job runner, with consistent metrics; then a linear probe with validation metrics", async () => {
    const encoder = await testEncoder();
    const memo = new Map<string, Vector>();
    // each text is encoded once; the direct check below reuses the runner's embeddings
    const embed = async (texts: string[]) => {
      const missing = texts.filter((t) => !memo.has(t));
      if (missing.length > 0)
        (await encoder.encode(missing)).forEach((e, i) =>
          memo.set(missing[i] as string, e.sentenceEmbedding as Vector),
        );
      return texts.map((t) => memo.get(t) as Vector);
    };
    const labelVectors = await embed(task.labels.map((l) => l.description));
    const scorer = zeroShotScorer(labelVectors);
    const summary = await runJob({
      task,
      items,
      provider: createLocalLabeler(task, embed, scorer),
      store: memoryStore(),
      concurrency: 16,
    });
    expect(summary.status).toBe("done");
    expect(summary.results).toHaveLength(500);
    expect(summary.results.every((r) => r.status === "labelled" && r.requests === 1)).toBe(true);

    // the runner's labels equal scoring the embeddings directly
    const vectors = await embed(items.map((i) => i.text));
    const direct = vectors.map((v) => task.labels[argmax(scorer(v))]?.name ?? "");
    const viaRunner = summary.results.map((r) => r.labels[0] ?? null);
    expect(viaRunner).toEqual(direct);

    const e = evaluate(gold, viaRunner, ["spam", "ham"]);
    expect(e.accuracy.value).toBeCloseTo(gold.filter((g, i) => g === direct[i]).length / 500, 12);
    expect(e.kappa.value).toBeCloseTo(kappaFromMatrix(e.matrix).value ?? NaN, 12);
    expect(e.kappa.value).toBeCloseTo(cohenKappa(gold, viaRunner).value ?? NaN, 12);
    expect(e.macroF1.value).toBeCloseTo(
      ((e.perClass[0]?.f1 ?? 0) + (e.perClass[1]?.f1 ?? 0)) / 2,
      12,
    );

    const split = trainValidationSplit(500, 0.2, 1);
    const y = gold.map((g) => (g === "spam" ? 0 : 1));
    const probe = trainLogisticProbe(
      split.train.map((i) => vectors[i] as Vector),
      split.train.map((i) => y[i] as number),
      2,
    );
    const predicted = split.validation.map(
      (i) => task.labels[argmax(probe(vectors[i] as Vector))]?.name ?? null,
    );
    const validation = evaluate(
      split.validation.map((i) => gold[i] as string),
      predicted,
      ["spam", "ham"],
    );
    expect(validation.n).toBe(100);
    expect(validation.matrix.flat().reduce((a, b) => a + b, 0)).toBe(100);
    expect(validation.kappa.value).toBeCloseTo(kappaFromMatrix(validation.matrix).value ?? NaN, 12);
    // few-shot centroids from the training split score every item
    const centroids = centroidScorer(
      split.train.map((i) => vectors[i] as Vector),
      split.train.map((i) => y[i] as number),
      2,
    );
    expect(split.validation.every((i) => centroids(vectors[i] as Vector).length === 2)).toBe(true);
  }, 300_000);
});
