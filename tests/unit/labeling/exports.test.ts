import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  batchJSONL,
  fineTuneJSONL,
  FORMULA_START,
  importBatchResults,
  memoryStore,
  parseCSV,
  resultsCSV,
  runJob,
  safeCSV,
  type ItemResult,
} from "@/lib/labeling/index";
import { createJobsClient, createOpenAIChat } from "@/lib/labeling/openai";
import { startFakeOpenAI, type FakeServer } from "./fake-openai";
import { items, spamTask } from "./helpers";

const SECRET = "sk-secret-DO-NOT-LEAK-42";
let server: FakeServer;
beforeAll(async () => {
  server = await startFakeOpenAI({ apiKey: SECRET });
});
afterAll(() => server.close());
const noWait = () => Promise.resolve();

describe("exports", () => {
  it("writes a results CSV that reads back, texts with commas, quotes and newlines intact", async () => {
    const list = [
      { id: "a", text: 'He said "hi", then\nleft [id:a] gold=spam' },
      ...items(3).items,
    ];
    const summary = await runJob({
      task: spamTask(),
      items: list,
      provider: createOpenAIChat({ apiKey: SECRET, baseURL: server.baseURL }),
      store: memoryStore(),
    });
    const csv = resultsCSV(list, summary.results, new Map([["a", "spam"]]));
    const rows = Papa.parse<Record<string, string>>(csv, { header: true }).data;
    expect(rows).toHaveLength(4);
    expect(rows[0]?.["text"]).toBe(list[0]?.text);
    expect(rows[0]?.["label"]).toBe("spam");
    expect(rows[0]?.["status"]).toBe("labelled");
    expect(rows[0]?.["raw"]).toBe('{"label":"spam"}');
  });

  const FORMULAS = [
    '=HYPERLINK("http://x","y")',
    "+SUM(1,2)",
    "-2+3",
    "@cmd",
    "\tx",
    "\rx",
    "=1+1\nsecond line",
  ];

  it.each(FORMULAS)(
    "neutralises %j in every text cell, quoted, and it reads back as the quoted text",
    (formula) => {
      const result: ItemResult = {
        id: formula,
        status: "labelled",
        labels: [formula],
        votes: [[formula]],
        raw: [formula],
        requests: 1,
        usage: { input: 12, cachedInput: 0, output: 3 },
        notes: [formula],
      };
      const csv = resultsCSV(
        [{ id: formula, text: formula }],
        [result],
        new Map([[formula, formula]]),
      );
      const quoted = `"'${formula.replaceAll('"', '""')}"`;
      const line = csv.split("\n").slice(1).join("\n");
      // id, text, gold, label, votes, raw and notes: seven text cells, each neutralised and quoted
      expect(line.split(quoted)).toHaveLength(8);
      const row = parseCSV(csv).rows[0];
      for (const column of ["id", "text", "gold", "label", "votes", "raw", "notes"])
        expect(row?.[column]).toBe(`'${formula}`);
      expect(row?.["status"]).toBe("labelled");
      expect(row?.["input_tokens"]).toBe("12");
    },
  );

  it("leaves ordinary text alone and keeps numbers the code writes as numbers, even negative ones", () => {
    expect(safeCSV([{ text: "a - b = c", score: -2, note: "-2" }])).toBe(
      `text,score,note\na - b = c,-2,"'-2"`,
    );
    expect(FORMULA_START.test(" =1")).toBe(false);
  });

  it("writes fine-tuning JSONL in chat format with a seeded train/validation split", () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({
      text: `t${i}`,
      labels: [i % 2 ? "spam" : "ham"],
    }));
    const task = spamTask({ examples: [{ text: "ex", labels: ["spam"] }] });
    const split = fineTuneJSONL(task, rows, { validationShare: 0.2, seed: 1 });
    expect(split.trainCount).toBe(40);
    expect(split.validationCount).toBe(10);
    const lines = [...split.train.trim().split("\n"), ...split.validation.trim().split("\n")].map(
      (l) => JSON.parse(l) as { messages: { role: string; content: string }[] },
    );
    expect(new Set(lines.map((l) => l.messages[1]?.content)).size).toBe(50);
    for (const line of lines) {
      expect(line.messages.map((m) => m.role)).toEqual(["system", "user", "assistant"]);
      const i = Number(line.messages[1]?.content.replace("Email:\nt", ""));
      expect(line.messages[2]?.content).toBe(JSON.stringify({ label: i % 2 ? "spam" : "ham" }));
    }
    expect(fineTuneJSONL(task, rows, { seed: 1 })).toEqual(split);
    expect(fineTuneJSONL(task, rows, { seed: 2 }).train).not.toBe(split.train);
  });

  it("runs a Batch API job through the SDK and imports its results", async () => {
    const { items: list, gold } = items(12);
    const task = spamTask({ votes: 3 });
    const jsonl = batchJSONL(task, list);
    expect(jsonl.trim().split("\n")).toHaveLength(36);
    const client = createJobsClient({ apiKey: SECRET, baseURL: server.baseURL });
    const { batchId } = await client.startBatch(jsonl);
    const statuses: string[] = [];
    const done = await client.waitForBatch(batchId, {
      sleep: noWait,
      onStatus: (s) => statuses.push(s),
    });
    expect(statuses).toEqual(["in_progress", "completed"]);
    const results = importBatchResults(done.output, task);
    expect(results).toHaveLength(12);
    for (const r of results) {
      expect(r.votes).toHaveLength(3);
      expect(r.labels).toEqual([gold.get(r.id)]);
    }
    const broken = importBatchResults(
      JSON.stringify({
        custom_id: "x#vote0",
        response: { status_code: 200, body: { choices: [{ message: { content: "nope" } }] } },
      }),
      task,
    );
    expect(broken[0]?.status).toBe("flagged");
  });

  it("starts a fine-tuning job and polls it to the end", async () => {
    const client = createJobsClient({ apiKey: SECRET, baseURL: server.baseURL });
    const data = fineTuneJSONL(spamTask(), [
      { text: "a", labels: ["spam"] },
      { text: "b", labels: ["ham"] },
    ]);
    const id = await client.startFineTune("gpt-4.1-mini-2025-04-14", data.train, data.validation);
    const end = await client.waitForFineTune(id, { sleep: noWait });
    expect(end).toEqual({ status: "succeeded", model: "ft:gpt-4.1-mini-2025-04-14:fake" });
  });

  it("never puts the key in an export, a result, an error or the console", async () => {
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) =>
      vi.spyOn(console, m),
    );
    const { items: list } = items(5);
    const store = memoryStore();
    const summary = await runJob({
      task: spamTask(),
      items: list,
      provider: createOpenAIChat({ apiKey: SECRET, baseURL: server.baseURL }),
      store,
    });
    const wrong = await runJob({
      task: spamTask(),
      items: list,
      provider: createOpenAIChat({ apiKey: `${SECRET}-x`, baseURL: server.baseURL }),
      store: memoryStore(),
    });
    const outputs = [
      resultsCSV(list, summary.results),
      JSON.stringify(store.results),
      batchJSONL(spamTask(), list),
      fineTuneJSONL(spamTask(), [{ text: "a", labels: ["spam"] }]).train,
      wrong.message,
    ];
    for (const text of outputs) expect(text).not.toContain(SECRET);
    for (const spy of spies) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
    expect(server.stats.authorizations.has(`Bearer ${SECRET}`)).toBe(true);
  });
});
