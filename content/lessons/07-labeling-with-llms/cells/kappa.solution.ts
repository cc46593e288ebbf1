// Accuracy and Cohen's kappa of the model's labels against gold labels.
const gold = ["spam", "ham", "spam", "ham", "spam"];
const model = ["spam", "ham", "spam", "spam", "spam"];

export function agreement(gold: string[], model: string[]) {
  const n = gold.length;
  const agree = gold.filter((g, i) => g === model[i]).length;
  const accuracy = agree / n;

  const labels = [...new Set([...gold, ...model])];
  const share = (list: string[], label: string): number =>
    list.filter((x) => x === label).length / n;
  const expected = labels.reduce((sum, l) => sum + share(gold, l) * share(model, l), 0);
  const kappa = (accuracy - expected) / (1 - expected);
  return { accuracy, kappa };
}

export const { accuracy, kappa } = agreement(gold, model);
console.log({ accuracy, kappa });
