import { describe, expect, it } from "vitest";
import {
  displayName,
  joinCode,
  LIMITS,
  parseClientMessage,
  serverMessage,
  utf8Bytes,
} from "../../../src/lib/classroom";

const parse = (value: unknown, max: number = LIMITS.studentMessageBytes) =>
  parseClientMessage(JSON.stringify(value), max);

const labeling = {
  kind: "labeling",
  title: "Speech or novel?",
  items: [
    { id: "a", text: "We the people" },
    { id: "b", text: "Call me Ishmael." },
  ],
  labels: ["speech", "novel"],
  codebook: "speech: a president; novel: Moby-Dick",
};

describe("parseClientMessage", () => {
  it("accepts each message type", () => {
    for (const message of [
      { type: "hello", token: "t".repeat(32) },
      { type: "hello", token: "t".repeat(32), takeover: true },
      { type: "state", id: "1", path: "/lessons/03/", query: "?t=0.7", present: "attention" },
      { type: "state", path: "/", query: "", present: null },
      { type: "activity.open", id: "2", activity: labeling },
      {
        type: "activity.open",
        activity: { kind: "poll", question: "Ready?", answer: "choice", options: ["yes", "no"] },
      },
      {
        type: "activity.open",
        activity: { kind: "poll", question: "Why?", answer: "text", options: [] },
      },
      { type: "activity.close", activityId: 3 },
      { type: "response", id: "r1", activityId: 1, itemId: "a", label: "speech" },
      { type: "poll.answer", activityId: 2, answer: "yes" },
    ])
      expect(parse(message, LIMITS.instructorMessageBytes)).toMatchObject({ ok: true });
  });

  it.each([
    ["{not json", "bad_json", "message is not valid JSON"],
    ["[1,2]", "bad_json", "message must be a JSON object"],
    ["null", "bad_json", "message must be a JSON object"],
    ['{"type":"shout"}', "bad_message", "type: type must be one of hello"],
    ['{"type":"hello","token":"x"}', "bad_message", "token: token is too short"],
  ])("refuses %s with %s", (text, code, message) => {
    const result = parseClientMessage(text, 1000);
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok ? "" : result.message).toContain(message);
  });

  it("refuses a claimed role: fields the protocol does not define", () => {
    const result = parse({ type: "hello", token: "t".repeat(32), role: "instructor" });
    expect(result).toEqual({ ok: false, code: "bad_message", message: "unknown field role" });
  });

  it("refuses messages over the size limit before reading them", () => {
    const result = parseClientMessage(
      `{"type":"poll.answer","answer":"${"é".repeat(3000)}"}`,
      4096,
    );
    expect(result).toMatchObject({ ok: false, code: "too_large" });
    expect(result.ok ? "" : result.message).toMatch(/is 60\d\d bytes; the limit is 4096/);
  });

  it("echoes the id of a refused message", () => {
    expect(parse({ type: "response", id: "m7", activityId: -1, itemId: "a", label: "x" })).toEqual({
      ok: false,
      code: "bad_message",
      id: "m7",
      message: "activityId: activityId must be positive",
    });
  });

  it.each([
    ["//evil.example/", "path must be a path on this site"],
    ["https://evil.example/", "path must be a path on this site"],
    ["/\\evil", "path must be a path on this site"],
    ["/a b", "path must be a path on this site"],
  ])("refuses the path %s (students' pages navigate to it)", (path, message) => {
    const result = parse({ type: "state", path, query: "", present: null });
    expect(result.ok ? "" : result.message).toContain(message);
  });

  it.each([
    [{ ...labeling, labels: ["only"] }, "activity.labels: give at least 2 labels"],
    [{ ...labeling, labels: ["a", "a"] }, "activity.labels: labels must be unique"],
    [{ ...labeling, items: [] }, "activity.items: a labeling activity needs at least one item"],
    [
      { ...labeling, items: [labeling.items[0], labeling.items[0]] },
      "activity.items: item ids must be unique",
    ],
    [
      { kind: "poll", question: "Q", answer: "choice", options: ["one"] },
      "needs at least 2 options",
    ],
    [{ kind: "poll", question: "Q", answer: "text", options: ["x"] }, "a text poll has no options"],
    [{ kind: "quiz" }, 'activity.kind must be "labeling" or "poll"'],
  ])("refuses a malformed activity (%#)", (activity, message) => {
    const result = parse({ type: "activity.open", activity }, LIMITS.instructorMessageBytes);
    expect(result.ok ? "" : result.message).toContain(message);
  });
});

describe("displayName", () => {
  it("keeps markup as the characters typed (pages render it as text)", () => {
    expect(displayName.parse("  <b>Ann</b> ")).toBe("<b>Ann</b>");
  });
  it("refuses a 10,000-character name with the limit", () => {
    const result = displayName.safeParse("x".repeat(10_000));
    expect(result.success ? "" : result.error.issues[0]?.message).toBe(
      "name is longer than 40 characters",
    );
  });
  it("refuses control characters and line breaks", () => {
    expect(displayName.safeParse("Ann\u0000").success).toBe(false);
    expect(displayName.safeParse("Ann\u202Enoh").success).toBe(false);
    expect(displayName.safeParse("Ann\nBob").success).toBe(false);
  });
  it("allows empty (anonymous)", () => {
    expect(displayName.parse("   ")).toBe("");
  });
});

describe("joinCode", () => {
  it("normalises case, spaces and dashes", () => {
    expect(joinCode.parse(" abc-7kq ")).toBe("ABC7KQ");
  });
  it.each(["ABC", "ABCDEFG", "ABC0KQ", "<b>x</b>"])("refuses %s", (code) => {
    expect(joinCode.safeParse(code).success).toBe(false);
  });
});

describe("utf8Bytes", () => {
  it("matches TextEncoder", () => {
    for (const s of ["", "abc", "é", "€", "😀x", "a\u{10FFFF}"])
      expect(utf8Bytes(s)).toBe(new TextEncoder().encode(s).length);
  });
});

describe("serverMessage", () => {
  it("reads an error and an ack", () => {
    expect(serverMessage.parse({ type: "ack", id: "1" })).toEqual({ type: "ack", id: "1" });
    expect(serverMessage.safeParse({ type: "error", code: "nonsense", message: "x" }).success).toBe(
      false,
    );
  });
});
