/**
 * A model's labels for a class activity, for κ between the class majority
 * and the model. Two sources, both on the instructor's device: the offline
 * encoder (few-shot centroids of the bundled set's other gold rows, or
 * zero-shot from the label descriptions for pasted items), or a results CSV
 * the instructor exported from the labeling sandbox after an API run (the key
 * never passes through the class server). Kept for this tab in sessionStorage.
 */
import {
  labelDefs,
  modelLabelsFromCSV,
  sampleRows,
  type Checked,
  type LabelingSpec,
} from "@/lib/classroom/index";
import {
  argmax,
  BUNDLED,
  encoderScorer,
  parseCSV,
  type BundledId,
  type EmbedTexts,
} from "@/lib/labeling";
import { offlineEncoder } from "../encoder-workers";

export interface ModelRun {
  /** Where the labels come from, for the instructor to read. */
  source: string;
  labels: Map<string, string>;
}

/** How a bundled activity's items were drawn, so the rest of the set can train a few-shot model. */
export interface SampleOrigin {
  dataset: BundledId;
  seed: number;
  n: number;
}

const storeKey = (code: string, activityId: number, what: string): string =>
  `llmlab:classroom:${what}:${code}:${activityId}`;

function read(k: string): unknown {
  try {
    const text = sessionStorage.getItem(k);
    return text === null ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

function write(k: string, value: unknown): void {
  try {
    sessionStorage.setItem(k, JSON.stringify(value));
  } catch {
    /* storage refused: kept for this page only */
  }
}

export function keepOrigin(code: string, activityId: number, origin: SampleOrigin): void {
  write(storeKey(code, activityId, "origin"), origin);
}

export function storedOrigin(code: string, activityId: number): SampleOrigin | null {
  const o = read(storeKey(code, activityId, "origin")) as SampleOrigin | null;
  return o && o.dataset in BUNDLED && Number.isInteger(o.seed) && Number.isInteger(o.n) ? o : null;
}

export function keepRun(code: string, activityId: number, run: ModelRun): void {
  write(storeKey(code, activityId, "model"), { source: run.source, labels: [...run.labels] });
}

export function storedRun(code: string, activityId: number): ModelRun | null {
  const r = read(storeKey(code, activityId, "model")) as {
    source?: unknown;
    labels?: unknown;
  } | null;
  if (!r || typeof r.source !== "string" || !Array.isArray(r.labels)) return null;
  const pairs = (r.labels as unknown[]).filter(
    (p): p is [string, string] =>
      Array.isArray(p) && typeof p[0] === "string" && typeof p[1] === "string",
  );
  return { source: r.source, labels: new Map(pairs) };
}

/** The bundled set's table (the site serves it; the service worker may have it offline). */
export async function bundledTable(dataset: BundledId) {
  const response = await fetch(BUNDLED[dataset].url);
  if (!response.ok) throw new Error(`The dataset did not load (HTTP ${response.status}).`);
  return parseCSV(await response.text());
}

/** Labels every item with the offline encoder, on this device. */
export async function offlineRun(
  spec: LabelingSpec,
  origin: SampleOrigin | null,
  onProgress: (label: string) => void,
): Promise<ModelRun> {
  let pool: { text: string; label: string }[] = [];
  if (origin) {
    const table = await bundledTable(origin.dataset);
    pool = sampleRows(table, BUNDLED[origin.dataset].columns, origin.n, origin.seed).pool;
  }
  const encoder = await offlineEncoder(onProgress);
  const embed: EmbedTexts = async (texts) =>
    (await encoder.encode(texts)).encodings.map((e) => e.sentenceEmbedding ?? new Float32Array(0));
  const described = new Map(labelDefs(spec.codebook).map((d) => [d.name, d.description]));
  const labels = spec.labels.map((name) => ({ name, description: described.get(name) ?? "" }));
  const { scorer, note } = await encoderScorer(
    labels,
    origin ? "centroid" : "zero-shot",
    pool,
    embed,
    onProgress,
  );
  onProgress(`Labelling ${spec.items.length} items…`);
  const vectors = await embed(spec.items.map((i) => i.text));
  return {
    source: `the offline encoder (${note})`,
    labels: new Map(
      spec.items.map((item, i) => [item.id, spec.labels[argmax(scorer(vectors[i] ?? []))] ?? ""]),
    ),
  };
}

/** A model's labels from a results CSV the instructor picked. */
export async function csvRun(
  file: File,
  spec: LabelingSpec,
): Promise<Checked<ModelRun & { note: string }>> {
  const read = modelLabelsFromCSV(
    await file.text(),
    spec.items.map((i) => i.id),
    spec.labels,
  );
  if (!read.ok) return read;
  const { labels, unmatched, unknown } = read.value;
  const skipped = [
    unmatched ? `${unmatched} rows for other items` : "",
    unknown ? `${unknown} rows with other labels` : "",
  ].filter(Boolean);
  return {
    ok: true,
    value: {
      source: `${file.name} (${labels.size} of ${spec.items.length} items)`,
      labels,
      note: skipped.length ? `Skipped ${skipped.join(" and ")}.` : "",
    },
  };
}
