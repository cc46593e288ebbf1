import { describe, expect, it } from "vitest";
import { createKit, runChecks, type CheckedCell } from "@/widgets/CodeCell/checks";

const checks = [
  {
    name: "answer",
    hint: "It is paris.",
    pass: (c: CheckedCell) => c.values["answer"] === "paris",
  },
  {
    name: "count",
    hint: "Five.",
    pass: (c: CheckedCell) => Promise.resolve(c.values["n"] === 5),
  },
];

/** A cell with only data exports. */
const data = (values: Record<string, unknown>): CheckedCell => ({
  values,
  functions: [],
  call: () => Promise.reject(new Error("no functions")),
});
const kit = createKit(1);

describe("runChecks(checks, cell)", () => {
  it("passes when every check passes", async () => {
    expect(await runChecks(checks, data({ answer: "paris", n: 5 }), kit)).toEqual({
      passed: true,
      failures: [],
      total: 2,
    });
  });
  it("lists each failed check with its hint", async () => {
    const result = await runChecks(checks, data({ answer: "lyon", n: 5 }), kit);
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
    expect((await runChecks(throwing, data({}), kit)).failures).toEqual([{ name: "x", hint: "h" }]);
  });
  it("treats a truthy non-true result as a failure", async () => {
    const loose = [{ name: "x", hint: "h", pass: () => 1 as unknown as boolean }];
    expect((await runChecks(loose, data({}), kit)).passed).toBe(false);
  });
  it.each([[undefined], [[]], [[{ name: "x" }]], ["checks"]])(
    "rejects malformed checks %j",
    async (bad) => {
      await expect(runChecks(bad, data({}), kit)).rejects.toThrow(/malformed/);
    },
  );
});

describe("createKit(seed)", () => {
  it("gives the same inputs for the same seed and others for another seed", () => {
    const draw = (seed: number): number[] => {
      const k = createKit(seed);
      return Array.from({ length: 8 }, () => k.int(0, 1000));
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });
  it("int(low, high) stays in range and reaches both ends; pick() takes from the list", () => {
    const k = createKit(7);
    const seen = new Set(Array.from({ length: 500 }, () => k.int(2, 5)));
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
    expect(["a", "b"]).toContain(k.pick(["a", "b"]));
    expect(() => k.pick([])).toThrow(/non-empty/);
  });
  it("random() is uniform enough: the mean of 10,000 draws is near 1/2", () => {
    const k = createKit(3);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) sum += k.random();
    expect(sum / 10_000).toBeCloseTo(0.5, 1);
  });
});
