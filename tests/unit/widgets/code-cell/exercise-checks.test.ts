/**
 * The exercises' hidden checks (content/lessons/…/cells/*.check.ts) against
 * the lesson's own solution, its starter and a cell that hard-codes the
 * answers for the visible example: the checks call the cell's function with
 * inputs they make up, so only a cell that computes the answer passes.
 */
import { describe, expect, it, vi } from "vitest";
import { createKit, runChecks, type CheckedCell } from "@/widgets/CodeCell/checks";

// The cells import the course library as "lab" (the sandbox's module); here, its survey part.
vi.mock("lab", () => import("@/lib/survey/index"));

/** A cell as the checker sees it: cloned data, and calls whose inputs and results are cloned. */
function asChecked(exports: Record<string, unknown>): CheckedCell {
  const values: Record<string, unknown> = {};
  const functions: string[] = [];
  for (const [name, value] of Object.entries(exports))
    if (typeof value === "function") functions.push(name);
    else values[name] = structuredClone(value);
  return {
    values,
    functions,
    call: async (name, ...args) => {
      const fn = exports[name];
      if (typeof fn !== "function") throw new Error(`no function ${name}`);
      return structuredClone(
        await (fn as (...a: unknown[]) => unknown)(...structuredClone<unknown[]>(args)),
      );
    },
  };
}

async function verdicts(checks: unknown, exports: Record<string, unknown>, seeds = 12) {
  const results = [];
  for (let seed = 1; seed <= seeds; seed++)
    results.push(await runChecks(checks, asChecked(exports), createKit(seed)));
  return results;
}

describe("07 kappa checks", async () => {
  const { checks } =
    await import("../../../../content/lessons/07-labeling-with-llms/cells/kappa.check");
  const solution =
    await import("../../../../content/lessons/07-labeling-with-llms/cells/kappa.solution");
  const starter = await import("../../../../content/lessons/07-labeling-with-llms/cells/kappa");

  it("pass the solution on every seed", async () => {
    for (const r of await verdicts(checks, solution)) expect(r).toMatchObject({ passed: true });
  });
  it("fail the starter", async () => {
    for (const r of await verdicts(checks, starter)) expect(r.passed).toBe(false);
  });
  it("fail a cell that hard-codes the example's accuracy and kappa", async () => {
    const hardCoded = {
      accuracy: 0.8,
      kappa: 6 / 11,
      agreement: () => ({ accuracy: 0.8, kappa: 6 / 11 }),
    };
    for (const r of await verdicts(checks, hardCoded))
      expect(r.failures.map((f) => f.name)).toEqual(["agreement(gold, model)"]);
  });
});

describe("05 framing checks", async () => {
  const { checks } =
    await import("../../../../content/lessons/05-llms-in-social-science/cells/framing.check");
  const solution =
    await import("../../../../content/lessons/05-llms-in-social-science/cells/framing.solution");
  const starter =
    await import("../../../../content/lessons/05-llms-in-social-science/cells/framing");

  it("pass the solution on every seed", async () => {
    for (const r of await verdicts(checks, solution)) expect(r).toMatchObject({ passed: true });
  });
  it("fail the starter", async () => {
    for (const r of await verdicts(checks, starter)) expect(r.passed).toBe(false);
  });
  it("fail a cell that hard-codes the study's effect and interval", async () => {
    const study = { effect: solution.effect, low: solution.low, high: solution.high };
    const hardCoded = { ...study, framingEffect: () => study };
    for (const r of await verdicts(checks, hardCoded))
      expect(r.failures.map((f) => f.name)).toEqual(["framingEffect(control, treatment)"]);
  });
});
