import type { Locator, Page } from "@playwright/test";
import { expect, screenshot, setTheme, test } from "./fixtures";

const PATH = "/lessons/01-word-embeddings/";

/** The same cosine the library computes, written out independently for 2-D. */
function cosine2(a: [number, number], b: [number, number]): number {
  return (a[0] * b[0] + a[1] * b[1]) / (Math.hypot(...a) * Math.hypot(...b));
}

/** Scrolls to the widget and waits until its script has set it up. */
async function openWidget(page: Page): Promise<Locator> {
  const widget = page.locator("vector-playground");
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute("data-ready", "true");
  return widget;
}

test.describe("VectorPlayground", () => {
  test("Xiangling = Gorgeous + Cat lands nearest xiangling, with the right cosine", async ({
    guardedPage: page,
  }) => {
    await page.goto(PATH);
    const widget = await openWidget(page);
    await expect(widget.locator('[data-part="result"]')).toHaveText(
      "gorgeous + cat = [1.00, 1.00]",
    );
    const top = widget.locator('[data-part="nearest"] li').first();
    await expect(top).toHaveAttribute("data-word", "xiangling");
    const shown = Number(await top.getAttribute("data-similarity"));
    expect(shown).toBeCloseTo(cosine2([1, 1], [0.95, 0.95]), 10);
    await expect(widget.locator('svg line[data-role="result"]')).toBeVisible();
    await setTheme(page, "light");
    await widget.screenshot({
      path: "test-results/screenshots/widget-vector-playground-light.png",
    });
    await setTheme(page, "dark");
    await widget.screenshot({ path: "test-results/screenshots/widget-vector-playground-dark.png" });
  });

  test("king − man + woman finds queen; the state goes into the URL and survives a reload", async ({
    guardedPage: page,
  }) => {
    await page.goto(PATH);
    const widget = await openWidget(page);
    await widget.getByLabel("Example").selectOption("king");
    await expect(widget.locator('[data-part="nearest"] li').first()).toHaveAttribute(
      "data-word",
      "queen",
    );
    await expect(page).toHaveURL(/vp\.preset=king/);

    // Editing a vector changes the answer: strip queen of her royalty.
    await widget.getByText("Edit the vectors").click();
    await widget.getByLabel("queen, royalty").fill("0.2");
    await expect(widget.locator('[data-part="nearest"] li').first()).toHaveAttribute(
      "data-word",
      "princess",
    );

    await widget.getByLabel("Expression").fill("queen - woman + man");
    await expect(page).toHaveURL(/vp\.expr=queen/);
    await page.reload();
    await openWidget(page);
    await expect(widget.getByLabel("Expression")).toHaveValue("queen - woman + man");
    await expect(widget.locator('[data-part="nearest"] li').first()).toHaveAttribute(
      "data-word",
      "king",
    );
  });

  test("bad input gets a clear message and recovers", async ({ guardedPage: page }) => {
    await page.goto(PATH);
    const widget = await openWidget(page);
    const expression = widget.getByLabel("Expression");
    const error = widget.locator("[data-widget-error]");

    await expression.fill("gorgeous + robot");
    await expect(error).toBeVisible();
    await expect(error).toContainText("Unknown word: “robot”");
    await expect(error).toContainText("Words on this map: cat, gorgeous");

    await expression.fill("gorgeous +");
    await expect(error).toContainText("ends with an operator");

    await expression.fill("");
    await expect(error).toContainText("Type at least one word");

    await expression.fill("cat");
    await expect(error).toBeHidden();
    await expect(widget.locator('[data-part="nearest"] li').first()).toHaveAttribute(
      "data-word",
      "cat",
    );
  });

  test("Present mode fills the screen and arrow keys switch examples", async ({
    guardedPage: page,
  }) => {
    await page.goto(PATH);
    const widget = await openWidget(page);
    await widget.getByRole("button", { name: "Present" }).click();
    await expect(widget).toHaveAttribute("data-presenting", "");
    const box = await widget.boundingBox();
    const viewport = page.viewportSize();
    expect(box?.width).toBeCloseTo(viewport?.width ?? 0, -1);
    await page.keyboard.press("ArrowRight");
    await expect(widget.getByLabel("Example")).toHaveValue("king");
    await page.keyboard.press("ArrowRight");
    await expect(widget.getByLabel("Example")).toHaveValue("love");
    await screenshot(page, "widget-vector-playground-present");
    await page.keyboard.press("Escape");
    await expect(widget).not.toHaveAttribute("data-presenting", "");
  });
});

test("the slides' blanks render as blanks, not as bold or italic", async ({
  guardedPage: page,
}) => {
  await page.goto(PATH);
  await expect(page.locator(".prose code", { hasText: "I ___ this song" })).toBeVisible();
  await page.goto("/lessons/03-how-llms-work/");
  await expect(
    page.locator(".prose p code", { hasText: "John wants his bank to cash the ___" }).first(),
  ).toBeVisible();
  expect(await page.locator(".prose strong", { hasText: "_" }).count()).toBe(0);
});
