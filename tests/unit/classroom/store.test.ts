/**
 * The store on libsql: the durability pragmas hold, rows leave it as plain
 * objects (libsql adds `_metadata` to raw rows), and the group commit keeps
 * its savepoint semantics: one failing write spoils only itself, the batch
 * commits, and acks run only once the COMMIT is visible to another connection.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import Database from "libsql";
import { afterEach, describe, expect, it } from "vitest";
import { activitySpec } from "../../../src/lib/classroom";
import { Committer } from "../../../src/server/classroom/committer";
import { createSession } from "../../../src/server/classroom/session";
import { ClassroomStore } from "../../../src/server/classroom/store";
import { LABELING } from "./helpers";

const SPEC = activitySpec.parse(LABELING);

const dirs: string[] = [];
const stores: ClassroomStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function open(): { store: ClassroomStore; file: string } {
  const dir = mkdtempSync(joinPath(tmpdir(), "classroom-store-"));
  dirs.push(dir);
  const file = joinPath(dir, "classroom.db");
  const store = new ClassroomStore(file);
  stores.push(store);
  return { store, file };
}

/** Every row the store hands out, for checking that none carries libsql's `_metadata`. */
function everything(store: ClassroomStore, sessionId: number, participantId: number) {
  return [
    store.session(sessionId),
    store.latestSession(0),
    ...store.participants(sessionId),
    store.participantByTokenHash("hash-ann"),
    ...store.activities(sessionId),
    ...store.responsesOfSession(sessionId),
    ...store.responsesOfParticipant(participantId),
  ];
}

describe("classroom store (libsql)", () => {
  it("runs in WAL with synchronous=FULL, foreign keys on and a busy timeout", () => {
    const { store } = open();
    expect(store.pragma("journal_mode")).toBe("wal");
    expect(store.pragma("synchronous")).toBe(2);
    expect(store.pragma("foreign_keys")).toBe(1);
    expect(store.pragma("busy_timeout", "timeout")).toBe(5000);
  });

  it("hands out plain rows, never libsql's _metadata", () => {
    const { store } = open();
    const session = createSession(store, { now: 1 });
    const ann = store.addParticipant(session.id, "hash-ann", "Ann", 2);
    const activity = store.openActivity(session.id, SPEC, 3);
    store.putResponse({
      activityId: activity.id,
      participantId: ann.id,
      itemId: "s1",
      label: "speech",
      at: 4,
    });
    const rows = everything(store, session.id, ann.id);
    expect(rows).toHaveLength(7);
    for (const row of rows) {
      expect(row).toBeDefined();
      expect(Object.keys(row as object)).not.toContain("_metadata");
      expect(JSON.stringify(row)).not.toContain("_metadata");
    }
    expect(store.participantByTokenHash("hash-ann")).toStrictEqual({
      id: ann.id,
      sessionId: session.id,
      name: "Ann",
      anonymous: false,
    });
    expect(store.responsesOfActivity(activity.id)).toStrictEqual([
      { activityId: activity.id, participantId: ann.id, itemId: "s1", label: "speech", at: 4 },
    ]);
  });

  it("nests a transaction as a savepoint: the inner failure is undone, the outer commits", () => {
    const { store } = open();
    const session = createSession(store, { now: 1 });
    store.transaction(() => {
      store.addParticipant(session.id, "hash-a", "A", 2);
      expect(() =>
        store.transaction(() => {
          store.addParticipant(session.id, "hash-b", "B", 3);
          throw new Error("inner");
        }),
      ).toThrow("inner");
      store.addParticipant(session.id, "hash-c", "", 4);
    });
    expect(store.inTransaction()).toBe(false);
    expect(store.participants(session.id).map((p) => p.name)).toEqual(["A", "Student 2"]);
    expect(() =>
      store.transaction(() => {
        store.addParticipant(session.id, "hash-d", "D", 5);
        throw new Error("outer");
      }),
    ).toThrow("outer");
    expect(store.inTransaction()).toBe(false);
    expect(store.participantCount(session.id)).toBe(2);
  });

  it("group commit: a failing write spoils only itself, and acks follow the COMMIT", () => {
    const { store, file } = open();
    const session = createSession(store, { now: 1 });
    const ann = store.addParticipant(session.id, "hash-ann", "Ann", 2);
    const activity = store.openActivity(session.id, SPEC, 3);
    const reader = new Database(file);
    const committed = reader.prepare("SELECT COUNT(*) AS n FROM responses");
    const seen: number[] = [];
    const acked: string[] = [];
    const failed: string[] = [];
    const committer = new Committer(store);
    const put = (itemId: string, participantId: number, thenThrow = false) => {
      committer.write(
        () => {
          store.putResponse({
            activityId: activity.id,
            participantId,
            itemId,
            label: "novel",
            at: 5,
          });
          if (thenThrow) throw new Error("after writing");
        },
        () => {
          acked.push(itemId);
          seen.push((committed.get() as { n: number }).n);
        },
        (error) => {
          failed.push(`${itemId}: ${String(error)}`);
        },
      );
    };
    put("s1", ann.id);
    put("s2", 999); // no such participant: a foreign-key violation
    put("s3", ann.id);
    put("s4", ann.id, true); // wrote, then threw: its row is rolled back to the savepoint
    committer.flush();
    reader.close();
    expect(acked).toEqual(["s1", "s3"]);
    expect(failed).toHaveLength(2);
    expect(failed[0]).toMatch(/^s2: .*FOREIGN KEY/);
    expect(failed[1]).toBe("s4: Error: after writing");
    expect(seen).toEqual([2, 2]);
    expect(store.inTransaction()).toBe(false);
    expect(store.responsesOfActivity(activity.id).map((r) => r.itemId)).toEqual(["s1", "s3"]);
  });
});
