/**
 * Messages between the page and the n-gram worker (worker.ts). Every request
 * names the corpora it searches; the worker loads and indexes each corpus on
 * first use. Replies are plain data.
 */
import type { NgramCount } from "./count";
import type { InfiniGramPrediction } from "./infini-gram";
import type { KeywordInContext } from "./kwic";
import type { TraceOptions, TraceResult } from "./trace";

/** A corpus the worker can index: its name and where its file is served. */
export interface CorpusSource {
  name: string;
  url: string;
  /** What a learner sees while it loads, e.g. "State of the Union addresses". */
  label: string;
}

export interface CorpusInfo {
  name: string;
  tokens: number;
  documents: number;
  bytes: number;
  buildMs: number;
}

export type NgramQuery =
  | { type: "count"; ngram: string }
  | { type: "predict"; prompt: string; limit: number }
  | { type: "kwic"; ngram: string; limit: number; width: number }
  | { type: "trace"; text: string; options: TraceOptions };

export interface NgramAnswers {
  count: NgramCount;
  predict: InfiniGramPrediction;
  kwic: KeywordInContext;
  trace: TraceResult;
}

export type ToWorker =
  | { id: number; type: "load"; corpora: CorpusSource[] }
  | { id: number; type: "query"; corpora: CorpusSource[]; query: NgramQuery };

export interface NgramLoadProgress {
  label: string;
  /** In [0, 1] when known. */
  fraction: number | null;
}

export type FromWorker =
  | { id: number; type: "progress"; progress: NgramLoadProgress }
  | { id: number; type: "loaded"; corpora: CorpusInfo[] }
  | { id: number; type: "answer"; answer: NgramAnswers[NgramQuery["type"]]; ms: number }
  | { id: number; type: "error"; message: string };
