// Hidden checks of the capital exercise, run over what the cell exports.
export const checks = [
  {
    name: "answer",
    hint: 'Use words.analogy("germany", "berlin", "france"): a country, its capital, another country.',
    pass: (cell: Record<string, unknown>) => cell["answer"] === "paris",
  },
];
