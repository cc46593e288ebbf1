/** Site benchmarks: astro build time, and the JavaScript each page ships before any widget is used. */
import { execFileSync } from "node:child_process";
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
    const rows: Measurement[] = [
      { name: "astro build", unit: "ms", values: build, target: "≤ 90 s" },
      { name: "pagefind index", unit: "ms", values: pagefind },
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
