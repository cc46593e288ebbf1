/**
 * What a code cell keeps in localStorage: the learner's edits per cell, and
 * passed exercises per lesson (under this widget's own key; the site's lesson
 * progress lives in src/scripts/progress-store.ts).
 */
export const EDIT_PREFIX = "llmlab:cell:";
export const EXERCISES_KEY = "llmlab:exercises";

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The key of a cell's edits: lesson and cell id, so two lessons' "analogy" cells differ. */
export function editKey(lesson: string, cell: string): string {
  return `${EDIT_PREFIX}${lesson}/${cell}`;
}

export function loadEdit(storage: StorageLike, lesson: string, cell: string): string | null {
  try {
    return storage.getItem(editKey(lesson, cell));
  } catch {
    return null;
  }
}

/** Saves the code, or forgets it when it equals the original (so Reset leaves nothing behind). */
export function saveEdit(
  storage: StorageLike,
  lesson: string,
  cell: string,
  code: string,
  original: string,
): void {
  try {
    if (code === original) storage.removeItem(editKey(lesson, cell));
    else storage.setItem(editKey(lesson, cell), code);
  } catch {
    /* storage full or blocked: the edit lives on in the editor */
  }
}

export type ExerciseRecord = Record<string, Record<string, number>>;

export function readExercises(storage: StorageLike): ExerciseRecord {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(EXERCISES_KEY) ?? "{}");
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return {};
    const out: ExerciseRecord = {};
    for (const [lesson, cells] of Object.entries(parsed as Record<string, unknown>)) {
      if (cells === null || typeof cells !== "object") continue;
      const kept: Record<string, number> = {};
      for (const [cell, at] of Object.entries(cells as Record<string, unknown>))
        if (typeof at === "number") kept[cell] = at;
      out[lesson] = kept;
    }
    return out;
  } catch {
    return {};
  }
}

/** Records a passed exercise (first pass time kept). */
export function markPassed(
  storage: StorageLike,
  lesson: string,
  cell: string,
  at: number,
): ExerciseRecord {
  const all = readExercises(storage);
  const cells = all[lesson] ?? {};
  cells[cell] ??= at;
  all[lesson] = cells;
  try {
    storage.setItem(EXERCISES_KEY, JSON.stringify(all));
  } catch {
    /* ignore */
  }
  return all;
}
