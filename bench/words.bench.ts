/**
 * Static word vectors and corpora: analogy and neighbour queries over the 50k
 * GloVe words, load times, and the bytes of each asset the browser downloads.
 * Needs the generated assets (`npm run assets`).
 */
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { loadCorpus } from "../src/lib/corpora/index";
import { pca } from "../src/lib/vectors/index";
import { loadWordVectors } from "../src/lib/words/index";
import { timeRuns, type BenchSuite, type Measurement } from "./lib/runner";

const VECTORS = "public/generated/words/glove-50k-100d.bin";
const CORPORA = ["sotu.bin", "moby-dick.bin", "spam-sample.json"].map(
  (f) => `public/generated/corpora/${f}`,
);
const RUNS = Number(process.env["BENCH_WORDS_RUNS"] ?? 50);
const ANALOGIES: [string, string, string][] = [
  ["man", "king", "woman"],
  ["france", "paris", "italy"],
  ["good", "better", "bad"],
  ["walk", "walked", "swim"],
];

function read(path: string): Buffer {
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run assets\` first`);
  return readFileSync(path);
}

function sizes(path: string): Measurement[] {
  const bytes = read(path);
  const name = path.replace("public/generated/", "");
  return [
    { name: `bytes ${name} (raw)`, unit: "bytes", values: [bytes.length] },
    { name: `bytes ${name} (gzip)`, unit: "bytes", values: [gzipSync(bytes, { level: 9 }).length] },
  ];
}

export const suite: BenchSuite = {
  name: "words",
  async run() {
    const bytes = read(VECTORS);
    const load = await timeRuns(() => loadWordVectors(bytes), 10, 1);
    const glove = loadWordVectors(bytes);
    let i = 0;
    const analogy = await timeRuns(
      () => glove.analogy(...(ANALOGIES[i++ % ANALOGIES.length] as [string, string, string])),
      RUNS,
      5,
    );
    const neighbors = await timeRuns(() => glove.neighbors("cat", 10), RUNS, 5);
    const unknown = await timeRuns(() => glove.suggest("ishmale"), 20, 2);
    const points = glove.words.slice(0, 200).map((w) => glove.vector(w));
    const projection = await timeRuns(() => pca(points, 2), 10, 1);
    const [sotu, moby] = [read(CORPORA[0] as string), read(CORPORA[1] as string)];
    const loadSotu = await timeRuns(() => loadCorpus(sotu), 10, 1);
    const loadMoby = await timeRuns(() => loadCorpus(moby), 10, 1);
    return [
      { name: "analogy over 50k words (top 10)", unit: "ms", values: analogy, target: "≤ 15 ms" },
      { name: "neighbors of a word (top 10)", unit: "ms", values: neighbors },
      { name: "OOV suggestions (edit distance)", unit: "ms", values: unknown },
      { name: "PCA of 200 word vectors → 2-D", unit: "ms", values: projection },
      { name: "load vectors (bytes → ready)", unit: "ms", values: load },
      { name: "load corpus sotu.bin", unit: "ms", values: loadSotu },
      { name: "load corpus moby-dick.bin", unit: "ms", values: loadMoby },
      ...sizes(VECTORS),
      ...CORPORA.flatMap(sizes),
    ];
  },
};
