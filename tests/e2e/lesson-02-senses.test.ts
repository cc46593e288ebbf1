import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { loadEncoder } from "../../src/lib/encoder/index";
import {
  benchmarkSenses,
  exampleVectors,
  labelledPairs,
  locateWord,
  measureWord,
  pairCosines,
  parseLabelledSentences,
  type PolysemyBenchmark,
} from "../../src/lib/senses/index";
import { pick, statText } from "../../src/widgets/SenseExplorer/figures";
import { expect, expectAccessible, openWidget, setTheme, test } from "./fixtures";
import { routeUseLiteAsHub } from "./models";

const PATH = "/lessons/02-contextual-embeddings/";
const SHOTS = "test-results/screenshots";
const benchmark = JSON.parse(
  readFileSync("public/generated/precomputed/polysemy.json", "utf8"),
) as PolysemyBenchmark;

const openExplorer = (page: Page): Promise<Locator> => openWidget(page, PATH, "sense-explorer");

test("the lesson's benchmark figures are the ones computed at build time", async ({
  guardedPage: page,
}) => {
  await page.goto(PATH);
  const best = pick(benchmark);
  const figure = page.locator(`[data-polysemy="${best.model.id}:${best.layer}:auc"]`).first();
  await expect(figure).toHaveText(statText(best, "auc"));
  const table = page.locator("[data-polysemy-table]");
  for (const m of benchmark.models) {
    const row = table.locator(`tr[data-model="${m.id}"]`);
    await expect(row).toContainText(statText(pick(benchmark, m.id), "auc"));
    await expect(row).toContainText(statText(pick(benchmark, m.id, "last"), "gap"));
  }
});

test.describe("SenseExplorer", () => {
  test.setTimeout(120_000);

  test("the benchmark by model and layer, one word's senses and pairs, and the learner's sentences measured live as in Node", async ({
    guardedPage: page,
  }) => {
    const explorer = await openExplorer(page);
    const best = pick(benchmark);
    await expect(explorer).toHaveAttribute("data-model", best.model.id);
    await expect(explorer).toHaveAttribute("data-layer", String(best.layer));
    await expect(explorer.locator('[data-part="headline"]')).toContainText(
      `${(100 * best.separation.auc.estimate).toFixed(1)} %`,
    );
    // One line of dots per model in the AUC chart.
    for (const m of benchmark.models)
      await expect(explorer.locator(`svg g[data-model="${m.id}"]`)).toHaveCount(1);

    // The default word and its benchmark pairs, one dot each.
    const senses = benchmarkSenses(benchmark, "direct");
    await expect(explorer.locator('[data-part="senses"] > li')).toHaveCount(senses.length);
    const pairs = benchmark.pairs.filter((p) =>
      benchmark.examples[p.a]?.word.startsWith("direct|"),
    );
    await expect(explorer.locator('[data-part="strip"] circle')).toHaveCount(pairs.length);

    // Another model: the layer menu follows, the URL keeps it.
    await explorer.locator('[data-part="model"]').selectOption("mlm");
    await expect(explorer).toHaveAttribute("data-model", "mlm");
    await expect(page).toHaveURL(/senses\.model=mlm/);
    await explorer.locator('[data-part="model"]').selectOption(best.model.id);

    // The learner's sentences: two money senses and one river sense of "bank" (no WordNet senses).
    await explorer.getByLabel("Word", { exact: true }).fill("bank");
    await explorer.getByLabel("Word", { exact: true }).press("Enter");
    await expect(explorer.locator('[data-part="word-note"]')).toContainText(
      "has no senses in the held-out benchmark",
    );
    const own = [
      "money: I paid the money into the bank.",
      "money: The bank approved my loan.",
      "river: We sat on the grassy bank of the river.",
      "river: The boat drifted to the muddy bank.",
    ];
    await explorer.getByLabel(/Your sentences/).fill(own.join("\n"));
    await explorer.getByRole("button", { name: "Measure with the model" }).click();
    await expect(explorer).toHaveAttribute("data-runs", "1", { timeout: 60_000 });
    await expect(explorer.locator('[data-part="strip"] circle')).toHaveCount(6);

    // The same measurement in Node, with the same library.
    const encoder = await loadEncoder({
      model: best.model.id,
      localModelPath: "public/generated/models/",
    });
    const sentences = parseLabelledSentences(own.join("\n"));
    const encodings = await encoder.encode(sentences.map((s) => s.text));
    const vectors = encodings.map((e) => {
      const chars = locateWord(e.text, "bank");
      if (!chars) throw new Error("no bank");
      return exampleVectors(e, { chars, form: e.text.slice(chars.start, chars.end) });
    });
    const measured = measureWord(
      labelledPairs(sentences),
      pairCosines(vectors, labelledPairs(sentences))[best.layer] ?? [],
    );
    expect(Number(await explorer.getAttribute("data-word-auc"))).toBeCloseTo(
      measured.auc.estimate,
      6,
    );
    await expect(explorer.locator('[data-part="verdict"]')).toContainText(
      `AUC ${measured.auc.estimate.toFixed(3)}`,
    );

    await setTheme(page, "light");
    await expectAccessible(page, "SenseExplorer (light)", "sense-explorer");
    await explorer.screenshot({ path: `${SHOTS}/widget-sense-explorer-light.png` });
    await setTheme(page, "dark");
    await expectAccessible(page, "SenseExplorer (dark)", "sense-explorer");
    await explorer.screenshot({ path: `${SHOTS}/widget-sense-explorer-dark.png` });
    await page.setViewportSize({ width: 375, height: 800 });
    await expect
      .poll(() => explorer.evaluate((el) => el.scrollWidth <= el.clientWidth + 1))
      .toBe(true);
    await explorer.screenshot({ path: `${SHOTS}/widget-sense-explorer-375-dark.png` });
  });

  test("a hub model measures the same sentences when the learner allows it", async ({ page }) => {
    // The hub is played by a route serving USE-lite without its extra outputs (tests/e2e/models.ts).
    const hubRequests = await routeUseLiteAsHub(page, "test/use-lite-plain");
    // The hub serves the fp32 weights; ?precision=fp32 makes the offline model fp32 too.
    const explorer = await openWidget(page, `${PATH}?precision=fp32`, "sense-explorer");
    const run = explorer.getByRole("button", { name: "Measure with the model" });
    await run.click();
    await expect(explorer).toHaveAttribute("data-runs", "1", { timeout: 60_000 });
    const offline = await explorer.getAttribute("data-word-auc");
    expect(hubRequests).toEqual([]);

    await explorer.getByText("A larger model (online").click();
    await explorer.getByLabel(/Measure with a hub model instead/).check();
    await explorer.getByLabel("Hub model id").fill("not an id");
    await run.click();
    await expect(explorer.locator("[data-widget-error]")).toContainText("owner/name");
    await explorer.getByLabel("Hub model id").fill("test/use-lite-plain");
    await run.click();
    await expect(explorer).toHaveAttribute("data-runs", "2", { timeout: 90_000 });
    expect(hubRequests.length).toBeGreaterThan(0);
    await expect(explorer.locator('[data-part="strip-caption"]')).toContainText("its last layer");
    // The same (fp32) weights at the same (last) layer: the same measurement.
    expect(Number(await explorer.getAttribute("data-word-auc"))).toBeCloseTo(Number(offline), 6);
  });

  test("bad input gets a clear message", async ({ guardedPage: page }) => {
    const explorer = await openExplorer(page);
    const error = explorer.locator("[data-widget-error]");
    const own = explorer.getByLabel(/Your sentences/);
    const run = explorer.getByRole("button", { name: "Measure with the model" });

    await own.fill("I sat on the bank.");
    await run.click();
    await expect(error).toContainText("Line 1 has no sense");

    await own.fill("1: The river was wide.");
    await run.click();
    await expect(error).toContainText("does not contain “direct”");
    await expect(own).toHaveValue("1: The river was wide.");

    await explorer.getByLabel("Word", { exact: true }).fill("xyzzy");
    await explorer.getByLabel("Word", { exact: true }).press("Enter");
    await own.fill("a: one xyzzy here.");
    await run.click();
    await expect(error).toContainText("at least one pair of the same sense");

    await explorer.locator('[data-part="model"]').selectOption("glove");
    await expect(run).toBeDisabled();
    await expect(explorer.locator('[data-part="headline"]')).toContainText("exactly chance");
  });
});

test.describe("ContextLens layout", () => {
  test.setTimeout(120_000);

  const EIGHT = [
    "I deposited my pay at the bank.",
    "The bank raised its interest rates.",
    "We walked along the river bank.",
    "Reeds grow on the muddy bank.",
    "The bank approved the loan quickly.",
    "Fish hid under the steep bank.",
    "She works at a bank downtown.",
    "The pilot had to bank the plane left.",
  ];

  for (const width of [375, 1280, 1920]) {
    test(`8 sentences at ${width} px: heatmap, map and chart do not overlap; chart text ≥ 12 px`, async ({
      guardedPage: page,
    }) => {
      await page.setViewportSize({ width, height: 900 });
      const lens = await openWidget(page, PATH, "context-lens");
      await lens.getByLabel("Sentences (one per line, 2 to 8)").fill(EIGHT.join("\n"));
      await lens.getByRole("button", { name: "Compare in context" }).click();
      await expect(lens).toHaveAttribute("data-source", "live", { timeout: 60_000 });
      await expect(lens.locator("td[data-similarity]")).toHaveCount(64);
      const boxes = await lens.locator(".cl-grid > figure").evaluateAll((figures) =>
        figures.map((f) => {
          const r = f.getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        }),
      );
      expect(boxes).toHaveLength(3);
      for (let a = 0; a < boxes.length; a++)
        for (let b = a + 1; b < boxes.length; b++) {
          const p = boxes[a];
          const q = boxes[b];
          if (!p || !q) continue;
          const overlap =
            Math.min(p.right, q.right) - Math.max(p.left, q.left) > 1 &&
            Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top) > 1;
          expect(overlap, `figures ${a} and ${b} overlap at ${width} px`).toBe(false);
        }
      // Nothing wider than the widget except inside the heatmap's scroll box.
      expect(await lens.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
      const sizes = await lens
        .locator('[data-part="chart"] svg text, [data-part="map"] svg text')
        .evaluateAll((texts) => texts.map((t) => t.getBoundingClientRect().height));
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
      await lens.screenshot({ path: `${SHOTS}/widget-context-lens-8-${width}.png` });
      if (width === 1920) {
        // Present mode redraws the charts with 20 px text.
        await lens.getByRole("button", { name: "Present" }).click();
        await expect(lens).toHaveAttribute("data-presenting", "");
        await expect
          .poll(async () =>
            Math.min(
              ...(await lens
                .locator('[data-part="chart"] svg text')
                .evaluateAll((texts) => texts.map((t) => t.getBoundingClientRect().height))),
            ),
          )
          .toBeGreaterThanOrEqual(20);
        await page.keyboard.press("Escape");
      }
    });
  }

  test("another model from the menu runs live; its default layer is its best on the benchmark", async ({
    guardedPage: page,
  }) => {
    const lens = await openWidget(page, PATH, "context-lens");
    await lens.getByLabel("Model").selectOption("gpt");
    await expect(lens.locator('[data-part="results"]')).toBeHidden();
    await lens.getByRole("button", { name: "Compare in context" }).click();
    await expect(lens).toHaveAttribute("data-source", "live", { timeout: 60_000 });
    const gpt = pick(benchmark, "gpt");
    await expect(lens.getByLabel(gpt.label)).toBeChecked();
    await expect(page).toHaveURL(/ctx\.model=gpt/);
  });
});
