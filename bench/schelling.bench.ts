/**
 * Schelling simulator benchmarks (issue #6), in Node on one core:
 * - building a 1000 × 1000 grid (density 0.9) and its first sweep at a 30 % threshold;
 * - steps per second of the classroom rule on 100 × 100, and its first sweep on 1000 × 1000.
 * When the site is built (dist/), also frames per second in Chromium while the
 * widget plays a 300 × 300 grid.
 */
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { createSchelling, type SchellingOptions } from "../src/lib/schelling/index";
import { startPreview } from "./lib/preview";
import { median, type BenchSuite, type Measurement } from "./lib/runner";

const RUNS = Number(process.env["BENCH_SCHELLING_RUNS"] ?? 7);

const BIG: SchellingOptions = {
  width: 1000,
  height: 1000,
  density: 0.9,
  rule: "threshold",
  wanted: 0.3,
  boundary: "torus",
  seed: 1,
};

function firstSweep(): { create: number[]; sweep: number[]; moved: number[] } {
  const create: number[] = [];
  const sweep: number[] = [];
  const moved: number[] = [];
  // One untimed run warms up the JIT, as a widget that has run before would be.
  for (let run = -1; run < RUNS; run++) {
    let start = performance.now();
    const model = createSchelling({ ...BIG, seed: run + 2 });
    const built = performance.now() - start;
    start = performance.now();
    const count = model.sweep();
    const swept = performance.now() - start;
    if (run < 0) continue;
    create.push(built);
    sweep.push(swept);
    moved.push(count);
  }
  return { create, sweep, moved };
}

/** The classroom rule's first sweep on 1000 × 1000 (density 0.9, k = 2). */
function classroomFirstSweep(): number[] {
  const times: number[] = [];
  for (let run = 0; run < Math.min(RUNS, 5); run++) {
    const model = createSchelling({ width: 1000, height: 1000, density: 0.9, seed: run + 2 });
    const start = performance.now();
    model.sweep();
    times.push(performance.now() - start);
  }
  return times;
}

/** Classroom-rule steps per second on 100 × 100 (density 0.9, k = 2), restarting when settled. */
function classroomStepsPerSecond(): number[] {
  const rates: number[] = [];
  for (let run = -1; run < RUNS; run++) {
    let model = createSchelling({ width: 100, height: 100, density: 0.9, seed: run + 2 });
    let steps = 0;
    const start = performance.now();
    while (performance.now() - start < 300) {
      for (let i = 0; i < 100; i++) {
        if (model.step()) steps++;
        else model = createSchelling({ width: 100, height: 100, density: 0.9, seed: steps });
      }
    }
    if (run >= 0) rates.push(Math.round(steps / ((performance.now() - start) / 1000)));
  }
  return rates;
}

const PORT = 4331;
const LESSON = "dist/lessons/06-agent-based-models/index.html";
const BROWSER_RUNS = 3;

/**
 * Frames per second (requestAnimationFrame callbacks) and rounds per second in
 * Chromium while the widget plays a 300 × 300 grid at full speed. The wanted
 * share is 75 %, so the model keeps moving agents instead of settling.
 */
async function browserFps(seconds = 3): Promise<{ fps: number[]; rounds: number[] }> {
  const server = await startPreview(PORT, "dist");
  const fps: number[] = [];
  const rounds: number[] = [];
  try {
    const system = "/usr/bin/chromium";
    const browser = await chromium.launch({
      ...(existsSync(system) ? { executablePath: system } : {}),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    try {
      for (let run = 0; run < BROWSER_RUNS; run++) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        await page.goto(
          `${server.url}/lessons/06-agent-based-models/?sg.mode=simulator&sg.w=300&sg.h=300&sg.want=75&sg.speed=6&sg.seed=${run + 1}`,
        );
        const widget = page.locator("schelling-game");
        await widget.scrollIntoViewIfNeeded();
        await page.locator('schelling-game[data-ready="true"]').waitFor();
        await widget.getByRole("button", { name: "Play" }).click();
        await page.waitForTimeout(500);
        const startRounds = Number(await widget.getAttribute("data-rounds"));
        // A string, not a function: tsx would wrap a function's inner names in a helper
        // that does not exist in the page.
        const rate = await page.evaluate<number>(`new Promise((resolve) => {
          let frames = 0;
          const start = performance.now();
          requestAnimationFrame(function frame(now) {
            frames++;
            if (now - start < ${seconds * 1000}) requestAnimationFrame(frame);
            else resolve((frames / (now - start)) * 1000);
          });
        })`);
        const endRounds = Number(await widget.getAttribute("data-rounds"));
        fps.push(Math.round(rate * 10) / 10);
        rounds.push(Math.round(((endRounds - startRounds) / seconds) * 10) / 10);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  } finally {
    server.stop();
  }
  return { fps, rounds };
}

export const suite: BenchSuite = {
  name: "schelling",
  async run() {
    const { create, sweep, moved } = firstSweep();
    const rows: Measurement[] = [
      { name: "create 1000×1000, density 0.9", unit: "ms", values: create },
      {
        name: "first sweep 1000×1000, threshold 30 %",
        unit: "ms",
        values: sweep,
        target: "≤ 500 ms",
      },
      { name: "agents moved in that sweep", unit: "count", values: moved },
      {
        name: "classroom rule first sweep 1000×1000",
        unit: "ms",
        values: classroomFirstSweep(),
      },
      {
        name: "classroom rule steps/s, 100×100",
        unit: "count",
        values: classroomStepsPerSecond(),
      },
    ];
    if (existsSync(LESSON)) {
      const { fps, rounds } = await browserFps();
      rows.push(
        { name: "Chromium fps while playing 300×300", unit: "count", values: fps, target: "≥ 30" },
        { name: "rounds/s meanwhile (in the worker)", unit: "count", values: rounds },
      );
    } else {
      console.log(`(no ${LESSON}: run npm run build for the browser benchmark)`);
    }
    console.log(`(first sweep median ${median(sweep).toFixed(0)} ms over ${RUNS} runs)`);
    return rows;
  },
};
