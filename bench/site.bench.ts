/**
 * Site benchmarks: build time, the JavaScript each page ships before any
 * widget is used, the size of dist/, and what the offline copy holds.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { OfflineManifest } from "../src/lib/offline/index";
import { measureSite } from "./lib/page-js";
import { timeRuns, type BenchSuite, type Measurement } from "./lib/runner";

const BUILD_RUNS = Number(process.env["BENCH_BUILD_RUNS"] ?? 3);

export const suite: BenchSuite = {
  name: "site",
  async run() {
    const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" };
    const build = await timeRuns(
      () => execFileSync("npx", ["astro", "build"], { env, stdio: "ignore" }),
      BUILD_RUNS,
    );
    const pagefind = await timeRuns(
      () =>
        execFileSync("npx", ["pagefind", "--site", "dist", "--output-subdir", "pagefind"], {
          env,
          stdio: "ignore",
        }),
      1,
    );
    const postbuild = await timeRuns(
      () => execFileSync("npx", ["tsx", "scripts/postbuild.ts", "dist"], { env, stdio: "ignore" }),
      1,
    );
    const rows: Measurement[] = [
      { name: "astro build", unit: "ms", values: build, target: "≤ 90 s" },
      { name: "pagefind index", unit: "ms", values: pagefind },
      {
        name: "postbuild (offline manifest, service worker, .br/.gz)",
        unit: "ms",
        values: postbuild,
      },
      ...distSizes("dist"),
    ];
    for (const page of measureSite("dist")) {
      const isHome = page.page === "index.html";
      const isLesson = page.page.startsWith("lessons/");
      const target = isHome ? "≤ 15 KiB gzip" : isLesson ? "≤ 30 KiB gzip" : "";
      rows.push({ name: `JS ${page.page} (raw)`, unit: "bytes", values: [page.bytes] });
      rows.push({
        name: `JS ${page.page} (gzip)`,
        unit: "bytes",
        values: [page.gzipBytes],
        target,
      });
    }
    return rows;
  },
};

/** dist/ in bytes (with and without the compressed copies) and the offline copy's parts. */
function distSizes(dir: string): Measurement[] {
  let all = 0;
  let compressed = 0;
  for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const stats = statSync(join(dir, name));
    if (!stats.isFile()) continue;
    all += stats.size;
    if (/\.(br|gz)$/.test(name)) compressed += stats.size;
  }
  const manifest = JSON.parse(
    readFileSync(join(dir, "offline-manifest.json"), "utf8"),
  ) as OfflineManifest;
  const sum = (list: { size: number }[]): number => list.reduce((n, e) => n + e.size, 0);
  const lazy = manifest.lazy.filter((e) => e.optional !== true);
  return [
    { name: "dist/ (all files)", unit: "bytes", values: [all] },
    { name: "dist/ without .br/.gz copies", unit: "bytes", values: [all - compressed] },
    {
      name: "offline: kept on install (pages, styles, scripts)",
      unit: "bytes",
      values: [sum(manifest.shell)],
    },
    {
      name: "offline: the whole course, every model (decoded)",
      unit: "bytes",
      values: [sum(manifest.shell) + sum(lazy)],
    },
    {
      name: "offline: optional files not in the whole-course copy (fp32 models)",
      unit: "bytes",
      values: [sum(manifest.lazy) - sum(lazy)],
    },
  ];
}
