// Hidden checks. They run in a checker of their own (the cell cannot patch it). For the
// cell's labels, the answer worked by hand: 4 of 5 agree → p_o = 0.8; gold 3 spam / 2 ham,
// model 4 spam / 1 ham → p_e = 0.6·0.8 + 0.4·0.2 = 0.56; κ = (0.8 − 0.56) / 0.44 = 6/11.
// Then agreement() on labels made up here at random, against a count of them.
import type { CheckedCell, CheckKit } from "lab";

const close = (x: unknown, y: number): boolean => typeof x === "number" && Math.abs(x - y) < 1e-9;

function reference(gold: string[], model: string[]): { accuracy: number; kappa: number } {
  const n = gold.length;
  const accuracy = gold.filter((g, i) => g === model[i]).length / n;
  const labels = [...new Set([...gold, ...model])];
  const p = (list: string[], l: string): number => list.filter((x) => x === l).length / n;
  const expected = labels.reduce((sum, l) => sum + p(gold, l) * p(model, l), 0);
  return { accuracy, kappa: (accuracy - expected) / (1 - expected) };
}

/** Two lists of 6 to 40 labels from 2 or 3 classes, not both all one label. */
function randomLabels(kit: CheckKit): [string[], string[]] {
  const classes = ["spam", "ham", "unsure"].slice(0, kit.int(2, 3));
  for (;;) {
    const n = kit.int(6, 40);
    const gold = Array.from({ length: n }, () => kit.pick(classes));
    // The model agrees with gold about 70 % of the time.
    const model = gold.map((g) => (kit.random() < 0.7 ? g : kit.pick(classes)));
    if (new Set([...gold, ...model]).size > 1) return [gold, model];
  }
}

export const checks = [
  {
    name: "accuracy",
    hint: "Accuracy is the share of texts where the two labels agree.",
    pass: (cell: CheckedCell) => close(cell.values["accuracy"], 0.8),
  },
  {
    name: "kappa",
    hint: "p_e sums, over the labels, P(gold = label) × P(model = label); here 0.6 × 0.8 + 0.4 × 0.2.",
    pass: (cell: CheckedCell) => close(cell.values["kappa"], 6 / 11),
  },
  {
    name: "agreement(gold, model)",
    hint: "agreement should work for any two lists of labels, with two or more labels (the checks try others).",
    pass: async (cell: CheckedCell, kit: CheckKit) => {
      for (let trial = 0; trial < 4; trial++) {
        const [gold, model] = randomLabels(kit);
        const want = reference(gold, model);
        const got = (await cell.call("agreement", gold, model)) as Record<string, unknown> | null;
        if (!close(got?.["accuracy"], want.accuracy) || !close(got?.["kappa"], want.kappa))
          return false;
      }
      return true;
    },
  },
];
