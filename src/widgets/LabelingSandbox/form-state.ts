/**
 * The form as a job keeps it: every field that defines the job (not the API
 * key), so a reload shows what the job asked and an unchanged form resumes it.
 */
/** Form fields kept with a job, so a reload shows what the job asked. */
export const FORM_FIELDS = [
  "labels",
  "instructions",
  "template",
  "mode",
  "k",
  "shots",
  "votes",
  "temperature",
  "rows",
  "method",
  "embed",
  "hand",
  "base-url",
  "model",
  "concurrency",
  "dataset",
  "text-col",
  "gold-col",
  "id-col",
  "image-col",
] as const;
/** The column choices, restored once the dataset's columns are known. */
export const COLUMN_FIELDS = ["text-col", "gold-col", "id-col", "image-col"] as const;

export const sameForm = (a: Record<string, string>, b: Record<string, string>): boolean =>
  Object.keys({ ...a, ...b }).every((k) => (a[k] ?? "") === (b[k] ?? ""));

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** The fields' values (by data-part name). */
export function readForm(root: ParentNode): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of FORM_FIELDS)
    out[name] = root.querySelector<Field>(`[data-part="${name}"]`)?.value ?? "";
  return out;
}

/** Puts stored values back (a select keeps its value only if it has that option). */
export function writeForm(root: ParentNode, form: Record<string, string>): void {
  for (const name of FORM_FIELDS) {
    const value = form[name];
    const field = root.querySelector<Field>(`[data-part="${name}"]`);
    if (field && value !== undefined) field.value = value;
  }
}
