/** The job as a library concept: its status machine, the one split and example rule, its id, its stores. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { memoryStore, type ChatProvider } from "@/lib/labeling/index";
import {
  advance,
  createJob,
  jobId,
  jobSpend,
  memoryJobStore,
  runLabelingJob,
  selectExamples,
  splitDataset,
  TRANSITIONS,
  type JobRecord,
  type JobSpec,
  type JobStatus,
} from "@/lib/labeling/job";
import { jsonlJobStore } from "@/lib/labeling/node-store";
import type { Dataset } from "@/lib/labeling/table";
import { spamTask } from "./helpers";

const dir = mkdtempSync(join(tmpdir(), "labeling-job-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Ten items d0…d9; gold "spam" for even ids, "ham" for odd, none for d3. */
function dataset(): Dataset {
  const items = Array.from({ length: 10 }, (_, i) => ({ id: `d${i}`, text: `text ${i}` }));
  const gold = new Map(
    items
      .filter((_, i) => i !== 3)
      .map(
        (item) =>
          [item.id, Number(item.id.slice(1)) % 2 === 0 ? "spam" : "ham"] as [string, string],
      ),
  );
  return { items, gold, skipped: 0 };
}

const spec = (overrides: Partial<JobSpec> = {}): JobSpec => {
  const { items, gold, pool } = splitDataset(dataset(), 4);
  return {
    dataset: "test",
    task: spamTask(),
    provider: { kind: "api", baseURL: "http://127.0.0.1:1/v1", concurrency: 4 },
    items,
    gold,
    pool,
    ...overrides,
  };
};

describe("the status machine", () => {
  const all: JobStatus[] = ["new", "running", "paused", "cancelled", "done"];
  it("allows exactly the listed moves and refuses the others with a message", async () => {
    const base = await createJob(spec());
    expect(base.status).toBe("new");
    let allowed = 0;
    for (const from of all)
      for (const to of all) {
        const record: JobRecord = { ...base, status: from };
        if (TRANSITIONS[from].includes(to)) {
          expect(advance(record, to).status).toBe(to);
          allowed++;
        } else expect(() => advance(record, to)).toThrow(`A ${from} job cannot become ${to}.`);
      }
    // new→running; running→running/paused/cancelled/done; paused, cancelled, done → running
    expect(allowed).toBe(8);
    // nothing goes back to new, and a job is never done without running
    for (const from of all) expect(TRANSITIONS[from]).not.toContain("new");
    expect(TRANSITIONS.new).toEqual(["running"]);
  });

  it("keeps the pause message and cause, and clears them on the next move", async () => {
    const running = advance(await createJob(spec()), "running");
    const paused = advance(running, "paused", "rejected", "auth");
    expect(paused).toMatchObject({ status: "paused", message: "rejected", cause: "auth" });
    const again = advance(paused, "running");
    expect(again.message).toBe("");
    expect(again.cause).toBeUndefined();
  });
});

describe("the split and example rule", () => {
  it("labels the first rows; the gold rows after them are the pool, in order; no item is in both", () => {
    const { items, gold, pool } = splitDataset(dataset(), 4);
    expect(items.map((i) => i.id)).toEqual(["d0", "d1", "d2", "d3"]);
    expect(gold).toEqual([
      ["d0", "spam"],
      ["d1", "ham"],
      ["d2", "spam"],
    ]); // d3 has no gold label
    expect(pool.map((p) => p.text)).toEqual([
      "text 4",
      "text 5",
      "text 6",
      "text 7",
      "text 8",
      "text 9",
    ]);
    const labelled = new Set(items.map((i) => i.text));
    expect(pool.some((p) => labelled.has(p.text))).toBe(false);
    expect(() => splitDataset(dataset(), 0)).toThrow(/from 1 to 10/);
    expect(() => splitDataset(dataset(), 11)).toThrow(/from 1 to 10/);
    expect(() => splitDataset(dataset(), 2.5)).toThrow(/whole number/);
  });

  it("takes the first examples of each label from the pool, and says which label has none", () => {
    const { pool } = splitDataset(dataset(), 4);
    const examples = selectExamples(pool, ["spam", "ham"], 2);
    expect(examples).toEqual([
      { text: "text 4", labels: ["spam"] },
      { text: "text 5", labels: ["ham"] },
      { text: "text 6", labels: ["spam"] },
      { text: "text 7", labels: ["ham"] },
    ]);
    expect(selectExamples(pool, ["spam", "ham"], 0)).toEqual([]);
    expect(() => selectExamples(pool, ["spam", "eggs"], 1)).toThrow(/none for “eggs”/);
    expect(() => selectExamples(pool, ["spam", "ham"], 11)).toThrow(/from 0 to 10/);
    expect(() => selectExamples(splitDataset(dataset(), 10).pool, ["spam", "ham"], 1)).toThrow(
      /Label fewer rows/,
    );
  });
});

describe("the job id and record", () => {
  it("is stable, changes with what is asked, and not with how many requests run at once", async () => {
    const a = await jobId(spec());
    expect(a).toMatch(/^[0-9a-f]{20}$/);
    expect(await jobId(spec())).toBe(a);
    expect(
      await jobId(
        spec({ provider: { kind: "api", baseURL: "http://127.0.0.1:1/v1", concurrency: 16 } }),
      ),
    ).toBe(a);
    expect(await jobId(spec({ task: spamTask({ instructions: "Other." }) }))).not.toBe(a);
    expect(await jobId(spec({ items: spec().items.slice(0, 3) }))).not.toBe(a);
  });

  it("drops the pool for methods that do not learn from it, and refuses votes for the deterministic local methods", async () => {
    const zero = await createJob(spec({ provider: { kind: "local", method: "zero-shot" } }));
    expect(zero.pool).toEqual([]);
    const probe = await createJob(spec({ provider: { kind: "local", method: "probe" } }));
    expect(probe.pool).toHaveLength(6);
    await expect(
      createJob(
        spec({ provider: { kind: "local", method: "probe" }, task: spamTask({ votes: 3 }) }),
      ),
    ).rejects.toThrow(/set votes to 1/);
    await expect(
      createJob(spec({ task: spamTask({ parameters: { temperature: 2.5 } }) })),
    ).rejects.toThrow(/temperature must be a number from 0 to 2/);
  });
});

/** A provider that labels "spam" when the text's number is even, failing on "text 1" until `heal`. */
function parityProvider(): ChatProvider & { heal: () => void } {
  let broken = true;
  return {
    id: "parity",
    label: "parity",
    heal: () => {
      broken = false;
    },
    complete(request) {
      const text = JSON.stringify(request.messages.at(-1));
      const n = Number(/text (\d+)/.exec(text)?.[1]);
      if (n === 1 && broken) return Promise.reject(new Error("flaky"));
      return Promise.resolve({
        content: JSON.stringify({ label: n % 2 === 0 ? "spam" : "ham" }),
        usage: { input: 10, cachedInput: 0, output: 2 },
      });
    },
  };
}

describe("running a job over a store", () => {
  it("saves the record running, then done; a retry of its transient flags reruns it; the spend counts every request", async () => {
    const store = memoryJobStore(memoryStore());
    const provider = parityProvider();
    const job = await createJob(spec());
    const seen: JobStatus[] = [];
    const saving = store.save.bind(store);
    store.save = async (r) => {
      seen.push(r.status);
      await saving(r);
    };
    const first = await runLabelingJob(job, store, {
      provider,
      maxRetries: 1,
      backoff: { baseMs: 1, maxMs: 2 },
      // a thrown Error counts as a dropped connection: reachable only once something answered
      concurrency: 1,
    });
    expect(seen).toEqual(["running", "done"]);
    expect(first.record.status).toBe("done");
    expect((await store.load())?.status).toBe("done");
    const flagged = first.summary.results.filter((r) => r.status === "flagged");
    expect(flagged.map((r) => [r.id, r.flag])).toEqual([["d1", "transient"]]);
    provider.heal();
    const second = await runLabelingJob(first.record, store, {
      provider,
      retryFlagged: "transient",
    });
    expect(second.summary.results.map((r) => r.labels[0])).toEqual(["spam", "ham", "spam", "ham"]);
    const spend = jobSpend(second.summary.results, await store.results.loadLog());
    // d0, d2, d3 once; d1 failed twice, then answered
    expect(spend.requests).toBe(6);
    expect(spend.usage.input).toBe(40);
  });

  it("a retry cut off by a cancel resumes as a retry, and is over once done", async () => {
    const store = memoryJobStore(memoryStore());
    const provider = parityProvider();
    const { record } = await runLabelingJob(await createJob(spec()), store, {
      provider,
      maxRetries: 0,
      concurrency: 1,
    });
    expect(record.retry).toBeUndefined();
    provider.heal();
    const controller = new AbortController();
    controller.abort();
    const cut = await runLabelingJob(record, store, {
      provider,
      retryFlagged: "transient",
      signal: controller.signal,
    });
    expect(cut.record).toMatchObject({ status: "cancelled", retry: "transient" });
    // resumed with no option: the record carries the retry
    const resumed = await runLabelingJob(cut.record, store, { provider });
    expect(resumed.record.status).toBe("done");
    expect(resumed.record.retry).toBeUndefined();
    expect(resumed.summary.results.every((r) => r.status === "labelled")).toBe(true);
  });

  it("keeps the record and results in files: a new process finds the job where it stopped", async () => {
    const path = join(dir, "job.jsonl");
    const store = jsonlJobStore(path);
    const job = await createJob(spec());
    const { record } = await runLabelingJob(job, store, {
      provider: parityProvider(),
      maxRetries: 0,
    });
    const reopened = jsonlJobStore(path);
    expect(await reopened.load()).toEqual(record);
    expect(await reopened.results.load()).toHaveLength(4);
    expect((await reopened.results.loadLog()).filter((e) => e.kind === "sent")).toHaveLength(4);
    expect(readFileSync(`${path}.job.json`, "utf8")).toContain(record.id);
  });
});
