/**
 * A tiny benchmark runner: each benchmark is measured `runs` times; the table
 * shows the median and the spread (min–max) so the machine's noise is visible.
 */

export interface Measurement {
  /** Row name, e.g. "astro build". */
  name: string;
  unit: "ms" | "bytes" | "s" | "ratio" | "count";
  /** Each run's value. */
  values: number[];
  /** A target from the issues, for the table (informational; benchmarks never fail). */
  target?: string;
}

export interface BenchSuite {
  name: string;
  run(): Promise<Measurement[]>;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Times `fn` `runs` times (after `warmup` untimed runs), in milliseconds. */
export async function timeRuns(fn: () => unknown, runs: number, warmup = 0): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const values: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    values.push(performance.now() - start);
  }
  return values;
}

function fmt(value: number, unit: Measurement["unit"]): string {
  if (Number.isNaN(value)) return "n/a";
  if (unit === "bytes") return value >= 10_240 ? `${(value / 1024).toFixed(1)} KiB` : `${value} B`;
  if (unit === "ms") return `${value.toFixed(value < 10 ? 2 : 0)} ms`;
  if (unit === "s") return `${value.toFixed(1)} s`;
  if (unit === "ratio") return `${value.toFixed(2)}×`;
  return String(value);
}

export function formatTable(suite: string, rows: readonly Measurement[]): string {
  const lines = rows.map((row) => {
    const values = row.values;
    const spread =
      values.length > 1
        ? `${fmt(Math.min(...values), row.unit)} – ${fmt(Math.max(...values), row.unit)}`
        : "";
    return [
      row.name,
      fmt(median(values), row.unit),
      String(values.length),
      spread,
      row.target ?? "",
    ];
  });
  const header = ["benchmark", "median", "runs", "min – max", "target"];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  const render = (cells: string[]): string =>
    cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
  return [
    `## ${suite}`,
    render(header),
    render(widths.map((w) => "-".repeat(w))),
    ...lines.map(render),
  ].join("\n");
}
