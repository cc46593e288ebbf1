import type { Page } from "@playwright/test";
import { layerPredictions } from "../../src/lib/lm/index";
import { nodeModel } from "./models";
import { expect, expectAccessible, openWidget, setTheme, test } from "./fixtures";

const PATH = "/lessons/03-how-llms-work/";
const SHOTS = "test-results/screenshots";
const TEXT = "Fellow citizens, the state of our";

const open = (page: Page, query = "") => openWidget(page, `${PATH}${query}`, "layer-lens");

test.describe("LayerLens", () => {
  test.setTimeout(120_000);

  test("every layer's guess for the learner's text, as the library computes it in Node", async ({
    guardedPage: page,
  }) => {
    const widget = await open(page);
    await widget.getByRole("button", { name: "Show every layer's guess" }).click();
    const last = widget.locator("tr[data-last] button[data-token]");
    await expect(last).toHaveCount(5, { timeout: 60_000 });
    const expected = await layerPredictions(await nodeModel("gpt"), TEXT, 5);
    const lastRow = expected.grid.at(-1) ?? [];
    const shown = await last.evaluateAll((buttons) =>
      buttons.map((b) => [
        b.getAttribute("data-token"),
        Number(b.getAttribute("data-probability")),
      ]),
    );
    expect(shown.map(([t]) => t)).toEqual(lastRow.map((c) => c[0]?.label));
    shown.forEach(([, p], l) => {
      expect(p).toBeCloseTo(lastRow[l]?.[0]?.probability ?? 0, 4);
    });
    await expect(widget.locator('[data-part="summary"]')).toContainText("After “our”");
    // A cell's top 5.
    await last.first().click();
    await expect(widget.locator('[data-part="detail"]')).toContainText(
      `embedding at “our”: ${lastRow[0]?.[0]?.label ?? ""}`,
    );
    await expect(page).toHaveURL(/lens\.t=Fellow/);

    await setTheme(page, "light");
    await expectAccessible(page, "LayerLens (light)", "layer-lens");
    await widget.screenshot({ path: `${SHOTS}/widget-layer-lens-light.png` });
    await setTheme(page, "dark");
    await expectAccessible(page, "LayerLens (dark)", "layer-lens");
    await widget.screenshot({ path: `${SHOTS}/widget-layer-lens-dark.png` });
    await page.setViewportSize({ width: 375, height: 800 });
    await widget.screenshot({ path: `${SHOTS}/widget-layer-lens-375-dark.png` });
  });

  test("a link reproduces the view; the masked LM reads the token itself; empty text is refused", async ({
    guardedPage: page,
  }) => {
    const widget = await open(page, "?lens.t=Call+me+Ishmael&lens.m=mlm");
    await expect(widget.locator("tr[data-last] button[data-token]")).toHaveCount(5, {
      timeout: 60_000,
    });
    await expect(widget.locator('[data-part="summary"]')).toContainText("At “");
    const expected = await layerPredictions(await nodeModel("mlm"), "Call me Ishmael", 5);
    await expect(widget.locator("tbody tr")).toHaveCount(expected.textEnd - expected.textStart);
    await widget.getByLabel("Text", { exact: true }).fill(" ");
    await widget.getByRole("button", { name: "Show every layer's guess" }).click();
    await expect(widget.locator("[data-widget-error]")).toContainText("Type a text first");
    await expect(widget.locator('[data-part="results"]')).toBeHidden();
  });
});
