import type { Locator, Page } from "@playwright/test";
import { expect, setTheme, test, openWidget } from "./fixtures";

const PATH = "/lessons/02-contextual-embeddings/";

const openLens = (page: Page): Promise<Locator> => openWidget(page, PATH, "context-lens");

async function similarity(lens: Locator, i: number, j: number): Promise<number> {
  return Number(
    await lens.locator(`td[data-i="${i}"][data-j="${j}"]`).getAttribute("data-similarity"),
  );
}

test("the prose quotes the model's numbers, computed at build time", async ({
  guardedPage: page,
}) => {
  await page.goto(PATH);
  const numbers = page.locator(".prose data.model-number");
  await expect(numbers).toHaveCount(4);
  const values = await numbers.evaluateAll((els) =>
    els.map((el) => Number(el.getAttribute("value"))),
  );
  expect(values[0]).toBeLessThan(values[1] ?? 0); // bank: river pair below the money pair
  // magazine: the lesson says the model gets it backwards (object–object below object–publisher)
  expect(values[2]).toBeLessThan(values[3] ?? 0);
});

test.describe("ContextLens", () => {
  test.setTimeout(120_000);

  test("bank: the model runs in a worker, offline, and cash/river is less similar than the same sense", async ({
    guardedPage: page,
  }) => {
    const lens = await openLens(page);
    // Before the model runs, the preset's result computed at build time is on show.
    await expect(lens).toHaveAttribute("data-source", "precomputed");
    const precomputed = await similarity(lens, 0, 1);
    await lens.getByRole("button", { name: "Compare in context" }).click();
    await expect(lens).toHaveAttribute("data-source", "live", { timeout: 60_000 });
    await expect(lens.locator("td[data-similarity]")).toHaveCount(9);
    await expect(lens.locator('[data-part="map"] circle')).toHaveCount(3);

    // Last layer (the default view): the numbers the library computes in Node (tests/unit/encoder).
    const cashRiver = await similarity(lens, 0, 1);
    const cashDeposit = await similarity(lens, 0, 2);
    expect(cashRiver).toBeLessThan(cashDeposit);
    expect(cashRiver).toBeCloseTo(0.763, 2);
    expect(cashDeposit).toBeCloseTo(0.913, 2);
    // The browser (onnxruntime-web) and the build (onnxruntime-node) agree.
    expect(Math.abs(cashRiver - precomputed)).toBeLessThan(1e-4);
    await expect(lens.locator(".tok.target")).toHaveCount(3);

    // The token embedding is the same in every sentence; the vectors diverge with depth.
    await lens.getByLabel("token embedding").check();
    await expect(lens.locator('td[data-i="0"][data-j="1"]')).toHaveText("1.000");
    await expect(page).toHaveURL(/ctx\.layer=0/);
    await lens.getByLabel("after layer 2").check();
    await expect(lens.locator('td[data-i="0"][data-j="1"]')).toHaveText(cashRiver.toFixed(3));

    await setTheme(page, "light");
    await lens.screenshot({ path: "test-results/screenshots/widget-context-lens-light.png" });
    await setTheme(page, "dark");
    await lens.screenshot({ path: "test-results/screenshots/widget-context-lens-dark.png" });
  });

  test("magazine: object–publisher above bank's money–river, as the lesson reports", async ({
    guardedPage: page,
  }) => {
    const lens = await openLens(page);
    await lens.getByRole("button", { name: "Compare in context" }).click();
    await expect(lens).toHaveAttribute("data-source", "live", { timeout: 60_000 });
    const bank = await similarity(lens, 0, 1);
    await lens.getByLabel("Example").selectOption("magazine");
    await lens.getByRole("button", { name: "Compare in context" }).click();
    await expect(lens.locator(".tok.target").first()).toHaveText("magazine");
    await expect(lens).toHaveAttribute("data-source", "live");
    const magazine = await similarity(lens, 0, 1);
    expect(magazine).toBeGreaterThan(bank);
    expect(magazine).toBeCloseTo(0.943, 2);
  });

  test("bad input gets a clear message and keeps what the learner typed", async ({
    guardedPage: page,
  }) => {
    const lens = await openLens(page);
    const error = lens.locator("[data-widget-error]");
    const sentences = lens.getByLabel("Sentences (one per line, 2 to 8)");

    await sentences.fill("Only one sentence about a bank.");
    await lens.getByRole("button", { name: "Compare in context" }).click();
    await expect(error).toContainText("Write at least two sentences");

    await sentences.fill("The bank is closed.\nThe river is wide.");
    await lens.getByRole("button", { name: "Compare in context" }).click();
    await expect(error).toContainText("“bank” is not a word of sentence 2", { timeout: 60_000 });
    await expect(sentences).toHaveValue("The bank is closed.\nThe river is wide.");

    await page.reload();
    await lens.scrollIntoViewIfNeeded();
    await expect(lens.getByLabel("Sentences (one per line, 2 to 8)")).toHaveValue(
      "The bank is closed.\nThe river is wide.",
    );
  });
});
