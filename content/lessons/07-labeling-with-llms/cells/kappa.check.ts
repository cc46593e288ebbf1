// Hidden checks, with the answer worked by hand for these labels:
// 4 of 5 agree → p_o = 0.8; gold 3 spam / 2 ham, model 4 spam / 1 ham →
// p_e = 0.6·0.8 + 0.4·0.2 = 0.56; κ = (0.8 − 0.56) / 0.44 = 6/11 ≈ 0.5455.
const close = (x: unknown, y: number): boolean => typeof x === "number" && Math.abs(x - y) < 1e-9;

export const checks = [
  {
    name: "accuracy",
    hint: "Accuracy is the share of texts where the two labels agree.",
    pass: (cell: Record<string, unknown>) => close(cell["accuracy"], 0.8),
  },
  {
    name: "kappa",
    hint: "p_e sums, over the labels, P(gold = label) × P(model = label); here 0.6 × 0.8 + 0.4 × 0.2.",
    pass: (cell: Record<string, unknown>) => close(cell["kappa"], 6 / 11),
  },
];
