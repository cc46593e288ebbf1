// Exercise: agreement between your gold labels and a model's labels.
// Accuracy counts matches; Cohen's kappa corrects for the agreement expected by chance:
// κ = (p_o − p_e) / (1 − p_e), where p_e = Σ over labels of P(gold = l) · P(model = l).
// (The checks try agreement() on other labels too: it should work for any two lists.)
const gold = ["spam", "ham", "spam", "ham", "spam"];
const model = ["spam", "ham", "spam", "spam", "spam"];

export function agreement(gold: string[], model: string[]) {
  const n = gold.length;
  const agree = gold.filter((g, i) => g === model[i]).length;
  const accuracy = agree / n;

  // TODO: compute the chance agreement p_e from the two label distributions.
  const expected = 0;
  const kappa = (accuracy - expected) / (1 - expected);
  return { accuracy, kappa };
}

export const { accuracy, kappa } = agreement(gold, model);
console.log({ accuracy, kappa });
