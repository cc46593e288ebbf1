import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { loadCorpus } from "../../src/lib/corpora/index";
import { fillMask, generate, predictNext } from "../../src/lib/lm/index";
import {
  buildIndex,
  copiedSpan,
  infiniGram,
  trace,
  type NgramIndex,
} from "../../src/lib/ngram/index";
import { nodeModel } from "./models";
import { expect, setTheme, test, expectAccessible, openWidget } from "./fixtures";

const PATH = "/lessons/03-how-llms-work/";
const SHOTS = "test-results/screenshots";
const PROMPT = "John wants his bank to cash the";

let shards: NgramIndex[] | null = null;
/** SOTU + Moby Dick, indexed in Node from the files the widget downloads. */
function both(): NgramIndex[] {
  shards ??= ["sotu", "moby-dick"].map((name) =>
    buildIndex(loadCorpus(readFileSync(`public/generated/corpora/${name}.bin`))),
  );
  return shards;
}

const expectWidgetAccessible = (page: Page, label: string): Promise<void> =>
  expectAccessible(page, label, "next-word");

const openNextWord = (page: Page, query = ""): Promise<Locator> =>
  openWidget(page, `${PATH}${query}`, "next-word");

test.describe("NextWord", () => {
  test.setTimeout(120_000);

  test("offline ∞-gram for the slide's prompt: a distribution whose counts add up, as in Node", async ({
    guardedPage: page,
  }) => {
    const widget = await openNextWord(page);
    await expect(widget.getByLabel("Beginning of a sentence")).toHaveValue(PROMPT);
    // The hub is off by default and its models cannot be chosen.
    await expect(widget.getByRole("checkbox", { name: /Hugging Face hub/ })).not.toBeChecked();
    await expect(widget.locator('option[value="causal"]')).toBeDisabled();
    await expect(widget.locator('[data-part="model"]')).toHaveValue("gpt");
    await widget.locator('[data-part="model"]').selectOption("ngram");

    await widget.getByRole("button", { name: "Predict the next word" }).click();
    const explain = widget.locator('[data-part="explain"]');
    await expect(explain).toHaveAttribute("data-context-count", /\d+/, { timeout: 60_000 });

    const expected = infiniGram(both(), PROMPT, { limit: 10 });
    const d = expected.distribution;
    expect(d.candidates.length).toBeGreaterThan(0);
    await expect(explain).toHaveAttribute("data-suffix-length", String(expected.suffixLength));
    await expect(explain).toHaveAttribute("data-context-count", String(d.contextCount));
    await expect(explain).toContainText(`“${expected.suffix}” occurs`);

    const rows = widget.locator('[data-part="table-body"] tr[data-word]');
    await expect(rows).toHaveCount(d.candidates.length);
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute("data-word"), Number(tr.getAttribute("data-count"))]),
    );
    expect(shown).toEqual(d.candidates.map((c) => [c.token, c.count]));
    // Every row (words, others, document ends) adds up to the total.
    const all = await widget
      .locator('[data-part="table-body"] tr[data-count]')
      .evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute("data-count"))));
    const total = Number(
      await widget.locator('[data-part="table-body"] tr[data-total]').getAttribute("data-total"),
    );
    expect(all.reduce((a, b) => a + b, 0)).toBe(total);
    expect(total).toBe(d.contextCount);

    // Bars at temperature 1, top-k all: count / continuations.
    const bars = widget.locator("svg rect[data-word]");
    await expect(bars).toHaveCount(Math.min(10, d.candidates.length));
    const first = Number(await bars.first().getAttribute("data-probability"));
    expect(first).toBeCloseTo((d.candidates[0]?.count ?? 0) / d.continuations, 10);

    await setTheme(page, "light");
    await expectWidgetAccessible(page, "lesson 03 with NextWord results (light)");
    await widget.screenshot({ path: `${SHOTS}/widget-next-word-light.png` });
    await setTheme(page, "dark");
    await expectWidgetAccessible(page, "lesson 03 with NextWord results (dark)");
    await widget.screenshot({ path: `${SHOTS}/widget-next-word-dark.png` });
    await page.setViewportSize({ width: 375, height: 800 });
    await widget.screenshot({ path: `${SHOTS}/widget-next-word-375-dark.png` });
  });

  test("temperature 0 puts all mass on the top word; a seeded continuation repeats", async ({
    guardedPage: page,
  }) => {
    const widget = await openNextWord(page, "?nw.m=ngram");
    await widget.getByRole("button", { name: "Predict the next word" }).click();
    await expect(widget.locator("svg rect[data-word]").first()).toBeVisible({ timeout: 60_000 });
    const temperature = widget.getByLabel("Temperature");
    await temperature.focus();
    await temperature.press("Home");
    await expect(widget.locator("svg rect[data-word]").first()).toHaveAttribute(
      "data-probability",
      "1",
    );
    for (let i = 0; i < 12; i++) await temperature.press("ArrowRight");
    await expect(page).toHaveURL(/nw\.t=1\.2/);
    await widget.getByLabel("Top-k").selectOption("5");
    await widget.getByLabel("Seed").fill("7");
    await widget.getByLabel("Words or tokens to generate").fill("6");
    const continuation = widget.locator('[data-part="continuation"]');
    await widget.getByRole("button", { name: "Generate a continuation" }).click();
    await expect(widget.locator('[data-part="steps-list"] li')).toHaveCount(6, { timeout: 60_000 });
    await expect(continuation).toHaveAttribute("data-text", /.+/);
    const once = await continuation.getAttribute("data-text");
    expect(once?.startsWith(PROMPT)).toBe(true);
    expect((once ?? "").length).toBeGreaterThan(PROMPT.length);

    await page.reload();
    await widget.scrollIntoViewIfNeeded();
    await expect(widget).toHaveAttribute("data-ready", "true");
    await expect(widget.getByLabel("Seed")).toHaveValue("7");
    await widget.getByRole("button", { name: "Generate a continuation" }).click();
    await expect(widget.locator('[data-part="steps-list"] li')).toHaveCount(6, { timeout: 60_000 });
    await expect(continuation).toHaveAttribute("data-text", once ?? "");
  });

  test("our GPT, offline: the slide's prompt and a seeded continuation, as the library gives in Node", async ({
    guardedPage: page,
  }) => {
    const widget = await openNextWord(page);
    await expect(widget.locator('[data-part="model"]')).toHaveValue("gpt");
    await widget.getByRole("button", { name: "Predict the next word" }).click();
    const bars = widget.locator("svg rect[data-word]");
    await expect(bars.first()).toBeVisible({ timeout: 60_000 });
    const gpt = await nodeModel("gpt");
    const expected = await predictNext(gpt, PROMPT, 10);
    const shown = await bars.evaluateAll((rects) =>
      rects.map((r) => [r.getAttribute("data-word"), Number(r.getAttribute("data-probability"))]),
    );
    expect(shown.map(([word]) => word)).toEqual(expected.top.map((c) => c.label));
    shown.forEach(([, p], i) => {
      expect(p).toBeCloseTo(expected.top[i]?.probability ?? 0, 5);
    });
    const explain = widget.locator('[data-part="explain"]');
    await expect(explain).toContainText(`${gpt.info.layers} layers`);
    await expect(explain).toContainText("million parameters");

    await widget.getByLabel("Top-k").selectOption("40");
    await widget.getByLabel("Top-p").selectOption("0.9");
    await widget.getByLabel("Seed").fill("11");
    await widget.getByLabel("Words or tokens to generate").fill("10");
    await widget.getByRole("button", { name: "Generate a continuation" }).click();
    const continuation = widget.locator('[data-part="continuation"]');
    await expect(continuation).toHaveAttribute("data-text", /.+/, { timeout: 60_000 });
    const generation = await generate(gpt, PROMPT, {
      tokens: 10,
      temperature: 1,
      topK: 40,
      topP: 0.9,
      seed: 11,
    });
    await expect(continuation).toHaveAttribute("data-text", generation.text);
    await expect(widget.locator('[data-part="steps-list"] li[data-word]')).toHaveCount(
      generation.steps.length,
    );
    await setTheme(page, "light");
    await expectWidgetAccessible(page, "lesson 03 with our GPT's continuation (light)");
    await widget.screenshot({ path: `${SHOTS}/widget-next-word-gpt-light.png` });
    await setTheme(page, "dark");
    await widget.screenshot({ path: `${SHOTS}/widget-next-word-gpt-dark.png` });
  });

  test("our masked LM fills in [MASK] with both sides in view, as in Node; [MASK] in the GPT is refused", async ({
    guardedPage: page,
  }) => {
    const widget = await openNextWord(page);
    await widget
      .getByLabel("Beginning of a sentence")
      .fill("John wants his bank to [MASK] the check.");
    await widget.getByRole("button", { name: "Predict the next word" }).click();
    await expect(widget.locator("[data-widget-error]")).toContainText("has no [MASK]", {
      timeout: 60_000,
    });
    await widget.locator('[data-part="model"]').selectOption("mlm");
    await expect(widget.getByRole("button", { name: "Generate a continuation" })).toBeDisabled();
    await widget.getByRole("button", { name: "Predict the next word" }).click();
    const bars = widget.locator("svg rect[data-word]");
    await expect(bars.first()).toBeVisible({ timeout: 60_000 });
    const expected = await fillMask(
      await nodeModel("mlm"),
      "John wants his bank to [MASK] the check.",
      10,
    );
    const words = await bars.evaluateAll((rects) => rects.map((r) => r.getAttribute("data-word")));
    expect(words).toEqual(expected.top.map((c) => c.label));
    await expect(widget.locator('[data-part="explain"]')).toContainText("both sides of [MASK]");
  });

  test("bad input: an empty prompt and a bad seed get clear messages", async ({
    guardedPage: page,
  }) => {
    const widget = await openNextWord(page);
    await widget.getByLabel("Beginning of a sentence").fill("");
    await widget.getByRole("button", { name: "Predict the next word" }).click();
    await expect(widget.locator("[data-widget-error]")).toContainText(
      "Type the beginning of a sentence",
    );
    await widget.getByLabel("Beginning of a sentence").fill("Call me");
    await widget.getByLabel("Seed").fill("-3");
    await widget.getByRole("button", { name: "Generate a continuation" }).click();
    await expect(widget.locator("[data-widget-error]")).toContainText(
      "The seed must be a whole number",
    );
  });
});

test.describe("NextWord copy check", () => {
  test.setTimeout(120_000);

  test("says when a continuation copies the corpus word for word, as the trace in Node finds", async ({
    guardedPage: page,
  }) => {
    const prompt = "Call me Ishmael. Some years ago";
    const widget = await openNextWord(page, "?nw.m=ngram");
    await widget.locator('[data-part="corpus"]').selectOption("moby");
    await widget.getByLabel("Beginning of a sentence").fill(prompt);
    const temperature = widget.getByLabel("Temperature");
    await temperature.focus();
    await temperature.press("Home"); // 0: always the most frequent word
    await widget.getByLabel("Words or tokens to generate").fill("20");
    await widget.getByRole("button", { name: "Generate a continuation" }).click();
    const note = widget.locator('[data-part="copy-note"]');
    await expect(note).toContainText("Copying:", { timeout: 60_000 });
    await expect(note).toContainText("probability 1.000");
    const text =
      (await widget.locator('[data-part="continuation"]').getAttribute("data-text")) ?? "";
    const moby = both()[1] as NgramIndex;
    const copied = copiedSpan(
      trace([moby], text, { minLength: 6, maxOccurrences: 1 }),
      prompt.length,
    );
    expect(copied).not.toBeNull();
    await expect(widget).toHaveAttribute("data-copied", String(copied?.generatedTokens));
    await expect(note).toContainText(copied?.span.text ?? "?");
    await widget.screenshot({ path: `${SHOTS}/widget-next-word-ngram-copy.png` });

    // Our GPT on the same prompt: the widget's verdict is the trace's, whichever it is.
    await widget.locator('[data-part="model"]').selectOption("gpt");
    await widget.getByRole("button", { name: "Generate a continuation" }).click();
    await expect(note).toContainText(/Copying:|Checked against/, { timeout: 60_000 });
    const gptText =
      (await widget.locator('[data-part="continuation"]').getAttribute("data-text")) ?? "";
    const gptCopied = copiedSpan(
      trace(both(), gptText, { minLength: 6, maxOccurrences: 1 }),
      prompt.length,
    );
    await expect(widget).toHaveAttribute("data-copied", String(gptCopied?.generatedTokens ?? 0));
  });
});
