/**
 * What a labeling job asks: the labels and their descriptions, single- or
 * multi-label (up to k themes), the prompt template with its `{text}`
 * placeholder, few-shot examples, the model and its parameters, and how many
 * votes each item gets (the answer is their majority).
 */

export class LabelingError extends Error {
  override name = "LabelingError";
}

export interface LabelDef {
  name: string;
  description: string;
}

export interface FewShotExample {
  text: string;
  /** One or more label names (multi-label tasks may give several). */
  labels: string[];
}

export interface ModelParameters {
  temperature?: number;
  top_p?: number;
  seed?: number;
  /** Upper bound on the answer's tokens (default 50). */
  max_completion_tokens?: number;
}

export interface TaskSpec {
  labels: LabelDef[];
  /** "single": exactly one label; "multi": one to `maxLabels` labels. */
  mode: "single" | "multi";
  /** Most labels per item in multi-label mode (k themes). */
  maxLabels?: number;
  /** The system message: instructions and label descriptions. */
  instructions: string;
  /** The user message; `{text}` is replaced by the item's text. */
  template: string;
  /** Few-shot examples drawn from labelled rows (empty: zero-shot). */
  examples: FewShotExample[];
  model: string;
  parameters: ModelParameters;
  /** Requests per item; the final answer is the majority (default 1). */
  votes: number;
}

/** An item to label: an id unique in the job, its text, optionally an image URL (vision models). */
export interface LabelItem {
  id: string;
  text: string;
  image?: string;
}

export const TEXT_PLACEHOLDER = "{text}";

/** Checks a task and returns it tidied (trimmed names); throws LabelingError saying what is wrong. */
export function validateTask(task: TaskSpec): TaskSpec {
  const labels = task.labels.map((l) => ({
    name: l.name.trim(),
    description: l.description.trim(),
  }));
  if (labels.length < 2) throw new LabelingError("Give at least two labels.");
  const seen = new Set<string>();
  for (const label of labels) {
    if (!label.name) throw new LabelingError("A label has no name.");
    if (seen.has(label.name.toLowerCase()))
      throw new LabelingError(`The label “${label.name}” appears twice.`);
    seen.add(label.name.toLowerCase());
  }
  if (!task.template.includes(TEXT_PLACEHOLDER))
    throw new LabelingError(
      `The prompt template has no ${TEXT_PLACEHOLDER} placeholder: write where the item's text goes.`,
    );
  if (!Number.isInteger(task.votes) || task.votes < 1 || task.votes > 25)
    throw new LabelingError("Votes must be a whole number from 1 to 25.");
  if (task.mode === "multi") {
    const k = task.maxLabels ?? labels.length;
    if (!Number.isInteger(k) || k < 1 || k > labels.length)
      throw new LabelingError(`Up to k themes: k must be from 1 to ${labels.length}.`);
  }
  if (!task.model.trim()) throw new LabelingError("Choose a model.");
  const t = task.parameters.temperature;
  if (t !== undefined && (!Number.isFinite(t) || t < 0 || t > 2))
    throw new LabelingError(`The temperature must be a number from 0 to 2, not ${String(t)}.`);
  const names = new Set(labels.map((l) => l.name));
  for (const example of task.examples)
    for (const name of example.labels)
      if (!names.has(name.trim()))
        throw new LabelingError(`A few-shot example has the unknown label “${name}”.`);
  return { ...task, labels, model: task.model.trim() };
}

/**
 * The temperature used when none is given: 0 for one vote (the most likely
 * answer), 1 for several, since at 0 every vote repeats the same answer and
 * their agreement means nothing while the cost multiplies.
 */
export function defaultTemperature(votes: number): number {
  return votes > 1 ? 1 : 0;
}

/** The highest number of labels an answer may carry. */
export function maxLabelsOf(task: TaskSpec): number {
  return task.mode === "single" ? 1 : (task.maxLabels ?? task.labels.length);
}

/** Few-shot examples from labelled rows: up to `perLabel` rows of each label, in row order. */
export function examplesFromRows(
  rows: readonly { text: string; label: string }[],
  labels: readonly string[],
  perLabel: number,
): FewShotExample[] {
  const counts = new Map<string, number>();
  const out: FewShotExample[] = [];
  for (const row of rows) {
    const n = counts.get(row.label) ?? 0;
    if (!labels.includes(row.label) || n >= perLabel || !row.text.trim()) continue;
    counts.set(row.label, n + 1);
    out.push({ text: row.text, labels: [row.label] });
  }
  return out;
}

/**
 * Labels written one per line as "name: description" (the first colon
 * splits; a line without one is a name alone; blank lines are skipped).
 */
export function parseLabelLines(text: string): LabelDef[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf(":");
      return at < 0
        ? { name: line, description: "" }
        : { name: line.slice(0, at).trim(), description: line.slice(at + 1).trim() };
    });
}
