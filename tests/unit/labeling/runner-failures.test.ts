/**
 * Honest failures: a server that cannot be reached stops the job early with
 * the cause; flags carry why they happened, and only transient ones are
 * retried (unless asked); requests of a retried item stay counted.
 */
import { createServer } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { memoryStore, runJob } from "@/lib/labeling/index";
import { createOpenAIChat } from "@/lib/labeling/openai";
import { flagCause, type AttemptEvent, type ItemResult } from "@/lib/labeling";
import { jobSpend } from "@/lib/labeling/job";
import { startFakeOpenAI, type FakeServer } from "./fake-openai";
import { items, KEY, spamTask } from "./helpers";

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeOpenAI({ apiKey: KEY, retryAfterMs: 1 });
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  server.stats.requests.clear();
  server.stats.billed.clear();
  delete server.options.fault;
});

const fast = { backoff: { baseMs: 1, maxMs: 5 } };

/** A port on 127.0.0.1 with nothing listening (connections are refused). */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise<void>((resolve) =>
    probe.close(() => {
      resolve();
    }),
  );
  return port;
}

describe("a server that cannot be reached", () => {
  it("stops after 3 unanswered requests with the cause and what to check; nothing is stored or counted as labelled", async () => {
    const port = await closedPort();
    const baseURL = `http://127.0.0.1:${port}/v1`;
    const store = memoryStore();
    const started = performance.now();
    const summary = await runJob({
      task: spamTask(),
      items: items(8).items,
      provider: createOpenAIChat({ apiKey: KEY, baseURL, timeoutMs: 2000 }),
      store,
      concurrency: 4,
      // the default backoff: the early stop, not a short backoff, keeps this quick
    });
    const seconds = (performance.now() - started) / 1000;
    expect(summary.status).toBe("paused");
    expect(summary.cause).toBe("unreachable");
    expect(summary.message).toContain(`Could not reach ${baseURL}`);
    expect(summary.message).toMatch(/Check the base URL/);
    expect(summary.progress.done).toBe(0);
    expect(store.results).toHaveLength(0);
    // each attempt was logged before it went out
    expect(jobSpend([], store.events).requests).toBeGreaterThanOrEqual(3);
    expect(seconds).toBeLessThan(15); // not minutes of retries (the old behaviour took ~27 s)
  });

  it("does not stop early on timeouts (a slow server loading a model is still there)", async () => {
    server.options.fault = (_id, attempt) => (attempt < 1 ? "timeout" : "ok");
    const summary = await runJob({
      task: spamTask(),
      items: items(4).items,
      provider: createOpenAIChat({ apiKey: KEY, baseURL: server.baseURL, timeoutMs: 150 }),
      store: memoryStore(),
      concurrency: 4,
      ...fast,
    });
    expect(summary.status).toBe("done");
    expect(summary.progress.flagged).toBe(0);
  });

  it("does not stop early when the server answers, even with errors (429 and 500 prove it is there)", async () => {
    server.options.fault = (_id, attempt) => (attempt < 2 ? "429" : "ok");
    const summary = await runJob({
      task: spamTask(),
      items: items(6).items,
      provider: createOpenAIChat({ apiKey: KEY, baseURL: server.baseURL }),
      store: memoryStore(),
      ...fast,
    });
    expect(summary.status).toBe("done");
    expect(summary.progress.flagged).toBe(0);
  });
});

describe("flags and retries", () => {
  it("a flag after server failures is transient and retryable; an invalid answer stays flagged unless asked; requests stay counted", async () => {
    const { items: list } = items(6);
    // item-0 and item-1 always fail with 500; item-2 always answers malformed JSON
    server.options.fault = (id) =>
      id === "item-0" || id === "item-1" ? "500" : id === "item-2" ? "malformed" : "ok";
    const store = memoryStore();
    const provider = createOpenAIChat({ apiKey: KEY, baseURL: server.baseURL });
    const first = await runJob({
      task: spamTask(),
      items: list,
      provider,
      store,
      maxRetries: 2,
      ...fast,
    });
    expect(first.status).toBe("done");
    const flagged = new Map(
      first.results.filter((r) => r.status === "flagged").map((r) => [r.id, r]),
    );
    expect([...flagged.keys()].sort()).toEqual(["item-0", "item-1", "item-2"]);
    expect(flagged.get("item-0")?.flag).toBe("transient");
    expect(flagged.get("item-2")?.flag).toBe("invalid");
    expect(flagged.get("item-0")?.requests).toBe(3);

    // a plain re-run sends nothing
    const before = [...server.stats.requests.values()].reduce((a, b) => a + b, 0);
    await runJob({ task: spamTask(), items: list, provider, store, ...fast });
    expect([...server.stats.requests.values()].reduce((a, b) => a + b, 0)).toBe(before);

    // the server recovers; Retry flagged asks item-0 and item-1 again, not item-2
    server.options.fault = (id) => (id === "item-2" ? "malformed" : "ok");
    const retried = await runJob({
      task: spamTask(),
      items: list,
      provider,
      store,
      retryFlagged: "transient",
      ...fast,
    });
    const byId = new Map(retried.results.map((r) => [r.id, r]));
    expect(byId.get("item-0")?.status).toBe("labelled");
    expect(byId.get("item-1")?.status).toBe("labelled");
    expect(byId.get("item-2")?.status).toBe("flagged");
    // the 3 failed requests of the first run plus the one that answered
    expect(byId.get("item-0")?.requests).toBe(4);
    expect(server.stats.requests.get("item-2")).toBe(3);

    // asked explicitly, invalid flags are retried too
    server.options.fault = () => "ok";
    const all = await runJob({
      task: spamTask(),
      items: list,
      provider,
      store,
      retryFlagged: "all",
      ...fast,
    });
    expect(all.results.every((r) => r.status === "labelled")).toBe(true);
    expect(all.progress.flagged).toBe(0);
    // the requests reported equal the server's count
    const spend = jobSpend(await store.load(), store.events);
    expect(spend.requests).toBe([...server.stats.requests.values()].reduce((a, b) => a + b, 0));
  });

  it("reports how many requests wait for a retry, never more than are in flight", async () => {
    server.options.fault = (_id, attempt) => (attempt < 3 ? "500" : "ok");
    const waiting: number[] = [];
    await runJob({
      task: spamTask(),
      items: items(8).items,
      provider: createOpenAIChat({ apiKey: KEY, baseURL: server.baseURL }),
      store: memoryStore(),
      concurrency: 4,
      onRetry: (e) => waiting.push(e.retrying),
      ...fast,
    });
    expect(waiting.length).toBeGreaterThan(8);
    expect(Math.max(...waiting)).toBeLessThanOrEqual(4);
    expect(Math.min(...waiting)).toBeGreaterThanOrEqual(1);
  });

  it("an old flagged result (no flag field, no log) is classed by its notes and keeps its counts when retried", async () => {
    const { items: list } = items(2);
    const old = (id: string, note: string) => ({
      id,
      status: "flagged" as const,
      labels: [],
      votes: [null],
      raw: [""],
      requests: 6,
      usage: { input: 60, cachedInput: 0, output: 0 },
      notes: [note],
    });
    const store = memoryStore([
      old("item-0", "vote 1: server answered 500 (after 6 attempts)"),
      old("item-1", "vote 1: no valid label after 3 answers"),
    ]);
    expect(flagCause(store.results[0] as ItemResult)).toBe("transient");
    expect(flagCause(store.results[1] as ItemResult)).toBe("invalid");
    const summary = await runJob({
      task: spamTask(),
      items: list,
      provider: createOpenAIChat({ apiKey: KEY, baseURL: server.baseURL }),
      store,
      retryFlagged: "transient",
    });
    const byId = new Map(summary.results.map((r) => [r.id, r]));
    expect(byId.get("item-0")?.status).toBe("labelled");
    expect(byId.get("item-0")?.requests).toBe(7);
    expect(byId.get("item-1")?.status).toBe("flagged");
    expect(server.stats.requests.size).toBe(1);
  });
});

describe("the spend of an interrupted retry", () => {
  it("counts the retry's requests and tokens even though the item's stored result is the old flag", () => {
    const flagged: ItemResult = {
      id: "x",
      status: "flagged",
      labels: [],
      votes: [null],
      raw: [""],
      requests: 2,
      usage: { input: 10, cachedInput: 0, output: 0 },
      notes: [],
      flag: "transient",
    };
    const sent = { id: "x", vote: 0, kind: "sent" as const };
    const events: AttemptEvent[] = [
      sent,
      { id: "x", vote: 0, kind: "answered", usage: { input: 10, cachedInput: 0, output: 0 } },
      sent,
      { id: "x", vote: 0, kind: "failed" },
      // the retry: one answered, one in flight when it was cut off
      sent,
      { id: "x", vote: 0, kind: "answered", usage: { input: 10, cachedInput: 0, output: 3 } },
      sent,
    ];
    const spend = jobSpend([flagged], events);
    expect(spend.requests).toBe(4);
    expect(spend.usage).toEqual({ input: 20, cachedInput: 0, output: 3 });
    expect(spend.unanswered).toBe(1);
  });
});
