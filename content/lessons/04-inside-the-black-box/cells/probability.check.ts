// Hidden check: the same probability by a brute-force scan of the corpus tokens.
import { loadCorpus } from "lab";

async function bruteForce(): Promise<number> {
  const response = await fetch("/generated/corpora/moby-dick.bin");
  const corpus = loadCorpus(await response.arrayBuffer());
  const words = corpus.vocabulary.map((w) => w.toLowerCase());
  const ids = corpus.tokens;
  let context = 0;
  let whale = 0;
  for (let i = 0; i + 1 < ids.length; i++) {
    const at = (j: number): string | undefined => words[ids[j] ?? 0];
    if (at(i) !== "the" || at(i + 1) !== "white") continue;
    context++;
    if (i + 2 < ids.length && at(i + 2) === "whale") whale++;
  }
  return whale / context;
}

export const checks = [
  {
    name: "probability",
    hint: 'Divide count("the white whale") by count("the white"): the times the context occurs.',
    pass: async (cell: Record<string, unknown>) => {
      const p = cell["probability"];
      return typeof p === "number" && Math.abs(p - (await bruteForce())) < 1e-9;
    },
  },
];
