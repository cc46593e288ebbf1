/**
 * EmbeddingUses (lesson 02): the offline encoder embeds State of the Union
 * passages in a Web Worker; search, clusters, labels and outliers agree with
 * src/lib/embeddings run in Node on the same passages. With a key, requests
 * go only to the base URL the learner typed (a fake OpenAI-compatible server).
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Locator, Page } from "@playwright/test";
import { countTokens } from "gpt-tokenizer/encoding/cl100k_base";
import { loadCorpus } from "../../src/lib/corpora/index";
import {
  classifyByDescription,
  createLocalProvider,
  meanSimilarities,
  samplePassages,
  search,
  toMatrix,
  type SotuEmbeddingsManifest,
} from "../../src/lib/embeddings/index";
import { loadEncoder } from "../../src/lib/encoder/index";
import { expect, setTheme, test, expectAccessible, openWidget } from "./fixtures";

const PATH = "/lessons/02-contextual-embeddings/";
const SIZE = 100;

const openUses = (page: Page, query = ""): Promise<Locator> =>
  openWidget(page, `${PATH}${query}`, "embedding-uses");

const expectWidgetAccessible = (page: Page, label: string): Promise<void> =>
  expectAccessible(page, `EmbeddingUses (${label})`, "embedding-uses");

/** [index, number] pairs from the list items' data attributes. */
function readList(list: Locator, attribute: string): Promise<[number, number][]> {
  return list.evaluateAll(
    (nodes, name) =>
      nodes.map((n) => [
        Number((n as HTMLElement).dataset["index"]),
        Number((n as HTMLElement).getAttribute(name)),
      ]),
    attribute,
  );
}

test.describe("EmbeddingUses, offline", () => {
  test.setTimeout(240_000);

  test("embeds SOTU passages in a worker and every use matches the library in Node", async ({
    guardedPage: page,
  }) => {
    // The reference: the same passages through the same encoder, in Node.
    const corpus = loadCorpus(readFileSync("public/generated/corpora/sotu.bin"));
    const passages = samplePassages(corpus, SIZE);
    const encoder = await loadEncoder({ localModelPath: "public/generated/models/" });
    const provider = createLocalProvider((texts) => encoder.encode(texts));
    const matrix = toMatrix((await provider.embed(passages.map((p) => p.text))).vectors);
    const embedOne = async (text: string): Promise<Float32Array> =>
      (await provider.embed([text])).vectors[0] ?? new Float32Array();

    const widget = await openUses(page);
    await widget.getByLabel("How many").selectOption(String(SIZE));
    await widget.getByRole("button", { name: "Embed the texts" }).click();
    await expect(widget).toHaveAttribute("data-embedded", String(SIZE), { timeout: 180_000 });
    await expect(widget).toHaveAttribute("data-provider", "use-lite");
    // The passages' vectors come from the build (asset step sotu-embeddings); the
    // comparisons below with fresh Node embeddings check that they are the model's.
    await expect(widget).toHaveAttribute("data-precomputed", String(SIZE));
    await expect(widget.locator('[data-part="status"]')).toContainText(
      `Embedded ${SIZE} texts with Universal Sentence Encoder lite`,
    );

    // Search (the default query runs at once): the hits are the library's, in its order.
    const query = await widget.getByLabel("Search for").inputValue();
    const expected = search(matrix, await embedOne(query), 10);
    const hits = widget.locator('[data-part="hits"] li');
    await expect(hits).toHaveCount(10);
    const shown = await readList(hits, "data-similarity");
    expect(expected.slice(0, 3).map((h) => h.index)).toContain(shown[0]?.[0]);
    for (const [index, similarity] of shown) {
      const reference = expected.find((h) => h.index === index);
      if (reference) expect(Math.abs(similarity - reference.similarity)).toBeLessThan(5e-3);
    }
    // Ranked best first, and every shown text is one of the passages.
    expect(shown.map(([, s]) => s)).toEqual([...shown.map(([, s]) => s)].sort((a, b) => b - a));
    await expect(hits.first().locator(".eu-text")).toHaveText(
      passages[shown[0]?.[0] ?? 0]?.text ?? "?",
    );
    // The query in the URL, and a search for war.
    await widget.getByLabel("Search for").fill("war and the army");
    await widget.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/eu\.q=war/);
    const war = search(matrix, await embedOne("war and the army"), 3).map((h) => h.index);
    await expect(hits.first()).toHaveAttribute("data-index", /\d+/);
    expect(war).toContain(Number(await hits.first().getAttribute("data-index")));
    const searchMs = Number(await widget.getAttribute("data-search-ms"));
    expect(searchMs).toBeGreaterThanOrEqual(0);

    // Clusters: every text in exactly one cluster; the same seed gives the same clusters.
    await widget.getByRole("radio", { name: "Clusters" }).check();
    await expect(widget.locator('[data-part="clusters"] > ul > li')).toHaveCount(5);
    const sizes = (await widget.getAttribute("data-cluster-sizes")) ?? "";
    expect(sizes.split(",").reduce((s, n) => s + Number(n), 0)).toBe(SIZE);
    await expect(widget.locator("svg [data-group]")).toHaveCount(SIZE);
    // The sticky site header would cover the widget's top in an element screenshot.
    await page.addStyleTag({ content: ".site-header { position: static !important; }" });
    await setTheme(page, "light");
    await expectWidgetAccessible(page, "clusters, light");
    await widget.screenshot({ path: "test-results/screenshots/widget-embedding-uses-light.png" });
    await setTheme(page, "dark");
    await expectWidgetAccessible(page, "clusters, dark");
    await widget.screenshot({ path: "test-results/screenshots/widget-embedding-uses-dark.png" });
    await page.setViewportSize({ width: 375, height: 900 });
    await widget.screenshot({ path: "test-results/screenshots/widget-embedding-uses-375.png" });
    // Nothing in the widget sticks out of a 375 px screen.
    const overflow = await widget.evaluate(
      (root) =>
        Math.max(...[...root.querySelectorAll("*")].map((e) => e.getBoundingClientRect().right)) -
        document.documentElement.clientWidth,
    );
    expect(overflow, "nothing wider than 375 px").toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });
    await widget.getByLabel("Seed").fill("2");
    await widget.getByLabel("Seed").press("Enter");
    await widget.getByLabel("Seed").fill("1");
    await widget.getByLabel("Seed").press("Enter");
    await expect(widget).toHaveAttribute("data-cluster-sizes", sizes);

    // Classify a sentence: the same winner and similarities as in Node.
    await widget.getByRole("radio", { name: "Classify" }).check();
    await widget.getByRole("button", { name: "Classify the texts" }).click();
    await expect(widget.locator('[data-part="classes"] li[data-count]')).toHaveCount(5);
    const counts = await widget
      .locator('[data-part="classes"] li[data-count]')
      .evaluateAll((nodes) => nodes.map((n) => Number((n as HTMLElement).dataset["count"])));
    expect(counts.reduce((s, n) => s + n, 0)).toBe(SIZE);
    await page.setViewportSize({ width: 375, height: 900 });
    const classifyOverflow = await widget.evaluate(
      (root) =>
        Math.max(...[...root.querySelectorAll("*")].map((e) => e.getBoundingClientRect().right)) -
        document.documentElement.clientWidth,
    );
    expect(classifyOverflow, "the label editor fits 375 px").toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });
    const descriptions = await widget
      .getByRole("textbox", { name: /Label \d description/ })
      .evaluateAll((nodes) => nodes.map((n) => (n as HTMLInputElement).value));
    const sentence = "Our soldiers and sailors fought bravely against the enemy fleet.";
    await widget.getByLabel("Classify a sentence of your own").fill(sentence);
    await widget.getByRole("button", { name: "Classify", exact: true }).click();
    const bars = widget.locator('[data-part="sentence-scores"] li');
    await expect(bars).toHaveCount(5);
    const [reference] = classifyByDescription(
      toMatrix([await embedOne(sentence)]),
      toMatrix((await provider.embed(descriptions)).vectors),
    );
    const shownScores = await bars.evaluateAll((nodes) =>
      nodes.map((n) => Number((n as HTMLElement).dataset["similarity"])),
    );
    shownScores.forEach((s, i) => {
      expect(Math.abs(s - (reference?.similarities[i] ?? NaN))).toBeLessThan(5e-3);
    });
    await expect(widget.locator(".eu-winner")).toHaveAttribute(
      "data-label",
      await widget
        .getByRole("textbox", { name: `Label ${(reference?.label ?? 0) + 1} name` })
        .inputValue(),
    );

    // Outliers: the lowest mean similarity to the rest, as computed in Node.
    await widget.getByRole("radio", { name: "Outliers" }).check();
    const rows = widget.locator('[data-part="outliers"] li');
    await expect(rows).toHaveCount(10);
    const means = meanSimilarities(matrix);
    const outlierRows = await readList(rows, "data-mean-similarity");
    for (const [index, value] of outlierRows)
      expect(Math.abs(value - (means[index] ?? NaN))).toBeLessThan(5e-3);
    const lowest = [...means].map((m, i) => [i, m] as const).sort((a, b) => a[1] - b[1]);
    expect(lowest.slice(0, 3).map(([i]) => i)).toContain(outlierRows[0]?.[0]);
    await expect(page).toHaveURL(/eu\.view=outliers/);

    // Present mode: ← and → step through the four uses.
    await widget.getByRole("button", { name: "Present" }).click();
    await expect(widget).toHaveAttribute("data-presenting", "");
    await page.keyboard.press("ArrowRight");
    await expect(widget.getByRole("radio", { name: "Search" })).toBeChecked();
    await expect(hits).toHaveCount(10);
    await page.keyboard.press("ArrowLeft");
    await expect(widget.getByRole("radio", { name: "Outliers" })).toBeChecked();
    await page.keyboard.press("Escape");

    // Bad input: clear messages, nothing lost.
    const error = widget.locator("[data-widget-error]");
    await widget.getByRole("radio", { name: "Search" }).check();
    await widget.getByLabel("Search for").fill("  ");
    await widget.getByRole("button", { name: "Search", exact: true }).click();
    await expect(error).toContainText("Type a query to search for");
    await widget.getByRole("radio", { name: "Classify" }).check();
    await widget.getByRole("textbox", { name: "Label 2 description" }).fill("");
    await widget.getByRole("button", { name: "Classify the texts" }).click();
    await expect(error).toContainText("Label “economy” has no description to embed.");
    await widget.getByRole("button", { name: "Remove label 2" }).click();
    await expect(widget.getByRole("textbox", { name: /Label \d name/ })).toHaveCount(4);
    await expect(page).toHaveURL(/eu\.labels=/);
  });

  test("bad input gets a clear message; pasted texts survive a reload", async ({
    guardedPage: page,
  }) => {
    const widget = await openUses(page);
    await widget.getByLabel("Corpus").selectOption("paste");
    const box = widget.getByLabel(/Texts, one per line/);
    await expect(box).toBeVisible();
    await box.fill("Only one line here.\n\n");
    await widget.getByRole("button", { name: "Embed the texts" }).click();
    await expect(widget.locator("[data-widget-error]")).toContainText("Paste at least two texts");
    await box.fill("Taxes are too high.\nThe army needs more ships.\nSchools need teachers.");
    await expect(page).toHaveURL(/eu\.src=paste/);
    // The learner's own texts are embedded live, in the browser (nothing precomputed).
    await widget.getByRole("button", { name: "Embed the texts" }).click();
    await expect(widget).toHaveAttribute("data-embedded", "3", { timeout: 120_000 });
    await expect(widget).toHaveAttribute("data-precomputed", "0");
    await expect(widget.locator('[data-part="hits"] li')).toHaveCount(3);
    // No calibration for texts of one's own: no weak-match note, whatever the scores.
    await expect(widget.locator('[data-part="weak-note"]')).toHaveCount(0);
    // The label says "kept in this browser": the texts are never written into the link.
    expect(page.url()).not.toMatch(/eu\.text=|Taxes/);
    await page.reload();
    await widget.scrollIntoViewIfNeeded();
    await expect(widget.getByLabel(/Texts, one per line/)).toHaveValue(
      "Taxes are too high.\nThe army needs more ships.\nSchools need teachers.",
    );
  });
});

test.describe("EmbeddingUses, precomputed SOTU passages", () => {
  test.setTimeout(180_000);

  test("the first search embeds only the query (time recorded, not asserted)", async ({
    guardedPage: page,
  }, testInfo) => {
    const widget = await openUses(page);
    await widget.getByRole("button", { name: "Embed the texts" }).click();
    await expect(widget.locator('[data-part="hits"] li')).toHaveCount(10, { timeout: 120_000 });
    await expect(widget).toHaveAttribute("data-precomputed", "300");
    await expect(widget).toHaveAttribute("data-first-search-ms", /^\d+$/);
    const ms = (await widget.getAttribute("data-first-search-ms")) ?? "";
    testInfo.annotations.push({ type: "first search (ms), 300 SOTU passages", description: ms });
    console.log(`EmbeddingUses first search: ${ms} ms (300 precomputed passages)`);
    await expect(widget.locator('[data-part="status"]')).toContainText(
      "computed when this site was built",
    );
  });

  test("a weak best match gets a note with the measured cosines; a related query does not", async ({
    guardedPage: page,
  }) => {
    const manifest = JSON.parse(
      readFileSync("public/generated/precomputed/sotu-embeddings.json", "utf8"),
    ) as SotuEmbeddingsManifest;
    const calibration = manifest.weakMatch["300"];
    const widget = await openUses(page);
    await widget.getByRole("button", { name: "Embed the texts" }).click();
    const hits = widget.locator('[data-part="hits"] li');
    await expect(hits).toHaveCount(10, { timeout: 120_000 });
    const note = widget.locator('[data-part="weak-note"]');
    // The default query is about slavery, which the addresses discuss: no note.
    await expect(widget).toHaveAttribute("data-weak-match", "false");
    await expect(note).toHaveCount(0);

    await widget.getByLabel("Search for").fill("zqxj blorf wug");
    await widget.getByRole("button", { name: "Search", exact: true }).click();
    await expect(widget).toHaveAttribute("data-weak-match", "true");
    const best = Number(await widget.getAttribute("data-best-cosine"));
    expect(best).toBeLessThan(calibration?.threshold ?? 0);
    expect(best).toBeCloseTo(Number(await hits.first().getAttribute("data-similarity")), 4);
    await expect(note).toContainText(`The best match has cosine ${best.toFixed(3)}`);
    await expect(note).toContainText(`median ${calibration?.unrelated.median.toFixed(2) ?? "?"}`);
    await expect(note).toContainText("the passages may not be about this");
    await expect(hits).toHaveCount(10);
    await page.addStyleTag({ content: ".site-header { position: static !important; }" });
    for (const theme of ["light", "dark"] as const) {
      await setTheme(page, theme);
      await expectWidgetAccessible(page, `weak match, ${theme}`);
      await widget.screenshot({
        path: `test-results/screenshots/widget-embedding-uses-weak-${theme}.png`,
      });
    }
    await page.setViewportSize({ width: 375, height: 900 });
    await widget.screenshot({
      path: "test-results/screenshots/widget-embedding-uses-weak-375.png",
    });
    await page.setViewportSize({ width: 1280, height: 900 });

    await widget.getByLabel("Search for").fill("taxes and the public debt");
    await widget.getByRole("button", { name: "Search", exact: true }).click();
    await expect(widget).toHaveAttribute("data-weak-match", "false");
    await expect(note).toHaveCount(0);
  });

  test("a link restores the query and the chosen use and re-runs them without a click", async ({
    guardedPage: page,
    context,
  }) => {
    const widget = await openUses(page);
    await widget.getByLabel("How many").selectOption("100");
    await widget.getByRole("button", { name: "Embed the texts" }).click();
    const hits = widget.locator('[data-part="hits"] li');
    await expect(hits).toHaveCount(10, { timeout: 120_000 });
    await widget.getByLabel("Search for").fill("ships and the navy");
    await widget.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/eu\.q=ships/);
    await expect(widget).toHaveAttribute("data-best-cosine", /\d/);
    const indices = (l: Locator): Promise<string[]> =>
      l.evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset["index"] ?? ""));
    const shown = await indices(hits);
    const link = page.url();

    const second = await context.newPage();
    const restored = await openUses(second, link.slice(link.indexOf("?")));
    await expect(restored.getByLabel("Search for")).toHaveValue("ships and the navy");
    await expect(restored.getByLabel("How many")).toHaveValue("100");
    const restoredHits = restored.locator('[data-part="hits"] li');
    await expect(restoredHits).toHaveCount(10, { timeout: 120_000 });
    expect(await indices(restoredHits)).toEqual(shown);

    // The chosen use too: clusters with k = 3.
    await widget.getByRole("radio", { name: "Clusters" }).check();
    await widget.locator('[data-part="k"]').selectOption("3");
    await expect(widget.locator('[data-part="clusters"] > ul > li')).toHaveCount(3);
    const sizes = await widget.getAttribute("data-cluster-sizes");
    const third = await context.newPage();
    const url = page.url();
    const clusters = await openUses(third, url.slice(url.indexOf("?")));
    // The uses show once the link's run has embedded the passages (slower on a busy machine).
    await expect(clusters.getByRole("radio", { name: "Clusters" })).toBeChecked({
      timeout: 120_000,
    });
    await expect(clusters.locator('[data-part="clusters"] > ul > li')).toHaveCount(3, {
      timeout: 120_000,
    });
    await expect(clusters).toHaveAttribute("data-cluster-sizes", sizes ?? "?");
  });

  test("after an error the results on show are marked stale; the next good run clears it", async ({
    guardedPage: page,
  }) => {
    const widget = await openUses(page);
    await widget.getByLabel("How many").selectOption("100");
    await widget.getByRole("button", { name: "Embed the texts" }).click();
    await expect(widget.locator('[data-part="hits"] li')).toHaveCount(10, { timeout: 120_000 });
    const error = widget.locator("[data-widget-error]");
    const results = widget.locator('[data-part="results"]');
    await expect(widget).not.toHaveAttribute("data-stale", "");
    await widget.getByLabel("Search for").fill("   ");
    await widget.getByRole("button", { name: "Search", exact: true }).click();
    await expect(error).toContainText("Type a query to search for");
    await expect(error).toContainText("from before this error");
    await expect(widget).toHaveAttribute("data-stale", "");
    expect(Number(await results.evaluate((el) => getComputedStyle(el).opacity))).toBeLessThan(1);
    await widget.getByLabel("Search for").fill("the price of cotton");
    await widget.getByRole("button", { name: "Search", exact: true }).click();
    await expect(error).toBeHidden();
    await expect(widget).not.toHaveAttribute("data-stale", "");
    // A bad label in Classify, then a good classification.
    await widget.getByRole("radio", { name: "Classify" }).check();
    await widget.getByRole("textbox", { name: "Label 1 description" }).fill("");
    await widget.getByRole("button", { name: "Classify the texts" }).click();
    await expect(error).toContainText("has no description to embed");
    await expect(widget).toHaveAttribute("data-stale", "");
    await widget.getByRole("textbox", { name: "Label 1 description" }).fill("war and the army");
    await widget.getByRole("button", { name: "Classify the texts" }).click();
    await expect(widget.locator('[data-part="classes"] li[data-count]')).toHaveCount(5);
    await expect(widget).not.toHaveAttribute("data-stale", "");
  });
});

/** Everything the page keeps in session and local storage, as one string. */
function storedText(page: Page): Promise<string> {
  return page.evaluate(() =>
    [sessionStorage, localStorage]
      .flatMap((store) => Object.keys(store).map((k) => `${k}=${store.getItem(k) ?? ""}`))
      .join("\n"),
  );
}

/** A fake embedding: word counts hashed into 32 dimensions (plus a little of every one). */
function fakeEmbedding(text: string): number[] {
  const v = Array.from({ length: 32 }, () => 0.01);
  for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    let h = 7;
    for (const ch of word) h = (h * 31 + ch.charCodeAt(0)) % 1_000_003;
    v[h % 32] = (v[h % 32] ?? 0) + 1;
  }
  return v;
}

interface Seen {
  method: string;
  path: string;
  authorization: string | undefined;
  body: { model?: string; input?: string[]; encoding_format?: string } | null;
}

test.describe("EmbeddingUses with a key", () => {
  let server: Server;
  let base = "";
  const seen: Seen[] = [];

  test.beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let text = "";
      req.on("data", (chunk: Buffer) => (text += chunk.toString()));
      req.on("end", () => {
        res.setHeader("access-control-allow-origin", "*");
        res.setHeader("access-control-allow-methods", "POST, OPTIONS");
        res.setHeader(
          "access-control-allow-headers",
          req.headers["access-control-request-headers"] ?? "*",
        );
        const body = text ? (JSON.parse(text) as Seen["body"]) : null;
        seen.push({
          method: req.method ?? "",
          path: req.url ?? "",
          authorization: req.headers.authorization,
          body,
        });
        if (req.method === "OPTIONS") {
          res.statusCode = 204;
          res.end();
          return;
        }
        res.setHeader("content-type", "application/json");
        const input = body?.input ?? [];
        res.end(
          JSON.stringify({
            object: "list",
            data: input.map((t, index) => ({
              object: "embedding",
              index,
              embedding: fakeEmbedding(t),
            })),
            model: body?.model,
            usage: { prompt_tokens: 0, total_tokens: 0 },
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });

  test.afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  test("shows tokens and cost first, then sends the texts only to the chosen base URL", async ({
    guardedPage: page,
  }) => {
    const KEY = "sk-test-e2e-0123456789";
    const lines = [
      "Rents are so high that young people cannot afford to live in the city.",
      "Housing prices keep rising faster than wages.",
      "Too many people have lost their jobs this year.",
      "Hospitals are overcrowded and waiting lists are long.",
      "Climate change is causing floods and droughts.",
      "We need clean energy and less pollution.",
    ];
    const widget = await openUses(page);
    await widget.getByLabel("Corpus").selectOption("paste");
    await widget.getByLabel(/Texts, one per line/).fill(lines.join("\n"));
    await widget.getByLabel("OpenAI or a compatible API, with your own key").check();

    // No key: a clear message, and nothing is sent anywhere.
    await widget.getByRole("button", { name: "Embed with the API" }).click();
    await expect(widget.locator("[data-widget-error]")).toContainText("Paste an API key first");
    expect(seen).toEqual([]);

    await widget.getByLabel("API key").fill(KEY);
    await widget.getByLabel("Base URL").fill(base);
    await widget.getByLabel("Price, $ per 1M tokens").fill("0.02");
    // Token count and cost before any request, as gpt-tokenizer counts them here.
    const tokens = lines.reduce((s, l) => s + countTokens(l), 0);
    const estimate = widget.locator('[data-part="estimate"]');
    await expect(estimate).toHaveAttribute("data-tokens", String(tokens));
    expect(Number(await estimate.getAttribute("data-dollars"))).toBeCloseTo(
      (tokens * 0.02) / 1e6,
      12,
    );
    await expect(estimate).toContainText(`6 texts = ${tokens} tokens (cl100k_base)`);
    await expectWidgetAccessible(page, "API settings");
    await expect(widget.locator("[data-widget-error]")).toBeHidden();
    await page.addStyleTag({ content: ".site-header { position: static !important; }" });
    await widget.screenshot({ path: "test-results/screenshots/widget-embedding-uses-api.png" });
    expect(seen).toEqual([]);
    expect(page.url()).not.toContain(KEY);

    await widget.getByRole("button", { name: "Embed with the API" }).click();
    await expect(widget).toHaveAttribute("data-embedded", "6");
    await expect(widget).toHaveAttribute("data-provider", "openai:text-embedding-3-small");
    const posts = seen.filter((s) => s.method === "POST");
    expect(seen.every((s) => s.path === "/v1/embeddings")).toBe(true);
    expect(posts).toHaveLength(2); // the texts, then the default query
    expect(posts[0]?.authorization).toBe(`Bearer ${KEY}`);
    expect(posts[0]?.body).toEqual({
      model: "text-embedding-3-small",
      input: lines,
      encoding_format: "float",
    });

    // Search with the API's vectors: the ranking brute force gives for the fake embedding.
    await widget.getByLabel("Search for").fill("housing prices and rents");
    await widget.getByRole("button", { name: "Search", exact: true }).click();
    const hits = widget.locator('[data-part="hits"] li');
    await expect(hits).toHaveCount(6);
    const q = fakeEmbedding("housing prices and rents");
    const cos = (a: number[], b: number[]): number =>
      a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0) / Math.hypot(...a) / Math.hypot(...b);
    const best = lines
      .map((l, i) => [i, cos(q, fakeEmbedding(l))] as const)
      .sort((a, b) => b[1] - a[1])[0];
    await expect(hits.first()).toHaveAttribute("data-index", String(best?.[0]));
    expect(Number(await hits.first().getAttribute("data-similarity"))).toBeCloseTo(
      best?.[1] ?? NaN,
      5,
    );
    await expect(widget.locator('[data-part="query-cost"]')).toContainText(
      `${countTokens("housing prices and rents")} tokens`,
    );

    // The key is in no URL, and not in storage unless the learner asks.
    expect(page.url()).not.toContain(KEY);
    expect(await storedText(page)).not.toContain(KEY);
    await widget.getByLabel(/Remember the key in this tab/).check();
    expect(await storedText(page)).toContain(KEY);
    expect(seen.every((s) => s.path === "/v1/embeddings")).toBe(true);
  });
});
