/**
 * LabelingSandbox (lesson 07) benchmarks, with a seeded 100,000-row CSV of
 * about 50 MB (bench/lib/big-csv.ts: texts of ~480 characters, all quoted,
 * some with "" quotes and line breaks):
 * - Node: parseCSV then datasetFromTable (src/lib/labeling/table.ts), median ms,
 *   and memory: heap retained after a garbage collection and RSS increase.
 *   `global.gc` is used when exposed (NODE_OPTIONS=--expose-gc), else it is
 *   exposed at run time through node:v8; without either, heap figures include garbage;
 * - Chromium, against a production build: from choosing the file in the widget
 *   to "100,000 rows" in its summary and the next frame (read + parse + render),
 *   the JS heap after that (CDP, after a GC), and scrolling the virtualised
 *   table 60 steps of 2,000 px, one step per animation frame: frame times
 *   (median and p95 per run) and the most rows in the DOM at once;
 * - Chromium: local zero-shot labeling of 120 politics sentences, items/s from
 *   the click on Label to the last result: cold (the offline model loads) and
 *   warm (after Start over, same page). Node items/s is in labeling.bench.ts.
 * BENCH_DIST serves an existing build (e.g. /tmp/dist-bench) instead of building;
 * BENCH_SANDBOX_RUNS, BENCH_SANDBOX_BROWSER_RUNS and BENCH_SANDBOX_PORT adjust it.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { Browser, Page } from "@playwright/test";
import { datasetFromTable, parseCSV } from "../src/lib/labeling";
import { MAX_FILE_BYTES } from "../src/widgets/LabelingSandbox/datasets";
import { bigLabelingCsv } from "./lib/big-csv";
import { launchBrowser, startPreview, type Preview } from "./lib/preview";
import { median, type BenchSuite, type Measurement } from "./lib/runner";

const ROWS = 100_000;
const RUNS = Number(process.env["BENCH_SANDBOX_RUNS"] ?? 5);
const BROWSER_RUNS = Number(process.env["BENCH_SANDBOX_BROWSER_RUNS"] ?? 3);
const PORT = Number(process.env["BENCH_SANDBOX_PORT"] ?? 4392);
const LESSON = "/lessons/07-labeling-with-llms/";
const SCROLL_STEPS = 60;
const SCROLL_PX = 2000;
const LABEL_ROWS = 120;
const MB = 1024 * 1024;

function serve(): Promise<Preview> {
  return startPreview(PORT);
}

/** A garbage collector: global.gc when exposed, else exposed now through V8's flags; null if neither works. */
function findGc(): { gc: (() => void) | null; how: string } {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === "function") return { gc: exposed, how: "global.gc" };
  try {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as unknown;
    if (typeof gc === "function") return { gc: gc as () => void, how: "gc exposed via node:v8" };
  } catch {
    // fall through
  }
  return { gc: null, how: "no gc: heap figures include garbage" };
}

interface NodeRun {
  parse: number;
  dataset: number;
  /** heapUsed right after, before any GC, minus before (includes garbage). */
  grown: number;
  /** heapUsed after a GC, with the table and dataset still referenced, minus before. */
  retained: number;
  /** RSS right after minus before. */
  rss: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Collects garbage and gives V8 time to return freed pages, so RSS settles. */
async function settle(gc: (() => void) | null): Promise<void> {
  for (let i = 0; i < 2; i++) {
    gc?.();
    await sleep(150);
  }
}

/**
 * One run, in its own call: locals of an earlier run must not stay referenced
 * (an interpreter register would keep the last table alive into the next baseline).
 */
async function nodeRun(csv: string, gc: (() => void) | null): Promise<NodeRun> {
  await settle(gc);
  const before = process.memoryUsage();
  const start = performance.now();
  const table = parseCSV(csv);
  const parsed = performance.now();
  const data = datasetFromTable(table, { text: "text", gold: "label", id: "id" });
  const done = performance.now();
  const after = process.memoryUsage();
  await settle(gc);
  const kept = process.memoryUsage();
  if (table.rows.length !== ROWS || data.items.length !== ROWS || data.gold.size !== ROWS)
    throw new Error(`parsed ${table.rows.length} rows, ${data.items.length} items`);
  return {
    parse: parsed - start,
    dataset: done - parsed,
    grown: after.heapUsed - before.heapUsed,
    retained: kept.heapUsed - before.heapUsed,
    rss: after.rss - before.rss,
  };
}

const WIDGET_ERROR = `document.querySelector("labeling-sandbox [data-widget-error]:not([hidden])")?.textContent ?? ""`;

/** Opens the lesson in a fresh context and waits for the sandbox with its bundled dataset. */
async function openSandbox(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${url}${LESSON}`);
  const widget = page.locator("labeling-sandbox");
  await widget.scrollIntoViewIfNeeded();
  await page.waitForFunction(
    `document.querySelector("labeling-sandbox")?.dataset.ready === "true" &&
     /\\b300 rows\\b/.test(document.querySelector('labeling-sandbox [data-part="data-summary"]')?.textContent ?? "")`,
    null,
    { timeout: 60_000 },
  );
  return page;
}

interface Heap {
  /** V8 heap in use after a GC (CDP Runtime.getHeapUsage). */
  used: number;
  /** External strings and array buffers (Blink hands a file's text to V8 as an external string). */
  backing: number;
  /** performance.memory.usedJSHeapSize: bucketed and cached by Chromium without --enable-precise-memory-info. */
  memory: number;
}

async function heap(page: Page): Promise<Heap> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize, backingStorageSize } = await cdp.send("Runtime.getHeapUsage");
  await cdp.detach();
  const memory = await page.evaluate<number>(
    "performance.memory ? performance.memory.usedJSHeapSize : Number.NaN",
  );
  return { used: usedSize, backing: backingStorageSize, memory };
}

/** In the page: timestamps of the file input's change, the summary text, and the frame after it. */
const WATCH_LOAD = `(() => {
  const w = document.querySelector("labeling-sandbox");
  const summary = w.querySelector('[data-part="data-summary"]');
  const t = (window.__csvLoad = {});
  w.querySelector('[data-part="file"]').addEventListener("change", () => { t.change = performance.now(); }, { capture: true, once: true });
  const observer = new MutationObserver(() => {
    if (t.text || !/\\b100,000 rows\\b/.test(summary.textContent)) return;
    t.text = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { t.frame = performance.now(); }, 0));
  });
  observer.observe(summary, { childList: true, characterData: true, subtree: true });
})()`;

interface Scroll {
  frames: number[];
  maxRows: number;
  top: number;
  firstIndex: number;
}

/** In the page: scroll the data table one step per animation frame and time the frames. */
const SCROLL = `new Promise((resolve) => {
  const vt = document.querySelector('labeling-sandbox [data-part="data-table"] .vt');
  const frames = [];
  let maxRows = 0;
  let last = 0;
  let step = 0;
  const tick = (now) => {
    if (last) frames.push(now - last);
    last = now;
    maxRows = Math.max(maxRows, Number(vt.dataset.renderedRows));
    if (step++ === ${SCROLL_STEPS}) {
      // the table paints the last step in this frame, after this callback: read it in the next one
      requestAnimationFrame(() => {
        const first = vt.querySelector(".vt-row");
        maxRows = Math.max(maxRows, Number(vt.dataset.renderedRows));
        resolve({ frames, maxRows, top: vt.scrollTop, firstIndex: Number(first ? first.dataset.index : -1) });
      });
      return;
    }
    vt.scrollTop += ${SCROLL_PX};
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

interface BrowserCsv {
  toText: number[];
  toFrame: number[];
  heapAfter: number[];
  heapGrowth: number[];
  backingGrowth: number[];
  memoryApi: number[];
  frameMedian: number[];
  frameP95: number[];
  maxRows: number[];
}

async function browserCsv(browser: Browser, url: string, file: string): Promise<BrowserCsv> {
  const out: BrowserCsv = {
    toText: [],
    toFrame: [],
    heapAfter: [],
    heapGrowth: [],
    backingGrowth: [],
    memoryApi: [],
    frameMedian: [],
    frameP95: [],
    maxRows: [],
  };
  for (let run = 0; run < BROWSER_RUNS; run++) {
    const page = await openSandbox(browser, url);
    try {
      const widget = page.locator("labeling-sandbox");
      await widget.locator('[data-part="dataset"]').selectOption("file");
      const before = await heap(page);
      await page.evaluate(WATCH_LOAD);
      await widget.locator('[data-part="file"]').setInputFiles(file);
      await page.waitForFunction(
        `window.__csvLoad.frame !== undefined || (${WIDGET_ERROR}) !== ""`,
        null,
        {
          timeout: 120_000,
        },
      );
      const error = await page.evaluate<string>(WIDGET_ERROR);
      if (error) throw new Error(`the sandbox said: ${error}`);
      const t = await page.evaluate<{ change: number; text: number; frame: number }>(
        "window.__csvLoad",
      );
      out.toText.push(t.text - t.change);
      out.toFrame.push(t.frame - t.change);
      // let the debounced prompt preview (another datasetFromTable) finish before measuring
      await page.waitForTimeout(1000);
      const after = await heap(page);
      out.heapAfter.push(after.used);
      out.heapGrowth.push(after.used - before.used);
      out.backingGrowth.push(after.backing - before.backing);
      out.memoryApi.push(after.memory);
      const table = widget.locator('[data-part="data-table"] .vt');
      await table.scrollIntoViewIfNeeded();
      const scroll = await page.evaluate<Scroll>(SCROLL);
      const expectedFirst = Math.max(0, Math.floor(scroll.top / 32) - 8);
      if (scroll.top !== SCROLL_STEPS * SCROLL_PX || scroll.firstIndex !== expectedFirst)
        throw new Error(
          `the table did not follow the scroll: scrollTop ${scroll.top}, first row ${scroll.firstIndex}`,
        );
      out.frameMedian.push(median(scroll.frames));
      out.frameP95.push(percentile(scroll.frames, 95));
      out.maxRows.push(scroll.maxRows);
    } finally {
      await page.context().close();
    }
  }
  return out;
}

interface Labeling {
  cold: number[];
  warm: number[];
  /** The rate the widget prints (from the first request, so without the model load). */
  shownCold: number[];
  shownWarm: number[];
}

async function labelOnce(page: Page, runs: number): Promise<{ rate: number; shown: number }> {
  const widget = page.locator("labeling-sandbox");
  const start = performance.now();
  await widget.locator('[data-part="run"]').click();
  await page.waitForFunction(
    `document.querySelector("labeling-sandbox").dataset.runs === "${runs}" || (${WIDGET_ERROR}) !== ""`,
    null,
    { timeout: 180_000 },
  );
  const seconds = (performance.now() - start) / 1000;
  const error = await page.evaluate<string>(WIDGET_ERROR);
  if (error) throw new Error(`the sandbox said: ${error}`);
  const stats = widget.locator('[data-part="stats"]');
  const done = await stats.getAttribute("data-done");
  if (done !== String(LABEL_ROWS)) throw new Error(`${done ?? "no"} items done, not ${LABEL_ROWS}`);
  const shown = /([\d.]+) items\/s/.exec((await stats.textContent()) ?? "")?.[1];
  return { rate: LABEL_ROWS / seconds, shown: shown ? Number(shown) : Number.NaN };
}

async function browserLabeling(browser: Browser, url: string): Promise<Labeling> {
  const out: Labeling = { cold: [], warm: [], shownCold: [], shownWarm: [] };
  for (let run = 0; run < BROWSER_RUNS; run++) {
    const page = await openSandbox(browser, url);
    try {
      const widget = page.locator("labeling-sandbox");
      await widget.locator('[data-part="rows"]').fill(String(LABEL_ROWS));
      await page.waitForFunction(
        `(document.querySelector('labeling-sandbox [data-part="cost"]')?.textContent ?? "").includes("Free: ${LABEL_ROWS} items")`,
      );
      const cold = await labelOnce(page, 1);
      await widget.locator('[data-part="clear"]').click();
      await page.waitForFunction(
        `document.querySelector('labeling-sandbox [data-part="stats"]').textContent === "Nothing labelled yet."`,
      );
      const warm = await labelOnce(page, 2);
      out.cold.push(cold.rate);
      out.warm.push(warm.rate);
      out.shownCold.push(cold.shown);
      out.shownWarm.push(warm.shown);
    } finally {
      await page.context().close();
    }
  }
  return out;
}

const oneDecimal = (values: number[]): number[] => values.map((v) => Math.round(v * 10) / 10);

export const suite: BenchSuite = {
  name: "sandbox",
  async run() {
    const generated = bigLabelingCsv(ROWS);
    if (generated.bytes > MAX_FILE_BYTES)
      throw new Error(`the CSV is ${generated.bytes} bytes, over the sandbox's limit`);
    const what = `${(ROWS / 1000).toFixed(0)}k rows, ${(generated.bytes / 1e6).toFixed(1)} MB`;
    console.log(
      `CSV: ${ROWS.toLocaleString("en")} rows, ${generated.bytes.toLocaleString("en")} bytes; ${generated.quoted.toLocaleString("en")} quoted texts, ${generated.withQuotes.toLocaleString("en")} with "" inside, ${generated.multiline.toLocaleString("en")} over two lines`,
    );
    const { gc, how } = findGc();
    const node: NodeRun[] = [];
    for (let run = 0; run < RUNS; run++) node.push(await nodeRun(generated.csv, gc));
    const each = (key: keyof NodeRun): number[] => node.map((r) => r[key]);
    console.log(
      `Node: parse + dataset ${median(node.map((r) => r.parse + r.dataset)).toFixed(0)} ms; heap retained ${(median(each("retained")) / MB).toFixed(1)} MiB, RSS +${(median(each("rss")) / MB).toFixed(1)} MiB (${how})`,
    );
    const rows: Measurement[] = [
      { name: `Node parseCSV (${what})`, unit: "ms", values: each("parse") },
      { name: "Node datasetFromTable (id, text, gold)", unit: "ms", values: each("dataset") },
      {
        name: "Node parseCSV + datasetFromTable",
        unit: "ms",
        values: node.map((r) => r.parse + r.dataset),
      },
      {
        name: `Node heap retained: table + dataset (${how})`,
        unit: "bytes",
        values: each("retained"),
      },
      { name: "Node heap growth before GC (incl. garbage)", unit: "bytes", values: each("grown") },
      { name: "Node RSS increase (right after, before GC)", unit: "bytes", values: each("rss") },
    ];

    const dir = mkdtempSync(join(tmpdir(), "llmlab-sandbox-"));
    const file = join(dir, "big.csv");
    writeFileSync(file, generated.csv);
    const preview = await serve();
    try {
      const browser = await launchBrowser();
      try {
        const csv = await browserCsv(browser, preview.url, file);
        console.log(
          `Chromium: ${median(csv.toFrame).toFixed(0)} ms to load the file; V8 heap +${(median(csv.heapGrowth) / MB).toFixed(1)} MiB, external strings +${(median(csv.backingGrowth) / MB).toFixed(1)} MiB`,
        );
        rows.push(
          {
            name: `Chromium: choose ${what} file → "100,000 rows" shown`,
            unit: "ms",
            values: csv.toText,
          },
          {
            name: "Chromium: … and the next frame (read + parse + render)",
            unit: "ms",
            values: csv.toFrame,
          },
          {
            name: "Chromium: JS heap after load (CDP, after GC)",
            unit: "bytes",
            values: csv.heapAfter,
          },
          {
            name: "Chromium: JS heap increase over before the file",
            unit: "bytes",
            values: csv.heapGrowth,
          },
          {
            name: "Chromium: external strings + buffers increase (CDP)",
            unit: "bytes",
            values: csv.backingGrowth,
          },
          {
            name: "Chromium: performance.memory.usedJSHeapSize after load",
            unit: "bytes",
            values: csv.memoryApi,
          },
          {
            name: `Chromium: table scroll, ${SCROLL_STEPS} × ${SCROLL_PX} px, median frame`,
            unit: "ms",
            values: csv.frameMedian,
            target: "≈ 16.7 ms (60 Hz)",
          },
          { name: "Chromium: table scroll, p95 frame", unit: "ms", values: csv.frameP95 },
          {
            name: "Chromium: table scroll, most rows in the DOM",
            unit: "count",
            values: csv.maxRows,
            target: "< 40",
          },
        );
        const labeling = await browserLabeling(browser, preview.url);
        rows.push(
          {
            name: `Chromium: local zero-shot, ${LABEL_ROWS} politics items, cold (model load)`,
            unit: "count",
            values: oneDecimal(labeling.cold),
            target: "items/s",
          },
          {
            name: "Chromium: local zero-shot, warm (after Start over)",
            unit: "count",
            values: oneDecimal(labeling.warm),
            target: "items/s",
          },
          {
            name: "Chromium: rate the widget shows, cold (excl. model load)",
            unit: "count",
            values: labeling.shownCold,
            target: "items/s",
          },
          {
            name: "Chromium: rate the widget shows, warm",
            unit: "count",
            values: labeling.shownWarm,
            target: "items/s",
          },
        );
      } finally {
        await browser.close();
      }
    } finally {
      preview.stop();
      rmSync(dir, { recursive: true, force: true });
    }
    console.log(
      `(load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")} on ${cpus().length} CPUs: timings are noisy; compare medians)`,
    );
    return rows;
  },
};
