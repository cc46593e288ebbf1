/**
 * One job, one answer, in a real browser: the LabelingSandbox's linear probe
 * (the offline encoder in a Web Worker) and the CLI's offline provider (the
 * same model in Node), given the same data and settings, export the same
 * labels. Both run the library's job code (src/lib/labeling/job.ts).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { BUNDLED } from "../../src/lib/labeling";
import { bundledCliArgs } from "../../src/lib/labeling/node";
import { runCli } from "../../scripts/label";
import { expect, openWidget, test } from "./fixtures";

const PATH = "/lessons/07-labeling-with-llms/";
const ROWS = 40;

test("the sandbox's probe and the CLI's --provider local --method probe label the same rows alike", async ({
  guardedPage: page,
}) => {
  test.setTimeout(240_000);
  const widget = await openWidget(page, PATH, "labeling-sandbox");
  await expect(widget.locator('[data-part="data-summary"]')).toContainText("300 rows");
  await widget.getByLabel("Rows to label").fill(String(ROWS));
  await widget.getByLabel("Method").selectOption("probe");
  await widget.getByRole("button", { name: "Label", exact: true }).click();
  await expect(widget.locator('[data-part="stats"]')).toHaveAttribute("data-done", String(ROWS), {
    timeout: 180_000,
  });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    widget.getByRole("button", { name: "Results CSV" }).click(),
  ]);
  const fromSandbox = Papa.parse<Record<string, string>>(
    readFileSync(await download.path(), "utf8"),
    { header: true, skipEmptyLines: true },
  ).data;
  const stats = (await widget.locator('[data-part="stats"]').textContent()) ?? "";

  const settings = BUNDLED.politics;
  const dir = mkdtempSync(join(tmpdir(), "same-job-e2e-"));
  try {
    const csv = join(dir, "cli.csv");
    const lines: string[] = [];
    const code = await runCli(
      [...bundledCliArgs(settings, "probe", ROWS), "--out", join(dir, "cli.jsonl"), "--csv", csv],
      { out: (l) => lines.push(l), err: () => undefined, env: {} },
    );
    expect(code).toBe(0);
    const fromCli = Papa.parse<Record<string, string>>(readFileSync(csv, "utf8"), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(fromSandbox).toHaveLength(ROWS);
    expect(new Map(fromSandbox.map((r) => [r["id"], r["label"]]))).toEqual(
      new Map(fromCli.map((r) => [r["id"], r["label"]])),
    );
    // the same recipe: the probe's note (its validation accuracy) is the same in both
    const note = lines.find((l) => l.startsWith("Linear probe trained on"));
    expect(note).toBeDefined();
    expect(stats).toContain(note ?? "?");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
