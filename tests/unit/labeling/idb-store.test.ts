import { IDBFactory } from "fake-indexeddb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idbCache, idbStore, openLabelingDB, runJob, type ResultStore } from "@/lib/labeling/index";
import { createOpenAIChat } from "@/lib/labeling/openai";
import { startFakeOpenAI, type FakeServer } from "./fake-openai";
import { items, KEY, spamTask } from "./helpers";

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeOpenAI({ apiKey: KEY, latencyMs: 2 });
});
afterAll(() => server.close());

describe("IndexedDB store", () => {
  it("keeps one result per item and resumes a job stopped mid-run (a reload) without asking again", async () => {
    const factory = new IDBFactory();
    const { items: list } = items(40);
    const provider = createOpenAIChat({ apiKey: KEY, baseURL: server.baseURL });
    const db = await openLabelingDB("job-1", factory);
    const controller = new AbortController();
    const first = await runJob({
      task: spamTask(),
      items: list,
      provider,
      store: idbStore(db),
      cache: idbCache(db),
      concurrency: 4,
      signal: controller.signal,
      onResult: (_r, p) => {
        if (p.done >= 15) controller.abort();
      },
    });
    expect(first.status).toBe("cancelled");
    db.close();
    // "reload": a fresh connection to the same database
    const reopened = await openLabelingDB("job-1", factory);
    const store: ResultStore = idbStore(reopened);
    const before = await store.load();
    expect(before.length).toBeGreaterThanOrEqual(15);
    const askedBefore = new Map(server.stats.requests);
    const second = await runJob({
      task: spamTask(),
      items: list,
      provider,
      store,
      cache: idbCache(reopened),
      concurrency: 4,
    });
    expect(second.status).toBe("done");
    const after = await store.load();
    expect(after).toHaveLength(40);
    expect(new Set(after.map((r) => r.id)).size).toBe(40);
    for (const r of before) expect(server.stats.requests.get(r.id)).toBe(askedBefore.get(r.id));
    // writing an id again replaces it
    await store.append({ ...(after[0] as (typeof after)[number]), notes: ["again"] });
    expect(await store.load()).toHaveLength(40);
    await store.clear();
    expect(await store.load()).toHaveLength(0);
  });
});
