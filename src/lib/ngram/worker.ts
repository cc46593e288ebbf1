/**
 * The n-gram worker: downloads each corpus once, builds its suffix array
 * (about a second for the State of the Union addresses) and answers queries,
 * so the page never freezes. Start it with
 * `new Worker(new URL("…/lib/ngram/worker.ts", import.meta.url), { type: "module" })`
 * and talk to it through createNgramClient().
 */
import { loadCorpus } from "../corpora/index";
import { workerScope } from "../rpc/index";
import { readWithProgress } from "../runtime/index";
import { buildIndex } from "./build";
import { count } from "./count";
import { infiniGram } from "./infini-gram";
import { keywordInContext } from "./kwic";
import type { CorpusInfo, CorpusSource, FromWorker, NgramQuery, ToWorker } from "./protocol";
import { trace } from "./trace";
import type { NgramIndex } from "./types";

const scope = workerScope<ToWorker, FromWorker>();
const loaded = new Map<string, Promise<{ index: NgramIndex; info: CorpusInfo }>>();

async function download(
  source: CorpusSource,
  progress: (fraction: number | null) => void,
): Promise<Uint8Array> {
  const response = await fetch(source.url);
  if (!response.ok)
    throw new Error(`Could not load the ${source.label} (HTTP ${response.status}).`);
  return readWithProgress(response, ({ fraction }) => {
    progress(fraction);
  });
}

function ensure(id: number, source: CorpusSource) {
  let entry = loaded.get(source.name);
  if (!entry) {
    const report = (label: string, fraction: number | null): void => {
      scope.postMessage({ id, type: "progress", progress: { label, fraction } });
    };
    entry = (async () => {
      const bytes = await download(source, (f) => {
        report(`Downloading the ${source.label}…`, f);
      });
      report(`Indexing the ${source.label} (building its suffix array)…`, null);
      const index = buildIndex(loadCorpus(bytes));
      const info: CorpusInfo = {
        name: index.name,
        tokens: index.tokenCount,
        documents: index.corpus.documents.length,
        bytes: bytes.length,
        buildMs: index.buildMs,
      };
      return { index, info };
    })();
    loaded.set(source.name, entry);
    entry.catch(() => loaded.delete(source.name));
  }
  return entry;
}

function answer(shards: NgramIndex[], query: NgramQuery) {
  switch (query.type) {
    case "count":
      return count(shards, query.ngram);
    case "predict":
      return infiniGram(shards, query.prompt, { limit: query.limit });
    case "kwic":
      return keywordInContext(shards, query.ngram, { limit: query.limit, width: query.width });
    case "trace":
      return trace(shards, query.text, query.options);
  }
}

scope.onmessage = (event) => {
  const message = event.data;
  void (async () => {
    try {
      const entries = [];
      // One corpus after another: two suffix arrays at once would only compete for the CPU.
      for (const source of message.corpora) entries.push(await ensure(message.id, source));
      if (message.type === "load") {
        scope.postMessage({ id: message.id, type: "loaded", corpora: entries.map((e) => e.info) });
        return;
      }
      const start = performance.now();
      const result = answer(
        entries.map((e) => e.index),
        message.query,
      );
      scope.postMessage({
        id: message.id,
        type: "answer",
        answer: result,
        ms: performance.now() - start,
      });
    } catch (error) {
      scope.postMessage({
        id: message.id,
        type: "error",
        message: error instanceof Error ? error.message : String(error),
      });
    }
  })();
};
