/**
 * The LabelingSandbox's bundled datasets, as CSV files the widget reads the
 * same way as a learner's upload (public/generated/labeling/):
 * - politics.csv: 150 State of the Union sentences (label "yes") and 150 Moby
 *   Dick sentences (label "no"), shuffled; columns id, text, label, source;
 * - spam.csv: the SpamAssassin sample (see corpora.ts) as id, text (subject and
 *   body), label (spam/ham), group.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import Papa from "papaparse";
import {
  mobyDickDocuments,
  SOTU_DIR,
  MOBY_DICK_DIR,
  SPAM_DIR,
  sotuDocuments,
  spamSample,
} from "../corpora/sources";
import { drawSentences, shuffleRows } from "../corpora/sentences";
import { SPAM_BODY_CHARS, SPAM_PER_LABEL, SPAM_SEED } from "./corpora";
import type { AssetStep } from "./types";

const OUT = "public/generated/labeling";
export const LABELING_DATA = {
  politics: `${OUT}/politics.csv`,
  spam: `${OUT}/spam.csv`,
} as const;
const PER_LABEL = 150;
const SEED = 11;

export const step: AssetStep = {
  name: "labeling-data",
  outputs: Object.values(LABELING_DATA),
  inputs: [
    "scripts/assets/labeling-data.ts",
    "scripts/assets/corpora.ts",
    "scripts/corpora/sentences.ts",
    "scripts/corpora/sources.ts",
    "scripts/corpora/email.ts",
    `${SOTU_DIR}/package.json`,
    `${MOBY_DICK_DIR}/package.json`,
    `${SPAM_DIR}/package.json`,
  ],
  build() {
    mkdirSync(OUT, { recursive: true });
    // Addresses since 1900 read like the politics learners will label.
    const sotu = sotuDocuments().documents.filter((d) => Number(d.meta["year"]) >= 1900);
    const politics = shuffleRows(
      [
        ...drawSentences(sotu, PER_LABEL, SEED, "sotu", "yes"),
        ...drawSentences(mobyDickDocuments().documents, PER_LABEL, SEED + 1, "moby", "no"),
      ],
      SEED + 2,
    );
    writeFileSync(LABELING_DATA.politics, `${Papa.unparse(politics)}\n`);
    const spam = spamSample(SPAM_PER_LABEL, SPAM_SEED, SPAM_BODY_CHARS).messages.map((m) => ({
      id: m.id,
      text: m.subject ? `Subject: ${m.subject}\n\n${m.body}` : m.body,
      label: m.label,
      group: m.group,
    }));
    writeFileSync(LABELING_DATA.spam, `${Papa.unparse(spam)}\n`);
    console.log(`assets: ${politics.length} politics sentences, ${spam.length} emails → ${OUT}/`);
    return Promise.resolve();
  },
};
