/**
 * Labeling benchmarks (issue #7), in Node:
 * - a 1,000-item job against the fake OpenAI server at 200 ms latency with
 *   concurrency 16: wall time, and its ratio to sequential calls. The
 *   sequential time is measured on the first 50 items and extrapolated ×20
 *   (1,000 sequential calls at 200 ms would take over 3 minutes per run);
 * - local zero-shot labeling (offline encoder + runner) items per second;
 * - the local provider's zero-shot and linear-probe accuracy on the bundled
 *   SpamAssassin sample (printed, not a measurement of speed).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseSpamSample } from "../src/lib/corpora/index";
import { loadEncoder } from "../src/lib/encoder/index";
import {
  argmax,
  centroidScorer,
  createLocalLabeler,
  createOpenAIChat,
  evaluate,
  memoryStore,
  parseLabelLines,
  runJob,
  trainLogisticProbe,
  trainValidationSplit,
  zeroShotScorer,
  type LabelItem,
  type TaskSpec,
  type Vector,
} from "../src/lib/labeling/index";
import { parseCSV } from "../src/lib/labeling/table";
import { BUNDLED } from "../src/widgets/LabelingSandbox/datasets";
import { startFakeOpenAI } from "../tests/unit/labeling/fake-openai";
import type { BenchSuite, Measurement } from "./lib/runner";

const RUNS = Number(process.env["BENCH_LABELING_RUNS"] ?? 3);
const KEY = "sk-bench";
const SEQUENTIAL_SAMPLE = 50;

const task = (labels: [string, string][], model = "gpt-4.1-mini"): TaskSpec => ({
  labels: labels.map(([name, description]) => ({ name, description })),
  mode: "single",
  instructions: "You label emails.",
  template: "{text}",
  examples: [],
  model,
  parameters: {},
  votes: 1,
});
const SPAM: [string, string][] = [
  ["spam", "An unsolicited advertisement: buy now, free offer, make money, click here."],
  ["ham", "A personal or work email, or a discussion on a technical mailing list."],
];

async function fakeServerRuns(): Promise<Measurement[]> {
  const server = await startFakeOpenAI({ apiKey: KEY, latencyMs: 200 });
  const items: LabelItem[] = Array.from({ length: 1000 }, (_, i) => ({
    id: `i${i}`,
    text: `[id:i${i}] message ${i}`,
  }));
  const provider = createOpenAIChat({ apiKey: KEY, baseURL: server.baseURL });
  const concurrent: number[] = [];
  const sequential: number[] = [];
  const ratio: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      let start = performance.now();
      await runJob({ task: task(SPAM), items, provider, store: memoryStore(), concurrency: 16 });
      const wall = performance.now() - start;
      start = performance.now();
      await runJob({
        task: task(SPAM),
        items: items.slice(0, SEQUENTIAL_SAMPLE),
        provider,
        store: memoryStore(),
        concurrency: 1,
      });
      const seq = ((performance.now() - start) * items.length) / SEQUENTIAL_SAMPLE;
      concurrent.push(wall / 1000);
      sequential.push(seq / 1000);
      ratio.push(seq / wall);
    }
  } finally {
    await server.close();
  }
  return [
    {
      name: "fake server 200 ms, 1,000 items, concurrency 16: wall",
      unit: "s",
      values: concurrent,
      target: "≈ 1000 × 0.2 / 16 = 12.5 s",
    },
    {
      name: `sequential, extrapolated from ${SEQUENTIAL_SAMPLE} items ×20`,
      unit: "s",
      values: sequential,
    },
    { name: "speed-up over sequential", unit: "ratio", values: ratio, target: "≤ 16×" },
  ];
}

async function localRuns(): Promise<Measurement[]> {
  const models = fileURLToPath(new URL("../public/generated/models/", import.meta.url));
  const encoder = await loadEncoder({ localModelPath: models });
  const sample = parseSpamSample(
    readFileSync(
      fileURLToPath(new URL("../public/generated/corpora/spam-sample.json", import.meta.url)),
    ),
  );
  const spamTask = task(SPAM, "use-lite");
  const items = sample.messages.map((m) => ({ id: m.id, text: `${m.subject}\n${m.body}` }));
  const gold = sample.messages.map((m) => m.label);
  const embed = async (texts: string[]) =>
    (await encoder.encode(texts)).map((e) => e.sentenceEmbedding as Vector);
  const scorer = zeroShotScorer(await embed(SPAM.map(([, d]) => d)));
  const rates: number[] = [];
  const subset = items.slice(0, 200);
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    await runJob({
      task: spamTask,
      items: subset,
      provider: createLocalLabeler(spamTask, embed, scorer),
      store: memoryStore(),
      concurrency: 16,
    });
    rates.push(subset.length / ((performance.now() - start) / 1000));
  }
  // accuracy on all 500: zero-shot, few-shot centroids and the linear probe (validation split)
  const vectors = await embed(items.map((i) => i.text));
  const names = SPAM.map(([n]) => n);
  const zero = evaluate(
    gold,
    vectors.map((v) => names[argmax(scorer(v))] ?? null),
    names,
  );
  const split = trainValidationSplit(items.length, 0.2, 1);
  const y = gold.map((g) => names.indexOf(g));
  const trainX = split.train.map((i) => vectors[i] as Vector);
  const trainY = split.train.map((i) => y[i] as number);
  const probe = trainLogisticProbe(trainX, trainY, 2);
  const centroid = centroidScorer(trainX, trainY, 2);
  const valGold = split.validation.map((i) => gold[i] as string);
  const onVal = (s: (v: Vector) => number[]) =>
    evaluate(
      valGold,
      split.validation.map((i) => names[argmax(s(vectors[i] as Vector))] ?? null),
      names,
    );
  const probeEval = onVal(probe);
  const centroidEval = onVal(centroid);
  const zeroVal = onVal(scorer);
  console.log(
    `SpamAssassin sample (500, balanced): zero-shot accuracy ${zero.accuracy.toFixed(3)} (macro F1 ${zero.macroF1.toFixed(3)}, κ ${zero.kappa.toFixed(3)}) on all 500; ` +
      `on the 100-item validation split: zero-shot ${zeroVal.accuracy.toFixed(3)}, centroid (400 training examples) ${centroidEval.accuracy.toFixed(3)}, ` +
      `linear probe ${probeEval.accuracy.toFixed(3)} (macro F1 ${probeEval.macroF1.toFixed(3)}, κ ${probeEval.kappa.toFixed(3)})`,
  );
  const politics = await politicsAccuracy(embed);
  return [
    ...politics,
    {
      name: "local zero-shot (offline encoder) in Node",
      unit: "count",
      values: rates.map((r) => Math.round(r)),
      target: "items/s",
    },
    {
      name: "SpamAssassin zero-shot accuracy ×1000 (all 500)",
      unit: "count",
      values: [Math.round(zero.accuracy * 1000)],
    },
    {
      name: "SpamAssassin linear-probe accuracy ×1000 (validation 100)",
      unit: "count",
      values: [Math.round(probeEval.accuracy * 1000)],
    },
  ];
}

/**
 * The sandbox's default dataset with its default codebook (what a learner
 * gets on pressing Label): zero-shot on all 300 sentences and on the first 40
 * (the default rows), and the linear probe on a seeded validation split.
 */
async function politicsAccuracy(
  embed: (texts: string[]) => Promise<Vector[]>,
): Promise<Measurement[]> {
  const table = parseCSV(
    readFileSync(
      fileURLToPath(new URL("../public/generated/labeling/politics.csv", import.meta.url)),
      "utf8",
    ),
  );
  const labels = parseLabelLines(BUNDLED.politics.codebook.labels);
  const names = labels.map((l) => l.name);
  const gold = table.rows.map((r) => r["label"] ?? "");
  const vectors = await embed(table.rows.map((r) => `Text: ${r["text"] ?? ""}`));
  const scorer = zeroShotScorer(await embed(labels.map((l) => l.description)));
  const predicted = vectors.map((v) => names[argmax(scorer(v))] ?? null);
  const all = evaluate(gold, predicted, names);
  const first = evaluate(gold.slice(0, 40), predicted.slice(0, 40), names);
  const split = trainValidationSplit(vectors.length, 0.2, 1);
  const y = gold.map((g) => names.indexOf(g));
  const probe = trainLogisticProbe(
    split.train.map((i) => vectors[i] as Vector),
    split.train.map((i) => y[i] as number),
    names.length,
  );
  const probeEval = evaluate(
    split.validation.map((i) => gold[i] as string),
    split.validation.map((i) => names[argmax(probe(vectors[i] as Vector))] ?? null),
    names,
  );
  console.log(
    `Politics sample (300, SOTU vs Moby Dick): zero-shot accuracy ${all.accuracy.toFixed(3)} (κ ${all.kappa.toFixed(3)}) on all 300, ` +
      `${first.accuracy.toFixed(3)} on the first 40 (the sandbox's default); linear probe ${probeEval.accuracy.toFixed(3)} on a 60-item validation split`,
  );
  return [
    {
      name: "politics zero-shot accuracy ×1000 (all 300)",
      unit: "count",
      values: [Math.round(all.accuracy * 1000)],
    },
    {
      name: "politics linear-probe accuracy ×1000 (validation 60)",
      unit: "count",
      values: [Math.round(probeEval.accuracy * 1000)],
    },
  ];
}

export const suite: BenchSuite = {
  name: "labeling",
  async run() {
    return [...(await fakeServerRuns()), ...(await localRuns())];
  },
};
