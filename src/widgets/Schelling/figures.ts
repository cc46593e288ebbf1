/**
 * The figures lesson 06 quotes about NetLogo's Segregation model: what they
 * are (schellingFigures, run by the asset step "schelling" at build time) and
 * how the lesson writes them (figureText, used by SchellingFigure.astro).
 * No DOM here.
 */
import { NETLOGO_SETUP, runSeeds, type SeedRuns } from "../../lib/schelling/index";

/** The seeds of the quoted runs: 1 to 20. */
export const FIGURE_SEEDS: readonly number[] = Array.from({ length: 20 }, (_, i) => i + 1);
/** The wanted shares quoted, in %. */
export const FIGURE_WANTED = [30, 50] as const;
export type FigureWanted = (typeof FIGURE_WANTED)[number];

export interface SchellingFigures {
  setup: typeof NETLOGO_SETUP;
  seeds: number[];
  maxRounds: number;
  /** By wanted share in % ("30", "50"). */
  runs: Record<`${FigureWanted}`, SeedRuns>;
}

const MAX_ROUNDS = 1000;

/** Runs every quoted set-up (about a second in Node). */
export function schellingFigures(): SchellingFigures {
  const runs = Object.fromEntries(
    FIGURE_WANTED.map((w) => [
      String(w),
      runSeeds({ ...NETLOGO_SETUP, wanted: w / 100 }, FIGURE_SEEDS, MAX_ROUNDS),
    ]),
  ) as SchellingFigures["runs"];
  return { setup: NETLOGO_SETUP, seeds: [...FIGURE_SEEDS], maxRounds: MAX_ROUNDS, runs };
}

export type FigureStat = "mean" | "sd" | "start" | "rounds" | "seeds" | "agents" | "side";

/** One figure as the lesson writes it: "72.0 %", "0.8 points", "13", "20", "2,000", "51". */
export function figureText(
  figures: SchellingFigures,
  wanted: FigureWanted,
  stat: FigureStat,
): string {
  const runs = figures.runs[`${wanted}`];
  switch (stat) {
    case "mean":
      return `${(100 * runs.mean).toFixed(1)} %`;
    case "sd":
      return `${(100 * runs.sd).toFixed(1)} points`;
    case "start":
      return `${(100 * runs.startMean).toFixed(1)} %`;
    case "rounds":
      return String(Math.round(runs.roundsMean));
    case "seeds":
      return String(runs.seeds.length);
    case "agents":
      return figures.setup.agents.toLocaleString("en");
    case "side":
      return String(figures.setup.width);
  }
}
