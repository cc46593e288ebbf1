/**
 * Cell helpers that fetch the site's offline data (same origin) and keep it
 * for the next run: word vectors, the encoder, n-gram indexes of the corpora.
 */
import { loadCorpus } from "../../lib/corpora/index";
import { loadEncoder, type Encoder, type ModelDtype } from "../../lib/encoder/index";
import { buildIndex, type NgramIndex } from "../../lib/ngram/index";
import { loadWordVectors, type WordVectors } from "../../lib/words/index";
import { ASSETS } from "../../lib/assets/paths";

const cache = new Map<string, Promise<unknown>>();

function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  let found = cache.get(key) as Promise<T> | undefined;
  if (!found) {
    found = load();
    cache.set(key, found);
    found.catch(() => cache.delete(key));
  }
  return found;
}

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${url} (HTTP ${String(response.status)}).`);
  return response.arrayBuffer();
}

/** The GloVe vectors of the 50,000 most frequent English words (100 dimensions). */
export function loadWords(): Promise<WordVectors> {
  return once("words", async () => loadWordVectors(await fetchBytes(ASSETS.wordVectors)));
}

/**
 * The offline Universal Sentence Encoder lite (2 layers, 4 heads), as in
 * lessons 02–03: its int8 weights as the widgets load them, or "fp32".
 */
export function loadLocalEncoder(dtype: ModelDtype = "q8"): Promise<Encoder> {
  return once(`encoder ${dtype}`, () =>
    loadEncoder({
      localModelPath: ASSETS.models,
      dtype,
      wasmPaths: {
        mjs: ASSETS.ort.mjs,
        wasm: ASSETS.ort.wasm,
      },
    }),
  );
}

export type CorpusName = "moby-dick" | "sotu";

/** A suffix-array index of one of the site's corpora, for count() and friends. */
export function loadNgramIndex(name: CorpusName): Promise<NgramIndex> {
  return once(`ngram:${name}`, async () =>
    buildIndex(loadCorpus(await fetchBytes(ASSETS.corpus(name)))),
  );
}
