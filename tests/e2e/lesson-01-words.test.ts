/**
 * WordVectors (lesson 01): the GloVe neighbours and analogies shown in the
 * page are the ones src/lib/words computes in Node from the same file.
 */
import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { parseExpression } from "../../src/lib/vectors/index";
import { loadWordVectors } from "../../src/lib/words/index";
import { expect, screenshot, setTheme, test, expectAccessible, openWidget } from "./fixtures";

const PATH = "/lessons/01-word-embeddings/";
const glove = loadWordVectors(readFileSync("public/generated/words/glove-50k-100d.bin"));

const openWords = (page: Page, query = ""): Promise<Locator> =>
  openWidget(page, `${PATH}${query}`, "word-vectors", 30_000);

/** The neighbour list as the page shows it: words and the similarities in data attributes. */
const expectWidgetAccessible = (page: Page, label: string): Promise<void> =>
  expectAccessible(page, `WordVectors (${label})`, "word-vectors");

async function shownNeighbors(widget: Locator): Promise<{ word: string; similarity: number }[]> {
  const items = widget.locator('[data-part="neighbors"] li');
  return items.evaluateAll((nodes) =>
    nodes.map((n) => ({
      word: (n as HTMLElement).dataset["word"] ?? "",
      similarity: Number((n as HTMLElement).dataset["similarity"]),
    })),
  );
}

function expectSameNeighbors(
  shown: { word: string; similarity: number }[],
  expected: { word: string; similarity: number }[],
): void {
  expect(shown.map((n) => n.word)).toEqual(expected.map((n) => n.word));
  shown.forEach((n, i) => {
    expect(n.similarity).toBeCloseTo(expected[i]?.similarity ?? NaN, 6);
  });
}

test.describe("WordVectors", () => {
  test("king − man + woman: queen first, the same list as the library, drawn as a parallelogram", async ({
    guardedPage: page,
  }) => {
    const widget = await openWords(page);
    await expect(widget.getByLabel("Example")).toHaveValue("king");
    await expect(widget.locator('[data-part="neighbors"] li').first()).toHaveAttribute(
      "data-word",
      "queen",
    );
    const expected = glove.evaluate(parseExpression("king - man + woman"), 10);
    expect(expected[0]?.word).toBe("queen");
    expectSameNeighbors(await shownNeighbors(widget), expected);
    await expect(widget.locator('[data-part="result"]')).toHaveText(
      `king − man + woman ≈ queen (cosine ${expected[0]?.similarity.toFixed(3) ?? ""})`,
    );
    // The offset man → woman and the same step from king, ending at the result.
    await expect(widget.locator('line[data-arrow="offset"]')).toHaveAttribute(
      "data-words",
      "man woman",
    );
    await expect(widget.locator('line[data-arrow="step"]')).toHaveCount(1);
    await expect(widget.locator('path[data-role="result"]')).toHaveCount(1);
    const [offset, step] = await Promise.all(
      ['line[data-arrow="offset"]', 'line[data-arrow="step"]'].map((s) =>
        widget.locator(s).evaluate((line) => {
          const n = (name: string): number => Number(line.getAttribute(name));
          return [n("x2") - n("x1"), n("y2") - n("y1")];
        }),
      ),
    );
    expect(step?.[0]).toBeCloseTo(offset?.[0] ?? NaN, 6);
    expect(step?.[1]).toBeCloseTo(offset?.[1] ?? NaN, 6);
    // Compared words: the cosine with the result, as the library computes it.
    const queen = widget.locator('[data-part="comparisons"] li[data-word="queen"]');
    await expect(queen).toHaveAttribute("data-similarity", /\d/);
    expect(Number(await queen.getAttribute("data-similarity"))).toBeCloseTo(
      expected[0]?.similarity ?? NaN,
      5,
    );

    // The sticky site header would cover the widget's top in an element screenshot.
    await page.addStyleTag({ content: ".site-header { position: static !important; }" });
    await setTheme(page, "light");
    await expectWidgetAccessible(page, "light");
    await widget.screenshot({ path: "test-results/screenshots/widget-word-vectors-light.png" });
    await setTheme(page, "dark");
    await expectWidgetAccessible(page, "dark");
    await widget.screenshot({ path: "test-results/screenshots/widget-word-vectors-dark.png" });
    await page.setViewportSize({ width: 375, height: 900 });
    await widget.screenshot({ path: "test-results/screenshots/widget-word-vectors-375.png" });
    // Nothing in the widget sticks out of a 375 px screen.
    const overflow = await widget.evaluate(
      (root) =>
        Math.max(...[...root.querySelectorAll("*")].map((e) => e.getBoundingClientRect().right)) -
        document.documentElement.clientWidth,
    );
    expect(overflow, "nothing wider than 375 px").toBeLessThanOrEqual(0);
  });

  test("love and like: their cosine is the library's, and higher than love and table", async ({
    guardedPage: page,
  }) => {
    const widget = await openWords(page);
    await widget.getByLabel("Example").selectOption("love");
    const like = widget.locator('[data-part="comparisons"] li[data-word="like"]');
    await expect(like).toBeVisible();
    const shown = Number(await like.getAttribute("data-similarity"));
    expect(shown).toBeCloseTo(glove.similarity("love", "like"), 5);
    const table = Number(
      await widget
        .locator('[data-part="comparisons"] li[data-word="table"]')
        .getAttribute("data-similarity"),
    );
    expect(shown).toBeGreaterThan(table);
    expectSameNeighbors(await shownNeighbors(widget), glove.neighbors("love", 10));
    await expect(page).toHaveURL(/wv\.preset=love/);
    // The headline is the pair the example is about, not "love ≈ <nearest word>".
    const nearest = glove.neighbors("love", 1)[0];
    await expect(widget.locator('[data-part="result"]')).toHaveText(
      `“love” and “like”: cosine ${shown.toFixed(3)}; nearest word: ${nearest?.word ?? "?"} (${nearest?.similarity.toFixed(3) ?? "?"})`,
    );
  });

  test("Xiangling = Gorgeous + Cat: explains that xiangling is unknown and shows gorgeous + cat", async ({
    guardedPage: page,
  }) => {
    const widget = await openWords(page);
    await widget.getByLabel("Example").selectOption("xiangling");
    await expect(widget.locator('[data-part="name"]')).toContainText(
      "“xiangling” is not among the 50,000 GloVe words",
    );
    await expect(widget.locator('[data-part="name"]')).toContainText(
      "what lies nearest to gorgeous + cat",
    );
    await expect(widget.locator("[data-widget-error]")).toBeHidden();
    expect(glove.has("xiangling")).toBe(false);
    await expect(widget.locator('[data-part="neighbors"] li')).toHaveCount(10);
    expectSameNeighbors(
      await shownNeighbors(widget),
      glove.evaluate(parseExpression("gorgeous + cat"), 10),
    );
    await expect(widget.locator('line[data-arrow="to-result"]')).toHaveCount(2);
  });

  test("an unknown word gets suggestions; one click fixes it; the text survives a reload", async ({
    guardedPage: page,
  }) => {
    const widget = await openWords(page);
    const expression = widget.getByLabel("Word or expression");
    const error = widget.locator("[data-widget-error]");
    await expression.fill("kingg − man + womann");
    await expect(error).toBeVisible();
    await expect(error).toContainText("“kingg” is not among the 50,000 words");
    await expect(error).toContainText("“womann” is not among the 50,000 words");
    const suggestions = [...glove.suggest("kingg"), ...glove.suggest("womann")];
    expect(suggestions).toContain("king");
    expect(suggestions).toContain("woman");
    await expect(widget.locator('[data-part="suggestions"] button')).toHaveText(suggestions);
    await expect(widget.locator('[data-part="neighbors"] li')).toHaveCount(0);

    await widget.getByRole("button", { name: "Use “king” instead of “kingg”" }).click();
    await expect(expression).toHaveValue("king − man + womann");
    await expect(error).not.toContainText("kingg");
    await widget.getByRole("button", { name: "Use “woman” instead of “womann”" }).click();
    await expect(expression).toHaveValue("king − man + woman");
    await expect(error).toBeHidden();
    await expect(widget).toHaveAttribute("data-top", "queen");

    await expression.fill("paris - france + germany");
    await expect(widget).toHaveAttribute(
      "data-top",
      glove.analogy("france", "paris", "germany")[0]?.word ?? "?",
    );
    await expect(page).toHaveURL(/wv\.expr=paris/);
    await page.reload();
    await widget.scrollIntoViewIfNeeded();
    await expect(widget).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
    await expect(widget.getByLabel("Word or expression")).toHaveValue("paris - france + germany");

    await expression.fill("king - king");
    await expect(error).toContainText("The words cancel out");
    await expression.fill("a = b = c");
    await expect(error).toContainText("Use “=” at most once");
    await expression.fill("");
    await expect(error).toContainText("Type at least one word");
  });

  test("Present mode: arrow keys step through the slides' examples", async ({
    guardedPage: page,
  }) => {
    const widget = await openWords(page);
    await widget.getByRole("button", { name: "Present" }).click();
    await expect(widget).toHaveAttribute("data-presenting", "");
    await page.keyboard.press("ArrowRight");
    await expect(widget.getByLabel("Example")).toHaveValue("love");
    await page.keyboard.press("ArrowRight");
    await expect(widget.getByLabel("Example")).toHaveValue("xiangling");
    await expect(widget).toHaveAttribute(
      "data-top",
      glove.evaluate(parseExpression("gorgeous + cat"), 1)[0]?.word ?? "?",
    );
    await screenshot(page, "widget-word-vectors-present");
    await page.keyboard.press("Escape");
    await expect(widget).not.toHaveAttribute("data-presenting", "");
  });
});
