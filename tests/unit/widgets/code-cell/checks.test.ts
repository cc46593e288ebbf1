import { describe, expect, it } from "vitest";
import { runChecks } from "@/widgets/CodeCell/checks";

const checks = [
  {
    name: "answer",
    hint: "It is paris.",
    pass: (c: Record<string, unknown>) => c["answer"] === "paris",
  },
  {
    name: "count",
    hint: "Five.",
    pass: (c: Record<string, unknown>) => Promise.resolve(c["n"] === 5),
  },
];

describe("runChecks(checks, cell)", () => {
  it("passes when every check passes", async () => {
    expect(await runChecks(checks, { answer: "paris", n: 5 })).toEqual({
      passed: true,
      failures: [],
      total: 2,
    });
  });
  it("lists each failed check with its hint", async () => {
    const result = await runChecks(checks, { answer: "lyon", n: 5 });
    expect(result.passed).toBe(false);
    expect(result.failures).toEqual([{ name: "answer", hint: "It is paris." }]);
  });
  it("counts a check that throws as failed", async () => {
    const throwing = [
      {
        name: "x",
        hint: "h",
        pass: () => {
          throw new Error("boom");
        },
      },
    ];
    expect((await runChecks(throwing, {})).failures).toEqual([{ name: "x", hint: "h" }]);
  });
  it("treats a truthy non-true result as a failure", async () => {
    const loose = [{ name: "x", hint: "h", pass: () => 1 as unknown as boolean }];
    expect((await runChecks(loose, {})).passed).toBe(false);
  });
  it.each([[undefined], [[]], [[{ name: "x" }]], ["checks"]])(
    "rejects malformed checks %j",
    async (bad) => {
      await expect(runChecks(bad, {})).rejects.toThrow(/malformed/);
    },
  );
});
