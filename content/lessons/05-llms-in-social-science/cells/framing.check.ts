// Hidden checks, with a second computation: the Newcombe (1998) hybrid-score
// interval worked from the two Wilson intervals, by hand.
const close = (x: unknown, y: number, tol = 1e-6): boolean =>
  typeof x === "number" && Math.abs(x - y) < tol;

const z = 1.959963984540054;
const wilson = (x: number, n: number): [number, number] => {
  const p = x / n;
  const c = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const h = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [c - h, c + h];
};
const [p1, p2] = [109 / 152, 34 / 155];
const [l1, u1] = wilson(109, 152);
const [l2, u2] = wilson(34, 155);
const d = p2 - p1;
const lo = d - Math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2);
const hi = d + Math.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2);

export const checks = [
  {
    name: "effect",
    hint: "The effect is treatment.share − control.share, times 100 for percentage points (about −50).",
    pass: (cell: Record<string, unknown>) => close(cell["effect"], 100 * d),
  },
  {
    name: "interval",
    hint: 'Import difference from "lab": difference(control, treatment) returns { effect, low, high } as shares; multiply by 100.',
    pass: (cell: Record<string, unknown>) =>
      close(cell["low"], 100 * lo) && close(cell["high"], 100 * hi),
  },
];
