/**
 * The Settings panel ↔ Settings: fills the form's fields from settings and
 * reads them back. Fields are found by their data-part, named after the setting.
 */
import type { Settings } from "./settings";

const NUMBER_FIELDS = [
  "width",
  "height",
  "students",
  "density",
  "minSame",
  "wanted",
  "radius",
] as const;
const TEXT_FIELDS = ["shares", "seed"] as const;
const SELECT_FIELDS = ["rule", "move", "schedule", "neighborhood", "boundary"] as const;

/** Every field that restarts the model when it changes. */
export const RESTART_FIELDS = [
  ...NUMBER_FIELDS,
  ...TEXT_FIELDS,
  ...SELECT_FIELDS,
  "upper",
] as const;

type Control = HTMLInputElement | HTMLSelectElement;

function field(root: ParentNode, name: string): Control {
  const found = root.querySelector(`[data-part="${name}"]`);
  if (!(found instanceof HTMLInputElement || found instanceof HTMLSelectElement))
    throw new Error(`the Schelling widget has no field "${name}"`);
  return found;
}

export function fillForm(root: ParentNode, s: Settings): void {
  field(root, "mode").value = s.mode;
  for (const name of [...NUMBER_FIELDS, ...TEXT_FIELDS, ...SELECT_FIELDS])
    field(root, name).value = String(s[name]);
  field(root, "upper").value = s.upper === null ? "" : String(s.upper);
  (field(root, "shapes") as HTMLInputElement).checked = s.shapes;
  field(root, "speed").value = String(s.speed);
  const groups = String(s.shares.split(/[,;\s]+/).filter(Boolean).length);
  const select = field(root, "groups") as HTMLSelectElement;
  select.value = groups;
  if (select.value !== groups) select.selectedIndex = -1;
}

/** The form's values over `current` (mode and speed are not form fields here). */
export function readForm(root: ParentNode, current: Settings): Settings {
  const s: Settings = { ...current };
  for (const name of NUMBER_FIELDS) {
    const text = field(root, name).value.trim();
    s[name] = text === "" ? Number.NaN : Number(text);
  }
  s.shares = field(root, "shares").value;
  s.seed = field(root, "seed").value;
  s.rule = field(root, "rule").value as Settings["rule"];
  s.move = field(root, "move").value as Settings["move"];
  s.schedule = field(root, "schedule").value as Settings["schedule"];
  s.neighborhood = field(root, "neighborhood").value as Settings["neighborhood"];
  s.boundary = field(root, "boundary").value as Settings["boundary"];
  const upper = field(root, "upper").value.trim();
  s.upper = upper === "" ? null : Number(upper);
  s.shapes = (field(root, "shapes") as HTMLInputElement).checked;
  return s;
}
