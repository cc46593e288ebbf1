/**
 * The library's NetLogo option against an independent implementation of
 * NetLogo's Segregation model (netlogo-reference.ts: its own RNG, plain arrays,
 * no shared code). The two use different random numbers, so they can only
 * agree in distribution: over 20 seeds each, their mean final % similar must
 * differ by less than TOLERANCE standard errors of the difference,
 * √(se₁² + se₂²), each se computed from that side's own spread across seeds
 * (about 0.2 points here). 3 standard errors would be crossed by chance about
 * 3 times in 1,000; a schedule or move rule that is not NetLogo's shifts the
 * mean by 0.8–1.4 points, 3.5–4.5 standard errors, which the test catches.
 */
import { describe, expect, it } from "vitest";
import { NETLOGO_SETUP, runSeeds, summarize } from "@/lib/schelling/index";
import { runReference } from "./netlogo-reference";

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const TOLERANCE = 3;

function compare(wanted: number, variant: Partial<typeof NETLOGO_SETUP> | object = {}) {
  const library = runSeeds({ ...NETLOGO_SETUP, wanted, ...variant }, SEEDS);
  const runs = SEEDS.map((seed) => runReference(seed, { wanted: Math.round(wanted * 100) }));
  const reference = summarize(runs.map((r) => r.similar));
  const se = Math.hypot(library.se, reference.se);
  const z = (library.mean - reference.mean) / se;
  const ticks = summarize(runs.map((r) => r.ticks));
  const rounds = summarize(library.rounds);
  console.info(
    `wanted ${wanted * 100} %${Object.keys(variant).length ? ` ${JSON.stringify(variant)}` : ""}: library ${(100 * library.mean).toFixed(2)} ± ${(100 * library.se).toFixed(2)} (sd ${(100 * library.sd).toFixed(2)}), reference ${(100 * reference.mean).toFixed(2)} ± ${(100 * reference.se).toFixed(2)} (sd ${(100 * reference.sd).toFixed(2)}), z = ${z.toFixed(2)}; rounds ${rounds.mean.toFixed(1)} vs ticks ${ticks.mean.toFixed(1)}`,
  );
  expect(library.unsettled).toBe(0);
  expect(runs.every((r) => r.settled)).toBe(true);
  return { library, reference, z, rounds, ticks };
}

describe("the NetLogo option agrees with an independent implementation of NetLogo's model", () => {
  it.each([0.3, 0.5])("mean final similarity over 20 seeds, wanted share %s", (wanted) => {
    const { z, rounds, ticks } = compare(wanted);
    expect(Math.abs(z)).toBeLessThan(TOLERANCE);
    // The number of ticks to settle agrees too.
    expect(Math.abs(rounds.mean - ticks.mean)).toBeLessThan(
      TOLERANCE * Math.hypot(rounds.se, ticks.se),
    );
  });

  // The comparison has the power to see a wrong rule: each half of NetLogo's semantics alone
  // (its walk but our older schedule, or its schedule but a jump to any empty cell) is off.
  it("the older schedule (skip agents made happy before their turn) with NetLogo's walk differs", () => {
    expect(compare(0.3, { schedule: "recheck" }).z).toBeLessThan(-TOLERANCE);
    expect(compare(0.5, { schedule: "recheck" }).z).toBeLessThan(-TOLERANCE);
  });

  it("NetLogo's schedule with a jump to a random empty cell differs at 50 %", () => {
    expect(compare(0.5, { move: "random" }).z).toBeGreaterThan(TOLERANCE);
  });

  it("the old sweep (random empty cell, recheck) is within noise of NetLogo over 20 seeds", () => {
    // Measured, not hoped: its two departures from NetLogo pull in opposite directions.
    for (const wanted of [0.3, 0.5])
      expect(Math.abs(compare(wanted, { move: "random", schedule: "recheck" }).z)).toBeLessThan(
        TOLERANCE,
      );
  });
});
