/** The four uses on an embedded corpus: each returns its result list and how to colour the map. */
import {
  checkLabels,
  classifyByDescription,
  distinctiveWords,
  kmeans,
  outliers,
  search,
  summarizeClusters,
  toMatrix,
  type EmbeddingMatrix,
  type EmbeddingProvider,
  type LabelDefinition,
  type WeakMatchCalibration,
} from "@/lib/embeddings/index";
import type { MapPoint } from "./corpus-map-view";
import type { Item } from "./corpus-source";
import {
  clusterList,
  hitList,
  labelCounts,
  outlierList,
  sentenceScores,
  weakMatchNote,
} from "./views";

export interface Embedded {
  items: readonly Item[];
  matrix: EmbeddingMatrix;
  provider: EmbeddingProvider;
  /** When a best match is weak on this corpus with this model (measured at build time), if known. */
  calibration: WeakMatchCalibration | null;
}

export interface UseResult {
  node: HTMLElement;
  points: MapPoint[];
  /** Numbers for the widget's data attributes (read by tests). */
  data: Record<string, string>;
}

function hover(item: Item, extra = ""): string {
  return `${item.title}${extra}: ${item.text.slice(0, 120)}…`;
}

function marked(items: readonly Item[], marks: ReadonlyMap<number, string>): MapPoint[] {
  return items.map((item, i) => ({ group: null, mark: marks.get(i) ?? null, title: hover(item) }));
}

async function embedOne(provider: EmbeddingProvider, text: string): Promise<Float32Array> {
  const [vector] = (await provider.embed([text])).vectors;
  if (!vector) throw new Error("The model returned no vector.");
  return vector;
}

function checked(labels: readonly LabelDefinition[]): void {
  const problem = checkLabels(labels);
  if (problem) throw new Error(problem);
}

export async function runSearch(e: Embedded, query: string): Promise<UseResult> {
  const text = query.trim();
  if (!text) throw new Error("Type a query to search for, e.g. “the abolition of slavery”.");
  const started = performance.now();
  const vector = await embedOne(e.provider, text);
  const searchStart = performance.now();
  const hits = search(e.matrix, vector, 10);
  const done = performance.now();
  const best = hits[0]?.similarity ?? 0;
  const weak = e.calibration !== null && best < e.calibration.threshold;
  const node = document.createElement("div");
  if (weak && e.calibration) node.append(weakMatchNote(best, e.calibration, e.items.length));
  node.append(hitList(e.items, hits));
  return {
    node,
    points: marked(e.items, new Map(hits.map((h, r) => [h.index, String(r + 1)]))),
    data: {
      searchMs: (done - searchStart).toFixed(2),
      queryMs: (done - started).toFixed(0),
      bestCosine: best.toFixed(4),
      weakMatch: String(weak),
    },
  };
}

export function runClusters(e: Embedded, k: number, seed: number): UseResult {
  if (!Number.isInteger(seed) || seed < 0) throw new Error("The seed must be a whole number ≥ 0.");
  const clusters = Math.min(k, e.matrix.count);
  const result = kmeans(e.matrix, { k: clusters, seed });
  const keywords = distinctiveWords(
    e.items.map((i) => i.text),
    result.assignments,
    clusters,
    { minCount: e.items.length < 50 ? 1 : 3 },
  );
  return {
    node: clusterList(e.items, summarizeClusters(e.matrix, result), keywords),
    points: e.items.map((item, i) => ({
      group: result.assignments[i] ?? 0,
      mark: null,
      title: hover(item, ` (cluster ${(result.assignments[i] ?? 0) + 1})`),
    })),
    data: { clusterSizes: [...result.sizes].join(",") },
  };
}

export async function runClassify(
  e: Embedded,
  labels: readonly LabelDefinition[],
): Promise<UseResult> {
  checked(labels);
  const { vectors } = await e.provider.embed(labels.map((l) => l.description));
  const results = classifyByDescription(e.matrix, toMatrix(vectors));
  return {
    node: labelCounts(e.items, labels, results),
    points: e.items.map((item, i) => {
      const label = results[i]?.label ?? 0;
      return { group: label, mark: null, title: hover(item, ` (${labels[label]?.name ?? ""})`) };
    }),
    data: {
      labelCounts: labels
        .map((l, c) => `${l.name}=${results.filter((r) => r.label === c).length}`)
        .join(","),
    },
  };
}

export async function classifySentence(
  provider: EmbeddingProvider,
  sentence: string,
  labels: readonly LabelDefinition[],
): Promise<HTMLElement> {
  const text = sentence.trim();
  if (!text) throw new Error("Type a sentence to classify.");
  checked(labels);
  const { vectors } = await provider.embed([text, ...labels.map((l) => l.description)]);
  const [first, ...rest] = vectors;
  const [result] = first ? classifyByDescription(toMatrix([first]), toMatrix(rest)) : [];
  if (!result) throw new Error("The model returned no vectors.");
  return sentenceScores(labels, result);
}

export function runOutliers(e: Embedded): UseResult {
  const scores = outliers(e.matrix, 10);
  return {
    node: outlierList(e.items, scores),
    points: marked(e.items, new Map(scores.map((s, r) => [s.index, String(r + 1)]))),
    data: { outliers: scores.map((s) => s.index).join(",") },
  };
}
