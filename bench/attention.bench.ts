/**
 * AttentionView benchmarks (issue #5) for a 30-token sentence:
 * - Node: warm encode with the offline encoder (what the widget's worker does);
 * - Chromium: the head view's redraw on a layer change and on a head toggle,
 *   timed inside the page around the widget's own redraw calls (setLayer,
 *   setHeads) plus the style and canvas work they cause; and a token hover.
 * BENCH_DIST serves an existing build (e.g. /tmp/dist-attn) instead of building.
 */
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { loadEncoder } from "../src/lib/encoder/index";
import { launchBrowser, startPreview } from "./lib/preview";
import { median, timeRuns, type BenchSuite, type Measurement } from "./lib/runner";

const MODELS = fileURLToPath(new URL("../public/generated/models/", import.meta.url));
/** 30 tokens with the offline encoder (checked below). */
const SENTENCE =
  "John wants his bank to cash the check today, because his landlord asked for the rent before the end of the month and he has little money left.";
const RUNS = Number(process.env["BENCH_RUNS"] ?? 30);
const BROWSER_RUNS = Number(process.env["BENCH_BROWSER_RUNS"] ?? 60);
const PORT = 4373;

/**
 * In the page: time `runs` calls of a redraw. "js" stops the clock when the
 * call returns (plus the style recalculation it forces); "raster" also waits
 * for Chromium to rasterise the canvas (a 1-pixel read-back forces it; in
 * headless Chromium with --disable-gpu that is CPU rasterisation, the slow case).
 */
function timingScript(call: string, runs: number): string {
  // A string, not a function: tsx would wrap inner names in a helper the page lacks.
  return `(() => {
    const el = document.querySelector("attention-view");
    const svg = el.querySelector('[data-part="head-view"] svg');
    const context = el.querySelector('[data-part="head-view"] canvas').getContext("2d");
    const js = [];
    const raster = [];
    for (let i = 0; i < ${runs + 5}; i++) {
      const start = performance.now();
      ${call};
      svg.getBoundingClientRect();
      const returned = performance.now();
      context.getImageData(0, 0, 1, 1);
      const done = performance.now();
      if (i >= 5) {
        js.push(returned - start);
        raster.push(done - start);
      }
    }
    return { js, raster };
  })()`;
}

interface Timing {
  js: number[];
  raster: number[];
}

async function browserRedraw(): Promise<{
  tokens: number;
  cold: Timing;
  layer: Timing;
  heads: Timing;
  hover: Timing;
  lines: number;
}> {
  const dist = process.env["BENCH_DIST"];
  const preview = await startPreview(PORT, dist);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(
      `${preview.url}/lessons/03-how-llms-work/?att.s=${encodeURIComponent(SENTENCE)}`,
    );
    const widget = page.locator("attention-view");
    await widget.scrollIntoViewIfNeeded();
    await page.waitForFunction(
      () => document.querySelector("attention-view")?.hasAttribute("data-tokens"),
      null,
      { timeout: 120_000 },
    );
    const tokens = (JSON.parse((await widget.getAttribute("data-tokens")) ?? "[]") as string[])
      .length;
    const lines = Number(
      await widget.locator('[data-part="head-view"] canvas').getAttribute("data-lines"),
    );
    // Cold: every layer change paints from scratch. Warm: both layers were painted before.
    const cold = await page.evaluate<Timing>(
      timingScript("el.clearDrawingCache(); el.setLayer(i % 2)", BROWSER_RUNS),
    );
    // Show each layer once with frames in between, as a learner would: each painting is kept.
    for (const l of [1, 0]) {
      await page.evaluate(`document.querySelector("attention-view").setLayer(${l})`);
      await page.waitForTimeout(500);
    }
    const layer = await page.evaluate<Timing>(timingScript("el.setLayer(i % 2)", BROWSER_RUNS));
    const heads = await page.evaluate<Timing>(
      timingScript("el.setHeads([true, i % 2 === 0, true, true])", BROWSER_RUNS),
    );
    const hover = await page.evaluate<Timing>(
      timingScript(
        `svg.querySelectorAll("g.av-tok")[i % 30].dispatchEvent(new PointerEvent("pointerenter"))`,
        BROWSER_RUNS,
      ),
    );
    return { tokens, cold, layer, heads, hover, lines };
  } finally {
    await browser.close();
    preview.stop();
  }
}

export const suite: BenchSuite = {
  name: "attention",
  async run() {
    const encoder = await loadEncoder({ localModelPath: MODELS });
    const tokens = (await encoder.encode(SENTENCE)).tokens.length;
    const encode = await timeRuns(() => encoder.encode(SENTENCE), RUNS, 5);
    const rows: Measurement[] = [
      { name: `Node warm encode, ${tokens} tokens (offline encoder)`, unit: "ms", values: encode },
    ];
    const browser = await browserRedraw();
    const what = `${browser.tokens} tokens, ${browser.lines} lines`;
    rows.push(
      {
        name: `Chromium: layer change, cold redraw call (${what})`,
        unit: "ms",
        values: browser.cold.js,
        target: "≤ 16 ms",
      },
      {
        name: "Chromium: layer change, cold, incl. canvas rasterisation (CPU)",
        unit: "ms",
        values: browser.cold.raster,
        target: "≤ 16 ms",
      },
      {
        name: "Chromium: layer change, layer painted before, redraw call",
        unit: "ms",
        values: browser.layer.js,
        target: "≤ 16 ms",
      },
      {
        name: "Chromium: layer change, painted before, incl. rasterisation",
        unit: "ms",
        values: browser.layer.raster,
        target: "≤ 16 ms",
      },
      { name: "Chromium: head toggle, redraw call", unit: "ms", values: browser.heads.js },
      {
        name: "Chromium: head toggle, incl. rasterisation (CPU)",
        unit: "ms",
        values: browser.heads.raster,
      },
      { name: "Chromium: hover a token, redraw call", unit: "ms", values: browser.hover.js },
      {
        name: "Chromium: hover a token, incl. rasterisation (CPU)",
        unit: "ms",
        values: browser.hover.raster,
      },
    );
    console.log(
      `(layer change: cold ${median(browser.cold.js).toFixed(2)} ms, with rasterisation ${median(browser.cold.raster).toFixed(2)} ms; painted before ${median(browser.layer.js).toFixed(2)} / ${median(browser.layer.raster).toFixed(2)} ms; ${browser.layer.js.length} runs each; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")} on ${cpus().length} CPUs)`,
    );
    return rows;
  },
};
