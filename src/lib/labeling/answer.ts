/**
 * Reading a model's answer: valid only if it names labels from the set (one
 * in single-label mode, one to k in multi-label mode). Anything else is
 * invalid, never guessed. Votes are combined by majority.
 */
import { maxLabelsOf, type TaskSpec } from "./task";

/** The labels in an answer, or null when it is not a valid answer. */
export function parseAnswer(content: string, task: TaskSpec): string[] | null {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const record = value as Record<string, unknown>;
  const raw: unknown[] =
    task.mode === "single"
      ? [record["label"]]
      : Array.isArray(record["labels"])
        ? (record["labels"] as unknown[])
        : [];
  const names = new Set(task.labels.map((l) => l.name));
  const labels: string[] = [];
  for (const entry of raw) {
    if (typeof entry !== "string" || !names.has(entry)) return null;
    if (!labels.includes(entry)) labels.push(entry);
  }
  if (labels.length < 1 || labels.length > maxLabelsOf(task)) return null;
  return labels;
}

/**
 * The majority of several votes. Single-label: the label with the most votes
 * (a tie goes to the label listed first in the task). Multi-label: every label
 * named by more than half of the votes (at least the most-voted one), at most k.
 */
export function majorityVote(votes: readonly (readonly string[])[], task: TaskSpec): string[] {
  const order = task.labels.map((l) => l.name);
  const counts = new Map<string, number>();
  for (const vote of votes)
    for (const label of vote) counts.set(label, (counts.get(label) ?? 0) + 1);
  const ranked = order
    .filter((name) => counts.has(name))
    .sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0));
  if (ranked.length === 0) return [];
  if (task.mode === "single") return [ranked[0] as string];
  const chosen = ranked.filter((name) => (counts.get(name) ?? 0) * 2 > votes.length);
  return (chosen.length > 0 ? chosen : ranked.slice(0, 1)).slice(0, maxLabelsOf(task));
}
