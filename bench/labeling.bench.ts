/**
 * Labeling benchmarks (issue #7), in Node:
 * - a 1,000-item job against the fake OpenAI server at 200 ms latency with
 *   concurrency 16: wall time, and its ratio to sequential calls. The
 *   sequential time is measured on the first 50 items and extrapolated ×20
 *   (1,000 sequential calls at 200 ms would take over 3 minutes per run);
 * - local zero-shot labeling through the job code (offline encoder) items per second;
 * - what a learner gets: each bundled set with each local method at the
 *   sandbox's defaults, through the same job code the sandbox and the CLI run
 *   (src/lib/labeling/node-bundled.ts), accuracy against the gold labels.
 */
import {
  BUNDLED,
  memoryStore,
  runJob,
  statisticText,
  type LabelItem,
  type TaskSpec,
} from "../src/lib/labeling";
import { createOpenAIChat } from "../src/lib/labeling/openai";
import { labelBundledLocally, nodeEmbedder } from "../src/lib/labeling/node";

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

/** Items per second through the job code, and what a learner gets from each bundled set and method. */
async function localRuns(): Promise<Measurement[]> {
  const embed = await nodeEmbedder();
  const rates: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const result = await labelBundledLocally("spam", BUNDLED.spam, "zero-shot", embed, 200);
    rates.push(result.results.length / ((performance.now() - start) / 1000));
  }
  const out: Measurement[] = [
    {
      name: "local zero-shot, 200 SpamAssassin emails through the job (offline encoder, Node)",
      unit: "count",
      values: rates.map((r) => Math.round(r)),
      target: "items/s",
    },
  ];
  // the sandbox's defaults: the codebook's first rows labelled, the rest the pool
  for (const name of ["politics", "spam"] as const)
    for (const method of ["zero-shot", "centroid", "probe"] as const) {
      const run = await labelBundledLocally(name, BUNDLED[name], method, embed);
      const e = run.report.evaluation;
      console.log(
        `${name}, ${method}, first ${run.record.items.length} rows: accuracy ${e ? statisticText(e.accuracy, run.report.accuracy) : "–"}` +
          (e ? `, κ ${statisticText(e.kappa, run.report.kappa)}` : "") +
          (run.validationAccuracy !== undefined
            ? `; probe validation ${run.validationAccuracy.toFixed(3)}`
            : ""),
      );
      if (e?.accuracy.value !== undefined)
        out.push({
          name: `${name} ${method} accuracy ×1000 (the sandbox's first ${run.record.items.length} rows)`,
          unit: "count",
          values: [Math.round(e.accuracy.value * 1000)],
        });
    }
  return out;
}

export const suite: BenchSuite = {
  name: "labeling",
  async run() {
    return [...(await fakeServerRuns()), ...(await localRuns())];
  },
};
