/**
 * The int8 models in Chromium (issue 16): the default loads only the
 * quantised files, ?precision=fp32 the originals, and the two agree within
 * the tolerance the unit tests hold them to in Node.
 */
import type { Page } from "@playwright/test";
import { expect, openWidget, test } from "./fixtures";

test.setTimeout(120_000);

const PATH = "/lessons/02-contextual-embeddings/";

async function cosines(page: Page, query: string): Promise<{ values: number[]; models: string[] }> {
  const models: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith(".onnx")) models.push(url.pathname);
  });
  const lens = await openWidget(page, `${PATH}${query}`, "context-lens");
  await lens.getByRole("button", { name: "Compare in context" }).click();
  await expect(lens).toHaveAttribute("data-source", "live", { timeout: 90_000 });
  const values = await lens
    .locator("td[data-similarity]")
    .evaluateAll((cells) => cells.map((td) => Number(td.getAttribute("data-similarity"))));
  return { values, models };
}

test("int8 by default, fp32 on request, and the two agree within 0.01", async ({
  guardedPage: page,
  context,
}) => {
  const q8 = await cosines(page, "");
  expect(q8.models).toEqual(["/generated/models/use-lite/onnx/model_quantized.onnx"]);
  const other = await context.newPage();
  const fp32 = await cosines(other, "?precision=fp32");
  expect(fp32.models).toEqual(["/generated/models/use-lite/onnx/model.onnx"]);
  expect(q8.values).toHaveLength(9);
  q8.values.forEach((value, i) => {
    expect(Math.abs(value - (fp32.values[i] ?? Number.NaN))).toBeLessThan(0.01);
  });
  // Not the same numbers: the second page really ran the other weights.
  expect(q8.values).not.toEqual(fp32.values);
});
