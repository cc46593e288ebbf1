/**
 * The n-gram index (src/lib/ngram) over all State of the Union addresses and
 * Moby Dick: suffix-array build time and bytes, and query times for counts,
 * ∞-gram next-token distributions and tracing a 200-word text.
 * Needs the generated corpora (`npm run assets`).
 */
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { loadCorpus } from "../src/lib/corpora/index";
import { buildIndex, count, infiniGram, trace, type NgramIndex } from "../src/lib/ngram/index";
import { timeRuns, type BenchSuite, type Measurement } from "./lib/runner";

const CORPORA = ["sotu", "moby-dick"] as const;
const RUNS = Number(process.env["BENCH_NGRAM_RUNS"] ?? 200);

/** About 200 words: the slides' OLMo answer about cats, then a State of the Union-like paragraph. */
const TEXT_200 = `The question of "the best cat" can be subjective and depends on a variety of factors, such as the environment you live in, your lifestyle, the time you have to spend with your pet, and your personal preferences for a pet's personality, appearance, and needs. Here are a few considerations: Personality: If you're looking for a friendly and affectionate cat, breeds like the Ragdoll, Persian, and Maine Coon are often praised for their gentle and loving nature. Grooming: If you're looking for a low-maintenance pet, consider a short-haired breed like the Siamese or the domestic shorthair. Longhaired cats like the Persian or the Maine Coon typically require regular grooming.
Mr. Speaker, Mr. Vice President, Members of Congress, my fellow Americans: the state of our Union is strong. We have made progress, but our work is not done. Tonight I ask the Congress to join me in a new effort to strengthen the economy, to reduce the burden of taxation, and to secure for every child an education worthy of a great nation. Let us work together to keep the peace and to build a future of opportunity for all Americans.`;

const PROMPTS = [
  "John wants his bank to cash the",
  "of the",
  "the",
  "the state of the",
  "Call me",
  "I ask the Congress to",
];

function read(path: string): Buffer {
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run assets\` first`);
  return readFileSync(path);
}

/** Seeded n-grams (1–5 tokens) taken from the corpus text, as words. */
function sampleNgrams(index: NgramIndex, howMany: number): string[] {
  let state = 12345;
  const next = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state % n;
  };
  const out: string[] = [];
  while (out.length < howMany) {
    const n = 1 + next(5);
    const at = next(index.tokenCount - n);
    const words = Array.from(index.text.subarray(at, at + n));
    if (words.every((s) => s > 1)) out.push(words.map((s) => index.forms[s]).join(" "));
  }
  return out;
}

export const suite: BenchSuite = {
  name: "ngram",
  async run() {
    const files = CORPORA.map((name) => read(`public/generated/corpora/${name}.bin`));
    const corpora = files.map((bytes) => loadCorpus(bytes));
    const buildRuns = Number(process.env["BENCH_NGRAM_BUILDS"] ?? 5);
    const builds: Record<string, number[]> = { sotu: [], "moby-dick": [], all: [] };
    let shards: NgramIndex[] = [];
    for (let run = 0; run < buildRuns; run++) {
      shards = corpora.map((corpus) => buildIndex(corpus));
      for (const index of shards) builds[index.name]?.push(index.buildMs);
      builds["all"]?.push(shards.reduce((sum, index) => sum + index.buildMs, 0));
    }
    const loads = await timeRuns(() => corpora.map((_, i) => loadCorpus(files[i] as Buffer)), 5);
    const tokens = shards.reduce((sum, index) => sum + index.text.length, 0);
    const saBytes = shards.reduce((sum, index) => sum + index.sa.byteLength, 0);
    const textBytes = shards.reduce((sum, index) => sum + index.text.byteLength, 0);
    // What a prebuilt index file would add to the download: the suffix arrays, 4 bytes a token.
    const saGzip = shards.reduce(
      (sum, index) => sum + gzipSync(new Uint8Array(index.sa.buffer), { level: 6 }).length,
      0,
    );

    const ngrams = [
      ...sampleNgrams(shards[0] as NgramIndex, RUNS / 2),
      ...sampleNgrams(shards[1] as NgramIndex, RUNS / 2),
    ];
    let k = 0;
    const counts = await timeRuns(
      () => count(shards, ngrams[k++ % ngrams.length] as string),
      RUNS,
      20,
    );
    let p = 0;
    const next = await timeRuns(
      () => infiniGram(shards, PROMPTS[p++ % PROMPTS.length] as string, { limit: 10 }),
      RUNS,
      PROMPTS.length,
    );
    const the = await timeRuns(() => infiniGram(shards, "the", { limit: 10 }), 50, 5);
    const words = TEXT_200.split(/\s+/).length;
    const traces = await timeRuns(() => trace(shards, TEXT_200, { minLength: 3 }), 50, 3);
    return [
      {
        name: `build SOTU (${shards[0]?.text.length ?? 0} tokens)`,
        unit: "ms",
        values: builds["sotu"] ?? [],
      },
      {
        name: `build Moby Dick (${shards[1]?.text.length ?? 0} tokens)`,
        unit: "ms",
        values: builds["moby-dick"] ?? [],
      },
      { name: `build both (${tokens} tokens, SA-IS)`, unit: "ms", values: builds["all"] ?? [] },
      { name: "load both corpus files (bytes → Corpus)", unit: "ms", values: loads },
      { name: "suffix arrays in memory (Int32)", unit: "bytes", values: [saBytes] },
      { name: "folded token streams in memory (Int32)", unit: "bytes", values: [textBytes] },
      { name: "suffix arrays as a prebuilt file (gzip)", unit: "bytes", values: [saGzip] },
      {
        name: "corpus files downloaded anyway (raw)",
        unit: "bytes",
        values: [files.reduce((s, f) => s + f.length, 0)],
      },
      { name: "count a 1–5-gram (both corpora)", unit: "ms", values: counts, target: "≤ 1 ms" },
      {
        name: "∞-gram next-token distribution (6 prompts)",
        unit: "ms",
        values: next,
        target: "≤ 5 ms",
      },
      { name: "next-token distribution after “the”", unit: "ms", values: the, target: "≤ 5 ms" },
      { name: `trace a ${words}-word text`, unit: "ms", values: traces, target: "≤ 50 ms" },
    ] satisfies Measurement[];
  },
};
