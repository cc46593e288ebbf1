/** Building the classroom's DOM: every text goes in as textContent, never as HTML. */
import { el } from "../dom";

export { clip, el } from "../dom";

export function button(text: string, onClick: () => void, className?: string): HTMLButtonElement {
  const b = el("button", className, text);
  b.type = "button";
  b.addEventListener("click", onClick);
  return b;
}

let fields = 0;

/** A labelled field: the label above the control, and a hint that describes it. */
export function field(text: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = `class-field-${++fields}`;
  control.id = id;
  const wrap = el("div", "class-field");
  const label = el("label", "class-field-label", text);
  label.htmlFor = id;
  wrap.append(label, control);
  if (hint) {
    const note = el("span", "class-field-hint", hint);
    note.id = `${id}-hint`;
    control.setAttribute("aria-describedby", note.id);
    wrap.append(note);
  }
  return wrap;
}

/** A number with three decimals, or a dash. */
export const f3 = (value: number | undefined): string =>
  value === undefined || Number.isNaN(value) ? "–" : value.toFixed(3);
