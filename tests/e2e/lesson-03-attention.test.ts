/**
 * Lesson 03's attention widgets against the library: the attention the
 * AttentionView draws and the cosines TransformerSteps shows equal what
 * src/lib/encoder computes in Node (onnxruntime-node) for the same sentence.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Locator, Page } from "@playwright/test";
import {
  cosineToInput,
  cosineToPrevious,
  headWeights,
  loadEncoder,
  type AttentionTensor,
  meanOverHeads,
  targetVectors,
  wordAttention,
  type Encoder,
  type Encoding,
} from "../../src/lib/encoder/index";
import { expect, setTheme, test, expectAccessible, openWidget } from "./fixtures";
import { routeUseLiteAsHub } from "./models";

const PATH = "/lessons/03-how-llms-work/";
const SHOTS = "test-results/screenshots";
const MODELS = fileURLToPath(new URL("../../public/generated/models/", import.meta.url));
const SENTENCE = "John wants his bank to cash the check.";
/** The browser runs onnxruntime-web (WebAssembly), Node onnxruntime-node: equal to ~1e-6. */
const TOLERANCE = 1e-4;

const encoders = new Map<string, Promise<Encoder>>();
const encodings = new Map<string, Promise<Encoding>>();
/**
 * The library's encoding of `text`, computed in this (Node) process: with the
 * int8 weights the site serves, or fp32 (what the test hub below serves).
 */
function reference(text: string, dtype: "q8" | "fp32" = "q8"): Promise<Encoding> {
  let encoder = encoders.get(dtype);
  if (!encoder) {
    encoder = loadEncoder({ localModelPath: MODELS, dtype });
    encoders.set(dtype, encoder);
  }
  const key = `${dtype} ${text}`;
  let found = encodings.get(key);
  if (!found) {
    found = encoder.then((e) => e.encode(text));
    encodings.set(key, found);
  }
  return found;
}

async function openAttention(page: Page, query = ""): Promise<Locator> {
  const widget = await openWidget(page, `${PATH}${query}`, "attention-view");
  await expect(widget).toHaveAttribute("data-tokens", /\[/, { timeout: 60_000 });
  return widget;
}

interface Drawn {
  layer: number;
  /** The heads on show. */
  heads: number[];
  /** weights[i]: head heads[i], [query][key] row-major. */
  weights: number[][];
  /** Lines on show (the shown heads, the focused token). */
  lines: number;
  focus: string;
}

/**
 * What the head view (in `view`) shows: the weights it carries and the line
 * count, once it shows layer `want.layer` with heads `want.heads`.
 */
async function drawn(view: Locator, want: { layer: number; heads: number[] }): Promise<Drawn> {
  const canvas = view.locator("canvas.av-lines");
  const read = async (): Promise<Omit<Drawn, "lines" | "focus"> | null> => {
    const text = await canvas.getAttribute("data-attention");
    return text ? (JSON.parse(text) as Omit<Drawn, "lines" | "focus">) : null;
  };
  await expect
    .poll(async () => {
      const json = await read();
      return json ? { layer: json.layer, heads: json.heads } : null;
    })
    .toEqual(want);
  const json = await read();
  if (!json) throw new Error("no attention on the canvas");
  return {
    ...json,
    lines: Number(await canvas.getAttribute("data-lines")),
    focus: (await canvas.getAttribute("data-focus")) ?? "",
  };
}

/** The head's [query][key] weights from the library, as numbers. */
function headOf(attention: AttentionTensor, h: number): number[] {
  return Array.from(headWeights(attention, h));
}

function expectMatrixClose(actual: readonly number[], expected: ArrayLike<number>): void {
  expect(actual.length).toBe(expected.length);
  const worst = actual.reduce((m, v, i) => Math.max(m, Math.abs(v - (expected[i] ?? NaN))), 0);
  expect(worst).toBeLessThan(TOLERANCE);
}

/**
 * Screenshots a widget whole: the window is made taller than the widget and
 * the widget centred, so the sticky site header never covers it.
 */
async function shoot(page: Page, widget: Locator, name: string, width = 1280): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 720 };
  await page.setViewportSize({ width, height: 720 });
  const box = await widget.boundingBox();
  await page.setViewportSize({ width, height: Math.ceil((box?.height ?? 800) + 240) });
  await widget.evaluate((el) => {
    el.scrollIntoView({ block: "center" });
  });
  await widget.screenshot({ path: `${SHOTS}/${name}.png` });
  await page.setViewportSize(size);
}

const expectWidgetAccessible = (page: Page, selector: string): Promise<void> =>
  expectAccessible(page, selector, selector);

test.describe("AttentionView", () => {
  test.setTimeout(180_000);

  test("the head view draws the library's attention for every layer and head", async ({
    guardedPage: page,
  }) => {
    const ref = await reference(SENTENCE);
    const widget = await openAttention(page);
    expect(JSON.parse((await widget.getAttribute("data-tokens")) ?? "[]")).toEqual(ref.tokens);
    await expect(widget).toHaveAttribute("data-model", "use-lite");
    await expect(widget).toHaveAttribute("data-layers", String(ref.attentions.length));
    await expect(widget).toHaveAttribute("data-heads", "4");
    const view = widget.locator('[data-part="head-view"]');
    const n = ref.tokens.length;

    for (const [layer, attention] of ref.attentions.entries()) {
      await widget.getByRole("combobox", { name: /^Layer/ }).selectOption(String(layer));
      await expect(widget).toHaveAttribute("data-layer", String(layer));
      const shown = await drawn(view, { layer, heads: [0, 1, 2, 3] });
      expect(shown.lines).toBe(attention.heads * n * n);
      expectMatrixClose(shown.weights.flat(), attention.data);
      // Each query's lines, in each head, carry weights that sum to 1.
      for (const weights of shown.weights)
        for (let q = 0; q < n; q++) {
          const row = weights.slice(q * n, (q + 1) * n);
          expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
        }
    }
    await expect(page).toHaveURL(/att\.l=2/);

    // Hovering "his" keeps only its lines, and the caption names what it looks at most.
    const his = view.locator('g.av-tok[data-side="from"][data-i="2"]');
    await his.hover();
    await expect(view.locator("canvas.av-lines")).toHaveAttribute("data-focus", "from:2");
    await expect(view.locator("canvas.av-lines")).toHaveAttribute("data-lines", String(4 * n));
    const layer2 = ref.attentions[1];
    if (!layer2) throw new Error("no layer 2");
    const meanRow = Array.from(meanOverHeads(layer2).subarray(2 * n, 3 * n));
    const top = meanRow.indexOf(Math.max(...meanRow));
    await expect(widget.locator('[data-part="caption"]')).toContainText(
      `“his” looks most at ${ref.tokens[top] ?? ""} (${(meanRow[top] ?? 0).toFixed(2)})`,
    );

    // Heads can be hidden; the URL keeps the choice.
    await widget.getByRole("button", { name: "Head 2", exact: true }).click();
    await expect(widget.getByRole("button", { name: "Head 2", exact: true })).toHaveAttribute(
      "aria-pressed",
      "false",
    );
    await page.mouse.move(0, 0);
    await expect(view.locator("canvas.av-lines")).toHaveAttribute("data-lines", String(3 * n * n));
    await drawn(view, { layer: 1, heads: [0, 2, 3] });
    await expect(page).toHaveURL(/att\.h=1%2C3%2C4/);
    await page.reload();
    const again = page.locator("attention-view");
    await again.scrollIntoViewIfNeeded();
    await expect(again).toHaveAttribute("data-layer", "1", { timeout: 60_000 });
    await drawn(again.locator('[data-part="head-view"]'), { layer: 1, heads: [0, 2, 3] });

    await expectWidgetAccessible(page, "attention-view");
    await again.getByRole("button", { name: "All heads" }).click();
    await setTheme(page, "light");
    await shoot(page, again, "widget-attention-view-light");
    await setTheme(page, "dark");
    await expectWidgetAccessible(page, "attention-view");
    await shoot(page, again, "widget-attention-view-dark");
    await shoot(page, again, "widget-attention-view-375-dark", 375);
  });

  test("heatmap and model views show the same attention; a thumbnail enlarges", async ({
    guardedPage: page,
  }) => {
    const ref = await reference(SENTENCE);
    const widget = await openAttention(page);
    const first = ref.attentions[0];
    if (!first) throw new Error("no layer 1");

    await widget.getByLabel("Heatmap", { exact: true }).check();
    await expect(widget).toHaveAttribute("data-view", "heatmap");
    const heat = widget.locator('[data-part="heatmap-view"] svg');
    const exposed = async (): Promise<{ head: number | "mean"; weights: number[][] }> =>
      JSON.parse((await heat.getAttribute("data-attention")) ?? "{}") as {
        head: number | "mean";
        weights: number[][];
      };
    let shown = await exposed();
    expect(shown.head).toBe("mean");
    expectMatrixClose(shown.weights.flat(), meanOverHeads(first));
    await expect(heat.locator("rect[data-w]")).toHaveCount(ref.tokens.length ** 2);

    await widget.getByRole("combobox", { name: /^Head/ }).selectOption("2");
    await expect(heat).toHaveAttribute("data-attention", /"head":2/);
    shown = await exposed();
    expectMatrixClose(shown.weights.flat(), headWeights(first, 2));
    const cell = heat.locator('rect[data-q="3"][data-k="3"]');
    expect(Number(await cell.getAttribute("data-w"))).toBeCloseTo(
      first.data[(2 * ref.tokens.length + 3) * ref.tokens.length + 3] ?? NaN,
      4,
    );
    await setTheme(page, "light");
    await shoot(page, widget, "widget-attention-view-heatmap-light");

    await widget.getByLabel("Model view", { exact: true }).check();
    const thumbs = widget.locator(".av-thumb");
    await expect(thumbs).toHaveCount(ref.attentions.length * 4);
    await setTheme(page, "dark");
    await shoot(page, widget, "widget-attention-view-model-dark");

    // Enter on a thumbnail enlarges it; Escape closes and returns focus.
    const thumb = widget.getByRole("button", { name: "Layer 2, head 1: enlarge" });
    await thumb.focus();
    await page.keyboard.press("Enter");
    const dialog = widget.locator('[data-part="dialog"]');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("heading")).toHaveText("Layer 2, head 1");
    const second = ref.attentions[1];
    if (!second) throw new Error("no layer 2");
    await expect(dialog.locator("canvas.av-lines")).toHaveAttribute(
      "data-lines",
      String(ref.tokens.length ** 2),
    );
    const enlarged = await drawn(dialog, { layer: 1, heads: [0] });
    expectMatrixClose(enlarged.weights.flat(), headOf(second, 0));
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(thumb).toBeFocused();

    // "Show in the head view" opens that layer and head.
    await thumb.click();
    await dialog.getByRole("button", { name: "Show in the head view" }).click();
    await expect(widget).toHaveAttribute("data-view", "head");
    await expect(widget).toHaveAttribute("data-layer", "1");
    await expect(widget.getByRole("button", { name: "Head 1", exact: true })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect(widget.getByRole("button", { name: "Head 2", exact: true })).toHaveAttribute(
      "aria-pressed",
      "false",
    );
    await expectWidgetAccessible(page, "attention-view");
  });

  test("works from the keyboard, in Present mode too", async ({ guardedPage: page }) => {
    const ref = await reference(SENTENCE);
    const widget = await openAttention(page);
    const view = widget.locator('[data-part="head-view"]');
    const caption = widget.locator('[data-part="caption"]');

    // Tab reaches the words; arrows move, Enter pins, the other side with →.
    await widget.getByRole("button", { name: "All heads" }).focus();
    await page.keyboard.press("Tab");
    const john = view.locator('g.av-tok[data-side="from"][data-i="0"]');
    await expect(john).toBeFocused();
    await expect(caption).toContainText("“John” looks most at");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expect(view.locator('g.av-tok[data-side="from"][data-i="2"]')).toBeFocused();
    await expect(caption).toContainText("“his” looks most at");
    await page.keyboard.press("Enter");
    await expect(view.locator('g.av-tok[data-side="from"][data-i="2"]')).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await page.keyboard.press("ArrowRight");
    await expect(view.locator('g.av-tok[data-side="to"][data-i="2"]')).toBeFocused();
    await expect(caption).toContainText("The words that look most at “his”");
    // Only the lines that end at "his" remain.
    await expect(view.locator("canvas.av-lines")).toHaveAttribute("data-focus", "to:2");
    await expect(view.locator("canvas.av-lines")).toHaveAttribute(
      "data-lines",
      String(4 * ref.tokens.length),
    );
    await page.keyboard.press("Escape");
    await expect(caption).toContainText("Hover or focus a word");

    // Present mode: arrows change the layer, digits toggle heads, V switches the view.
    await widget.getByRole("button", { name: "Present" }).click();
    await expect(widget).toHaveAttribute("data-presenting", "");
    await page.keyboard.press("ArrowRight");
    await expect(widget).toHaveAttribute("data-layer", "1");
    await page.keyboard.press("ArrowLeft");
    await expect(widget).toHaveAttribute("data-layer", "0");
    await page.keyboard.press("3");
    await expect(widget.getByRole("button", { name: "Head 3", exact: true })).toHaveAttribute(
      "aria-pressed",
      "false",
    );
    await page.keyboard.press("0");
    await expect(widget.getByRole("button", { name: "Head 3", exact: true })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await page.keyboard.press("v");
    await expect(widget).toHaveAttribute("data-view", "model");
    await page.keyboard.press("v");
    await expect(widget).toHaveAttribute("data-view", "heatmap");
    await page.keyboard.press("2");
    await expect(widget.locator('[data-part="heatmap-view"] svg')).toHaveAttribute(
      "data-attention",
      /"head":1/,
    );
    await page.keyboard.press("Escape");
    await expect(widget).not.toHaveAttribute("data-presenting");
  });

  test("exports the view as valid PNG and SVG files", async ({ guardedPage: page }) => {
    const ref = await reference(SENTENCE);
    const widget = await openAttention(page);

    async function save(name: "PNG" | "SVG"): Promise<{ file: string; bytes: Buffer }> {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        widget.getByRole("button", { name: `Download ${name}` }).click(),
      ]);
      const path = await download.path();
      return { file: download.suggestedFilename(), bytes: readFileSync(path) };
    }

    /** Parses an SVG in the browser (throws on a parser error): its texts and its attention lines. */
    async function parseSvg(
      text: string,
    ): Promise<{ texts: string[]; lines: { h: number; q: number; k: number; w: number }[] }> {
      return page.evaluate((source) => {
        const doc = new DOMParser().parseFromString(source, "image/svg+xml");
        if (doc.querySelector("parsererror") || doc.documentElement.localName !== "svg")
          throw new Error("not a valid SVG");
        return {
          texts: [...doc.querySelectorAll("text")].map((t) => t.textContent),
          lines: [...doc.querySelectorAll("g[data-lines] line")].map((l) => ({
            h: Number(l.parentElement?.getAttribute("data-h")),
            q: Number(l.getAttribute("data-q")),
            k: Number(l.getAttribute("data-k")),
            w: Number(l.getAttribute("stroke-opacity")),
          })),
        };
      }, text);
    }

    for (const view of ["Head view", "Heatmap", "Model view"] as const) {
      await widget.getByLabel(view, { exact: true }).check();
      const svg = await save("SVG");
      expect(svg.file).toMatch(/^attention-.*\.svg$/);
      const text = svg.bytes.toString("utf8");
      expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
      expect(text).not.toContain("var(--");
      const { texts, lines } = await parseSvg(text);
      if (view !== "Model view") for (const token of ref.tokens) expect(texts).toContain(token);
      else expect(texts).toContain("Layer 2");
      if (view === "Head view") {
        // The file holds the lines on screen: every head and pair of layer 1, the library's weights.
        const n = ref.tokens.length;
        const weights = new Array<number>(4 * n * n).fill(NaN);
        for (const l of lines) weights[(l.h * n + l.q) * n + l.k] = l.w;
        expect(lines).toHaveLength(4 * n * n);
        expectMatrixClose(weights, ref.attentions[0]?.data ?? []);
      }

      const png = await save("PNG");
      expect(png.file).toMatch(/^attention-.*\.png$/);
      expect([...png.bytes.subarray(0, 8)]).toEqual([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
      ]);
      // IHDR: twice the SVG's size, and a picture with many colours (not a blank canvas).
      const width = png.bytes.readUInt32BE(16);
      const svgWidth = Number(/<svg[^>]* width="(\d+)"/.exec(text)?.[1]);
      expect(width).toBe(svgWidth * 2);
      const colours = await page.evaluate(async (base64) => {
        const blob = await (await fetch(`data:image/png;base64,${base64}`)).blob();
        const bitmap = await createImageBitmap(blob);
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext("2d");
        if (!context) return 0;
        context.drawImage(bitmap, 0, 0);
        const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
        const seen = new Set<number>();
        for (let i = 0; i < data.length; i += 4 * 7)
          seen.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
        return seen.size;
      }, png.bytes.toString("base64"));
      expect(colours).toBeGreaterThan(20);
    }
  });

  test("bad input gets a clear message and keeps what the learner typed", async ({
    guardedPage: page,
  }) => {
    const widget = await openAttention(page);
    const sentence = widget.getByRole("textbox", { name: "Sentence" });
    const error = widget.locator("[data-widget-error]");
    const run = widget.getByRole("button", { name: "Show attention" });

    await sentence.fill("   ");
    await run.click();
    // The drawing on show is the previous sentence's: the message says so and it is dimmed.
    await expect(error).toHaveText(
      "Type a sentence to see its attention. (The result below is from before this error.)",
    );
    await expect(widget).toHaveAttribute("data-stale", "");

    await sentence.fill("word ".repeat(20_480));
    await run.click();
    await expect(error).toContainText("102,400 characters");
    await expect(sentence).toHaveValue(/^word word/);

    await sentence.fill("The bank by the river is closed on Sundays. ".repeat(10));
    await run.click();
    await expect(error).toContainText(/has \d+ tokens; the views show at most 80/, {
      timeout: 60_000,
    });

    await sentence.fill("The bank by the river was closed.");
    await run.click();
    await expect(error).toBeHidden();
    await expect(widget).toHaveAttribute("data-tokens", /river/, { timeout: 60_000 });
    await expect(widget.getByRole("combobox", { name: /^Example/ })).toHaveValue("own");
    await page.reload();
    const again = page.locator("attention-view");
    await again.scrollIntoViewIfNeeded();
    await expect(again.getByRole("textbox", { name: "Sentence" })).toHaveValue(
      "The bank by the river was closed.",
    );
    await expect(again).toHaveAttribute("data-tokens", /river/, { timeout: 60_000 });
  });

  test("another model loads from the hub only when allowed, through the same adapter", async ({
    page,
  }) => {
    // The hub is played by a route that serves our model without its attention outputs,
    // so the adapter must patch the graph, as it does for a real hub model.
    const hubRequests = await routeUseLiteAsHub(page, "test/use-lite-plain");
    // The test hub serves the fp32 weights: its attention is fp32's.
    const hubRef = await reference(SENTENCE, "fp32");
    const otherHosts: string[] = [];
    page.on("request", (request) => {
      const host = new URL(request.url()).hostname;
      if (host !== "127.0.0.1" && host !== "huggingface.co") otherHosts.push(request.url());
    });

    const widget = await openAttention(page);
    await expect(widget).toHaveAttribute("data-model", "use-lite");
    expect(hubRequests).toEqual([]);

    await widget.getByText("Other model (online").click();
    const modelId = widget.getByRole("textbox", { name: "Hub model id" });
    await expect(modelId).toBeDisabled();
    await widget.getByLabel(/Use a model from the Hugging Face hub/).check();
    await modelId.fill("not a model id");
    await widget.getByRole("button", { name: "Show attention" }).click();
    await expect(widget.locator("[data-widget-error]")).toContainText("owner/name");
    expect(hubRequests).toEqual([]);

    await modelId.fill("test/use-lite-plain");
    await widget.getByRole("button", { name: "Show attention" }).click();
    await expect(widget).toHaveAttribute("data-model", "test/use-lite-plain", { timeout: 90_000 });
    expect(hubRequests.length).toBeGreaterThan(0);
    expect(otherHosts).toEqual([]);
    await expect(widget.locator('[data-part="model-status"]')).toContainText(
      "Downloaded from the Hugging Face hub",
    );
    const hub = await drawn(widget.locator('[data-part="head-view"]'), {
      layer: 0,
      heads: [0, 1, 2, 3],
    });
    expectMatrixClose(hub.weights.flat(), hubRef.attentions[0]?.data ?? []);
    await expect(page).toHaveURL(/att\.r=1/);

    // Turning the hub off goes back to the offline model.
    await widget.getByLabel(/Use a model from the Hugging Face hub/).uncheck();
    await expect(widget).toHaveAttribute("data-model", "use-lite");
  });
});

test.describe("TransformerSteps", () => {
  test.setTimeout(180_000);

  async function openSteps(page: Page): Promise<Locator> {
    await page.goto(PATH);
    const widget = page.locator("transformer-steps");
    await widget.scrollIntoViewIfNeeded();
    await expect(widget).toHaveAttribute("data-ready", "true");
    await expect(widget).toHaveAttribute("data-steps", /\d/, { timeout: 60_000 });
    return widget;
  }

  /** The cosines in the trail table: [stage][input | previous] ("none" when not comparable). */
  function trail(widget: Locator): Promise<(number | null)[][]> {
    return widget.locator("td[data-cosine]").evaluateAll((cells) => {
      const out: (number | null)[][] = [];
      for (const cell of cells) {
        const s = Number(cell.getAttribute("data-stage"));
        const c = cell.getAttribute("data-measure") === "input" ? 0 : 1;
        const v = cell.getAttribute("data-cosine");
        (out[s] ??= [])[c] = v === "none" ? null : Number(v);
      }
      return out;
    });
  }

  function expectTrail(
    shown: (number | null)[][],
    input: (number | null)[],
    previous: (number | null)[],
  ): void {
    expect(shown).toHaveLength(input.length);
    shown.forEach((row, s) => {
      for (const [c, expected] of [input[s], previous[s]].entries()) {
        if (expected === null || expected === undefined) expect(row[c]).toBeNull();
        else expect(row[c]).toBeCloseTo(expected, 4);
      }
    });
  }

  test("walks every step; the cosines and attention equal the library's", async ({
    guardedPage: page,
  }) => {
    const ref = await reference(SENTENCE);
    const [bank] = targetVectors([ref], "bank");
    if (!bank) throw new Error("no bank");
    const widget = await openSteps(page);
    const layers = ref.attentions.length;
    const total = 3 + 2 * layers;
    await expect(widget).toHaveAttribute("data-steps", String(total));
    const title = widget.locator('[data-part="title"]');
    await expect(title).toHaveText("1. Words in: tokens become vectors");
    await expect(widget.locator(".ts-chip.target")).toHaveText("bank");
    await expect(widget.getByRole("button", { name: "← Back" })).toBeDisabled();

    const kinds: string[] = [];
    const bankIndex = ref.words.findIndex((w) => w.text === "bank");
    for (let step = 0; step < total; step++) {
      await expect(widget).toHaveAttribute("data-step", String(step));
      const kind = (await widget.getAttribute("data-kind")) ?? "";
      kinds.push(kind);
      await expect(widget.locator('[data-part="explain"]')).not.toBeEmpty();
      if (kind === "attention") {
        const layer = kinds.filter((k) => k === "attention").length - 1;
        const attention = ref.attentions[layer];
        if (!attention) throw new Error("no layer");
        const mean = wordAttention(attention, ref.words, bankIndex, "mean");
        const bars = await widget
          .locator("td.ts-bar")
          .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute("data-weight"))));
        expectMatrixClose(bars, mean);
        await expect(widget.locator('[data-part="explain"]')).toContainText("look around");
      }
      if (kind === "feedforward")
        await expect(widget.locator('[data-part="explain"]')).toContainText(
          "predict the next word",
        );
      if (step < total - 1) await widget.getByRole("button", { name: "Next →" }).click();
    }
    expect(kinds).toEqual([
      "tokens",
      "position",
      ...Array.from({ length: layers }, () => ["attention", "feedforward"]).flat(),
      "output",
    ]);
    await expect(widget.getByRole("button", { name: "Next →" })).toBeDisabled();
    expectTrail(await trail(widget), cosineToInput(bank), cosineToPrevious(bank));
    await expect(page).toHaveURL(new RegExp(`steps\\.step=${total}`));

    // Keyboard: ← → step, Home and End jump.
    await widget.getByRole("button", { name: "← Back" }).focus();
    await page.keyboard.press("ArrowLeft");
    await expect(widget).toHaveAttribute("data-step", String(total - 2));
    await page.keyboard.press("Home");
    await expect(widget).toHaveAttribute("data-step", "0");
    await page.keyboard.press("ArrowRight");
    await expect(widget).toHaveAttribute("data-step", "1");
    await page.keyboard.press("End");
    await expect(widget).toHaveAttribute("data-step", String(total - 1));

    // Follow another word: the trail is the library's for "his".
    await widget.getByRole("combobox", { name: /^Word to follow/ }).selectOption({ label: "his" });
    const [his] = targetVectors([ref], "his");
    if (!his) throw new Error("no his");
    await expect(page).toHaveURL(/steps\.w=his/);
    expectTrail(await trail(widget), cosineToInput(his), cosineToPrevious(his));

    await expectWidgetAccessible(page, "transformer-steps");
    await widget.getByRole("combobox", { name: /^Word to follow/ }).selectOption({ label: "bank" });
    await widget.getByRole("button", { name: "L2 attention" }).click();
    await setTheme(page, "light");
    await shoot(page, widget, "widget-transformer-steps-light");
    await setTheme(page, "dark");
    await expectWidgetAccessible(page, "transformer-steps");
    await shoot(page, widget, "widget-transformer-steps-dark");
    await shoot(page, widget, "widget-transformer-steps-375-dark", 375);
  });

  test("bad input gets a clear message and keeps the sentence", async ({ guardedPage: page }) => {
    const widget = await openSteps(page);
    const sentence = widget.getByRole("textbox", { name: "Sentence" });
    await sentence.fill("");
    await widget.getByRole("button", { name: "Run the sentence" }).click();
    await expect(widget.locator("[data-widget-error]")).toHaveText(
      "Type a sentence to step through. (The result below is from before this error.)",
    );
    await expect(widget).toHaveAttribute("data-stale", "");
    await sentence.fill("x".repeat(5000));
    await widget.getByRole("button", { name: "Run the sentence" }).click();
    await expect(widget.locator("[data-widget-error]")).toContainText("5000 characters");
    await sentence.fill("The animal didn't cross the street because it was too tired.");
    await sentence.press("Enter");
    await expect(widget.locator(".ts-chip").first()).toHaveText("The", { timeout: 60_000 });
    await widget.getByRole("combobox", { name: /^Word to follow/ }).selectOption({ label: "it" });
    await page.reload();
    const again = page.locator("transformer-steps");
    await again.scrollIntoViewIfNeeded();
    await expect(again.getByRole("textbox", { name: "Sentence" })).toHaveValue(
      "The animal didn't cross the street because it was too tired.",
    );
    await expect(again.getByRole("combobox", { name: /^Word to follow/ })).toHaveValue(/\d+/, {
      timeout: 60_000,
    });
    await expect(again.locator(".ts-chip.target")).toHaveText("it");
  });
});
