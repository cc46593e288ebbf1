import { describe, expect, it } from "vitest";
import {
  emptyProgress,
  exerciseSummary,
  isDone,
  parseProgress,
  serializeProgress,
  setDone,
  summarize,
} from "@/scripts/progress-store";

const ids = ["01-a", "02-b", "03-c", "04-d"];

describe("parseProgress", () => {
  it.each([
    ["null", null],
    ["empty string", ""],
    ["invalid JSON", "{not json"],
    ["a number", "42"],
    ["done as an array of strings", '{"v":1,"done":["01-a"]}'],
  ])("turns %s into empty progress", (_name, raw) => {
    expect(parseProgress(raw)).toEqual(emptyProgress());
  });

  it("keeps numeric timestamps and drops anything else", () => {
    const progress = parseProgress('{"v":1,"done":{"01-a":5,"02-b":"yes","03-c":null}}');
    expect(progress.done).toEqual({ "01-a": 5 });
  });

  it("round-trips through serializeProgress", () => {
    const progress = setDone(emptyProgress(), "02-b", true, 1234);
    expect(parseProgress(serializeProgress(progress))).toEqual(progress);
  });
});

describe("setDone", () => {
  it("marks and unmarks without mutating its input", () => {
    const start = emptyProgress();
    const marked = setDone(start, "01-a", true, 10);
    expect(isDone(marked, "01-a")).toBe(true);
    expect(isDone(start, "01-a")).toBe(false);
    expect(isDone(setDone(marked, "01-a", false, 20), "01-a")).toBe(false);
  });
});

describe("summarize", () => {
  it("counts done lessons among the lessons that exist", () => {
    let progress = emptyProgress();
    progress = setDone(progress, "01-a", true, 1);
    progress = setDone(progress, "03-c", true, 2);
    progress = setDone(progress, "99-removed", true, 3);
    expect(summarize(progress, ids)).toEqual({ done: 2, total: 4, percent: 50 });
  });

  it("is 0 % of nothing", () => {
    expect(summarize(emptyProgress(), [])).toEqual({ done: 0, total: 0, percent: 0 });
  });

  it("rounds to whole percent: 1 of 7 is 14 %", () => {
    const seven = ["1", "2", "3", "4", "5", "6", "7"];
    expect(summarize(setDone(emptyProgress(), "1", true, 0), seven).percent).toBe(14);
  });
});

describe("exerciseSummary", () => {
  const raw = JSON.stringify({ "01-a": { analogy: 5, other: 6 }, "02-b": { context: 7 } });

  it("counts the passed cells of this lesson among the cells on the page", () => {
    expect(exerciseSummary(raw, "01-a", ["analogy", "neighbours"])).toEqual({
      passed: 1,
      total: 2,
    });
    expect(exerciseSummary(raw, "02-b", ["context"])).toEqual({ passed: 1, total: 1 });
  });

  it.each([[null], ["{broken"], ['{"01-a": "yes"}'], ['{"01-a": {"analogy": "yes"}}']])(
    "treats %j as nothing passed",
    (stored) => {
      expect(exerciseSummary(stored, "01-a", ["analogy"])).toEqual({ passed: 0, total: 1 });
    },
  );
});
