/**
 * Serves the committed static word vectors to the browser: validates
 * data/glove-50k-100d.bin (made by scripts/make-word-vectors.ts from GloVe 6B
 * 100-d, PDDL-1.0; format in src/lib/words/format.ts) and copies it to
 * public/generated/words/.
 */
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { decodeVectors } from "../../src/lib/words/index";
import type { AssetStep } from "./types";

const SOURCE = "data/glove-50k-100d.bin";
export const WORD_VECTORS_OUTPUT = "public/generated/words/glove-50k-100d.bin";

export const step: AssetStep = {
  name: "word-vectors",
  outputs: [WORD_VECTORS_OUTPUT],
  inputs: [SOURCE, "scripts/assets/word-vectors.ts", "src/lib/words/format.ts"],
  build() {
    const { words, dims } = decodeVectors(readFileSync(SOURCE));
    if (words.length < 10_000 || dims !== 100)
      throw new Error(`${SOURCE}: ${words.length} words × ${dims}, want ≥ 10,000 × 100`);
    mkdirSync("public/generated/words", { recursive: true });
    copyFileSync(SOURCE, WORD_VECTORS_OUTPUT);
    console.log(`assets: ${words.length} words × ${dims} → ${WORD_VECTORS_OUTPUT}`);
    return Promise.resolve();
  },
};
