import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCli, type CliIO } from "../../../scripts/label";
import { startFakeOpenAI, type FakeServer } from "./fake-openai";
import { KEY } from "./helpers";

let server: FakeServer;
let dir: string;
let csv: string;
beforeAll(async () => {
  server = await startFakeOpenAI({ apiKey: KEY });
  dir = mkdtempSync(join(tmpdir(), "label-cli-"));
  const rows = Array.from({ length: 30 }, (_, i) => {
    const gold = i % 3 === 0 ? "spam" : "ham";
    return { id: `r${i}`, text: `[id:r${i}] gold=${gold} "quoted", text\nwith a newline`, gold };
  });
  rows.push({ id: "blank", text: "", gold: "" });
  csv = join(dir, "data.csv");
  writeFileSync(csv, Papa.unparse(rows));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  server.stats.requests.clear();
});

function io(env: Record<string, string> = { OPENAI_API_KEY: KEY }): CliIO & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (l) => lines.push(l), err: (l) => lines.push(l), env };
}
const sent = () => [...server.stats.requests.values()].reduce((a, b) => a + b, 0);
const base = () => [
  csv,
  "--text",
  "text",
  "--id",
  "id",
  "--gold",
  "gold",
  "--label",
  "spam=Unsolicited bulk email",
  "--label",
  "ham=Ordinary email",
  "--base-url",
  server.baseURL,
];

describe("npm run label", () => {
  it("prints the cost estimate and sends nothing without --yes", async () => {
    const out = join(dir, "a.jsonl");
    const cli = io();
    expect(await runCli([...base(), "--out", out], cli)).toBe(0);
    expect(cli.lines.join("\n")).toMatch(/30 items \(0 already done, 1 empty rows skipped\)/);
    expect(cli.lines.join("\n")).toMatch(
      /Estimate: 30 requests, \d+ input tokens \(exact\).*Batch API/,
    );
    expect(cli.lines.join("\n")).toMatch(/Nothing was sent/);
    expect(sent()).toBe(0);
  });

  it("--dry-run shows the messages and needs no key", async () => {
    const cli = io({});
    expect(await runCli([...base(), "--out", join(dir, "b.jsonl"), "--dry-run"], cli)).toBe(0);
    expect(cli.lines.join("\n")).toContain('"role": "system"');
    expect(sent()).toBe(0);
  });

  it("labels with --yes, evaluates, exports, and a re-run resumes without new requests", async () => {
    const out = join(dir, "c.jsonl");
    const csvOut = join(dir, "c.csv");
    const cli = io();
    const args = [
      ...base(),
      "--out",
      out,
      "--yes",
      "--csv",
      csvOut,
      "--finetune",
      join(dir, "ft"),
      "--votes",
      "3",
    ];
    expect(await runCli(args, cli)).toBe(0);
    expect(sent()).toBe(90);
    const text = cli.lines.join("\n");
    expect(text).toMatch(/Accuracy 1\.000/);
    expect(text).toMatch(/Cohen's kappa 1\.000/);
    expect(text).toMatch(/Krippendorff's alpha across votes: 1\.000/);
    const rows = Papa.parse<Record<string, string>>(readFileSync(csvOut, "utf8"), {
      header: true,
    }).data;
    expect(rows).toHaveLength(30);
    expect(rows.every((r) => r["label"] === r["gold"])).toBe(true);
    expect(readFileSync(join(dir, "ft.train.jsonl"), "utf8").trim().split("\n")).toHaveLength(24);
    const again = io();
    expect(await runCli(args, again)).toBe(0);
    expect(sent()).toBe(90);
    expect(again.lines.join("\n")).toMatch(/30 already done/);
    for (const file of [out, csvOut, join(dir, "ft.train.jsonl")])
      expect(readFileSync(file, "utf8")).not.toContain(KEY);
    expect(text).not.toContain(KEY);
  });

  it("stops with a clear message on a rejected key (exit 3) and on bad input", async () => {
    const cli = io({ MY_KEY: "sk-nope" });
    expect(
      await runCli([...base(), "--out", join(dir, "d.jsonl"), "--yes", "--key-env", "MY_KEY"], cli),
    ).toBe(3);
    expect(cli.lines.join("\n")).toMatch(/rejected the key \(401\)/);
    expect(cli.lines.join("\n")).not.toContain("sk-nope");
    await expect(runCli([...base(), "--yes", "--key-env", "NONE"], io({}))).rejects.toThrow(
      /No key/,
    );
    await expect(runCli([...base(), "--template", "no placeholder"], io())).rejects.toThrow(
      /\{text\}/,
    );
    await expect(
      runCli([csv, "--text", "body", "--label", "a", "--label", "b"], io()),
    ).rejects.toThrow(/no “body” column/);
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, 'text\n"unclosed quote, oops\n');
    await expect(
      runCli([bad, "--text", "text", "--label", "a", "--label", "b"], io()),
    ).rejects.toThrow(/malformed/);
  });

  it("labels on the Batch API (--submit-batch) and starts a fine-tuning job (--start-finetune)", async () => {
    const out = join(dir, "batch.jsonl");
    const prefix = join(dir, "ft");
    const cli = io();
    const args = [...base(), "--out", out, "--poll-seconds", "0", "--csv", join(dir, "batch.csv")];
    // without --yes: nothing is uploaded
    expect(await runCli([...args, "--submit-batch"], cli)).toBe(0);
    expect(cli.lines.join("\n")).toMatch(/Nothing was sent/);
    expect(await runCli([...args, "--submit-batch", "--yes"], cli)).toBe(0);
    const text = cli.lines.join("\n");
    expect(text).toMatch(/Started batch batch-\d+ \(30 requests\)/);
    expect(text).toMatch(/Imported 30 batch results/);
    // the fake server answers each item's gold label: every item right, no chat request sent
    expect(text).toMatch(/Accuracy 1\.000/);
    expect(sent()).toBe(0);
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(dir, "batch.csv"), "utf8"), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows).toHaveLength(30);
    expect(rows.every((r) => r["label"] === r["gold"])).toBe(true);

    const ft = io();
    const ftArgs = [...args, "--finetune", prefix, "--start-finetune", "gpt-4.1-mini-2025-04-14"];
    expect(await runCli(ftArgs, ft)).toBe(0);
    expect(ft.lines.join("\n")).toMatch(/add --yes to upload the fine-tuning files/);
    expect(await runCli([...ftArgs, "--yes"], ft)).toBe(0);
    expect(ft.lines.join("\n")).toMatch(
      /Fine-tuning succeeded: use the model ft:gpt-4\.1-mini-2025-04-14:fake/,
    );
    expect(readFileSync(`${prefix}.train.jsonl`, "utf8").trim().split("\n").length).toBeGreaterThan(
      10,
    );
  });
});
