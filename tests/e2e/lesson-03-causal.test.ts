/**
 * Causal vs masked in lesson 03: CausalVsMasked asks our GPT (left context
 * only) and our masked LM (both sides) about one blank, as the library does in
 * Node; AttentionView runs both models offline and shows the causal mask.
 */
import { fileURLToPath } from "node:url";
import {
  cosineToPrevious,
  headWeights,
  loadEncoder,
  targetVectors,
} from "../../src/lib/encoder/index";
import { fillMask, predictNext, splitAtGap } from "../../src/lib/lm/index";
import { expect, expectAccessible, openWidget, setTheme, test } from "./fixtures";
import { nodeModel } from "./models";

const PATH = "/lessons/03-how-llms-work/";
const SHOTS = "test-results/screenshots";
const MODELS = fileURLToPath(new URL("../../public/generated/models/", import.meta.url));

test.describe("CausalVsMasked", () => {
  test.setTimeout(120_000);

  test("the GPT reads the words before the blank, the masked LM both sides: the same guesses as in Node", async ({
    guardedPage: page,
  }) => {
    const widget = await openWidget(page, PATH, "causal-vs-masked");
    const text = "John wants his bank to [MASK] the check.";
    await expect(widget.getByLabel(/Sentence with one blank/)).toHaveValue(text);
    await widget.getByRole("button", { name: "Ask both models" }).click();
    await expect(widget).toHaveAttribute("data-runs", "1", { timeout: 60_000 });
    const gap = splitAtGap(text);
    const next = await predictNext(await nodeModel("gpt"), gap.before, 8);
    const fill = await fillMask(await nodeModel("mlm"), gap.masked, 8);
    await expect(widget).toHaveAttribute("data-gpt", next.top.map((c) => c.label).join("|"));
    await expect(widget).toHaveAttribute("data-mlm", fill.top.map((c) => c.label).join("|"));
    await expect(widget.locator('[data-part="gpt-unseen"]')).toHaveText("the check.");
    await expect(widget.locator('[data-part="gpt-bars"] li[data-token]')).toHaveCount(8);
    await expect(widget.locator('[data-part="verdict"]')).toContainText(
      `“${next.top[0]?.label ?? "?"}”`,
    );

    await setTheme(page, "light");
    await expectAccessible(page, "CausalVsMasked (light)", "causal-vs-masked");
    await widget.screenshot({ path: `${SHOTS}/widget-causal-vs-masked-light.png` });
    await setTheme(page, "dark");
    await expectAccessible(page, "CausalVsMasked (dark)", "causal-vs-masked");
    await widget.screenshot({ path: `${SHOTS}/widget-causal-vs-masked-dark.png` });
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await widget.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    await widget.screenshot({ path: `${SHOTS}/widget-causal-vs-masked-375-dark.png` });
  });

  test("bad input gets a clear message and keeps the sentence", async ({ guardedPage: page }) => {
    const widget = await openWidget(page, PATH, "causal-vs-masked");
    const input = widget.getByLabel(/Sentence with one blank/);
    const run = widget.getByRole("button", { name: "Ask both models" });
    const error = widget.locator("[data-widget-error]");
    await input.fill("No blank in this sentence.");
    await run.click();
    await expect(error).toContainText("Write [MASK] (or ___) where the missing word goes");
    await input.fill("Two [MASK] blanks ___ here.");
    await run.click();
    await expect(error).toContainText("Use one blank only (found 2).");
    await input.fill("[MASK] comes first.");
    await run.click();
    await expect(error).toContainText("at least one word before the blank");
    await expect(input).toHaveValue("[MASK] comes first.");
    await expect(page).toHaveURL(/cvm\.t=/);
  });
});

test.describe("AttentionView on our models", () => {
  test.setTimeout(120_000);

  test("our GPT's attention is causal and equals Node's; the masked LM's is not", async ({
    guardedPage: page,
  }) => {
    const widget = await openWidget(page, PATH, "attention-view");
    await expect(widget).toHaveAttribute("data-tokens", /\[/, { timeout: 60_000 });
    await widget.locator('[data-part="offline-model"]').selectOption("gpt");
    await expect(widget).toHaveAttribute("data-model", "gpt", { timeout: 60_000 });
    await expect(widget).toHaveAttribute("data-causal", "true");
    await expect(widget.locator('[data-part="model-status"]')).toContainText("Causal");
    await expect(page).toHaveURL(/att\.o=gpt/);

    const sentence = await widget.locator('[data-part="sentence"]').inputValue();
    const encoder = await loadEncoder({ model: "gpt", localModelPath: MODELS });
    const reference = await encoder.encode(sentence);
    const canvas = widget.locator('[data-part="head-view"] canvas.av-lines');
    await expect.poll(() => canvas.getAttribute("data-attention")).not.toBeNull();
    const drawn = JSON.parse((await canvas.getAttribute("data-attention")) ?? "{}") as {
      layer: number;
      heads: number[];
      weights: number[][];
    };
    const attention = reference.attentions[drawn.layer];
    if (!attention) throw new Error("no attention in Node");
    drawn.heads.forEach((h, i) => {
      const expected = headWeights(attention, h);
      const got = drawn.weights[i] ?? [];
      expect(got).toHaveLength(expected.length);
      const worst = got.reduce((m, v, j) => Math.max(m, Math.abs(v - (expected[j] ?? NaN))), 0);
      expect(worst).toBeLessThan(1e-4);
    });

    await widget.locator('[data-part="offline-model"]').selectOption("mlm");
    await expect(widget).toHaveAttribute("data-model", "mlm", { timeout: 60_000 });
    await expect(widget).toHaveAttribute("data-causal", "false");
    await widget.getByRole("radio", { name: "Heatmap" }).check();
    await widget.screenshot({ path: `${SHOTS}/widget-attention-view-mlm-heatmap.png` });
    await widget.locator('[data-part="offline-model"]').selectOption("gpt");
    await expect(widget).toHaveAttribute("data-causal", "true", { timeout: 60_000 });
    await widget.screenshot({ path: `${SHOTS}/widget-attention-view-gpt-heatmap.png` });
  });
});

test.describe("TransformerSteps on our models", () => {
  test.setTimeout(120_000);

  test("our GPT: its layers as steps, its trail as in Node, its output worded for a causal model", async ({
    guardedPage: page,
  }) => {
    const widget = await openWidget(page, PATH, "transformer-steps");
    await expect(widget).toHaveAttribute("data-steps", /\d/, { timeout: 60_000 });
    // USE-lite first: its first layer widens the vector, and the detail names both sizes.
    const useLite = await (
      await loadEncoder({ localModelPath: MODELS })
    ).encode(await widget.locator('[data-part="sentence"]').inputValue());
    await widget.locator('[data-part="steps"] button[data-step="3"]').click();
    await expect(widget.locator('[data-part="detail"]')).toContainText(
      `the token embedding has ${useLite.tokenEmbeddings.dim} numbers and the vector here ${useLite.hiddenStates[1]?.dim ?? "?"}`,
    );
    await widget.locator('[data-part="model"]').selectOption("gpt");
    await expect(widget).toHaveAttribute("data-model", "gpt", { timeout: 60_000 });
    const sentence = await widget.locator('[data-part="sentence"]').inputValue();
    const encoder = await loadEncoder({ model: "gpt", localModelPath: MODELS });
    const reference = await encoder.encode(sentence);
    const total = 3 + 2 * reference.attentions.length;
    await expect(widget).toHaveAttribute("data-steps", String(total));
    await expect(page).toHaveURL(/steps\.m=gpt/);
    await widget.locator(`[data-part="steps"] button[data-step="${total - 1}"]`).click();
    await expect(widget.locator('[data-part="explain"]')).toContainText("Our GPT turns the vector");
    const word = await widget
      .locator('[data-part="word"]')
      .evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.text ?? "");
    const [followed] = targetVectors([reference], word);
    if (!followed) throw new Error(`no ${word}`);
    const expected = cosineToPrevious(followed);
    const shown = await widget
      .locator('td[data-cosine][data-measure="previous"]')
      .evaluateAll((cells) => cells.map((c) => c.getAttribute("data-cosine")));
    expected.forEach((value, s) => {
      if (value === null) expect(shown[s]).toBe("none");
      else expect(Number(shown[s])).toBeCloseTo(value, 4);
    });
  });
});
