/**
 * `npm run bench`: runs every bench/*.bench.ts suite (or those named on the
 * command line), prints a table per suite and writes bench/results/latest.json.
 */
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { formatTable, median, type BenchSuite, type Measurement } from "./lib/runner";

const dir = fileURLToPath(new URL(".", import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort();

const results: Record<string, (Measurement & { median: number })[]> = {};
for (const file of files) {
  const module = (await import(pathToFileURL(`${dir}${file}`).href)) as { suite: BenchSuite };
  const rows = await module.suite.run();
  results[module.suite.name] = rows.map((row) => ({ ...row, median: median(row.values) }));
  console.log(`${formatTable(module.suite.name, rows)}\n`);
}

mkdirSync(`${dir}results`, { recursive: true });
const out = `${dir}results/latest.json`;
writeFileSync(
  out,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      results,
    },
    null,
    2,
  ),
);
console.log(`Wrote ${out}`);
