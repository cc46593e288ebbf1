/**
 * What every widget gets from the shared base (src/scripts/lab-widget.ts),
 * checked on real widgets: focus stays on the control that ran, and a result
 * on show when an error comes is marked as being from before it.
 */
import type { Locator } from "@playwright/test";
import { SCREENSHOT_DIR, expect, expectAccessible, openWidget, test } from "./fixtures";

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

/** A result is drawn and no Run control is still disabled (for widgets without a run counter). */
async function drawn(widget: Locator): Promise<void> {
  await expect
    .poll(
      () =>
        widget.evaluate(
          (el) =>
            [...el.querySelectorAll<HTMLElement>('[data-part="results"], [data-result]')].some(
              (r) => !r.hidden && r.getBoundingClientRect().height > 40 && r.textContent.trim(),
            ) && !el.querySelector('[data-part="run"]:disabled'),
        ),
      { timeout: 90_000 },
    )
    .toBe(true);
}

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
  {
    path: "/lessons/01-word-embeddings/",
    tag: "code-cell#cell-analogy",
    button: "Run Ctrl+Enter",
    done: drawn,
  },
  {
    path: "/lessons/02-contextual-embeddings/",
    tag: "embedding-uses",
    button: "Embed the texts",
    done: drawn,
  },
  {
    path: "/lessons/03-how-llms-work/",
    tag: "next-word",
    button: "Predict the next word",
    done: drawn,
  },
  {
    path: "/lessons/03-how-llms-work/",
    tag: "layer-lens",
    button: "Show every layer's guess",
    done: drawn,
  },
  {
    path: "/lessons/03-how-llms-work/",
    tag: "watch-it-learn",
    button: "Ask every checkpoint",
    done: drawn,
  },
  { path: "/lessons/04-inside-the-black-box/", tag: "infini-gram", button: "Count", done: drawn },
  {
    path: "/lessons/05-llms-in-social-science/",
    tag: "simulated-survey",
    button: "Ask the respondents",
    done: drawn,
  },
  {
    path: "/lessons/07-labeling-with-llms/",
    tag: "labeling-sandbox",
    button: "Label",
    done: drawn,
  },
];

test.describe("the widget contract", () => {
  test.setTimeout(120_000);

  for (const c of CASES)
    test(`${c.tag}: Enter on “${c.button}” keeps the focus on it after the run`, async ({
      guardedPage: page,
    }) => {
      const widget = await openWidget(page, c.path, c.tag, 30_000);
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
      await expect(button).toBeEnabled({ timeout: 90_000 });
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
}

/** Presses a button and waits until a result is drawn. */
const press =
  (name: string) =>
  async (widget: Locator): Promise<void> => {
    await widget.getByRole("button", { name, exact: true }).click();
    await drawn(widget);
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
  { path: "/lessons/01-word-embeddings/", tag: "vector-playground" },
  {
    path: "/lessons/01-word-embeddings/",
    tag: "code-cell#cell-analogy",
    run: press("Run Ctrl+Enter"),
  },
  {
    path: "/lessons/02-contextual-embeddings/",
    tag: "sense-explorer",
    run: press("Measure with the model"),
  },
  {
    path: "/lessons/03-how-llms-work/",
    tag: "layer-lens",
    run: press("Show every layer's guess"),
  },
  {
    path: "/lessons/03-how-llms-work/",
    tag: "causal-vs-masked",
    run: press("Ask both models"),
  },
  {
    path: "/lessons/03-how-llms-work/",
    tag: "watch-it-learn",
    run: press("Ask every checkpoint"),
  },
  {
    path: "/lessons/04-inside-the-black-box/",
    tag: "infini-gram",
    run: press("Count"),
  },
  {
    path: "/lessons/05-llms-in-social-science/",
    tag: "simulated-survey",
    run: press("Ask the respondents"),
  },
  {
    path: "/lessons/02-contextual-embeddings/",
    tag: "embedding-uses",
    run: press("Embed the texts"),
  },
  { path: "/lessons/06-agent-based-models/", tag: "schelling-game" },
  {
    path: "/lessons/07-labeling-with-llms/",
    tag: "labeling-sandbox",
    run: press("Label"),
  },
];

const SCREENS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

/** Body text as the learner sees it (computed size × Present mode's zoom), and whether the result is in view. */
async function presented(widget: Locator): Promise<{ body: number; inView: boolean }> {
  return widget.evaluate((el) => {
    const body = el.querySelector<HTMLElement>("[data-widget-body]");
    const size = body
      ? parseFloat(getComputedStyle(body).fontSize) *
        (body as HTMLElement & { currentCSSZoom: number }).currentCSSZoom
      : 0;
    const shown = [
      ...el.querySelectorAll<HTMLElement>('[data-part="results"], [data-result]'),
    ].find((r) => !r.hidden && r.getBoundingClientRect().height > 0);
    if (!shown) return { body: size, inView: false };
    const box = shown.getBoundingClientRect();
    const visible = Math.min(box.bottom, innerHeight) - Math.max(box.top, 0);
    return { body: size, inView: visible >= Math.min(200, box.height) };
  });
}

test.describe("Present mode", () => {
  test.setTimeout(150_000);
  for (const c of PRESENT)
    test(`${c.tag}: large type and the result in view at 1366 × 768, then at 1920 × 1080 (a projector plugged in); axe-clean`, async ({
      guardedPage: page,
    }) => {
      const [small, large] = SCREENS as [(typeof SCREENS)[0], (typeof SCREENS)[0]];
      await page.setViewportSize(small);
      // Code cells are ready once Monaco has loaded, which takes longer.
      const widget = await openWidget(page, c.path, c.tag, 30_000);
      if (c.run) await c.run(widget);
      else
        await expect(widget.locator('[data-part="results"], [data-result]').first()).toBeVisible({
          timeout: 60_000,
        });
      await widget.locator("[data-present]").click();
      await expect(widget).toHaveAttribute("data-presenting", "");
      const name = c.tag.replace("#", "-");
      for (const screen of [small, large]) {
        if (screen !== small) await page.setViewportSize(screen);
        // Opens on the result: at least 200 px of it (or all of it) are on the screen, in
        // large type. Polled: after a resize the zoom follows on the window's resize event.
        const least = screen.width >= 1920 ? 24 : 18;
        await expect
          .poll(
            async () => {
              const { body, inView } = await presented(widget);
              return { large: body >= least, inView };
            },
            {
              timeout: 5000,
              message: `body text ≥ ${least} px and the result in view at ${screen.width} px`,
            },
          )
          .toEqual({ large: true, inView: true });
        await page.screenshot({ path: `${SCREENSHOT_DIR}/present-${name}-${screen.width}.png` });
      }
      await expectAccessible(page, `${c.tag} in Present mode`, c.tag);
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
