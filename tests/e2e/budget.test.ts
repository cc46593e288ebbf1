/**
 * The JavaScript budget of issue #2, checked on the production build in dist/:
 * a lesson page ships ≤ 30 KiB (gzip) before any widget is used, the home ≤ 15 KiB.
 * Lazy widget modules (dynamic import) do not count until a widget is used.
 */
import { expect, test } from "@playwright/test";
import { measureSite } from "../../bench/lib/page-js";

const KiB = 1024;

test("every page stays within its JavaScript budget", () => {
  const pages = measureSite("dist");
  expect(pages.length).toBeGreaterThanOrEqual(10);
  for (const page of pages) {
    const budget = page.page === "index.html" ? 15 * KiB : 30 * KiB;
    expect(page.gzipBytes, `${page.page}: ${page.files.join(", ")}`).toBeLessThanOrEqual(budget);
  }
});

test("the VectorPlayground module and d3 load only when the widget is used", () => {
  const lesson = measureSite("dist").find((p) => p.page.startsWith("lessons/01-"));
  expect(lesson).toBeDefined();
  expect(lesson?.files.some((f) => f.includes("vector-playground"))).toBe(false);
});
