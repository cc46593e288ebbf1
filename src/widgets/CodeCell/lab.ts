/**
 * The `lab` module that code cells import (`import { analogy } from "lab"`):
 * the course library's public API plus a few helpers that load the site's
 * offline data. It runs inside the cell's sandbox worker only; `plot()` sends
 * its data to the page, which draws the chart.
 */
export * from "../../lib/vectors/index";
export * from "../../lib/words/index";
export * from "../../lib/corpora/index";
export * from "../../lib/ngram/index";
export * from "../../lib/schelling/index";
export * from "../../lib/encoder/index";
export * from "../../lib/survey/index";
// Both the encoder and the n-gram index report loading progress; cells see the encoder's.
export type { LoadProgress } from "../../lib/encoder/index";
export { loadWords, loadLocalEncoder, loadNgramIndex, type CorpusName } from "./lab-data";
// Layers and heads numbered from 1, as the widgets show them (replaces the library's indices).
export { previousTokenHead, type NumberedHead } from "./lab-heads";
// What an exercise's checks receive (check files import these types from "lab").
export type { Check, CheckedCell, CheckKit } from "./checks";
export { plot, type PlotOptions, type PlotPoint } from "./lab-plot";
