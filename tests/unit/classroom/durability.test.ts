/**
 * A server killed with SIGKILL loses nothing it acknowledged: the command line
 * runs as a child process, students' labels are acknowledged, the process is
 * killed mid-stream, and a restart on the same database has every acked
 * answer; a student reconnecting with their token resumes as themselves.
 */
import type { ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startClassroomCLI, type StartedCLI } from "../../classroom-cli";
import { connect, joinAs, type TestClient } from "./helpers";

const dir = mkdtempSync(joinPath(tmpdir(), "classroom-kill-"));
const site = joinPath(dir, "site");
const db = joinPath(dir, "classroom.db");
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

/** The CLI on a free port, serving `site` from `db`; killed when the file's tests end. */
async function startCLI(): Promise<StartedCLI> {
  const started = await startClassroomCLI({ port: 0, site, db });
  children.push(started.child);
  return started;
}

const ITEMS = Array.from({ length: 20 }, (_, i) => ({ id: `i${i}`, text: `sentence ${i}` }));

describe("classroom server durability", () => {
  it("keeps every acknowledged answer through SIGKILL and resumes the session", async () => {
    mkdirSite();
    const first = await startCLI();
    expect(first.resumed).toBe(false);
    const teacher = await connect(first.url, first.instructorToken);
    teacher.send({
      type: "activity.open",
      id: "open",
      activity: { kind: "labeling", title: "t", items: ITEMS, labels: ["a", "b"], codebook: "" },
    });
    const activityId = (await teacher.next("ack", (m) => m.id === "open")).activityId as number;
    const tokens = await Promise.all(["A", "B", "C"].map((n) => joinAs(first.url, first.code, n)));
    const students: TestClient[] = await Promise.all(tokens.map((t) => connect(first.url, t)));
    const acked = new Set<string>();
    students.forEach((s, p) => {
      s.ws.on("message", (data: Buffer) => {
        const m = JSON.parse(data.toString()) as { type: string; id?: string };
        if (m.type === "ack" && m.id) acked.add(m.id);
        if (acked.size === 25) first.child.kill("SIGKILL");
      });
      for (const item of ITEMS)
        s.send({
          type: "response",
          id: `${p}:${item.id}`,
          activityId,
          itemId: item.id,
          label: p % 2 ? "a" : "b",
        });
    });
    await new Promise((resolve) => first.child.once("exit", resolve));
    expect(acked.size).toBeGreaterThanOrEqual(25);

    const second = await startCLI();
    expect(second).toMatchObject({
      resumed: true,
      code: first.code,
      instructorToken: first.instructorToken,
    });
    const again = await connect(second.url, second.instructorToken);
    const welcome = await again.next("welcome");
    const stored = new Set(welcome.responses.map((r) => `${r.participantId - 1}:${r.itemId}`));
    for (const id of acked) expect(stored.has(id), `acked ${id} is stored`).toBe(true);
    const ann = await connect(second.url, tokens[0] as string);
    const resumed = await ann.next("welcome");
    expect(resumed.you).toEqual({ id: 1, name: "A", anonymous: false });
    const own = new Set(resumed.responses.map((r) => `0:${r.itemId}`));
    for (const id of acked) if (id.startsWith("0:")) expect(own.has(id)).toBe(true);
    for (const c of [again, ann, teacher, ...students]) c.close();
    second.child.kill("SIGTERM");
  });
});

/** A minimal built site: the command line refuses to start without dist/index.html. */
function mkdirSite(): void {
  mkdirSync(site, { recursive: true });
  writeFileSync(joinPath(site, "index.html"), "<!doctype html><title>LLM Lab</title>");
}
