import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CLASSROOM_PATHS, type ServerMessageOf } from "../../../src/lib/classroom";
import { parseCSV } from "../../../src/lib/labeling";
import {
  connect,
  join,
  joinAs,
  LABELING,
  openSocket,
  startTestServer,
  type TestClient,
  type TestServer,
} from "./helpers";

let server: TestServer | null = null;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server?.close();
  server = null;
});

async function start(options: Parameters<typeof startTestServer>[0] = {}) {
  server = await startTestServer(options);
  return server;
}
async function instructor(s: TestServer) {
  const c = await connect(s.url, s.session.instructorToken);
  clients.push(c);
  return c;
}
async function student(s: TestServer, name: string) {
  const c = await connect(s.url, await joinAs(s.url, s.session.code, name));
  clients.push(c);
  return c;
}
async function openLabeling(teacher: TestClient): Promise<number> {
  teacher.send({ type: "activity.open", id: "open", activity: LABELING });
  const ack = await teacher.next("ack", (m) => m.id === "open");
  return ack.activityId as number;
}

describe("one server for the site and the classroom", () => {
  it("serves the built site beside the API", async () => {
    const siteDir = mkdtempSync(joinPath(tmpdir(), "classroom-site-"));
    writeFileSync(joinPath(siteDir, "index.html"), "<!doctype html><h1>LLM Lab</h1>");
    const s = await start({ siteDir });
    const home = await fetch(`${s.url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("<h1>LLM Lab</h1>");
    const unknown = await fetch(`${s.url}/api/classroom/nope`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      error: { code: "not_found", message: "no classroom endpoint /api/classroom/nope" },
    });
    rmSync(siteDir, { recursive: true, force: true });
  });
});

describe("POST /api/classroom/join", () => {
  it("gives a token for a good code (in any case), refuses a wrong or expired one", async () => {
    let clock = Date.now();
    const s = await start({ now: () => clock, ttlMs: 60_000 });
    const good = await join(s.url, { code: s.session.code.toLowerCase(), name: "Ann" });
    expect(good.status).toBe(200);
    expect(good.body.token).toMatch(/^[\w-]{43}$/);
    expect(good.body.participant).toMatchObject({ name: "Ann", anonymous: false });
    const wrong = await join(s.url, { code: s.session.code === "AAAAAA" ? "BBBBBB" : "AAAAAA" });
    expect(wrong.status).toBe(404);
    expect(wrong.body.error?.message).toMatch(/^no session has the code [A-Z]{6}: check the code/);
    clock += 61_000;
    const expired = await join(s.url, { code: s.session.code, name: "Bob" });
    expect(expired).toEqual({
      status: 410,
      body: { error: { code: "expired", message: `the session ${s.session.code} has ended` } },
    });
  });

  it("names anonymous students, keeps markup as plain text, refuses a 10,000-character name", async () => {
    const s = await start();
    const anonymous = await join(s.url, { code: s.session.code });
    expect(anonymous.body.participant).toEqual({ id: 1, name: "Student 1", anonymous: true });
    const markup = await join(s.url, {
      code: s.session.code,
      name: "<img src=x onerror=alert(1)>",
    });
    expect(markup.body.participant?.name).toBe("<img src=x onerror=alert(1)>");
    const long = await join(s.url, { code: s.session.code, name: "x".repeat(10_000) });
    expect(long).toEqual({
      status: 400,
      body: { error: { code: "bad_message", message: "name: name is longer than 40 characters" } },
    });
    const teacher = await instructor(s);
    const welcome = await teacher.next("welcome");
    expect(welcome.roster?.map((p) => p.name)).toEqual([
      "Student 1",
      "<img src=x onerror=alert(1)>",
    ]);
  });

  it("refuses malformed JSON and a role claim", async () => {
    const s = await start();
    expect(await join(s.url, "{code:")).toMatchObject({
      status: 400,
      body: { error: { code: "bad_json" } },
    });
    expect(await join(s.url, { code: s.session.code, role: "instructor" })).toEqual({
      status: 400,
      body: { error: { code: "bad_message", message: "unknown field role" } },
    });
  });
});

describe("roles", () => {
  it("refuses instructor messages from a student; the connection and the session go on", async () => {
    const s = await start();
    const teacher = await instructor(s);
    const ann = await student(s, "Ann");
    ann.send({ type: "state", id: "x", path: "/evil/", query: "", present: null });
    ann.send({ type: "activity.open", id: "y", activity: LABELING });
    expect(await ann.next("error", (m) => m.id === "x")).toEqual({
      type: "error",
      code: "forbidden",
      id: "x",
      message: "only the instructor may send state",
    });
    expect((await ann.next("error", (m) => m.id === "y")).code).toBe("forbidden");
    const activityId = await openLabeling(teacher);
    ann.send({ type: "response", id: "r", activityId, itemId: "s1", label: "speech" });
    await ann.next("ack", (m) => m.id === "r");
    expect(ann.messages.some((m) => m.type === "state")).toBe(false);
  });

  it("refuses a hello that claims a role, and a wrong token", async () => {
    const s = await start();
    const token = await joinAs(s.url, s.session.code, "Ann");
    const claim = await openSocket(s.url);
    clients.push(claim);
    claim.send({ type: "hello", token, role: "instructor" });
    expect(await claim.next("error")).toMatchObject({
      code: "bad_message",
      message: "unknown field role",
    });
    const wrong = await openSocket(s.url);
    wrong.send({ type: "hello", token: "t".repeat(43) });
    expect((await wrong.next("error")).code).toBe("unauthorized");
    expect((await wrong.closed).code).toBe(4401);
    claim.send({ type: "hello", token });
    expect((await claim.next("welcome")).role).toBe("student");
  });

  it("refuses a second instructor connection unless it takes over", async () => {
    const s = await start();
    const first = await instructor(s);
    const second = await connect(s.url, s.session.instructorToken);
    expect(await second.next("error")).toMatchObject({ code: "instructor_connected" });
    expect((await second.closed).code).toBe(4409);
    first.send({ type: "state", id: "still", path: "/lessons/01/", query: "", present: null });
    await first.next("ack", (m) => m.id === "still");
    const third = await connect(s.url, s.session.instructorToken, true);
    clients.push(third);
    expect((await third.next("welcome")).role).toBe("instructor");
    expect((await first.closed).code).toBe(4409);
  });
});

describe("follow the presenter", () => {
  it("broadcasts the state to every student; a late joiner gets it on connect", async () => {
    const s = await start();
    const teacher = await instructor(s);
    const students = await Promise.all(["A", "B", "C"].map((n) => student(s, n)));
    teacher.send({
      type: "state",
      id: "s",
      path: "/lessons/03/",
      query: "?t=0.7",
      present: "attention",
    });
    await teacher.next("ack", (m) => m.id === "s");
    for (const c of students)
      expect(await c.next("state")).toMatchObject({
        path: "/lessons/03/",
        query: "?t=0.7",
        present: "attention",
        version: 1,
      });
    const late = await student(s, "Late");
    expect((await late.next("welcome")).state).toEqual({
      path: "/lessons/03/",
      query: "?t=0.7",
      present: "attention",
      version: 1,
    });
  });
});

describe("class labeling", () => {
  it("stores what 3 students label; tallies and the CSV match the acks; formulas are neutralised", async () => {
    const s = await start();
    const teacher = await instructor(s);
    const names = ["Ann", '=HYPERLINK("http://x")', "Cy"];
    const students = await Promise.all(names.map((n) => student(s, n)));
    const activityId = await openLabeling(teacher);
    const answers = [
      ["speech", "novel", "speech"],
      ["speech", "novel", "novel"],
      ["novel", "novel", "speech"],
    ];
    await Promise.all(
      students.map(async (c, i) => {
        await c.next("activity.opened");
        for (const [j, label] of (answers[i] as string[]).entries()) {
          c.send({ type: "response", id: `${i}-${j}`, activityId, itemId: `s${j + 1}`, label });
          await c.next("ack", (m) => m.id === `${i}-${j}`);
        }
      }),
    );
    // Ann changes her mind on s1: the new label replaces the old one.
    students[0]?.send({ type: "response", id: "change", activityId, itemId: "s1", label: "novel" });
    await students[0]?.next("ack", (m) => m.id === "change");
    (answers[0] as string[])[0] = "novel";
    await teacher.next("responses", (m) =>
      m.responses.some((r) => r.participantId === 1 && r.itemId === "s1" && r.label === "novel"),
    );

    const relayed = teacher.messages
      .filter((m): m is ServerMessageOf<"responses"> => m.type === "responses")
      .flatMap((m) => m.responses);
    expect(relayed).toHaveLength(10);
    const stored = s.store.responsesOfActivity(activityId);
    expect(stored).toHaveLength(9);
    expect(stored.find((r) => r.participantId === 1 && r.itemId === "s1")?.label).toBe("novel");

    const none = await fetch(`${s.url}${CLASSROOM_PATHS.exportCSV}?activity=${activityId}`);
    expect(none.status).toBe(401);
    const student0 = await joinAs(s.url, s.session.code, "Eve");
    const asStudent = await fetch(`${s.url}${CLASSROOM_PATHS.exportCSV}?activity=${activityId}`, {
      headers: { Authorization: `Bearer ${student0}` },
    });
    expect(asStudent.status).toBe(401);
    const res = await fetch(`${s.url}${CLASSROOM_PATHS.exportCSV}?activity=${activityId}`, {
      headers: { Authorization: `Bearer ${s.session.instructorToken}` },
    });
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const csv = await res.text();
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain(`"'=1+1 the union is strong"`);
    const table = parseCSV(csv);
    expect(table.columns).toEqual([
      "activity",
      "item_id",
      "item_text",
      "participant",
      "name",
      "label",
      "answered_at",
    ]);
    const got = table.rows.map((row) => [row["item_id"], Number(row["participant"]), row["label"]]);
    const expected = [1, 2, 3].flatMap((item) =>
      [1, 2, 3].map((p) => [`s${item}`, p, (answers[p - 1] as string[])[item - 1]]),
    );
    expect(got).toEqual(expected);
  });

  it("refuses labels and items the activity does not have, and answers to a closed activity", async () => {
    const s = await start();
    const teacher = await instructor(s);
    const ann = await student(s, "Ann");
    const activityId = await openLabeling(teacher);
    ann.send({ type: "response", id: "a", activityId, itemId: "s1", label: "poem" });
    ann.send({ type: "response", id: "b", activityId, itemId: "nope", label: "speech" });
    ann.send({ type: "response", id: "c", activityId: 99, itemId: "s1", label: "speech" });
    expect((await ann.next("error", (m) => m.id === "a")).message).toBe(
      "“poem” is not one of the labels: speech, novel",
    );
    expect((await ann.next("error", (m) => m.id === "b")).message).toBe(
      `activity ${activityId} has no item nope`,
    );
    expect((await ann.next("error", (m) => m.id === "c")).code).toBe("not_found");
    teacher.send({ type: "activity.close", id: "close", activityId });
    await teacher.next("ack", (m) => m.id === "close");
    await ann.next("activity.closed");
    ann.send({ type: "response", id: "d", activityId, itemId: "s1", label: "speech" });
    expect((await ann.next("error", (m) => m.id === "d")).code).toBe("closed");
  });
});

describe("polls", () => {
  it("stores a choice (one of the options) and short text, one answer per student", async () => {
    const s = await start();
    const teacher = await instructor(s);
    const ann = await student(s, "Ann");
    teacher.send({
      type: "activity.open",
      id: "p",
      activity: { kind: "poll", question: "Ready?", answer: "choice", options: ["yes", "no"] },
    });
    const poll = (await teacher.next("ack", (m) => m.id === "p")).activityId as number;
    ann.send({ type: "poll.answer", id: "bad", activityId: poll, answer: "maybe" });
    expect((await ann.next("error", (m) => m.id === "bad")).message).toBe(
      "“maybe” is not one of the options: yes, no",
    );
    ann.send({ type: "poll.answer", id: "1", activityId: poll, answer: "no" });
    ann.send({ type: "poll.answer", id: "2", activityId: poll, answer: "yes" });
    await ann.next("ack", (m) => m.id === "2");
    expect(s.store.responsesOfActivity(poll).map((r) => [r.itemId, r.label])).toEqual([
      ["answer", "yes"],
    ]);
    const relayed = await teacher.next("responses", (m) =>
      m.responses.some((r) => r.label === "yes"),
    );
    expect(relayed.responses.at(-1)).toMatchObject({
      activityId: poll,
      participantId: 1,
      label: "yes",
    });
  });
});

describe("bad input", () => {
  it("refuses malformed JSON and oversized messages; a frame over maxPayload closes only that socket", async () => {
    const s = await start();
    const teacher = await instructor(s);
    const ann = await student(s, "Ann");
    ann.send("{oops");
    expect(await ann.next("error")).toMatchObject({
      code: "bad_json",
      message: "message is not valid JSON",
    });
    ann.send({ type: "poll.answer", activityId: 1, answer: "x".repeat(5000) });
    expect(await ann.next("error", (m) => m.code === "too_large")).toMatchObject({
      message: expect.stringMatching(/limit is 4096/) as unknown,
    });
    const bob = await student(s, "Bob");
    bob.send("x".repeat(3 * 1024 * 1024));
    expect((await bob.closed).code).toBe(1009);
    teacher.send({ type: "state", id: "alive", path: "/", query: "?after", present: null });
    await teacher.next("ack", (m) => m.id === "alive");
    expect((await ann.next("state")).query).toBe("?after");
  });

  it("rate-limits a flooding student while the others carry on", async () => {
    const s = await start();
    const teacher = await instructor(s);
    const flood = await student(s, "Flood");
    const calm = await student(s, "Calm");
    const activityId = await openLabeling(teacher);
    for (let i = 0; i < 300; i++)
      flood.send({ type: "response", id: `f${i}`, activityId, itemId: "s1", label: "speech" });
    calm.send({ type: "response", id: "calm", activityId, itemId: "s2", label: "novel" });
    await calm.next("ack", (m) => m.id === "calm");
    await flood.next("error", (m) => m.code === "rate_limited");
    await new Promise((r) => setTimeout(r, 200));
    const acks = flood.messages.filter((m) => m.type === "ack").length;
    // The bucket holds 30 tokens (hello took one) and refills at 10/s.
    expect(acks).toBeGreaterThanOrEqual(25);
    expect(acks).toBeLessThan(300);
    expect(
      flood.messages.filter((m) => m.type === "error" && m.code === "rate_limited").length,
    ).toBeLessThanOrEqual(2);
    expect(flood.ws.readyState).toBe(flood.ws.OPEN);
  });
});

describe("sessions", () => {
  it("a student reconnecting with the token resumes as itself with its answers", async () => {
    const s = await start();
    const teacher = await instructor(s);
    const token = await joinAs(s.url, s.session.code, "Ann");
    const first = await connect(s.url, token);
    const activityId = await openLabeling(teacher);
    first.send({ type: "response", id: "r", activityId, itemId: "s2", label: "novel" });
    await first.next("ack");
    first.close();
    await first.closed;
    const again = await openSocket(s.url, `?token=${token}`);
    clients.push(again);
    const welcome = await again.next("welcome");
    expect(welcome.you).toEqual({ id: 1, name: "Ann", anonymous: false });
    expect(welcome.activities.map((a) => a.id)).toEqual([activityId]);
    expect(welcome.responses).toMatchObject([{ activityId, itemId: "s2", label: "novel" }]);
  });

  it("ends an expired session's connections with a message", async () => {
    let clock = Date.now();
    const s = await start({ now: () => clock, ttlMs: 60_000, expiryCheckMs: 20 });
    const ann = await student(s, "Ann");
    clock += 61_000;
    expect((await ann.next("error")).code).toBe("expired");
    expect((await ann.closed).code).toBe(4410);
    const late = await connect(s.url, s.session.instructorToken);
    expect((await late.next("error")).message).toMatch(/^This session ended at /);
  });
});
