import type { Locator, Page } from "@playwright/test";
import { expect, setTheme, test, openWidget } from "./fixtures";

const PATH = "/lessons/07-labeling-with-llms/";

const openEstimator = (page: Page, query = ""): Promise<Locator> =>
  openWidget(page, `${PATH}${query}`, "price-estimator");

const total = async (widget: Locator, model: string): Promise<number> =>
  Number(
    await widget
      .locator(`tr[data-model="${model}"] [data-cost="total"]`)
      .getAttribute("data-value"),
  );

test.describe("PriceEstimator", () => {
  test("reproduces the lesson's worked examples and keeps its state in the URL", async ({
    guardedPage: page,
  }) => {
    const widget = await openEstimator(page);
    // 10,000 tweets × (40 + 60) input tokens and 1 output token: $2.08, $0.416, $0.104
    expect(await total(widget, "gpt-4.1")).toBeCloseTo(2.08, 10);
    expect(await total(widget, "gpt-4.1-mini")).toBeCloseTo(0.416, 10);
    expect(await total(widget, "gpt-4.1-nano")).toBeCloseTo(0.104, 10);
    await expect(widget.locator("tr.cheapest th")).toHaveText("GPT-4.1 nano");

    // few-shot with a cached 1,100-token prefix on GPT-4.1 mini: ≈ $1.36, half in the Batch API
    await widget.getByLabel("Shared prompt tokens").fill("1100");
    expect(await total(widget, "gpt-4.1-mini")).toBeCloseTo(4.656, 10);
    await widget.getByLabel("Shared prefix cached (best case)").check();
    expect(await total(widget, "gpt-4.1-mini")).toBeCloseTo(1.356, 10);
    const batch = Number(
      await widget
        .locator('tr[data-model="gpt-4.1-mini"] [data-cost="batch"]')
        .getAttribute("data-value"),
    );
    expect(batch).toBeCloseTo(0.678, 10);

    // votes multiply; an edited price counts and survives a reload through the URL
    await widget.getByLabel("Votes per item").fill("3");
    await widget.getByLabel("GPT-4.1 output price per 1M tokens").fill("10");
    const expected = (30_000 * 1100 * 0.5 + 30_000 * 60 * 2 + 30_000 * 1 * 10) / 1e6;
    expect(await total(widget, "gpt-4.1")).toBeCloseTo(expected, 10);
    await page.reload();
    const again = page.locator("price-estimator");
    await again.scrollIntoViewIfNeeded();
    await expect(again).toHaveAttribute("data-ready", "true");
    expect(await total(again, "gpt-4.1")).toBeCloseTo(expected, 10);
    await expect(again.getByLabel("Votes per item")).toHaveValue("3");
  });

  test("counts tokens of a typed prompt, explains bad input, and answers keys", async ({
    guardedPage: page,
  }) => {
    const widget = await openEstimator(page);
    await widget.getByText("Count tokens in your own prompt and item").click();
    await widget.getByLabel("Prompt (instruction and examples)").fill("hello world");
    await widget.getByLabel("A typical item").fill("<script>alert(1)</script>");
    await widget.getByRole("button", { name: /Count tokens/ }).click();
    await expect(widget.getByLabel("Shared prompt tokens")).toHaveValue("2");
    await expect(widget.locator('[data-part="counted"]')).toContainText("Prompt: 2 tokens");

    await widget.getByLabel("Items to label").fill("-5");
    await expect(widget.getByRole("alert")).toContainText("must be a number ≥ 0");
    await expect(widget.getByRole("alert")).toContainText(
      "The result below is from before this error",
    );
    await expect(widget).toHaveAttribute("data-stale", "");
    await widget.getByLabel("Items to label").fill("100");
    await expect(widget.getByRole("alert")).toBeHidden();

    // A bad price is refused out loud, not ignored.
    for (const bad of ["-1", "", "abc"]) {
      await widget.getByLabel("GPT-4.1 output price per 1M tokens").fill(bad);
      await expect(widget.getByRole("alert")).toContainText("must be a number ≥ 0");
    }
    await widget.getByLabel("GPT-4.1 output price per 1M tokens").fill("8");
    await expect(widget.getByRole("alert")).toBeHidden();

    // A 500-token prefix is under the 1,024 tokens caching needs: nothing is discounted.
    await widget.getByLabel("Shared prompt tokens").fill("500");
    const uncached = await total(widget, "gpt-4.1-mini");
    await widget.getByLabel("Shared prefix cached (best case)").check();
    expect(await total(widget, "gpt-4.1-mini")).toBeCloseTo(uncached, 12);
    await expect(widget.locator('[data-part="summary"]')).toContainText("none cached");

    // Huge sums keep their separators, and every model's total is in the summary (visible on a phone).
    await widget.getByLabel("Items to label").fill("1000000000");
    await expect(widget.locator('[data-part="summary"]')).toContainText(
      /GPT-4\.1 \$[\d,]+,\d{3}\.\d{2}/,
    );
    await widget.getByLabel("Items to label").fill("100");

    await widget.getByRole("button", { name: /Count tokens/ }).focus();
    await page.keyboard.press("ArrowUp");
    await expect(widget.getByLabel("Items to label")).toHaveValue("1000");
  });

  test("screenshots, light and dark, and at 375 px", async ({ guardedPage: page }) => {
    const widget = await openEstimator(page);
    await page.addStyleTag({ content: ".site-header { position: static !important; }" });
    await setTheme(page, "light");
    await widget.screenshot({ path: "test-results/screenshots/widget-price-estimator-light.png" });
    await setTheme(page, "dark");
    await widget.screenshot({ path: "test-results/screenshots/widget-price-estimator-dark.png" });
    await page.setViewportSize({ width: 375, height: 900 });
    await widget.screenshot({ path: "test-results/screenshots/widget-price-estimator-375.png" });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, "the page does not scroll sideways at 375 px").toBeLessThanOrEqual(0);
  });
});
