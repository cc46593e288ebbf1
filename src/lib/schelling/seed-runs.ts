import { createSchelling } from "./model";
import type { SchellingOptions } from "./options";

/**
 * NetLogo's Segregation model as it opens: 2,000 agents in two equal groups on
 * a 51 × 51 world whose edges wrap, Moore neighbours, NetLogo's walk and tick
 * (the threshold rule's defaults). Add `wanted` (30 % in NetLogo) and a seed.
 */
export const NETLOGO_SETUP = {
  width: 51,
  height: 51,
  agents: 2000,
  shares: [0.5, 0.5],
  rule: "threshold",
  neighborhood: "moore",
  radius: 1,
  boundary: "torus",
  move: "walk",
  schedule: "netlogo",
} as const satisfies Omit<SchellingOptions, "seed">;

/** What runs from several seeds end at. */
export interface SeedRuns {
  seeds: number[];
  /** % similar (as a share) at the start and at the end of each run, seed by seed. */
  start: number[];
  final: number[];
  /** Rounds each run took. */
  rounds: number[];
  /** Runs that had not settled after `maxRounds` rounds. */
  unsettled: number;
  /** Mean and sample standard deviation of `final`, and its standard error. */
  mean: number;
  sd: number;
  se: number;
  startMean: number;
  roundsMean: number;
}

const mean = (values: readonly number[]): number =>
  values.reduce((a, b) => a + b, 0) / values.length;

/** The sample mean, standard deviation (n − 1) and standard error of some numbers. */
export function summarize(values: readonly number[]): { mean: number; sd: number; se: number } {
  const m = mean(values);
  const sd =
    values.length < 2
      ? 0
      : Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / (values.length - 1));
  return { mean: m, sd, se: sd / Math.sqrt(values.length) };
}

/** Runs the model once per seed, each until it settles or `maxRounds` rounds have passed. */
export function runSeeds(
  options: Omit<SchellingOptions, "seed">,
  seeds: readonly number[],
  maxRounds = 1000,
): SeedRuns {
  const start: number[] = [];
  const final: number[] = [];
  const rounds: number[] = [];
  let unsettled = 0;
  for (const seed of seeds) {
    const model = createSchelling({ ...options, seed });
    start.push(model.stats().similarity);
    model.run(maxRounds);
    const stats = model.stats();
    final.push(stats.similarity);
    rounds.push(stats.rounds);
    if (!stats.settled) unsettled++;
  }
  return {
    seeds: [...seeds],
    start,
    final,
    rounds,
    unsettled,
    ...summarize(final),
    startMean: mean(start),
    roundsMean: mean(rounds),
  };
}
