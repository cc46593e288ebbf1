// Hidden checks. They run in a checker of their own (the cell cannot patch it) and
// compare with a brute-force scan of the corpus tokens, for "the white whale" and for
// contexts picked here at random from the corpus.
import { loadCorpus, type CheckedCell, type CheckKit } from "lab";

interface Tokens {
  at(i: number): string;
  length: number;
}

let corpus: Promise<Tokens> | null = null;
function tokens(): Promise<Tokens> {
  corpus ??= (async () => {
    const response = await fetch("/generated/corpora/moby-dick.bin");
    const loaded = loadCorpus(await response.arrayBuffer());
    const words = loaded.vocabulary.map((w) => w.toLowerCase());
    const ids = loaded.tokens;
    return { at: (i: number) => words[ids[i] ?? 0] ?? "", length: ids.length };
  })();
  return corpus;
}

/** P(word | a b) by scanning every position of the corpus. */
function bruteForce(t: Tokens, [a, b]: [string, string], word: string): number {
  let context = 0;
  let next = 0;
  for (let i = 0; i + 1 < t.length; i++) {
    if (t.at(i) !== a || t.at(i + 1) !== b) continue;
    context++;
    if (i + 2 < t.length && t.at(i + 2) === word) next++;
  }
  return next / context;
}

/** Two words of context and the word after them, from a random place of the corpus. */
function randomCase(t: Tokens, kit: CheckKit): [[string, string], string] {
  for (;;) {
    const i = kit.int(0, t.length - 3);
    const three = [t.at(i), t.at(i + 1), t.at(i + 2)];
    if (three.every((w) => /^[a-z]+$/.test(w)))
      return [[three[0] ?? "", three[1] ?? ""], three[2] ?? ""];
  }
}

const close = (x: unknown, y: number): boolean => typeof x === "number" && Math.abs(x - y) < 1e-9;

export const checks = [
  {
    name: "probability",
    hint: 'Divide count("the white whale") by count("the white"): the times the context occurs.',
    pass: async (cell: CheckedCell) =>
      close(cell.values["probability"], bruteForce(await tokens(), ["the", "white"], "whale")),
  },
  {
    name: "nextWordProbability(context, word)",
    hint: "Divide by count(context), for any context and word (the checks try others from the book).",
    pass: async (cell: CheckedCell, kit: CheckKit) => {
      const t = await tokens();
      for (let trial = 0; trial < 3; trial++) {
        const [context, word] = randomCase(t, kit);
        const got = await cell.call("nextWordProbability", context.join(" "), word);
        if (!close(got, bruteForce(t, context, word))) return false;
      }
      return true;
    },
  },
];
