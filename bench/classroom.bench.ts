/**
 * Classroom server (issue 17): 200 simulated students on 127.0.0.1, in this
 * process with the server (so the figures include the clients' own work).
 * - follow the presenter: time from the instructor sending a state to each
 *   student receiving it, p50 and p95 per change, over CHANGES changes;
 * - 200 students each submitting 20 labels at once: time until every ack,
 *   and how many rows the database holds (none may be lost).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import WebSocket from "ws";
import { CLASSROOM_PATHS } from "../src/lib/classroom";
import { createSession } from "../src/server/classroom/session";
import { startClassroomServer } from "../src/server/classroom/server";
import { ClassroomStore } from "../src/server/classroom/store";
import type { BenchSuite, Measurement } from "./lib/runner";

const STUDENTS = Number(process.env["BENCH_CLASSROOM_STUDENTS"] ?? 200);
const CHANGES = Number(process.env["BENCH_CLASSROOM_CHANGES"] ?? 20);
const LABELS = 20;

interface Sock {
  ws: WebSocket;
  on(type: string, fn: (m: Record<string, unknown>) => void): void;
}

function open(url: string, token: string): Promise<Sock> {
  const ws = new WebSocket(`${url.replace(/^http/, "ws")}${CLASSROOM_PATHS.socket}`);
  const handlers = new Map<string, ((m: Record<string, unknown>) => void)[]>();
  ws.on("message", (data: Buffer) => {
    const m = JSON.parse(data.toString()) as Record<string, unknown>;
    for (const fn of handlers.get(m["type"] as string) ?? []) fn(m);
  });
  const sock: Sock = {
    ws,
    on: (type, fn) => handlers.set(type, [...(handlers.get(type) ?? []), fn]),
  };
  return new Promise((resolve, reject) => {
    sock.on("welcome", () => {
      resolve(sock);
    });
    sock.on("error", (m) => {
      reject(new Error(String(m["message"])));
    });
    ws.once("open", () => {
      ws.send(JSON.stringify({ type: "hello", token }));
    });
  });
}

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;

async function run(): Promise<Measurement[]> {
  const dir = mkdtempSync(join(tmpdir(), "classroom-bench-"));
  const store = new ClassroomStore(join(dir, "classroom.db"));
  const session = createSession(store);
  const server = await startClassroomServer({
    store,
    host: "127.0.0.1",
    port: 0,
    joins: { capacity: STUDENTS * 2, perSecond: 1000 },
  });
  const socks: Sock[] = [];
  try {
    const teacher = await open(server.url, session.instructorToken);
    for (let i = 0; i < STUDENTS; i++) {
      const res = await fetch(`${server.url}${CLASSROOM_PATHS.join}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ code: session.code, name: `student ${i}` }),
      });
      socks.push(await open(server.url, ((await res.json()) as { token: string }).token));
    }

    // Follow the presenter.
    const p50: number[] = [];
    const p95: number[] = [];
    let sentAt = 0;
    let latencies: number[] = [];
    let done: () => void = () => undefined;
    for (const s of socks)
      s.on("state", () => {
        latencies.push(performance.now() - sentAt);
        if (latencies.length === STUDENTS) done();
      });
    for (let change = 0; change < CHANGES; change++) {
      latencies = [];
      const all = new Promise<void>((resolve) => (done = resolve));
      sentAt = performance.now();
      teacher.ws.send(
        JSON.stringify({
          type: "state",
          path: "/lessons/03/",
          query: `?t=${change}`,
          present: "attention",
        }),
      );
      await all;
      const sorted = [...latencies].sort((a, b) => a - b);
      p50.push(quantile(sorted, 0.5));
      p95.push(quantile(sorted, 0.95));
      await new Promise((r) => setTimeout(r, 100));
    }

    // Class labeling: every student sends LABELS labels at once.
    const items = Array.from({ length: LABELS }, (_, i) => ({
      id: `i${i}`,
      text: `sentence ${i}`,
    }));
    const opened = new Promise<number>((resolve) => {
      teacher.on("ack", (m) => {
        if (m["id"] === "open") resolve(m["activityId"] as number);
      });
    });
    teacher.ws.send(
      JSON.stringify({
        type: "activity.open",
        id: "open",
        activity: { kind: "labeling", title: "bench", items, labels: ["a", "b"], codebook: "" },
      }),
    );
    const activityId = await opened;
    let acks = 0;
    let errors = 0;
    const allAcked = new Promise<void>((resolve) => {
      for (const s of socks) {
        s.on("ack", () => {
          if (++acks === STUDENTS * LABELS) resolve();
        });
        s.on("error", () => {
          errors++;
        });
      }
    });
    const start = performance.now();
    socks.forEach((s, p) => {
      for (const item of items)
        s.ws.send(
          JSON.stringify({
            type: "response",
            id: item.id,
            activityId,
            itemId: item.id,
            label: p % 2 ? "a" : "b",
          }),
        );
    });
    await Promise.race([allAcked, new Promise((r) => setTimeout(r, 60_000))]);
    const ackTime = performance.now() - start;
    const stored = store.responsesOfActivity(activityId).length;
    return [
      { name: `state → ${STUDENTS} students: p50 per change`, unit: "ms", values: p50 },
      {
        name: `state → ${STUDENTS} students: p95 per change`,
        unit: "ms",
        values: p95,
        target: "≤ 100 ms",
      },
      { name: `${STUDENTS} × ${LABELS} labels: time to every ack`, unit: "ms", values: [ackTime] },
      {
        name: `${STUDENTS} × ${LABELS} labels: rows in the database`,
        unit: "count",
        values: [stored],
        target: `${STUDENTS * LABELS}`,
      },
      { name: `${STUDENTS} × ${LABELS} labels: acks`, unit: "count", values: [acks] },
      {
        name: `${STUDENTS} × ${LABELS} labels: errors`,
        unit: "count",
        values: [errors],
        target: "0",
      },
    ];
  } finally {
    for (const s of socks) s.ws.terminate();
    await server.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const suite: BenchSuite = { name: "classroom", run };
