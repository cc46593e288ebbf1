/**
 * Learner progress, kept in localStorage as `{ "v": 1, "done": { "<lesson id>": <ms> } }`.
 * Pure functions: the DOM side lives in progress-ui.ts.
 */

export const PROGRESS_KEY = "llmlab:progress";

export interface Progress {
  v: 1;
  /** Lesson id → time (ms since epoch) it was marked done. */
  done: Record<string, number>;
}

export function emptyProgress(): Progress {
  return { v: 1, done: {} };
}

/** Reads stored progress; anything unreadable becomes empty progress instead of an error. */
export function parseProgress(raw: string | null): Progress {
  if (!raw) return emptyProgress();
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return emptyProgress();
  }
  if (typeof value !== "object" || value === null) return emptyProgress();
  const done = (value as { done?: unknown }).done;
  const progress = emptyProgress();
  if (typeof done === "object" && done !== null) {
    for (const [id, at] of Object.entries(done)) {
      if (typeof at === "number" && Number.isFinite(at)) progress.done[id] = at;
    }
  }
  return progress;
}

export function serializeProgress(progress: Progress): string {
  return JSON.stringify(progress);
}

/** Returns a new Progress with `id` marked done (at `now`) or not done. */
export function setDone(progress: Progress, id: string, done: boolean, now: number): Progress {
  const entries = Object.entries(progress.done).filter(([key]) => key !== id);
  if (done) entries.push([id, now]);
  return { v: 1, done: Object.fromEntries(entries) };
}

export function isDone(progress: Progress, id: string): boolean {
  return id in progress.done;
}

export interface ProgressSummary {
  done: number;
  total: number;
  /** Whole percent, 0–100. */
  percent: number;
}

/** Counts only the lessons that exist now, so a removed lesson never counts. */
export function summarize(progress: Progress, lessonIds: readonly string[]): ProgressSummary {
  const done = lessonIds.filter((id) => isDone(progress, id)).length;
  const total = lessonIds.length;
  return { done, total, percent: total === 0 ? 0 : Math.round((100 * done) / total) };
}

/** Where code cells record passed exercises: `{ "<lesson>": { "<cell>": <ms> } }`. */
export const EXERCISES_KEY = "llmlab:exercises";

/** How many of a lesson's exercise cells are passed, from the stored record (unreadable → none). */
export function exerciseSummary(
  raw: string | null,
  lessonId: string,
  cellIds: readonly string[],
): { passed: number; total: number } {
  let passedCells: Record<string, unknown> = {};
  try {
    const value = JSON.parse(raw ?? "{}") as unknown;
    const lesson =
      typeof value === "object" && value !== null
        ? (value as Record<string, unknown>)[lessonId]
        : undefined;
    if (typeof lesson === "object" && lesson !== null)
      passedCells = lesson as Record<string, unknown>;
  } catch {
    /* unreadable: nothing passed */
  }
  const passed = cellIds.filter((id) => typeof passedCells[id] === "number").length;
  return { passed, total: cellIds.length };
}
