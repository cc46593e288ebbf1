// Hidden checks of the capital exercise. They run in a checker of their own (the cell
// cannot patch it) and call the cell's capitalOf() with words picked here at random,
// comparing with the same analogy computed from the checker's own copy of the vectors.
import { loadWords, type CheckedCell, type CheckKit } from "lab";

const COUNTRIES = [
  "italy",
  "spain",
  "japan",
  "china",
  "russia",
  "egypt",
  "greece",
  "poland",
  "canada",
  "kenya",
  "peru",
  "norway",
  "sweden",
  "turkey",
  "iran",
  "india",
  "cuba",
  "austria",
];

async function agrees(cell: CheckedCell, countries: string[]): Promise<boolean> {
  const words = await loadWords();
  for (const country of countries) {
    const expected = words.analogy("germany", "berlin", country, 1)[0]?.word;
    if ((await cell.call("capitalOf", country)) !== expected) return false;
  }
  return true;
}

export const checks = [
  {
    name: "answer",
    hint: 'Use words.analogy("germany", "berlin", "france"): a country, its capital, another country.',
    pass: async (cell: CheckedCell) =>
      cell.values["answer"] ===
      (await loadWords()).analogy("germany", "berlin", "france", 1)[0]?.word,
  },
  {
    name: "capitalOf(country)",
    hint: 'capitalOf(country) should return words.analogy("germany", "berlin", country, 1)[0]?.word for any country (the checks try others).',
    pass: async (cell: CheckedCell, kit: CheckKit) => {
      const words = await loadWords();
      // Two countries and one word from the 5,000 most frequent: no list of answers covers them.
      const any = words.words[kit.int(100, Math.min(5000, words.size - 1))] ?? "river";
      return agrees(cell, [kit.pick(COUNTRIES), kit.pick(COUNTRIES), any]);
    },
  },
];
