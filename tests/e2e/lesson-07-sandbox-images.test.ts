/**
 * The LabelingSandbox on images, in Chromium, offline (no request leaves
 * 127.0.0.1): the bundled emoji with thumbnails, five hand labels per kind,
 * the image recipe through the job runner, the evaluation on gold equal to
 * the export's and the labels equal to the same model in Node; a folder of
 * the learner's own images with a text file and a damaged JPEG in it, hand
 * labels with a held-out quarter, and the refusals that keep images local.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Locator, Page } from "@playwright/test";
import Papa from "papaparse";
import sharp from "sharp";
import { bundledImages, decodeFile } from "../../scripts/vision/bundled-images";
import { BUNDLED_IMAGES, predictFewShot, trainFewShot } from "../../src/lib/labeling";
import { loadImageEmbedder } from "../../src/lib/vision/embedder";
import { expect, expectAccessible, openWidget, SCREENSHOT_DIR, setTheme, test } from "./fixtures";

const PATH = "/lessons/07-labeling-with-llms/";
const ROW_PX = 32;

const runs = async (widget: Locator): Promise<number> =>
  Number((await widget.getAttribute("data-runs")) ?? 0);

/** Sets row `index`'s hand label, scrolling the virtual table to it first. */
async function handLabel(widget: Locator, index: number, label: string): Promise<void> {
  const table = widget.locator('[data-part="data-table"] .vt');
  await table.evaluate((el, top) => {
    el.scrollTop = top;
  }, index * ROW_PX);
  await widget
    .locator(`[data-part="data-table"] .vt-row[data-index="${index}"] select`)
    .selectOption(label);
}

async function exportCSV(page: Page, widget: Locator): Promise<Record<string, string>[]> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    widget.getByRole("button", { name: "Results CSV" }).click(),
  ]);
  const text = readFileSync(await file.path(), "utf8");
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

/** Twelve squares (six warm, six cool with alpha), a damaged JPEG and a text file. */
async function ownFiles(): Promise<{ name: string; mimeType: string; buffer: Buffer }[]> {
  const square = (r: number, g: number, b: number, alpha = 1) =>
    sharp({ create: { width: 40, height: 40, channels: 4, background: { r, g, b, alpha } } })
      .png()
      .toBuffer();
  const files: { name: string; mimeType: string; buffer: Buffer }[] = [];
  for (let i = 0; i < 6; i++) {
    files.push({
      name: `warm-${i}.png`,
      mimeType: "image/png",
      buffer: await square(200 + i * 8, 40 + i * 10, 30),
    });
    files.push({
      name: `cool-${i}.png`,
      mimeType: "image/png",
      buffer: await square(30, 60 + i * 10, 200 + i * 8, 0.6),
    });
  }
  const jpeg = await sharp({
    create: { width: 40, height: 40, channels: 3, background: { r: 250, g: 80, b: 20 } },
  })
    .jpeg()
    .toBuffer();
  files.push({ name: "damaged.jpg", mimeType: "image/jpeg", buffer: jpeg.subarray(0, 60) });
  files.push({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not an image") });

  return files;
}

test.describe("LabelingSandbox on images", () => {
  test.setTimeout(180_000);

  test("bundled emoji: 5 hand labels per kind, label the other 140, evaluate, export (as in Node)", async ({
    guardedPage: page,
  }) => {
    const widget = await openWidget(page, PATH, "labeling-sandbox");
    await widget.locator('[data-part="dataset"]').selectOption("emoji");
    const summary = widget.locator('[data-part="data-summary"]');
    await expect(summary).toContainText("160 rows in the “Twemoji");
    await expect(widget.locator('[data-part="provenance"]')).toContainText("CC-BY 4.0");
    // thumbnails are drawn for the rows in view only
    const thumbs = widget.locator('[data-part="data-table"] img.ls-thumb');
    await expect(thumbs.first()).toBeVisible();
    expect(await thumbs.count()).toBeLessThan(40);
    await expect(widget.locator('[data-part="embed"]')).toHaveValue("image");
    await expect(widget.locator('[data-part="method"]')).toHaveValue("centroid");

    // the first five rows of each kind in the table's order get their gold label by hand
    const images = bundledImages();
    const hand = new Map<string, string>();
    for (const label of BUNDLED_IMAGES.emoji.labels)
      for (const image of images.filter((i) => i.label === label).slice(0, 5))
        hand.set(image.id, label);
    for (const [i, image] of images.entries()) {
      const label = hand.get(image.id);
      if (label) await handLabel(widget, i, label);
    }
    await expect(summary).toContainText("20 labelled by hand: the local methods learn from 20");
    await expect(summary).toContainText("labelling 140 rows (140 with a gold or held-out label)");

    await widget.getByRole("button", { name: "Label", exact: true }).click();
    await expect.poll(() => runs(widget), { timeout: 120_000 }).toBe(1);
    await expect(widget.locator('[data-part="stats"]')).toHaveAttribute("data-done", "140");
    await expect(widget.locator('[data-part="stats"]')).toContainText(
      "Images (MobileNetV2 features): Nearest class centroid of 20 examples",
    );
    await expect(widget.locator('[data-part="results-table"] img.ls-thumb').first()).toBeVisible();
    const shown = Number(
      (await widget.locator('[data-metric="accuracy"]').textContent())?.split(" ")[0],
    );

    // the export: the 140 images, their references, and the accuracy shown is the CSV's
    const rows = await exportCSV(page, widget);
    expect(rows).toHaveLength(140);
    expect(rows.some((r) => hand.has(r["id"] ?? ""))).toBe(false);
    expect(rows[0]?.["image"]).toMatch(/\/generated\/labeling\/emoji\/.+\.png$/);
    const right = rows.filter((r) => r["label"] === r["gold"]).length;
    expect(shown).toBeCloseTo(right / 140, 3);
    expect(right / 140, "four kinds: chance is 0.25").toBeGreaterThan(0.5);

    // the same recipe in Node (onnxruntime-node on sharp's pixels) gives the same labels
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
    const rest = images.flatMap((im, i) => (hand.has(im.id) ? [] : [i]));
    const node = predictFewShot(
      model,
      rest.map((i) => vectors[i] as Float32Array),
    );
    const byId = new Map(rows.map((r) => [r["id"], r["label"]]));
    expect(rest.map((i) => byId.get(images[i]?.id))).toEqual(node);

    // the detail shows the image
    await widget.locator('[data-part="results-table"] .vt-row button').first().click();
    await expect(widget.locator('[data-part="detail"] img.ls-detail-image')).toBeVisible();

    await page.addStyleTag({ content: ".site-header { position: static !important; }" });
    for (const theme of ["light", "dark"] as const) {
      await setTheme(page, theme);
      await widget.screenshot({ path: `${SCREENSHOT_DIR}/labeling-sandbox-images-${theme}.png` });
      await expectAccessible(page, `lesson 07 sandbox on images (${theme})`);
    }
    await page.setViewportSize({ width: 375, height: 800 });
    await widget.locator('[data-part="data-table"]').scrollIntoViewIfNeeded();
    await widget.screenshot({ path: `${SCREENSHOT_DIR}/labeling-sandbox-images-375.png` });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("my own folder: a text file skipped, a damaged JPEG flagged, a quarter of the hand labels held out; images stay local", async ({
    guardedPage: page,
  }) => {
    const files = await ownFiles();
    // files on disk, as a learner's are: picked twice, they have the same sizes and times
    const folder = mkdtempSync(join(tmpdir(), "own-images-"));
    const paths = files.map((f) => {
      const path = join(folder, f.name);
      writeFileSync(path, f.buffer);
      return path;
    });
    const widget = await openWidget(page, PATH, "labeling-sandbox");
    await widget.locator('[data-part="dataset"]').selectOption("images");
    await expect(widget.locator('[data-part="images-notice"]')).toContainText(
      "nothing is uploaded",
    );
    await widget.locator('[data-part="image-files"]').setInputFiles(paths);
    await expect(widget.locator('[data-part="banner"]')).toContainText(
      "1 file is not an image and was skipped",
    );
    const summary = widget.locator('[data-part="data-summary"]');
    await expect(summary).toContainText("13 rows in your 13 images");
    await widget.getByLabel("Labels, one per line").fill("warm: reds and oranges\ncool: blues");
    await widget.getByLabel("Instructions (system message)").fill("Warm or cool colour?");

    // zero-shot cannot label images offline, and says why
    await widget.locator('[data-part="method"]').selectOption("zero-shot");
    await expect(widget.locator('[data-part="cost"]')).toContainText("no zero-shot offline");
    await widget.locator('[data-part="method"]').selectOption("centroid");

    // 4 warm and 4 cool by hand: 8, so a quarter (2) is held out to check the model
    const names = files.slice(0, 13).map((f) => f.name);
    for (const [i, name] of names.entries())
      if (/-[0-3]\.png$/.test(name)) await handLabel(widget, i, name.split("-")[0] ?? "");
    await expect(summary).toContainText("8 labelled by hand: the local methods learn from 6");
    await expect(summary).toContainText("2 are held out to check them");
    await expect(summary).toContainText("labelling 7 rows (2 with a gold or held-out label)");

    // an API would need to upload the files: refused, with the reason
    await widget.getByLabel("OpenAI-compatible API").check();
    await expect(widget.locator('[data-part="cost"]')).toContainText(
      "label them locally (step 3), where nothing is uploaded",
    );
    await widget.getByLabel("Local (offline encoder)").check();

    await widget.getByRole("button", { name: "Label", exact: true }).click();
    await expect.poll(() => runs(widget), { timeout: 120_000 }).toBe(1);
    await expect(widget.locator('[data-part="stats"]')).toHaveAttribute("data-done", "7");
    await expect(widget.locator('[data-part="stats"]')).toContainText("1 flagged");
    const rows = await exportCSV(page, widget);
    const damaged = rows.find((r) => r["id"] === "damaged.jpg");
    expect(damaged?.["status"]).toBe("flagged");
    expect(damaged?.["notes"]).toMatch(/could not be read/);
    // the model tells warm from cool on the rest; the held-out pair is scored with the hand labels
    for (const r of rows.filter((r) => r["id"] !== "damaged.jpg"))
      expect(r["label"], r["id"]).toBe((r["id"] ?? "").split("-")[0]);
    expect(rows.filter((r) => r["gold"])).toHaveLength(2);
    await expect(widget.locator('[data-metric="accuracy"]')).toContainText("1.000");

    // a reload forgets the picked files but not the job: picking them again brings the hand labels back
    await page.reload();
    const again = page.locator("labeling-sandbox");
    await again.scrollIntoViewIfNeeded();
    await expect(again).toHaveAttribute("data-ready", "true");
    await expect(again.locator('[data-part="stats"]')).toHaveAttribute("data-done", "7");
    await expect(again.locator('[data-part="data-summary"]')).toContainText("Pick image files");
    await again.locator('[data-part="image-files"]').setInputFiles(paths);
    await expect(again.locator('[data-part="data-summary"]')).toContainText(
      "8 labelled by hand: the local methods learn from 6",
    );
    await expect(
      again.locator('[data-part="data-table"] .vt-row[data-index="0"] select'),
    ).toHaveValue("warm");
    await expect(again.locator('[data-metric="accuracy"]')).toContainText("1.000");
  });

  test("a CSV's image column of file names: the picked files fill it, and gold rows after the labelled ones train", async ({
    guardedPage: page,
  }) => {
    const files = (await ownFiles()).slice(0, 12);
    // warm and cool alternate, so the last four rows (the pool) hold two of each
    const csv = [
      "id,image,label",
      ...files.map((f) => `${f.name.slice(0, -4)},${f.name},${f.name.split("-")[0] ?? ""}`),
    ].join("\n");
    const widget = await openWidget(page, PATH, "labeling-sandbox");
    await widget.locator('[data-part="dataset"]').selectOption("file");
    await widget.locator('[data-part="file"]').setInputFiles({
      name: "squares.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    await expect(widget.locator('[data-part="image-col"]')).toHaveValue("image");
    await widget.locator('[data-part="text-col"]').selectOption("");
    // no file picked yet: no thumbnail can be drawn
    await expect(widget.locator('[data-part="data-table"] img.ls-thumb')).toHaveCount(0);
    await widget.locator('[data-part="image-files"]').setInputFiles(files);
    await expect(widget.locator('[data-part="banner"]')).toContainText("12 image files picked");
    const thumb = widget.locator('[data-part="data-table"] img.ls-thumb').first();
    await expect(thumb).toBeVisible();
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(40);
    await widget.getByLabel("Labels, one per line").fill("warm: reds and oranges\ncool: blues");
    await widget.getByLabel("Rows to label").fill("8");
    await widget.locator('[data-part="embed"]').selectOption("image");
    await widget.locator('[data-part="method"]').selectOption("centroid");
    await expect(widget.locator('[data-part="data-summary"]')).toContainText(
      "4 more gold-labelled rows",
    );
    await widget.getByRole("button", { name: "Label", exact: true }).click();
    await expect.poll(() => runs(widget), { timeout: 120_000 }).toBe(1);
    const rows = await exportCSV(page, widget);
    expect(rows).toHaveLength(8);
    for (const r of rows) expect(r["label"], r["id"]).toBe(r["gold"]);
    await expect(widget.locator('[data-metric="accuracy"]')).toContainText("1.000");
  });
});
