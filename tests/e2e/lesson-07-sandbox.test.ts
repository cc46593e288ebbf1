import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import Papa from "papaparse";
import { krippendorffAlphaNominal } from "../../src/lib/labeling/alpha";
import { startFakeOpenAI, type FakeServer } from "../unit/labeling/fake-openai";
import { expect, expectAccessible, screenshot, setTheme, test, openWidget } from "./fixtures";

const PATH = "/lessons/07-labeling-with-llms/";
const KEY = "sk-test-key";

async function openSandbox(page: Page): Promise<Locator> {
  const widget = await openWidget(page, PATH, "labeling-sandbox");
  await expect(widget.locator('[data-part="data-summary"]')).toContainText("300 rows");
  return widget;
}

const runs = async (widget: Locator): Promise<number> =>
  Number((await widget.getAttribute("data-runs")) ?? 0);

async function exportCSV(page: Page, widget: Locator): Promise<Record<string, string>[]> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    widget.getByRole("button", { name: "Results CSV" }).click(),
  ]);
  const text = readFileSync(await file.path(), "utf8");
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

/** The expected HTTP errors of a fake server are not problems; anything else still is. */
function allowServerErrors(problems: string[], server: FakeServer): void {
  const rest = problems.filter((p) => !p.includes(server.baseURL));
  problems.splice(0, problems.length, ...rest);
}

test.describe("LabelingSandbox", () => {
  test("labels speech-or-novel sentences locally, evaluates them, and the numbers agree with the export", async ({
    guardedPage: page,
  }) => {
    test.setTimeout(120_000);
    const scripts: string[] = [];
    page.on("request", (r) => scripts.push(r.url()));
    const widget = await openSandbox(page);
    // step 1 says where the gold labels come from
    await expect(widget.locator('[data-part="provenance"]')).toContainText(
      "the label is the sentence's source",
    );
    await expect(widget.locator('[data-part="provenance"]')).toContainText("exact by construction");
    await widget.getByLabel("Rows to label").fill("24");
    await expect(widget.locator('[data-part="cost"]')).toContainText("Free: 24 items");
    await widget.getByText("Preview: the exact messages sent").click();
    await expect(widget.locator('[data-part="preview"] pre').first()).toContainText(
      "speech: a sentence from a US president's State of the Union address",
    );
    await widget.getByRole("button", { name: "Label", exact: true }).click();
    await expect.poll(() => runs(widget), { timeout: 90_000 }).toBe(1);
    await expect(widget.locator('[data-part="stats"]')).toHaveAttribute("data-done", "24");

    // the confusion matrix holds every item, and its diagonal is the accuracy shown
    const cells = widget.locator("[data-part=confusion] text[data-cell]");
    const values = new Map<string, number>();
    for (const cell of await cells.all())
      values.set((await cell.getAttribute("data-cell")) ?? "", Number(await cell.textContent()));
    expect([...values.values()].reduce((a, b) => a + b, 0)).toBe(24);
    const diagonal = (values.get("speech|speech") ?? 0) + (values.get("novel|novel") ?? 0);
    const shown = await widget.locator('[data-metric="accuracy"]').textContent();
    expect(Number(shown?.split(" ")[0])).toBeCloseTo(diagonal / 24, 3);

    // the exported CSV gives the same accuracy, computed here from its rows
    const rows = await exportCSV(page, widget);
    expect(rows).toHaveLength(24);
    expect(new Set(rows.map((r) => r["id"])).size).toBe(24);
    const agree = rows.filter((r) => r["gold"] === r["label"]).length;
    expect(agree).toBe(diagonal);
    // the local mode never needs OpenAI's tokenizers (about 1 MB gzip): they were not downloaded
    expect(scripts.filter((u) => /\/_astro\/(tokens|cl100k_base|o200k_base)[.-]/.test(u))).toEqual(
      [],
    );

    // an item's raw answer can be inspected
    await widget.locator(".vt-row button").first().click();
    await expect(widget.locator('[data-part="detail"]')).toContainText('{"label":');

    // the linear probe learns from the rows that are not being labelled
    await widget.locator('[data-part="method"]').selectOption("probe");
    await widget.getByRole("button", { name: "Label", exact: true }).click();
    await expect.poll(() => runs(widget), { timeout: 90_000 }).toBe(2);
    await expect(widget.locator('[data-part="stats"]')).toContainText(
      /Linear probe trained on \d+ labelled rows; validation accuracy [01]\.\d{3}/,
    );
    await expect(widget.locator('[data-metric="kappa"]')).toContainText("95% CI");

    // agreement between the two runs (zero-shot vs probe), checked from the two exports
    const probeRows = await exportCSV(page, widget);
    await expect(widget.locator('[data-part="compare-with"] option')).toHaveCount(1);
    await widget.getByRole("button", { name: "Agreement between runs" }).click();
    const result = widget.locator('[data-part="compare-result"]');
    await expect(result).toContainText("share 24 items; both labelled 24");
    const byId = new Map(probeRows.map((r) => [r["id"], r["label"] ?? null]));
    const expected = krippendorffAlphaNominal([
      rows.map((r) => r["label"] ?? null),
      rows.map((r) => byId.get(r["id"]) ?? null),
    ]);
    expect(Number(await result.getAttribute("data-alpha"))).toBeCloseTo(expected.value ?? NaN, 10);
  });

  test("an OpenAI-compatible server: estimate first, the key kept safe, a reload mid-run resumes with one result per item", async ({
    guardedPage: page,
  }) => {
    test.setTimeout(120_000);
    const server = await startFakeOpenAI({
      latencyMs: 350,
      answer: (text, labels) =>
        /whale|sea|ship|ahab|captain/i.test(text) ? "novel" : (labels[0] ?? ""),
    });
    const consoleText: string[] = [];
    page.on("console", (m) => consoleText.push(m.text()));
    try {
      const widget = await openSandbox(page);
      await widget.getByLabel("OpenAI-compatible API").check();
      await expect(widget.getByText("Data sharing:")).toBeVisible();
      await widget.getByLabel("Base URL").fill(server.baseURL);
      await widget.getByLabel("Requests at once").fill("2");
      await widget.getByLabel("Rows to label").fill("16");
      await expect(widget.locator('[data-part="cost"]')).toContainText(
        /Estimate before any call: 16 requests, [\d,]+ input tokens .*\$0\.\d+ on gpt-4\.1-mini/,
      );
      expect(server.stats.requests.size).toBe(0);

      // no key: a clear message, nothing sent
      await widget.getByRole("button", { name: "Label", exact: true }).click();
      await expect(widget.getByRole("alert")).toContainText("Paste your API key");
      expect(server.stats.requests.size).toBe(0);

      await widget.getByLabel("API key").fill(KEY);
      await widget.getByRole("button", { name: "Label", exact: true }).click();
      await expect
        .poll(async () =>
          Number(await widget.locator('[data-part="stats"]').getAttribute("data-done")),
        )
        .toBeGreaterThanOrEqual(4);
      await page.reload();
      const again = page.locator("labeling-sandbox");
      await again.scrollIntoViewIfNeeded();
      await expect(again.locator('[data-part="banner"]')).toContainText("Resuming the job");
      await expect.poll(() => runs(again), { timeout: 60_000 }).toBe(1);
      await expect(again.locator('[data-part="stats"]')).toHaveAttribute("data-done", "16");
      const rows = await exportCSV(page, again);
      expect(rows).toHaveLength(16);
      expect(new Set(rows.map((r) => r["id"])).size).toBe(16);
      expect(rows.every((r) => r["label"] === "speech" || r["label"] === "novel")).toBe(true);
      // every item was asked; only requests in flight at the reload can have been answered twice
      expect(server.stats.billed.size).toBe(16);
      const billed = [...server.stats.billed.values()].reduce((a, b) => a + b, 0);
      expect(billed).toBeLessThanOrEqual(16 + 2);
      // the requests reported count those of the run the reload cut off: every one was
      // logged before it was sent (at most the 2 in flight may not have reached the server)
      const asked = [...server.stats.requests.values()].reduce((a, b) => a + b, 0);
      const reported = Number(
        await again.locator('[data-part="stats"]').getAttribute("data-requests"),
      );
      expect(reported).toBeGreaterThanOrEqual(asked);
      expect(reported).toBeLessThanOrEqual(asked + 2);
      await expect(again.locator('[data-part="stats"]')).toContainText(`on ${reported} requests`);

      // the key went only to the server, and nowhere else
      expect([...server.stats.authorizations]).toEqual([`Bearer ${KEY}`]);
      expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(KEY);
      expect(await page.evaluate(() => JSON.stringify(sessionStorage))).toContain(KEY);
      expect(page.url()).not.toContain(KEY);
      expect(JSON.stringify(rows)).not.toContain(KEY);
      expect(consoleText.join("\n")).not.toContain(KEY);
      await expect(again.locator('[data-metric="accuracy"]')).toBeVisible();
    } finally {
      await server.close();
    }
  });

  test("cancel, then resume to exactly one result per item; start over mid-run forgets the job", async ({
    guardedPage: page,
  }) => {
    const server = await startFakeOpenAI({ latencyMs: 300 });
    try {
      const widget = await openSandbox(page);
      await widget.getByLabel("OpenAI-compatible API").check();
      await widget.getByLabel("Base URL").fill(server.baseURL);
      await widget.getByLabel("Requests at once").fill("2");
      await widget.getByLabel("Rows to label").fill("10");
      await widget.getByLabel("API key").fill(KEY);
      const stats = widget.locator('[data-part="stats"]');
      const done = async (): Promise<number> => Number(await stats.getAttribute("data-done"));
      await widget.getByRole("button", { name: "Label", exact: true }).click();
      await expect.poll(done).toBeGreaterThanOrEqual(2);
      await widget.getByRole("button", { name: "Cancel" }).click();
      await expect(widget.locator('[data-part="banner"]')).toContainText("Cancelled:");
      const partial = await done();
      expect(partial).toBeLessThan(10);
      await widget.getByRole("button", { name: "Label", exact: true }).click();
      await expect(stats).toHaveAttribute("data-done", "10");
      const rows = await exportCSV(page, widget);
      expect(new Set(rows.map((r) => r["id"])).size).toBe(10);
      expect(rows).toHaveLength(10);

      // a new job (other rows), started over while it runs: nothing comes back, not even after a reload
      await widget.getByLabel("Rows to label").fill("14");
      await widget.getByRole("button", { name: "Label", exact: true }).click();
      await expect.poll(done).toBeGreaterThan(0);
      await widget.getByRole("button", { name: "Start over" }).click();
      await expect(stats).toHaveText("Nothing labelled yet.");
      await page.waitForTimeout(800);
      await expect(stats).toHaveText("Nothing labelled yet.");
      await page.reload();
      const again = page.locator("labeling-sandbox");
      await again.scrollIntoViewIfNeeded();
      await expect(again).toHaveAttribute("data-ready", "true");
      await expect(again.locator('[data-part="banner"]')).toBeHidden();
      await expect(again.locator('[data-part="stats"]')).toHaveText("Nothing labelled yet.");
    } finally {
      await server.close();
    }
  });

  test("bad input: a rejected key pauses the job, broken CSV and markup are handled, prompt mistakes are named", async ({
    guardedPage: page,
    problems,
  }) => {
    test.setTimeout(90_000);
    const server = await startFakeOpenAI();
    try {
      const widget = await openSandbox(page);
      const cost = widget.locator('[data-part="cost"]');
      await widget.getByLabel("Template (user message;").fill("Classify this please.");
      await expect(cost).toContainText("no {text} placeholder");
      await widget.getByLabel("Template (user message;").fill("Text: {text}");
      await widget.getByLabel("Labels, one per line").fill("speech: a speech\nspeech: again");
      await expect(cost).toContainText("appears twice");
      await widget.getByLabel("Labels, one per line").fill("speech: a speech\nnovel: a novel");
      await widget.getByLabel("Rows to label").fill("100000");
      await expect(widget.locator('[data-part="data-summary"]')).toContainText(
        "Rows to label must be a whole number from 1 to 300",
      );
      await widget.getByLabel("Rows to label").fill("6");

      // a key the server rejects: the job pauses with a clear message and nothing is lost
      await widget.getByLabel("OpenAI-compatible API").check();
      await widget.getByLabel("Base URL").fill(server.baseURL);
      await widget.getByLabel("API key").fill("sk-wrong");
      await widget.getByRole("button", { name: "Label", exact: true }).click();
      await expect(widget.getByRole("alert")).toContainText("rejected the key (401)");
      await expect(widget.locator('[data-part="stats"]')).toHaveAttribute("data-done", "0");
      await widget.getByLabel("API key").fill(KEY);
      await widget.getByRole("button", { name: "Label", exact: true }).click();
      await expect(widget.locator('[data-part="stats"]')).toHaveAttribute("data-done", "6");

      // a CSV with markup: shown as text, never run
      await widget.locator('[data-part="dataset"]').selectOption("file");
      const evil =
        'id,text,label\n1,"<img src=x onerror=""window.__pwned=1""> hello",yes\n2,<script>window.__pwned=2</script>,no\n3,,yes\n';
      await widget.locator('[data-part="file"]').setInputFiles({
        name: "evil.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(evil),
      });
      await expect(widget.locator('[data-part="data-summary"]')).toContainText(
        "1 empty rows skipped",
      );
      await expect(widget.locator('[data-part="provenance"]')).toContainText(
        "your file's own column",
      );
      await expect(widget.locator('[data-part="data-table"] .vt-row').first()).toContainText(
        "<img src=x",
      );
      expect(
        await widget
          .locator('[data-part="data-table"] img, [data-part="data-table"] script')
          .count(),
      ).toBe(0);
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

      // a malformed CSV: a message that says where, and the widget keeps working
      await widget.locator('[data-part="file"]').setInputFiles({
        name: "broken.csv",
        mimeType: "text/csv",
        buffer: Buffer.from('id,text\n1,"an unclosed quote\n2,fine\n'),
      });
      await expect(widget.getByRole("alert")).toContainText("The CSV is malformed");
      // Nothing of evil.csv stays on show as if it were this file's: no columns, no rows.
      await expect(widget.getByLabel("Text column")).toBeDisabled();
      await expect(widget.getByLabel("Text column").locator("option")).toHaveCount(0);
      await expect(widget.locator('[data-part="data-table"] .vt-row')).toHaveCount(0);
      await expect(widget.locator('[data-part="data-summary"]')).toContainText(
        "Nothing from “broken.csv” is shown",
      );
      await expect(widget.getByRole("alert")).toContainText("The CSV is malformed");
      await widget.locator('[data-part="file"]').setInputFiles({
        name: "empty.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(""),
      });
      await expect(widget.getByRole("alert")).toContainText("empty.csv is empty");
    } finally {
      allowServerErrors(problems, server);
      await server.close();
    }
  });

  test("undefined agreement: kappa shows – and why; nothing labelled shows no metric at all", async ({
    guardedPage: page,
  }) => {
    const server = await startFakeOpenAI({
      answer: (text, labels) => (text.includes("unanswerable") ? "maybe" : (labels[0] ?? "")),
    });
    try {
      const widget = await openSandbox(page);
      const evaluation = widget.locator('[data-part="evaluation"]');
      await widget.getByLabel("OpenAI-compatible API").check();
      await widget.getByLabel("Base URL").fill(server.baseURL);
      await widget.getByLabel("API key").fill(KEY);
      await widget.locator('[data-part="dataset"]').selectOption("file");
      await widget.locator('[data-part="file"]').setInputFiles({
        name: "all-yes.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(
          "id,text,label\n1,first text,yes\n2,second text,yes\n3,third text,yes\n",
        ),
      });
      await widget.getByLabel("Labels, one per line").fill("yes: about it\nno: not about it");
      await widget.getByRole("button", { name: "Label", exact: true }).click();
      await expect(widget).toHaveAttribute("data-runs", "1");
      // gold and model say "yes" throughout: accuracy 1, kappa 0/0 (not 1)
      await expect(evaluation.locator('[data-metric="accuracy"]')).toHaveText(/^1\.000/);
      const kappa = evaluation.locator('[data-metric="kappa"]');
      await expect(kappa).toHaveText(
        "– (every rating is “yes”, so chance agreement is 1 and kappa is 0/0)",
      );
      await expect(kappa).toHaveAttribute("data-undefined", "true");

      await widget.locator('[data-part="file"]').setInputFiles({
        name: "unanswerable.csv",
        mimeType: "text/csv",
        buffer: Buffer.from("id,text,label\n1,unanswerable one,yes\n2,unanswerable two,no\n"),
      });
      await widget.getByRole("button", { name: "Label", exact: true }).click();
      await expect(widget).toHaveAttribute("data-runs", "2");
      await expect(widget.locator('[data-part="stats"]')).toContainText("2 flagged");
      await expect(evaluation).toContainText(
        "No item was labelled, so there is nothing to evaluate",
      );
      await expect(evaluation.locator("[data-metric], [data-part=confusion], table")).toHaveCount(
        0,
      );
    } finally {
      await server.close();
    }
  });

  test("Batch API round trip: the exported requests' output imports as results, failures flagged", async ({
    guardedPage: page,
  }) => {
    const widget = await openSandbox(page);
    await widget.getByLabel("Rows to label").fill("6");
    await widget.getByLabel("Votes (majority)").fill("3");
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      widget.getByRole("button", { name: "Batch API JSONL" }).click(),
    ]);
    const requests = readFileSync(await file.path(), "utf8")
      .trim()
      .split("\n")
      .map(
        (l) =>
          JSON.parse(l) as {
            custom_id: string;
            body: { model: string; messages: { content: string }[] };
          },
      );
    expect(requests).toHaveLength(18);
    // the Batch file is for an API model even while the local mode is selected
    expect(new Set(requests.map((r) => r.body.model))).toEqual(new Set(["gpt-4.1-mini"]));
    // answer by the source, as the gold does: "novel" for Moby-Dick, "speech" otherwise; the first item's votes all fail
    const output = requests.map((r, i) =>
      JSON.stringify(
        i < 3
          ? { custom_id: r.custom_id, response: null, error: { message: "server error" } }
          : {
              custom_id: r.custom_id,
              response: {
                status_code: 200,
                body: {
                  choices: [
                    {
                      message: {
                        content: JSON.stringify({
                          label: r.custom_id.startsWith("moby") ? "novel" : "speech",
                        }),
                      },
                    },
                  ],
                  usage: { prompt_tokens: 100, completion_tokens: 5 },
                },
              },
            },
      ),
    );
    await widget.locator('[data-part="import-batch"]').setInputFiles({
      name: "batch_output.jsonl",
      mimeType: "application/jsonl",
      buffer: Buffer.from(`${output.join("\n")}\n`),
    });
    await expect(widget.locator('[data-part="banner"]')).toContainText(
      "Imported 6 results from batch_output.jsonl.",
    );
    await expect(widget.locator('[data-part="stats"]')).toContainText("6 of 6 done · 1 flagged");
    // 5 labelled correctly, 1 flagged (counted wrong): accuracy 5/6
    await expect(widget.locator('[data-metric="accuracy"]')).toContainText("0.833");
    await expect(widget.locator('[data-metric="alpha"]')).toContainText("1.000");
  });

  test("images: a vision model receives each image; CLIP, offline, says it needs the internet", async ({
    guardedPage: page,
    problems,
  }) => {
    test.setTimeout(90_000);
    const server = await startFakeOpenAI();
    // a 1×1 PNG, as data: URLs (no image host needed)
    const png =
      "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
    const csv = `id,caption,image,label\np1,a crowd with signs,"${png}",yes\np2,a quiet beach,"${png}",no\n`;
    await page.route(/huggingface\.co/, (route) => route.abort("internetdisconnected"));
    try {
      const widget = await openSandbox(page);
      await widget.locator('[data-part="dataset"]').selectOption("file");
      await widget.locator('[data-part="file"]').setInputFiles({
        name: "photos.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(csv),
      });
      await expect(widget.locator('[data-part="image-col"]')).toHaveValue("image");
      await expect(widget.locator('[data-part="text-col"]')).toHaveValue("caption");
      await widget.getByLabel("Labels, one per line").fill("yes: a protest\nno: not a protest");

      await widget.getByLabel("OpenAI-compatible API").check();
      await widget.getByLabel("Base URL").fill(server.baseURL);
      await widget.getByLabel("API key").fill(KEY);
      await widget.getByRole("button", { name: "Label", exact: true }).click();
      await expect(widget.locator('[data-part="stats"]')).toHaveAttribute("data-done", "2");
      // The run has ended (stored, evaluated) before the form is changed for the next one.
      await expect(widget).toHaveAttribute("data-runs", "1");
      await expect(widget).toHaveAttribute("data-running", "false");
      const sent = server.stats.bodies.map(
        (b) => JSON.parse(b) as { messages: { content: unknown }[] },
      );
      for (const body of sent)
        expect(body.messages.at(-1)?.content).toEqual([
          { type: "text", text: expect.stringContaining("a ") as unknown },
          { type: "image_url", image_url: { url: png } },
        ]);

      await widget.getByLabel("Local (offline encoder)").check();
      await widget.locator('[data-part="method"]').selectOption("clip");
      await widget.getByRole("button", { name: "Label", exact: true }).click();
      await expect(widget.getByRole("alert")).toContainText("CLIP needs the internet", {
        timeout: 30_000,
      });
    } finally {
      const rest = problems.filter((p) => !p.includes("huggingface.co"));
      problems.splice(0, problems.length, ...rest);
      allowServerErrors(problems, server);
      await server.close();
    }
  });

  test("screenshots after a local run: light, dark, and 375 px; accessible", async ({
    guardedPage: page,
  }) => {
    test.setTimeout(120_000);
    const widget = await openSandbox(page);
    await widget.getByLabel("Rows to label").fill("12");
    await widget.getByRole("button", { name: "Label", exact: true }).click();
    await expect.poll(() => runs(widget), { timeout: 90_000 }).toBe(1);
    await widget.locator(".vt-row button").first().click();
    await page.addStyleTag({ content: ".site-header { position: static !important; }" });
    for (const theme of ["light", "dark"] as const) {
      await setTheme(page, theme);
      await widget.screenshot({ path: `test-results/screenshots/labeling-sandbox-${theme}.png` });
      await expectAccessible(page, `lesson 07 sandbox (${theme})`);
    }
    await page.setViewportSize({ width: 375, height: 800 });
    await widget.scrollIntoViewIfNeeded();
    await widget.screenshot({ path: "test-results/screenshots/labeling-sandbox-375.png" });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "lesson-07-sandbox-page-375");
  });
});
