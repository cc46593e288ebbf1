import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { loadCorpus } from "../../src/lib/corpora/index";
import {
  buildIndex,
  count,
  findRange,
  infiniGram,
  queryTokens,
  symbols,
  trace,
  type NgramIndex,
} from "../../src/lib/ngram/index";
import { expect, setTheme, test, expectAccessible, openWidget } from "./fixtures";

const PATH = "/lessons/04-inside-the-black-box/";
const SHOTS = "test-results/screenshots";

let sotuIndex: NgramIndex | null = null;
/** The same index the widget builds, built here in Node from the same file. */
function sotu(): NgramIndex {
  sotuIndex ??= buildIndex(loadCorpus(readFileSync("public/generated/corpora/sotu.bin")));
  return sotuIndex;
}

/** A verbatim passage of Lincoln's 1862 address, taken from the corpus itself. */
function lincolnPassage(): { text: string; title: string } {
  const index = sotu();
  const tokens = queryTokens("we assure freedom to the free");
  const { lo } = findRange(index, symbols(index, tokens));
  const at = index.sa[lo] as number;
  const doc = index.corpus.documents[index.corpus.documentOf(at)];
  return { text: index.corpus.text(at - 6, at + 16), title: doc?.title ?? "" };
}

const expectWidgetAccessible = (page: Page, label: string): Promise<void> =>
  expectAccessible(page, label, "infini-gram");

const openInfiniGram = (page: Page, query = ""): Promise<Locator> =>
  openWidget(page, `${PATH}${query}`, "infini-gram");

test.describe("InfiniGram", () => {
  test.setTimeout(120_000);

  test("counts an n-gram and shows the ∞-gram distribution and examples, as the library does in Node", async ({
    guardedPage: page,
  }) => {
    const widget = await openInfiniGram(page);
    await widget.getByLabel("Words (an n-gram, or a prompt to continue)").fill("the state of the");
    await widget.getByRole("button", { name: "Count" }).click();
    const counted = widget.locator('[data-part="count"]');
    await expect(counted).toHaveAttribute("data-count", /\d+/, { timeout: 60_000 });

    const expected = count([sotu()], "the state of the").count;
    expect(expected).toBeGreaterThan(10);
    expect(Number(await counted.getAttribute("data-count"))).toBe(expected);
    await expect(counted).toContainText(`occurs ${expected.toLocaleString("en")} times`);

    const prediction = infiniGram([sotu()], "the state of the", { limit: 10 });
    const rows = widget.locator('[data-part="table-body"] tr[data-token]');
    await expect(rows).toHaveCount(10);
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute("data-token"), Number(tr.getAttribute("data-count"))]),
    );
    expect(shown).toEqual(prediction.distribution.candidates.map((c) => [c.token, c.count]));
    expect(shown[0]?.[0]).toBe("union");
    await expect(widget.locator("svg rect[data-token]")).toHaveCount(10);
    await expect(widget.locator('[data-part="backoff"]')).toHaveAttribute(
      "data-suffix-length",
      "4",
    );
    await expect(widget.locator('[data-part="kwic"] li')).toHaveCount(8);
    await expect(widget.locator('[data-part="kwic"] li strong').first()).toContainText(
      /the state of the/i,
    );
    await expect(page).toHaveURL(/ig\.q=the\+state\+of\+the/);

    // Never seen: said plainly.
    await widget
      .getByLabel("Words (an n-gram, or a prompt to continue)")
      .fill("zorblax quimfle of the");
    await widget.getByRole("button", { name: "Count" }).click();
    await expect(counted).toContainText("never occurs (count 0)");
    await expect(counted).toContainText("“zorblax”, “quimfle” are not in the corpus at all");
    await expect(widget.locator('[data-part="backoff"]')).toHaveAttribute(
      "data-suffix-length",
      "2",
    );

    // Empty input: a clear message, not a blank panel.
    await widget.getByLabel("Words (an n-gram, or a prompt to continue)").fill("  ");
    await widget.getByRole("button", { name: "Count" }).click();
    await expect(widget.locator("[data-widget-error]")).toContainText("Type a word or a phrase");
  });

  test("traces a pasted text: a planted sentence of Lincoln's is highlighted and linked to his 1862 address", async ({
    guardedPage: page,
  }) => {
    const passage = lincolnPassage();
    expect(passage.title).toBe("Abraham Lincoln, 1862");
    const text = `As an AI model, I can tell you that many speeches return to freedom. ${passage.text} This idea shaped later policy debates about the role of government.`;
    const widget = await openInfiniGram(page);
    await widget.getByLabel("Shortest span").selectOption("6");
    await widget.getByLabel("Text to trace (paste an LLM's answer)").fill(text);
    await widget.getByRole("button", { name: "Trace" }).click();
    const note = widget.locator('[data-part="trace-note"]');
    await expect(note).toHaveAttribute("data-spans", /\d+/, { timeout: 60_000 });

    const inNode = trace([sotu()], text, { minLength: 6, maxOccurrences: 10, width: 12 });
    expect(Number(await note.getAttribute("data-spans"))).toBe(inNode.spans.length);
    const planted = inNode.spans.find((s) => s.text.includes("we assure freedom to the free"));
    expect(planted).toBeDefined();
    const k = inNode.spans.indexOf(planted as (typeof inNode.spans)[number]);

    const mark = widget.locator("mark", { hasText: "assure freedom to the free" });
    await expect(mark).toHaveCount(1);
    await mark.click();
    await expect(mark).toHaveClass(/ig-selected/);
    const button = widget.locator(`[data-part="spans"] button[data-span="${k}"]`);
    await expect(button).toHaveAttribute("aria-pressed", "true");
    await expect(button).toHaveAttribute("data-count", String(planted?.count));
    const docs = widget.locator('[data-part="docs"] li');
    await expect(docs.first()).toBeVisible();
    const lincoln = widget.locator('[data-part="docs"] li[data-title="Abraham Lincoln, 1862"]');
    await expect(lincoln).toHaveCount(1);
    await expect(lincoln).toHaveAttribute("data-year", "1862");
    await expect(lincoln.locator("strong")).toContainText("assure freedom to the free");

    // With results on screen too: a count, a distribution, examples, a trace.
    await widget.getByRole("button", { name: "Count" }).click();
    await expect(widget.locator("svg rect[data-token]").first()).toBeVisible({ timeout: 60_000 });
    await setTheme(page, "light");
    await expectWidgetAccessible(page, "lesson 04 with InfiniGram results (light)");
    await widget.screenshot({ path: `${SHOTS}/widget-infini-gram-light.png` });
    await setTheme(page, "dark");
    await expectWidgetAccessible(page, "lesson 04 with InfiniGram results (dark)");
    await widget.screenshot({ path: `${SHOTS}/widget-infini-gram-dark.png` });
    await page.setViewportSize({ width: 375, height: 800 });
    await widget.screenshot({ path: `${SHOTS}/widget-infini-gram-375-dark.png` });
  });

  test("bad input: an empty text, 100 KB of pasted text (cut with a notice), kept across a reload", async ({
    guardedPage: page,
  }) => {
    const widget = await openInfiniGram(page);
    const box = widget.getByLabel("Text to trace (paste an LLM's answer)");
    await box.fill("");
    await widget.getByRole("button", { name: "Trace" }).click();
    await expect(widget.locator("[data-widget-error]")).toContainText(
      "Paste or type a text to trace",
    );

    const sentence = "The people of this country want a government that works for them. ";
    const huge = sentence.repeat(Math.ceil(102_400 / sentence.length));
    await box.fill(huge);
    await widget.getByRole("button", { name: "Trace" }).click();
    const note = widget.locator('[data-part="trace-note"]');
    await expect(note).toContainText(
      `Your text has ${huge.length.toLocaleString("en")} characters; only the first 20,000 were traced.`,
      { timeout: 60_000 },
    );
    await page.reload();
    await widget.scrollIntoViewIfNeeded();
    await expect(widget).toHaveAttribute("data-ready", "true");
    expect((await box.inputValue()).length).toBe(huge.length);
  });

  test("the corpus choice goes into the URL and Moby Dick counts differ", async ({
    guardedPage: page,
  }) => {
    const widget = await openInfiniGram(page, "?ig.corpus=moby&ig.q=the+white+whale");
    const counted = widget.locator('[data-part="count"]');
    await expect(counted).toHaveAttribute("data-count", /\d+/, { timeout: 60_000 });
    const moby = buildIndex(loadCorpus(readFileSync("public/generated/corpora/moby-dick.bin")));
    expect(Number(await counted.getAttribute("data-count"))).toBe(
      count([moby], "the white whale").count,
    );
    await widget.getByRole("combobox", { name: /^Corpus/ }).selectOption("both");
    await expect(page).toHaveURL(/ig\.corpus=both/);
    await expect(counted).toContainText("in Moby Dick", { timeout: 60_000 });
    await expect(widget.locator('[data-part="count-results"]')).not.toContainText("the Moby Dick");
    const both = count([sotu(), moby], "the white whale").count;
    await expect(counted).toHaveAttribute("data-count", String(both));
  });

  test("a trace that finds nothing says so without “Click one”, and says whose text it searched", async ({
    guardedPage: page,
  }) => {
    const widget = await openInfiniGram(page);
    await widget
      .getByLabel("Text to trace (paste an LLM's answer)")
      .fill("Zorblax quimfle vrendish plonk snarf glimmerwhack.");
    await widget.getByRole("button", { name: "Trace" }).click();
    const note = widget.locator('[data-part="trace-note"]');
    await expect(note).toHaveAttribute("data-spans", "0", { timeout: 60_000 });
    await expect(note).toContainText("not any LLM's training data");
    await expect(widget.locator('[data-part="trace-legend"]')).toBeHidden();
  });
});
