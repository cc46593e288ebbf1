import { mkdtempSync, readFileSync, appendFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  memoryCache,
  memoryStore,
  runJob,
  type ItemResult,
  type ResultStore,
} from "@/lib/labeling/index";
import { createOpenAIChat } from "@/lib/labeling/openai";
import { jobSpend } from "@/lib/labeling/job";
import { jsonlCache, jsonlStore } from "@/lib/labeling/node-store";
import { startFakeOpenAI, type FakeServer, type Fault } from "./fake-openai";
import { items, KEY, spamTask, unit } from "./helpers";

let server: FakeServer;
let dir: string;

beforeAll(async () => {
  server = await startFakeOpenAI({ apiKey: KEY, latencyMs: 1, retryAfterMs: 3, hangMs: 2500 });
  dir = mkdtempSync(join(tmpdir(), "labeling-"));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  server.stats.requests.clear();
  server.stats.billed.clear();
  server.stats.malformed.clear();
  delete server.options.fault;
  delete server.options.answer;
  delete server.options.models;
});

const provider = (apiKey = KEY) =>
  createOpenAIChat({ apiKey, baseURL: server.baseURL, timeoutMs: 2000 });
const fast = { backoff: { baseMs: 2, maxMs: 20 } };

/** 20 % 429, 5 % 500, 5 % malformed, 1 % timeouts per request; items ending in 7x are always malformed. */
const faultPlan = (id: string, attempt: number): Fault => {
  if (/-\d*7\d$/.test(id) && Number(id.split("-")[1]) % 100 === 77) return "malformed";
  const u = unit(`${id}#${attempt}`);
  if (u < 0.2) return "429";
  if (u < 0.25) return "500";
  if (u < 0.3) return "malformed";
  if (u < 0.31) return "timeout";
  return "ok";
};

describe("runJob against the fake server", () => {
  it("a fault run of 1,000 items: every item labelled or flagged, none lost, duplicated or paid twice", async () => {
    server.options.fault = faultPlan;
    const { items: list, gold } = items(1000);
    const store = memoryStore();
    const retries: string[] = [];
    const summary = await runJob({
      task: spamTask(),
      items: list,
      provider: provider(),
      store,
      concurrency: 32,
      maxRetries: 12,
      invalidRetries: 2,
      ...fast,
      onRetry: (e) => retries.push(e.reason),
    });
    expect(summary.status).toBe("done");
    expect(summary.results).toHaveLength(1000);
    expect(store.results).toHaveLength(1000);
    expect(new Set(store.results.map((r) => r.id)).size).toBe(1000);
    const poison = list.filter((item) => Number(item.id.split("-")[1]) % 100 === 77);
    expect(poison).toHaveLength(10);
    for (const result of summary.results) {
      const id = result.id;
      const requests = server.stats.requests.get(id) ?? 0;
      const billed = server.stats.billed.get(id) ?? 0;
      const malformed = server.stats.malformed.get(id) ?? 0;
      // the client counted exactly the requests the server received
      expect(result.requests).toBe(requests);
      if (result.status === "labelled") {
        // never guessed: the label is the server's answer, which is the gold label
        expect(result.labels).toEqual([gold.get(id)]);
        // paid once for the valid answer, plus once per malformed answer (re-asked)
        expect(billed - malformed).toBe(1);
      } else {
        expect(result.labels).toEqual([]);
        expect(result.notes.join(" ")).toMatch(/no valid label|attempts/);
        expect(billed - malformed).toBe(0);
      }
    }
    for (const item of poison)
      expect(summary.results.find((r) => r.id === item.id)?.status).toBe("flagged");
    // the faults really happened
    const total = [...server.stats.requests.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(1300);
    expect(retries.some((r) => r.includes("429"))).toBe(true);
    expect(retries.some((r) => r.includes("500"))).toBe(true);
    expect(retries.some((r) => r.includes("in time"))).toBe(true);
  }, 300_000);

  it("resumes after a crash from the JSONL store with exactly one result per item; finished items are never asked or paid for again", async () => {
    const path = join(dir, "crash.jsonl");
    const cachePath = join(dir, "crash-cache.jsonl");
    const { items: list } = items(200);
    const real = jsonlStore(path);
    let writes = 0;
    const crashing: ResultStore = {
      ...real,
      append: async (result) => {
        if (++writes > 80) throw new Error("simulated crash");
        await real.append(result);
      },
    };
    await expect(
      runJob({
        task: spamTask(),
        items: list,
        provider: provider(),
        store: crashing,
        cache: jsonlCache(cachePath),
        concurrency: 8,
        ...fast,
      }),
    ).rejects.toThrow("simulated crash");
    appendFileSync(path, '{"id":"item-199","status":"lab'); // a torn last line
    const before = (await jsonlStore(path).load()).map((r) => r.id);
    expect(before).toHaveLength(80);
    const persisted = new Set(before);
    const requestsBefore = new Map(server.stats.requests);

    const summary = await runJob({
      task: spamTask(),
      items: list,
      provider: provider(),
      store: jsonlStore(path),
      cache: jsonlCache(cachePath),
      concurrency: 8,
      ...fast,
    });
    expect(summary.status).toBe("done");
    const lines = readFileSync(path, "utf8")
      .split("\n")
      .filter((l) => l.startsWith("{") && l.endsWith("}") && !l.startsWith('{"event"'))
      .map((l) => (JSON.parse(l) as ItemResult).id);
    expect(lines).toHaveLength(200);
    expect(new Set(lines).size).toBe(200);
    let inFlightTwice = 0;
    for (const item of list) {
      const billed = server.stats.billed.get(item.id) ?? 0;
      if (persisted.has(item.id)) {
        // persisted items were not asked again and were paid for once
        expect(server.stats.requests.get(item.id)).toBe(requestsBefore.get(item.id));
        expect(billed).toBe(1);
      } else {
        // the only items paid twice are requests in flight when the process died
        // (answered by the server, never received): at most one per worker
        expect(billed).toBeGreaterThanOrEqual(1);
        expect(billed).toBeLessThanOrEqual(2);
        if (billed === 2) inFlightTwice++;
      }
    }
    expect(inFlightTwice).toBeLessThanOrEqual(8);
    // the cost counts what was sent and billed before the crash: every request was logged
    // before it went out, every reply as it came in; only replies in flight at the crash
    // (billed by the server, never received) are missing, at most one per worker
    const resumed = jsonlStore(path);
    const results = await resumed.load();
    const events = await resumed.loadLog();
    const spend = jobSpend(results, events);
    const serverRequests = [...server.stats.requests.values()].reduce((a, b) => a + b, 0);
    const serverBilled = [...server.stats.billed.values()].reduce((a, b) => a + b, 0);
    expect(spend.requests).toBeGreaterThanOrEqual(serverRequests);
    expect(spend.requests).toBeLessThanOrEqual(serverRequests + 8);
    expect(results.reduce((n, r) => n + r.requests, 0)).toBe(spend.requests);
    const answered = events.filter((e) => e.kind === "answered").length;
    expect(answered).toBeLessThanOrEqual(serverBilled);
    expect(answered).toBeGreaterThanOrEqual(serverBilled - 8);
    expect(spend.usage.output).toBe(
      events.reduce((n, e) => n + (e.kind === "answered" ? (e.usage?.output ?? 0) : 0), 0),
    );
  });

  it("cancels, then resumes to exactly one result per item", async () => {
    const { items: list } = items(60);
    const store = memoryStore();
    const controller = new AbortController();
    const first = await runJob({
      task: spamTask(),
      items: list,
      provider: provider(),
      store,
      concurrency: 4,
      signal: controller.signal,
      onResult: (_r, p) => {
        if (p.done >= 10) controller.abort();
      },
    });
    expect(first.status).toBe("cancelled");
    expect(first.message).toMatch(/resume/);
    const second = await runJob({
      task: spamTask(),
      items: list,
      provider: provider(),
      store,
      concurrency: 4,
    });
    expect(second.status).toBe("done");
    expect(store.results.map((r) => r.id).sort()).toEqual(list.map((i) => i.id).sort());
  });

  it("pauses on a rejected key (401) with a clear message, loses nothing, and resumes with the right key", async () => {
    const { items: list } = items(20);
    const store = memoryStore();
    const wrong = "sk-wrong-key-123";
    const spy = vi.spyOn(console, "error");
    const paused = await runJob({
      task: spamTask(),
      items: list,
      provider: provider(wrong),
      store,
    });
    expect(paused.status).toBe("paused");
    expect(paused.message).toMatch(/rejected the key \(401\)/);
    expect(paused.message).not.toContain(wrong);
    expect(store.results).toHaveLength(0);
    const done = await runJob({ task: spamTask(), items: list, provider: provider(), store });
    expect(done.status).toBe("done");
    expect(store.results).toHaveLength(20);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it("pauses on a model the server does not know", async () => {
    server.options.models = ["gpt-4.1-mini"];
    const summary = await runJob({
      task: spamTask({ model: "gpt-9" }),
      items: items(5).items,
      provider: provider(),
      store: memoryStore(),
    });
    expect(summary.status).toBe("paused");
    expect(summary.message).toMatch(/404/);
  });

  it("a re-run with the same cache costs nothing", async () => {
    const { items: list } = items(30);
    const cache = memoryCache();
    await runJob({
      task: spamTask(),
      items: list,
      provider: provider(),
      store: memoryStore(),
      cache,
    });
    const sent = [...server.stats.requests.values()].reduce((a, b) => a + b, 0);
    const again = await runJob({
      task: spamTask(),
      items: list,
      provider: provider(),
      store: memoryStore(),
      cache,
    });
    expect([...server.stats.requests.values()].reduce((a, b) => a + b, 0)).toBe(sent);
    expect(again.results.every((r) => r.requests === 0 && r.status === "labelled")).toBe(true);
  });

  it("honours Retry-After on a 429", async () => {
    server.options.retryAfterMs = 1234;
    server.options.fault = (_id, attempt) => (attempt === 1 ? "429" : "ok");
    const delays: number[] = [];
    await runJob({
      task: spamTask(),
      items: items(1).items,
      provider: provider(),
      store: memoryStore(),
      sleep: (ms) => {
        delays.push(ms);
        return Promise.resolve();
      },
    });
    server.options.retryAfterMs = 3;
    expect(delays).toEqual([1234]);
  });

  it("takes the majority of votes", async () => {
    const answers = ["spam", "ham", "spam"];
    let n = 0;
    server.options.answer = () => answers[n++ % 3] ?? "";
    const summary = await runJob({
      task: spamTask({ votes: 3, parameters: { temperature: 1 } }),
      items: items(1).items,
      provider: provider(),
      store: memoryStore(),
      concurrency: 1,
    });
    expect(summary.results[0]?.votes).toEqual([["spam"], ["ham"], ["spam"]]);
    expect(summary.results[0]?.labels).toEqual(["spam"]);
  });

  it("truncates texts over the context window and notes it", async () => {
    const long = { id: "long", text: `[id:long] ${"word ".repeat(2000)}` };
    const summary = await runJob({
      task: spamTask(),
      items: [long],
      provider: provider(),
      store: memoryStore(),
      maxInputTokens: 300,
    });
    expect(summary.results[0]?.notes).toContain("text truncated to fit the context window");
    const body = server.stats.bodies.at(-1) ?? "";
    expect(body.length).toBeLessThan(2500);
  });
});
