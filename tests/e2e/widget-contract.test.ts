/**
 * What every widget gets from the shared base (src/scripts/lab-widget.ts),
 * checked on real widgets: focus stays on the control that ran, and a result
 * on show when an error comes is marked as being from before it.
 */
import type { Locator } from "@playwright/test";
import { SCREENSHOT_DIR, expect, openWidget, test } from "./fixtures";

interface RunCase {
  path: string;
  tag: string;
  button: string;
  /** Resolves once the run the button started has finished. */
  done: (widget: Locator) => Promise<void>;
}

const runs = (n: number) => async (widget: Locator) => {
  await expect(widget).toHaveAttribute("data-runs", String(n), { timeout: 60_000 });
};
const encoded = async (widget: Locator): Promise<void> => {
  await expect(widget).toHaveAttribute("data-encode-ms", /\d/, { timeout: 60_000 });
};

const CASES: RunCase[] = [
  {
    path: "/lessons/02-contextual-embeddings/",
    tag: "context-lens",
    button: "Compare in context",
    done: runs(1),
  },
  {
    path: "/lessons/02-contextual-embeddings/",
    tag: "sense-explorer",
    button: "Measure with the model",
    done: runs(1),
  },
  {
    path: "/lessons/03-how-llms-work/",
    tag: "causal-vs-masked",
    button: "Ask both models",
    done: runs(1),
  },
  {
    path: "/lessons/03-how-llms-work/",
    tag: "attention-view",
    button: "Show attention",
    done: encoded,
  },
  {
    path: "/lessons/03-how-llms-work/",
    tag: "transformer-steps",
    button: "Run the sentence",
    done: encoded,
  },
];

test.describe("the widget contract", () => {
  test.setTimeout(120_000);

  for (const c of CASES)
    test(`${c.tag}: Enter on “${c.button}” keeps the focus on it after the run`, async ({
      guardedPage: page,
    }) => {
      const widget = await openWidget(page, c.path, c.tag);
      // Widgets that run on load: wait for it, then forget it, so `done` waits for our run.
      if (c.done === encoded) {
        await encoded(widget);
        await widget.evaluate((el) => {
          delete (el as HTMLElement).dataset["encodeMs"];
        });
      }
      const button = widget.getByRole("button", { name: c.button, exact: true });
      await button.focus();
      await page.keyboard.press("Enter");
      await c.done(widget);
      await expect(button).toBeEnabled();
      await expect(button).toBeFocused();
    });

  test("a result on show when an error comes is dimmed and the message says it is old; the next run clears it", async ({
    guardedPage: page,
  }) => {
    const lens = await openWidget(page, "/lessons/02-contextual-embeddings/", "context-lens");
    await expect(lens).toHaveAttribute("data-source", "precomputed");
    const sentences = lens.getByLabel("Sentences (one per line, 2 to 8)");
    const before = await sentences.inputValue();
    await sentences.fill("The bank is closed.\nThe river is wide.");
    await lens.getByRole("button", { name: "Compare in context" }).click();
    const error = lens.locator("[data-widget-error]");
    await expect(error).toContainText("“bank” is not a word of sentence 2", { timeout: 60_000 });
    await expect(error).toContainText("The result below is from before this error.");
    await expect(lens).toHaveAttribute("data-stale", "");
    expect(
      await lens
        .locator('[data-part="results"]')
        .evaluate((el) => Number(getComputedStyle(el).opacity)),
    ).toBeLessThan(1);
    await sentences.fill(before);
    await lens.getByRole("button", { name: "Compare in context" }).click();
    await expect(lens).toHaveAttribute("data-source", "live", { timeout: 60_000 });
    await expect(lens).not.toHaveAttribute("data-stale", "");
    await expect(error).toBeHidden();
  });
});

/** Widgets with a result on show once ready (or after `run`), for the Present-mode checks. */
interface PresentCase {
  path: string;
  /** A CSS selector for the widget (its tag, or tag#id where a page has several). */
  tag: string;
  /** Produces a result when the widget shows none on load. */
  run?: (widget: Locator) => Promise<void>;
  /** Screen widths to check (default: both). */
  widths?: number[];
}

/** Presses a button and waits until a result is drawn (visible, with some height). */
const press =
  (name: string, timeout = 90_000) =>
  async (widget: Locator): Promise<void> => {
    await widget.getByRole("button", { name, exact: true }).click();
    await expect
      .poll(
        () =>
          widget.evaluate(
            (el) =>
              [...el.querySelectorAll<HTMLElement>('[data-part="results"], [data-result]')].some(
                (r) => !r.hidden && r.getBoundingClientRect().height > 40 && r.textContent.trim(),
              ) && !el.querySelector('[data-part="run"]:disabled'),
          ),
        { timeout },
      )
      .toBe(true);
  };

const PRESENT: PresentCase[] = [
  { path: "/lessons/01-word-embeddings/", tag: "word-vectors" },
  { path: "/lessons/02-contextual-embeddings/", tag: "context-lens" },
  // These two run on load: Present mode is checked once their result is drawn.
  { path: "/lessons/03-how-llms-work/", tag: "attention-view", run: encoded },
  { path: "/lessons/03-how-llms-work/", tag: "transformer-steps", run: encoded },
  {
    path: "/lessons/03-how-llms-work/",
    tag: "next-word",
    run: async (widget) => {
      await widget.locator('[data-part="predict"]').click();
      await expect(widget.locator('[data-part="results"]')).toBeVisible({ timeout: 60_000 });
    },
  },
  { path: "/lessons/07-labeling-with-llms/", tag: "price-estimator" },
  // The rest at the smaller screen, where a result is likelier to fall below the fold.
  { path: "/lessons/01-word-embeddings/", tag: "vector-playground", widths: [1366] },
  {
    path: "/lessons/01-word-embeddings/",
    tag: "code-cell#cell-analogy",
    run: press("Run Ctrl+Enter"),
    widths: [1366],
  },
  {
    path: "/lessons/02-contextual-embeddings/",
    tag: "sense-explorer",
    run: press("Measure with the model"),
    widths: [1366],
  },
  {
    path: "/lessons/03-how-llms-work/",
    tag: "layer-lens",
    run: press("Show every layer's guess"),
    widths: [1366],
  },
  {
    path: "/lessons/03-how-llms-work/",
    tag: "causal-vs-masked",
    run: press("Ask both models"),
    widths: [1366],
  },
  {
    path: "/lessons/03-how-llms-work/",
    tag: "watch-it-learn",
    run: press("Ask every checkpoint"),
    widths: [1366],
  },
  {
    path: "/lessons/04-inside-the-black-box/",
    tag: "infini-gram",
    run: press("Count"),
    widths: [1366],
  },
  {
    path: "/lessons/05-llms-in-social-science/",
    tag: "simulated-survey",
    run: press("Ask the respondents"),
    widths: [1366],
  },
  {
    path: "/lessons/07-labeling-with-llms/",
    tag: "labeling-sandbox",
    run: press("Label"),
    widths: [1366],
  },
];

const SCREENS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

test.describe("Present mode", () => {
  test.setTimeout(120_000);
  for (const c of PRESENT)
    for (const screen of SCREENS.filter((s) => c.widths?.includes(s.width) ?? true))
      test(`${c.tag} at ${screen.width} × ${screen.height}: large type, opens on the result`, async ({
        guardedPage: page,
      }) => {
        await page.setViewportSize(screen);
        // Code cells are ready once Monaco has loaded, which takes longer.
        const widget = await openWidget(page, c.path, c.tag, 30_000);
        if (c.run) await c.run(widget);
        else
          await expect(widget.locator('[data-part="results"], [data-result]').first()).toBeVisible({
            timeout: 60_000,
          });
        await widget.locator("[data-present]").click();
        await expect(widget).toHaveAttribute("data-presenting", "");
        // The size the learner sees: the computed size times the CSS zoom of Present mode.
        const body = await widget
          .locator("[data-widget-body]")
          .evaluate(
            (el) =>
              parseFloat(getComputedStyle(el).fontSize) *
              (el as HTMLElement & { currentCSSZoom: number }).currentCSSZoom,
          );
        if (screen.width >= 1920) expect(body).toBeGreaterThanOrEqual(24);
        else expect(body).toBeGreaterThanOrEqual(18);
        // Opens on the result: at least 200 px of it (or all of it) are on the screen.
        await expect
          .poll(
            () =>
              widget.evaluate((el) => {
                const shown = [
                  ...el.querySelectorAll<HTMLElement>('[data-part="results"], [data-result]'),
                ].find((r) => !r.hidden && r.getBoundingClientRect().height > 0);
                if (!shown) return 0;
                const box = shown.getBoundingClientRect();
                const visible = Math.min(box.bottom, innerHeight) - Math.max(box.top, 0);
                return visible >= Math.min(200, box.height) ? 1 : 0;
              }),
            { timeout: 5000 },
          )
          .toBe(1);
        await page.screenshot({
          path: `${SCREENSHOT_DIR}/present-${c.tag.replace("#", "-")}-${screen.width}.png`,
        });
        await page.keyboard.press("Escape");
        await expect(widget).not.toHaveAttribute("data-presenting", "");
      });
});

test.describe("links reproduce the view", () => {
  test.setTimeout(120_000);

  test("context-lens: a link with the learner's own sentences re-runs them", async ({
    guardedPage: page,
  }) => {
    const lens = await openWidget(page, "/lessons/02-contextual-embeddings/", "context-lens");
    await lens
      .getByLabel("Sentences (one per line, 2 to 8)")
      .fill("The bank raised its rates.\nWe walked along the bank of the river.");
    await lens.getByRole("button", { name: "Compare in context" }).click();
    await expect(lens).toHaveAttribute("data-runs", "1", { timeout: 60_000 });
    const table = await lens.locator('[data-part="results"] table').first().innerText();
    const copy = await page.context().newPage();
    await copy.goto(page.url());
    const again = copy.locator("context-lens");
    await again.scrollIntoViewIfNeeded();
    await expect(again).toHaveAttribute("data-runs", "1", { timeout: 60_000 });
    expect(await again.locator('[data-part="results"] table').first().innerText()).toBe(table);
    await copy.close();
  });

  test("next-word: a link after Generate re-runs the same generation", async ({
    guardedPage: page,
  }) => {
    const widget = await openWidget(page, "/lessons/03-how-llms-work/", "next-word");
    await widget.getByLabel("Seed").fill("11");
    await widget.locator('[data-part="generate"]').click();
    const continuation = widget.locator('[data-part="continuation"]');
    await expect(continuation).toHaveAttribute("data-text", /\S/, { timeout: 60_000 });
    const text = await continuation.getAttribute("data-text");
    await expect.poll(() => page.url()).toContain("gen=1");
    const copy = await page.context().newPage();
    await copy.goto(page.url());
    const again = copy.locator("next-word");
    await again.scrollIntoViewIfNeeded();
    await expect(again.locator('[data-part="continuation"]')).toHaveAttribute(
      "data-text",
      text ?? "",
      { timeout: 60_000 },
    );
    await copy.close();
  });
});
