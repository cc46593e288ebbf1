/**
 * What every widget gets from the shared base (src/scripts/lab-widget.ts),
 * checked on real widgets: focus stays on the control that ran, and a result
 * on show when an error comes is marked as being from before it.
 */
import type { Locator } from "@playwright/test";
import { expect, openWidget, test } from "./fixtures";

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
