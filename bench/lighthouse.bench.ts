/**
 * Lighthouse (12.2.3, driving Debian's Chromium) on every page of the built
 * site, served compressed by the preview server: performance, accessibility
 * and best-practices scores (0–100), with Lighthouse's default mobile
 * settings (simulated slow 4G, 4× CPU slowdown) and on desktop settings.
 * Issue 16's targets: performance ≥ 95 and accessibility 100 on every lesson.
 */
import { readdirSync } from "node:fs";
import lighthouse, { desktopConfig, type Flags } from "lighthouse";
import { launchBrowser, startPreview } from "./lib/preview";
import type { BenchSuite, Measurement } from "./lib/runner";

const PORT = 4461;
const DEBUG_PORT = 9333;
const CATEGORIES = ["performance", "accessibility", "best-practices"] as const;

function pages(dist: string): string[] {
  const lessons = readdirSync(`${dist}/lessons`, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => `/lessons/${e.name}/`)
    .sort();
  return ["/", ...lessons, "/search/"];
}

export const suite: BenchSuite = {
  name: "lighthouse",
  async run() {
    const preview = await startPreview(PORT);
    const browser = await launchBrowser({ debugPort: DEBUG_PORT });
    const rows: Measurement[] = [];
    try {
      for (const path of pages(preview.dist)) {
        for (const form of ["mobile", "desktop"] as const) {
          const flags: Flags = {
            port: DEBUG_PORT,
            output: "json",
            logLevel: "error",
            onlyCategories: [...CATEGORIES],
          };
          const result = await lighthouse(
            `${preview.url}${path}`,
            flags,
            form === "desktop" ? desktopConfig : undefined,
          );
          if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
          for (const category of CATEGORIES) {
            const score = result.lhr.categories[category]?.score ?? null;
            rows.push({
              name: `${path} ${category} (${form})`,
              unit: "count",
              values: [score === null ? Number.NaN : Math.round(score * 100)],
              target:
                path.startsWith("/lessons/") && category === "performance"
                  ? "≥ 95"
                  : path.startsWith("/lessons/") && category === "accessibility"
                    ? "100"
                    : "",
            });
          }
        }
      }
    } finally {
      await browser.close();
      preview.stop();
    }
    return rows;
  },
};
