// Hidden checks. They run in a checker of their own (the cell cannot patch it), with a
// second computation: the Newcombe (1998) hybrid-score interval worked from the two
// Wilson intervals by hand, for the study's counts and for counts made up here at random.
import type { CheckedCell, CheckKit } from "lab";

const close = (x: unknown, y: number, tol = 1e-6): boolean =>
  typeof x === "number" && Math.abs(x - y) < tol;

const z = 1.959963984540054;
function wilson(chose: number, n: number) {
  const p = chose / n;
  const c = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const h = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return { n, chose, share: p, low: c - h, high: c + h };
}

/** The effect and its interval in percentage points, treatment minus control. */
function newcombe(control: ReturnType<typeof wilson>, treatment: ReturnType<typeof wilson>) {
  const d = treatment.share - control.share;
  const lo =
    d - Math.sqrt((treatment.share - treatment.low) ** 2 + (control.high - control.share) ** 2);
  const hi =
    d + Math.sqrt((treatment.high - treatment.share) ** 2 + (control.share - control.low) ** 2);
  return { effect: 100 * d, low: 100 * lo, high: 100 * hi };
}

const study = newcombe(wilson(109, 152), wilson(34, 155));

function agrees(got: unknown, want: { effect: number; low: number; high: number }): boolean {
  const g = (got ?? {}) as Record<string, unknown>;
  return (
    close(g["effect"], want.effect) && close(g["low"], want.low) && close(g["high"], want.high)
  );
}

export const checks = [
  {
    name: "effect",
    hint: "The effect is treatment.share − control.share, times 100 for percentage points (about −50).",
    pass: (cell: CheckedCell) => close(cell.values["effect"], study.effect),
  },
  {
    name: "interval",
    hint: 'Import difference from "lab": difference(control, treatment) returns { effect, low, high } as shares; multiply by 100.',
    pass: (cell: CheckedCell) =>
      close(cell.values["low"], study.low) && close(cell.values["high"], study.high),
  },
  {
    name: "framingEffect(control, treatment)",
    hint: "framingEffect should work for any two shares (the checks try other counts), in percentage points.",
    pass: async (cell: CheckedCell, kit: CheckKit) => {
      for (let trial = 0; trial < 3; trial++) {
        const n1 = kit.int(20, 400);
        const n2 = kit.int(20, 400);
        const control = wilson(kit.int(1, n1 - 1), n1);
        const treatment = wilson(kit.int(1, n2 - 1), n2);
        if (
          !agrees(
            await cell.call("framingEffect", control, treatment),
            newcombe(control, treatment),
          )
        )
          return false;
      }
      return true;
    },
  },
];
