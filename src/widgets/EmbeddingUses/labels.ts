/** Default labels and the label editor's rows (name + description per label). */
import type { LabelDefinition } from "@/lib/embeddings/index";

export const SOTU_LABELS: readonly LabelDefinition[] = [
  {
    name: "war",
    description: "War, the army and the navy, soldiers, battles and national defense.",
  },
  {
    name: "economy",
    description: "Taxes, tariffs, the budget, the public debt, banks, money and prices.",
  },
  {
    name: "rights",
    description: "Slavery, emancipation, civil rights and equal rights for all citizens.",
  },
  {
    name: "foreign affairs",
    description: "Treaties and peaceful relations with foreign nations and their governments.",
  },
  {
    name: "welfare",
    description: "Schools, health care, families, jobs and the well-being of working people.",
  },
];

export const PASTE_LABELS: readonly LabelDefinition[] = [
  { name: "housing", description: "Rent, house prices and affordable homes." },
  { name: "jobs", description: "Jobs, unemployment and wages." },
  { name: "health", description: "Hospitals, doctors and health insurance." },
  { name: "politics", description: "Politicians, parties, government and corruption." },
  { name: "environment", description: "Climate change, pollution and clean energy." },
];

/** "name: description" per line, for the URL. */
export function labelsToText(labels: readonly LabelDefinition[]): string {
  return labels
    .map((l) => `${l.name.replace(/[:\n]/g, " ")}: ${l.description.replace(/\n/g, " ")}`)
    .join("\n");
}

/** Fills the editor's body with one row per label: name, description, remove. */
export function renderLabelRows(body: HTMLElement, labels: readonly LabelDefinition[]): void {
  body.replaceChildren(
    ...labels.map((label, i) => {
      const row = document.createElement("tr");
      const name = document.createElement("input");
      name.type = "text";
      name.value = label.name;
      name.dataset["field"] = "name";
      name.setAttribute("aria-label", `Label ${i + 1} name`);
      const description = document.createElement("input");
      description.type = "text";
      description.value = label.description;
      description.dataset["field"] = "description";
      description.setAttribute("aria-label", `Label ${i + 1} description`);
      const remove = document.createElement("button");
      remove.type = "button";
      remove.textContent = "Remove";
      remove.dataset["remove"] = String(i);
      remove.setAttribute("aria-label", `Remove label ${i + 1}`);
      for (const control of [name, description, remove]) {
        const cell = document.createElement("td");
        cell.append(control);
        row.append(cell);
      }
      return row;
    }),
  );
}

/** Reads the editor's rows back. */
export function readLabelRows(body: HTMLElement): LabelDefinition[] {
  return [...body.querySelectorAll("tr")].map((row) => ({
    name: row.querySelector<HTMLInputElement>('[data-field="name"]')?.value ?? "",
    description: row.querySelector<HTMLInputElement>('[data-field="description"]')?.value ?? "",
  }));
}

/** Wires the editor: “Add label” appends a row, “Remove” drops one; `onChange` after every edit. */
export function attachLabelEditor(body: HTMLElement, add: HTMLElement, onChange: () => void): void {
  add.addEventListener("click", () => {
    renderLabelRows(body, [...readLabelRows(body), { name: "", description: "" }]);
    body.querySelector<HTMLInputElement>("tr:last-child input")?.focus();
    onChange();
  });
  body.addEventListener("click", (event) => {
    const remove = (event.target as HTMLElement).closest<HTMLElement>("[data-remove]");
    if (!remove) return;
    const rows = readLabelRows(body);
    const at = Number(remove.dataset["remove"]);
    rows.splice(at, 1);
    renderLabelRows(body, rows);
    const buttons = body.querySelectorAll<HTMLButtonElement>("[data-remove]");
    buttons[Math.min(at, rows.length - 1)]?.focus();
    onChange();
  });
  body.addEventListener("input", onChange);
}
