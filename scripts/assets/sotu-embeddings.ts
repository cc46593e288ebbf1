/**
 * Asset step "sotu-embeddings": embeds the State of the Union passages that
 * EmbeddingUses offers (each size's passages, in the widget's order and
 * batches) with the offline encoder in Node, the same model the page runs, so
 * the page's first search embeds only the query. Also measures when a best
 * match is weak: the best-match cosines of related and unrelated queries
 * (scripts/corpora/sotu-queries.ts) and the threshold between them.
 * Outputs (public/generated/precomputed/): sotu-embeddings-<n>.bin (format:
 * src/lib/embeddings/stored.ts) and sotu-embeddings.json (the manifest).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadCorpus } from "../../src/lib/corpora/index";
import {
  bestCosines,
  createLocalProvider,
  decodeStoredEmbeddings,
  encodeStoredEmbeddings,
  samplePassages,
  SOTU_EMBEDDINGS_MANIFEST,
  SOTU_SIZES,
  sotuEmbeddingsFile,
  textsHash,
  weakMatchCalibration,
  type SotuEmbeddingsManifest,
} from "../../src/lib/embeddings/index";
import { loadEncoder } from "../../src/lib/encoder/index";
import { RELATED_QUERIES, UNRELATED_QUERIES } from "../corpora/sotu-queries";
import { CORPORA_OUTPUTS } from "./corpora";
import { MODEL_DIR } from "./encoder";
import { quantizedPath } from "./quantize";
import type { AssetStep } from "./types";

const OUT = "public/generated";
const MODELS = fileURLToPath(new URL("../../public/generated/models/", import.meta.url));
const round = (v: number): number => Math.round(v * 1e4) / 1e4;

export const SOTU_EMBEDDINGS_OUTPUTS = [
  `${OUT}/${SOTU_EMBEDDINGS_MANIFEST}`,
  ...SOTU_SIZES.map((n) => `${OUT}/${sotuEmbeddingsFile(n)}`),
];

export const step: AssetStep = {
  name: "sotu-embeddings",
  outputs: SOTU_EMBEDDINGS_OUTPUTS,
  inputs: [
    "scripts/assets/sotu-embeddings.ts",
    "scripts/corpora/sotu-queries.ts",
    "src/lib/embeddings/passages.ts",
    "src/lib/embeddings/stored.ts",
    "src/lib/embeddings/float16.ts",
    "src/lib/embeddings/calibration.ts",
    "src/lib/embeddings/local-provider.ts",
    "src/lib/encoder/encoder.ts",
    CORPORA_OUTPUTS.sotu,
    // The embeddings come from the weights the site serves (int8, scripts/assets/quantize.ts),
    // run as the browser runs them (precision.ts).
    "src/lib/encoder/precision.ts",
    quantizedPath(MODEL_DIR),
  ],
  async build() {
    const corpus = loadCorpus(readFileSync(CORPORA_OUTPUTS.sotu));
    const encoder = await loadEncoder({ localModelPath: MODELS });
    // The page's provider: the same batches of 16, so the same padding. It
    // reports how many texts were cut; the file records which.
    let cut: boolean[] = [];
    const provider = createLocalProvider(async (texts) => {
      const encodings = await encoder.encode(texts);
      cut.push(...encodings.map((e) => e.truncated !== null));
      return encodings;
    });
    const embedQueries = async (queries: readonly string[]): Promise<Float32Array[]> =>
      (await Promise.all(queries.map(async (q) => (await provider.embed([q])).vectors))).flat();
    const related = await embedQueries(RELATED_QUERIES);
    const unrelated = await embedQueries(UNRELATED_QUERIES);
    const manifest: SotuEmbeddingsManifest = {
      model: provider.id,
      dims: 0,
      encoding: "float16",
      sizes: {},
      weakMatch: {},
      queries: { related: [...RELATED_QUERIES], unrelated: [...UNRELATED_QUERIES] },
    };
    mkdirSync(`${OUT}/precomputed`, { recursive: true });
    for (const n of SOTU_SIZES) {
      const passages = samplePassages(corpus, n);
      const started = performance.now();
      cut = [];
      const { vectors } = await provider.embed(passages.map((p) => p.text));
      const truncated = cut.flatMap((c, i) => (c ? [i] : []));
      const bytes = encodeStoredEmbeddings({ model: provider.id, passages, vectors, truncated });
      const file = sotuEmbeddingsFile(n);
      writeFileSync(`${OUT}/${file}`, bytes);
      // Calibrate on the vectors as stored (float16), as the page will read them.
      const { matrix } = decodeStoredEmbeddings(bytes);
      const calibration = weakMatchCalibration(
        bestCosines(matrix, related),
        bestCosines(matrix, unrelated),
      );
      manifest.dims = matrix.dims;
      manifest.sizes[String(n)] = {
        file,
        count: passages.length,
        textsHash: textsHash(passages.map((p) => p.text)),
        bytes: bytes.length,
      };
      manifest.weakMatch[String(n)] = {
        ...calibration,
        threshold: round(calibration.threshold),
        related: mapSpread(calibration.related),
        unrelated: mapSpread(calibration.unrelated),
      };
      const c = manifest.weakMatch[String(n)];
      console.log(
        `assets: sotu-embeddings ${n}: ${bytes.length} bytes in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
          `best match related ${JSON.stringify(c?.related)}, unrelated ${JSON.stringify(c?.unrelated)}, ` +
          `weak below ${c?.threshold} (accuracy ${c?.accuracy})`,
      );
    }
    writeFileSync(`${OUT}/${SOTU_EMBEDDINGS_MANIFEST}`, `${JSON.stringify(manifest, null, 1)}\n`);
  },
};

function mapSpread(s: { min: number; median: number; max: number }): typeof s {
  return { min: round(s.min), median: round(s.median), max: round(s.max) };
}
