/**
 * EmbeddingUses and WordVectors in Node: embedding State of the Union
 * passages with the offline encoder (300 and 2,000), then over the 2,000
 * precomputed embeddings a search, k-means, the PCA map, outliers and
 * classification; and the WordVectors analogy with its PCA map. Needs the
 * generated assets (`npm run assets`). BENCH_EMBED_RUNS sets the runs of the
 * 300-passage embedding (default 3; the 2,000 run once).
 */
import { existsSync, readFileSync } from "node:fs";
import { loadCorpus } from "../src/lib/corpora/index";
import {
  classifyByDescription,
  corpusMap,
  createLocalProvider,
  kmeans,
  outliers,
  samplePassages,
  search,
  toMatrix,
} from "../src/lib/embeddings/index";
import { loadEncoder } from "../src/lib/encoder/index";
import { loadWordVectors } from "../src/lib/words/index";
import { explore } from "../src/widgets/WordVectors/explore";
import { SOTU_LABELS } from "../src/widgets/EmbeddingUses/labels";
import { timeRuns, type BenchSuite } from "./lib/runner";

const SOTU = "public/generated/corpora/sotu.bin";
const VECTORS = "public/generated/words/glove-50k-100d.bin";
const MODELS = "public/generated/models/";
const EMBED_RUNS = Number(process.env["BENCH_EMBED_RUNS"] ?? 3);
const QUERIES = ["the abolition of slavery", "war and the army", "tariffs and taxes", "schools"];

function read(path: string): Buffer {
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run assets\` first`);
  return readFileSync(path);
}

export const suite: BenchSuite = {
  name: "embeddings",
  async run() {
    const corpus = loadCorpus(read(SOTU));
    const sample = await timeRuns(() => samplePassages(corpus, 2000), 5, 1);
    const small = samplePassages(corpus, 300).map((p) => p.text);
    const large = samplePassages(corpus, 2000).map((p) => p.text);
    read(`${MODELS}use-lite/tokenizer.json`);
    const encoder = await loadEncoder({ localModelPath: MODELS });
    const provider = createLocalProvider((texts) => encoder.encode(texts));
    await provider.embed(small.slice(0, 16));
    const embed300 = await timeRuns(() => provider.embed(small), EMBED_RUNS);
    let vectors: Float32Array[] = [];
    const embed2000 = await timeRuns(async () => {
      vectors = (await provider.embed(large)).vectors;
    }, 1);
    const matrix = toMatrix(vectors);
    const queryVectors = (await provider.embed(QUERIES)).vectors;
    let q = 0;
    const searchOnly = await timeRuns(
      () => search(matrix, queryVectors[q++ % queryVectors.length] ?? [], 10),
      100,
      5,
    );
    const withEncode = await timeRuns(
      async () => {
        const [v] = (await provider.embed([QUERIES[q++ % QUERIES.length] ?? ""])).vectors;
        return search(matrix, v ?? [], 10);
      },
      20,
      2,
    );
    const k5 = await timeRuns(() => kmeans(matrix, { k: 5, seed: 1 }), 10, 1);
    const k8 = await timeRuns(() => kmeans(matrix, { k: 8, seed: 1 }), 10, 1);
    const map = await timeRuns(() => corpusMap(matrix), 5, 1);
    const odd = await timeRuns(() => outliers(matrix, 10), 20, 2);
    const labels = toMatrix((await provider.embed(SOTU_LABELS.map((l) => l.description))).vectors);
    const classify = await timeRuns(() => classifyByDescription(matrix, labels), 10, 1);

    const glove = loadWordVectors(read(VECTORS));
    const analogy = await timeRuns(
      () => explore(glove, "king − man + woman", "queen, princess", 10),
      50,
      5,
    );
    const sum = await timeRuns(() => explore(glove, "xiangling = gorgeous + cat", "", 10), 50, 5);
    return [
      { name: "sample 2,000 SOTU passages", unit: "ms", values: sample },
      { name: "embed 300 passages (Node, USE lite)", unit: "ms", values: embed300 },
      { name: "embed 2,000 passages (Node, USE lite)", unit: "ms", values: embed2000 },
      {
        name: "search 2,000 embeddings (top 10)",
        unit: "ms",
        values: searchOnly,
        target: "≤ 50 ms",
      },
      { name: "encode query + search 2,000", unit: "ms", values: withEncode },
      { name: "k-means k=5 on 2,000 × 512", unit: "ms", values: k5 },
      { name: "k-means k=8 on 2,000 × 512", unit: "ms", values: k8 },
      { name: "PCA map of 2,000 (fit on 500)", unit: "ms", values: map },
      { name: "outliers of 2,000", unit: "ms", values: odd },
      { name: "classify 2,000 by 5 labels", unit: "ms", values: classify },
      { name: "WordVectors: analogy + neighbours + PCA map", unit: "ms", values: analogy },
      { name: "WordVectors: gorgeous + cat + PCA map", unit: "ms", values: sum },
    ];
  },
};
