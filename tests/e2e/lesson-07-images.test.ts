/**
 * The ImageLabeler on lesson 07, in Chromium, offline (no request leaves
 * 127.0.0.1): the bundled emoji read by the vision worker, five hand labels
 * per kind, train, label the rest, check, export; the exported labels equal
 * the same few-shot model run in Node on the same images; bad files.
 */
import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import sharp from "sharp";
import { bundledImages, decodeFile } from "../../scripts/vision/bundled-images";
import { BUNDLED_IMAGES, parseCSV, predictFewShot, trainFewShot } from "../../src/lib/labeling";
import { loadImageEmbedder } from "../../src/lib/vision/embedder";
import { expect, expectAccessible, openWidget, SCREENSHOT_DIR, setTheme, test } from "./fixtures";

const PATH = "/lessons/07-labeling-with-llms/";
const tiles = (w: Locator) => w.locator('[data-part="grid"] li');

async function loadBundled(page: Page): Promise<Locator> {
  const widget = await openWidget(page, PATH, "image-labeler");
  await widget.getByRole("button", { name: /Use the bundled emoji/ }).click();
  await expect(widget.locator('[data-part="summary"]')).toContainText("160 images read", {
    timeout: 90_000,
  });
  return widget;
}

test.describe("ImageLabeler", () => {
  test.setTimeout(180_000);

  test("bundled emoji: 5 hand labels per kind, train, label the rest, check, export (as in Node)", async ({
    guardedPage: page,
  }) => {
    const widget = await loadBundled(page);
    await expect(widget.locator(".il-notice")).toContainText("Nothing leaves this browser");
    await expect(tiles(widget)).toHaveCount(160);
    const golds = await tiles(widget).evaluateAll((lis) =>
      lis.map(
        (li) => [li.getAttribute("data-id") ?? "", li.getAttribute("data-gold") ?? ""] as const,
      ),
    );
    // the first five of each kind in the grid's order get their gold label by hand
    const hand = new Map<string, string>();
    for (const label of BUNDLED_IMAGES.emoji.labels)
      for (const [id] of golds.filter(([, g]) => g === label).slice(0, 5)) hand.set(id, label);
    for (const [id, label] of hand)
      await widget.locator(`li[data-id="${id}"] select`).selectOption(label);
    await expect(widget.locator('[data-part="summary"]')).toContainText("Hand-labelled: 20");
    await widget.getByRole("button", { name: "Train and label the rest" }).click();
    const metrics = widget.locator('[data-part="metrics"]');
    await expect(metrics).toHaveAttribute("data-n", "140");
    await expect(metrics).toContainText("accuracy");
    const accuracy = Number(await metrics.getAttribute("data-accuracy"));

    // the export: every image, hand or model, and the shown accuracy is the CSV's
    const download = page.waitForEvent("download");
    await widget.getByRole("button", { name: "Export CSV" }).click();
    const rows = parseCSV(readFileSync(await (await download).path(), "utf8")).rows;
    expect(rows).toHaveLength(160);
    expect(rows.filter((r) => r["source"] === "hand")).toHaveLength(20);
    const byModel = rows.filter((r) => r["source"] === "model");
    expect(byModel).toHaveLength(140);
    const right = byModel.filter((r) => r["label"] === r["gold"]).length;
    expect(accuracy).toBeCloseTo(right / 140, 12);
    expect(accuracy, "four kinds: chance is 0.25").toBeGreaterThan(0.5);

    // the same model in Node (onnxruntime-node on sharp's pixels) gives the same labels
    const images = bundledImages();
    const embedder = await loadImageEmbedder({ localModelPath: "public/generated/models/" });
    const vectors = await embedder.embed(await Promise.all(images.map((i) => decodeFile(i.file))), {
      normalize: true,
    });
    await embedder.dispose();
    const train = images.flatMap((im, i) => (hand.has(im.id) ? [i] : []));
    const model = trainFewShot(
      "centroid",
      train.map((i) => vectors[i] as Float32Array),
      train.map((i) => hand.get(images[i]?.id ?? "") ?? ""),
      BUNDLED_IMAGES.emoji.labels,
    );
    const node = new Map(
      images.map((im, i) => [im.id, predictFewShot(model, [vectors[i] as Float32Array])[0]]),
    );
    const differ = byModel.filter((r) => node.get(r["id"] ?? "") !== r["label"]);
    expect(differ, "browser and Node label alike").toEqual([]);

    await expectAccessible(page, "image labeler", "image-labeler");
    await widget.scrollIntoViewIfNeeded();
    await widget.screenshot({ path: `${SCREENSHOT_DIR}/widget-image-labeler-light.png` });
    await setTheme(page, "dark");
    await expectAccessible(page, "image labeler (dark)", "image-labeler");
    await widget.screenshot({ path: `${SCREENSHOT_DIR}/widget-image-labeler-dark.png` });
    await page.setViewportSize({ width: 375, height: 800 });
    await widget.screenshot({ path: `${SCREENSHOT_DIR}/widget-image-labeler-375-dark.png` });
  });

  test("bad files: not an image, a damaged JPEG, alpha, greyscale, 50 megapixels; a label with no example", async ({
    guardedPage: page,
  }) => {
    const widget = await openWidget(page, PATH, "image-labeler");
    const rgba = await sharp({
      create: {
        width: 64,
        height: 48,
        channels: 4,
        background: { r: 200, g: 30, b: 30, alpha: 0.3 },
      },
    })
      .png()
      .toBuffer();
    const grey = await sharp({ create: { width: 80, height: 80, channels: 3, background: "#777" } })
      .greyscale()
      .png()
      .toBuffer();
    const big = await sharp({
      create: { width: 8000, height: 6250, channels: 3, background: "#3366aa" },
    })
      .jpeg()
      .toBuffer();
    await widget.locator('[data-part="files"]').setInputFiles([
      { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not a picture") },
      {
        name: "broken.jpg",
        mimeType: "image/jpeg",
        buffer: Buffer.from([0xff, 0xd8, 0xff, 1, 2, 3]),
      },
      { name: "alpha.png", mimeType: "image/png", buffer: rgba },
      { name: "grey.png", mimeType: "image/png", buffer: grey },
      { name: "fifty-megapixels.jpg", mimeType: "image/jpeg", buffer: big },
    ]);
    const summary = widget.locator('[data-part="summary"]');
    await expect(summary).toContainText("3 images read", { timeout: 90_000 });
    await expect(summary).toContainText("1 could not be read");
    await expect(summary).toContainText("1 file is not an image and was skipped");
    await expect(widget.locator('li[data-id="broken.jpg"] .il-failed')).toContainText(
      "not an image this browser can read",
    );
    await widget.getByLabel("Labels, separated by commas").fill("red, grey, blue");
    await widget.getByLabel("Labels, separated by commas").dispatchEvent("change");
    await widget.locator('li[data-id="alpha.png"] select').selectOption("red");
    await widget.locator('li[data-id="grey.png"] select').selectOption("grey");
    await widget.getByRole("button", { name: "Train and label the rest" }).click();
    await expect(widget.locator("[data-widget-error]")).toContainText(
      "Label at least one example of “blue”",
    );
    // nothing was lost: the images and hand labels are all still there
    await expect(tiles(widget)).toHaveCount(4);
    await expect(widget.locator('li[data-id="grey.png"] select')).toHaveValue("grey");
    await widget.locator('li[data-id="fifty-megapixels.jpg"] select').selectOption("blue");
    await widget.getByRole("button", { name: "Train and label the rest" }).click();
    await expect(widget.locator('[data-part="evaluation"]')).toContainText("Not checked");
    await expect(widget.locator("[data-widget-error]")).toBeHidden();
  });

  test("2,001 images at once: the first 2,000 are read, the rest named; the page stays usable", async ({
    guardedPage: page,
  }) => {
    test.setTimeout(240_000);
    const widget = await openWidget(page, PATH, "image-labeler");
    const files = await Promise.all(
      Array.from({ length: 2001 }, async (_, i) => ({
        name: `tile-${String(i).padStart(4, "0")}.png`,
        mimeType: "image/png",
        buffer: await sharp({
          create: {
            width: 8,
            height: 8,
            channels: 3,
            background: { r: i % 256, g: (i * 7) % 256, b: (i * 13) % 256 },
          },
        })
          .png()
          .toBuffer(),
      })),
    );
    await widget.locator('[data-part="files"]').setInputFiles(files);
    const summary = widget.locator('[data-part="summary"]');
    await expect(summary).toContainText("2000 images read", { timeout: 200_000 });
    await expect(summary).toContainText(
      "Only the first 2000 images are read; 1 more was left out.",
    );
    await expect(tiles(widget)).toHaveCount(2000);
    await expect(widget).toHaveAttribute("data-images", "2000");
    // still usable: hand labels and a training run on the 2,000
    await widget.getByLabel("Labels, separated by commas").fill("dark, light");
    await widget.getByLabel("Labels, separated by commas").dispatchEvent("change");
    await widget.locator('li[data-id="tile-0000.png"] select').selectOption("dark");
    await widget.locator('li[data-id="tile-1999.png"] select').selectOption("light");
    await widget.getByRole("button", { name: "Train and label the rest" }).click();
    await expect(widget.locator('[data-part="evaluation"]')).toContainText(
      "It labelled the other 1998 images.",
    );
  });
});
