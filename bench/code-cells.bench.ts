/**
 * Code cells (issue #8), in Chromium against a production build:
 * - from focusing a cell (no scroll) to Run-ready (Monaco, its workers and the
 *   lab types loaded, Run enabled), cold cache, median of runs (target ≤ 3 s);
 * - from Run to the result of a cell that needs no data (transpile + sandbox start);
 * - the JavaScript each lesson page with cells ships before a cell is used (gzip;
 *   budget 30 KiB, tests/e2e/budget.test.ts).
 * Serves BENCH_DIST when set (a folder from `astro build --outDir …`), else
 * builds one with bench/lib/preview.ts.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { measurePage } from "./lib/page-js";
import { launchBrowser, startPreview, type Preview } from "./lib/preview";
import type { BenchSuite, Measurement } from "./lib/runner";

const RUNS = Number(process.env["BENCH_CELLS_RUNS"] ?? 5);
const PORT = Number(process.env["BENCH_CELLS_PORT"] ?? 4437);
const LESSON = "/lessons/07-labeling-with-llms/";

async function serve(): Promise<{ preview: Preview; dist: string }> {
  const preview = await startPreview(PORT);
  return { preview, dist: preview.dist };
}

/** In-page: focus the first cell's starter (no scroll) and time until Run is enabled. */
const FOCUS_TO_READY = `new Promise((resolve) => {
  const cell = document.querySelector("code-cell#cell-kappa");
  const run = cell.querySelector('[data-part="run"]');
  const start = performance.now();
  const check = () => {
    if (cell.dataset.ready === "true" && !run.disabled) resolve(performance.now() - start);
    else requestAnimationFrame(check);
  };
  cell.querySelector('[data-part="source"]').focus({ preventScroll: true });
  check();
})`;

export const suite: BenchSuite = {
  name: "code-cells",
  async run() {
    const { preview, dist } = await serve();
    const ready: number[] = [];
    const firstRun: number[] = [];
    try {
      const browser = await launchBrowser();
      try {
        for (let i = 0; i < RUNS; i++) {
          const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
          const page = await context.newPage();
          await page.goto(`${preview.url}${LESSON}`);
          await page.waitForLoadState("networkidle");
          ready.push(Math.round(await page.evaluate<number>(FOCUS_TO_READY)));
          const cell = page.locator("code-cell#cell-kappa");
          const start = Date.now();
          await cell.locator('[data-part="run"]').click();
          await page.waitForFunction(
            `/^(done|passed|failed|error)$/.test(document.querySelector("code-cell#cell-kappa").dataset.status ?? "")`,
          );
          firstRun.push(Date.now() - start);
          await context.close();
        }
      } finally {
        await browser.close();
      }
    } finally {
      preview.stop();
    }
    const lessons = readdirSync(join(dist, "lessons"));
    const pages = lessons
      .filter((l) => readdirSync("content/lessons").includes(l))
      .filter((l) => readdirSync(`content/lessons/${l}`).includes("cells"))
      .map((l) => measurePage(dist, join(dist, "lessons", l, "index.html")));
    const rows: Measurement[] = [
      {
        name: "focus a cell → Run-ready (Chromium, cold cache)",
        unit: "ms",
        values: ready,
        target: "≤ 3000 ms",
      },
      {
        name: "first Run → result (no data; transpile + sandbox start)",
        unit: "ms",
        values: firstRun,
      },
      {
        name: "lesson page JS before a cell is used (gzip, pages with cells)",
        unit: "bytes",
        values: pages.map((p) => p.gzipBytes),
        target: "≤ 30 KiB",
      },
    ];
    return rows;
  },
};
