import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { jobSpend } from "@/lib/labeling/job";
import { jsonlStore } from "@/lib/labeling/node-store";
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
  server.stats.billed.clear();
  delete server.options.fault;
  delete server.options.latencyMs;
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

  it("labels offline with --provider local: no key, no request, the same evaluation and exports", async () => {
    const out = join(dir, "local.jsonl");
    const csvOut = join(dir, "local.csv");
    const cli = io({});
    const args = [...base(), "--provider", "local", "--rows", "20", "--method", "centroid"];
    expect(await runCli([...args, "--out", out, "--csv", csvOut], cli)).toBe(0);
    const text = cli.lines.join("\n");
    expect(text).toMatch(/offline encoder, centroid \(nothing leaves this machine\)/);
    expect(text).toMatch(/nearest class centroid of 10 labelled rows/);
    expect(text).toMatch(/Accuracy \d\.\d{3} \(95% CI/);
    expect(sent()).toBe(0);
    const rows = Papa.parse<Record<string, string>>(readFileSync(csvOut, "utf8"), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows).toHaveLength(20);
    expect(rows.every((r) => r["label"] === "spam" || r["label"] === "ham")).toBe(true);
    // bad choices say what is allowed
    await expect(runCli([...base(), "--provider", "claude"], io())).rejects.toThrow(
      /--provider must be openai or local/,
    );
    await expect(
      runCli([...base(), "--provider", "local", "--method", "knn"], io()),
    ).rejects.toThrow(/--method must be zero-shot, centroid or probe/);
    await expect(runCli([...base(), "--provider", "local", "--votes", "3"], io())).rejects.toThrow(
      /set votes to 1/,
    );
    await expect(runCli([...base(), "--few-shot", "2"], io())).rejects.toThrow(/pass --rows/);
    await expect(runCli([...base(), "--temperature", "3"], io())).rejects.toThrow(
      /temperature must be a number from 0 to 2/,
    );
    await expect(runCli([...base(), "--votes", "26"], io())).rejects.toThrow(/from 1 to 25/);
  }, 120_000);

  it("refuses to mix jobs in one results file", async () => {
    const out = join(dir, "mixed.jsonl");
    expect(await runCli([...base(), "--out", out, "--yes"], io())).toBe(0);
    await expect(
      runCli([...base(), "--out", out, "--yes", "--instructions", "Something else."], io()),
    ).rejects.toThrow(/holds the results of another job/);
  });

  it("stops early on an unreachable server (exit 3, the cause named, nothing labelled), then --retry-flagged asks again only what failed", async () => {
    const out = join(dir, "unreachable.jsonl");
    const cli = io();
    const dead = [...base().slice(0, -2), "--base-url", "http://127.0.0.1:9/v1"];
    expect(await runCli([...dead, "--out", out, "--yes"], cli)).toBe(3);
    const text = cli.lines.join("\n");
    expect(text).toMatch(/Could not reach http:\/\/127\.0\.0\.1:9\/v1/);
    expect(text).toMatch(/Check the base URL/);
    expect(text).not.toMatch(/Accuracy/);

    // a server failing two items: they end flagged (transient); a re-run without the flag sends nothing
    const flaky = join(dir, "flaky.jsonl");
    server.options.fault = (id) => (id === "r1" || id === "r2" ? "500" : "ok");
    const first = io();
    expect(await runCli([...base(), "--out", flaky, "--yes"], first)).toBe(0);
    expect(first.lines.join("\n")).toMatch(/28 labelled, 2 flagged/);
    const before = sent();
    expect(await runCli([...base(), "--out", flaky, "--yes"], io())).toBe(0);
    expect(sent()).toBe(before);
    delete server.options.fault;
    const retry = io();
    expect(await runCli([...base(), "--out", flaky, "--yes", "--retry-flagged"], retry)).toBe(0);
    expect(sent()).toBe(before + 2);
    expect(retry.lines.join("\n")).toMatch(/30 labelled, 0 flagged/);
    // every request of both runs is counted: the failed attempts of r1 and r2 too
    const store = jsonlStore(flaky);
    expect(jobSpend(await store.load(), await store.loadLog()).requests).toBe(sent());
  }, 60_000);

  it("killed with SIGKILL mid-run and resumed: nothing lost or duplicated, every request counted", async () => {
    const out = join(dir, "killed.jsonl");
    server.options.latencyMs = 40;
    const args = [...base(), "--out", out, "--yes", "--concurrency", "2"];
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        fileURLToPath(new URL("../../../scripts/label.ts", import.meta.url)),
        ...args,
      ],
      { env: { ...process.env, OPENAI_API_KEY: KEY }, stdio: "ignore" },
    );
    const exited = new Promise<void>((resolve) =>
      child.on("exit", () => {
        resolve();
      }),
    );
    // kill once about a third of the items are stored
    const results = (): number =>
      existsSync(out)
        ? readFileSync(out, "utf8")
            .split("\n")
            .filter((l) => l.startsWith('{"id"')).length
        : 0;
    const deadline = Date.now() + 60_000;
    while (results() < 10 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill("SIGKILL");
    await exited;
    // a line torn by the kill is not a result (the store skips it)
    const stored = (await jsonlStore(out).load()).length;
    expect(stored).toBeGreaterThanOrEqual(9);
    expect(stored).toBeLessThan(30);

    const resumed = io();
    expect(await runCli(args, resumed)).toBe(0);
    expect(resumed.lines.join("\n")).toMatch(new RegExp(`30 items \\(${stored} already done`));
    const store = jsonlStore(out);
    const final = await store.load();
    expect(final).toHaveLength(30);
    const lines = readFileSync(out, "utf8")
      .split("\n")
      .filter((l) => {
        try {
          return typeof (JSON.parse(l) as { id?: unknown }).id === "string";
        } catch {
          return false; // the line torn by the kill
        }
      });
    expect(lines).toHaveLength(30); // none duplicated
    const spend = jobSpend(final, await store.loadLog());
    const billed = [...server.stats.billed.values()].reduce((a, b) => a + b, 0);
    // Every request the server saw is counted. "sent" is logged just before a request goes
    // out, so one the kill stopped on its way may be counted without reaching the server:
    // those, and replies in flight at the kill, are the unanswered ones.
    expect(spend.requests).toBeGreaterThanOrEqual(sent());
    expect(spend.requests).toBeLessThanOrEqual(sent() + spend.unanswered);
    expect(spend.unanswered).toBeLessThanOrEqual(2);
    const answered = (await store.loadLog()).filter((e) => e.kind === "answered").length;
    expect(answered).toBeLessThanOrEqual(billed);
    expect(billed).toBeLessThanOrEqual(answered + spend.unanswered);
  }, 90_000);
});
