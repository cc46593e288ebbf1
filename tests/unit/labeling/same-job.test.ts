/**
 * One job, one answer: the CLI's offline provider and the library run the
 * bench measures (the sandbox's settings and code: codebook, first rows,
 * pool, recipe) give identical labels for the bundled datasets.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundledCliArgs, labelBundledLocally } from "@/lib/labeling/node-bundled";
import { nodeEmbedder } from "@/lib/labeling/node-encoder";
import type { EmbedTexts } from "@/lib/labeling/local";
import { BUNDLED } from "@/lib/labeling";
import { runCli, type CliIO } from "../../../scripts/label";

let embed: EmbedTexts;
const dir = mkdtempSync(join(tmpdir(), "same-job-"));
beforeAll(async () => {
  embed = await nodeEmbedder();
}, 120_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const io = (): CliIO & { lines: string[] } => {
  const lines: string[] = [];
  return { lines, out: (l) => lines.push(l), err: () => undefined, env: {} };
};

describe.each([
  ["politics", "probe"],
  ["spam", "zero-shot"],
] as const)("the %s set with %s", (name, method) => {
  it("the CLI labels exactly as the library job the sandbox and the bench run", async () => {
    const settings = BUNDLED[name];
    const library = await labelBundledLocally(name, settings, method, embed);
    const out = join(dir, `${name}-${method}.jsonl`);
    const csv = join(dir, `${name}-${method}.csv`);
    const cli = io();
    const code = await runCli(
      [...bundledCliArgs(settings, method), "--out", out, "--csv", csv],
      cli,
    );
    expect(code).toBe(0);
    const rows = Papa.parse<Record<string, string>>(readFileSync(csv, "utf8"), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows).toHaveLength(settings.codebook.rows);
    const fromCli = new Map(rows.map((r) => [r["id"], r["label"]]));
    const fromLibrary = new Map(library.results.map((r) => [r.id, r.labels[0]]));
    expect(fromCli).toEqual(fromLibrary);
    // the same recipe: the same note (the probe's validation accuracy included)
    expect(cli.lines).toContain(library.note);
    // not a constant answer: both labels are used
    expect(new Set(fromLibrary.values()).size).toBe(2);
  }, 180_000);
});
