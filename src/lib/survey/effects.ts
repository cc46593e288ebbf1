/**
 * The survey's results: for each profile and condition, the share of
 * simulated respondents choosing the outcome option, with a Wilson 95 %
 * interval; the treatment effect (treatment share − control share) with a
 * Newcombe hybrid-score interval; and the same pooled over profiles.
 */
import type { ItemResult } from "../labeling/store";
import { itemId, type SurveyDesign } from "./design";

const Z95 = 1.959963984540054;

export interface Share {
  /** Respondents who gave a valid answer. */
  n: number;
  /** Of them, those who chose the outcome option. */
  chose: number;
  share: number;
  low: number;
  high: number;
}

export interface Effect {
  control: Share;
  treatment: Share;
  /** treatment.share − control.share */
  effect: number;
  low: number;
  high: number;
}

/** The Wilson score interval for `x` successes in `n` trials (Wilson 1927). */
export function wilson(x: number, n: number, z = Z95): { low: number; high: number } {
  if (n === 0) return { low: NaN, high: NaN };
  const p = x / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export function share(chose: number, n: number): Share {
  const { low, high } = wilson(chose, n);
  return { n, chose, share: n === 0 ? NaN : chose / n, low, high };
}

/** The difference of two independent proportions, with Newcombe's (1998) method 10 interval. */
export function difference(control: Share, treatment: Share): Effect {
  const d = treatment.share - control.share;
  const low =
    d - Math.sqrt((treatment.share - treatment.low) ** 2 + (control.high - control.share) ** 2);
  const high =
    d + Math.sqrt((treatment.high - treatment.share) ** 2 + (control.share - control.low) ** 2);
  return { control, treatment, effect: d, low, high };
}

/** Counts one item's valid votes for the outcome option. */
function tally(result: ItemResult | undefined, outcome: string): { n: number; chose: number } {
  let n = 0;
  let chose = 0;
  for (const vote of result?.votes ?? []) {
    if (!vote || vote.length === 0) continue;
    n++;
    if (vote[0] === outcome) chose++;
  }
  return { n, chose };
}

export interface SurveyResults {
  byProfile: { id: string; effect: Effect }[];
  pooled: Effect;
  /** Respondents whose answer was not a valid option (left out). */
  invalid: number;
}

export function surveyResults(design: SurveyDesign, results: readonly ItemResult[]): SurveyResults {
  const byId = new Map(results.map((r) => [r.id, r]));
  const sum = { control: { n: 0, chose: 0 }, treatment: { n: 0, chose: 0 } };
  let invalid = 0;
  const byProfile = design.profiles.map((profile) => {
    const cell = (condition: "control" | "treatment"): Share => {
      const result = byId.get(itemId(profile.id, condition));
      const t = tally(result, design.outcome);
      sum[condition].n += t.n;
      sum[condition].chose += t.chose;
      if (result) invalid += result.votes.length - t.n;
      return share(t.chose, t.n);
    };
    const control = cell("control");
    const treatment = cell("treatment");
    return { id: profile.id, effect: difference(control, treatment) };
  });
  const pooled = difference(
    share(sum.control.chose, sum.control.n),
    share(sum.treatment.chose, sum.treatment.n),
  );
  return { byProfile, pooled, invalid };
}
