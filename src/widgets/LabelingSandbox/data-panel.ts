/**
 * Step 1 of the sandbox: the dataset (bundled or the learner's CSV), the
 * column choice, how many rows to label, and a virtualised view of the rows.
 * The first `rows` items are labelled; the gold-labelled rows after them are
 * the pool for few-shot examples and local training.
 */
import {
  datasetFromTable,
  LabelingError,
  type LabelItem,
  type PoolRow,
  splitDataset,
  type Table,
  BUNDLED,
  provenanceOf,
  type BundledDataset,
} from "@/lib/labeling";
import { guessColumn, loadBundled, loadFile, MAX_JOB_ROWS } from "./datasets";
import { VirtualTable } from "./virtual-table";

export interface Selection {
  name: string;
  items: LabelItem[];
  gold: Map<string, string>;
  pool: PoolRow[];
  skipped: number;
}

type Part = <T extends HTMLElement>(name: string, type: abstract new () => T) => T;

const NONE = "";
const COLUMN_MENUS = ["text-col", "gold-col", "id-col", "image-col"] as const;

export class DataPanel {
  table: Table | null = null;
  name = "";
  readonly #part: Part;
  readonly #view: VirtualTable<Record<string, string>>;
  #onChange: () => void;

  constructor(part: Part, onChange: () => void) {
    this.#part = part;
    this.#onChange = onChange;
    this.#view = new VirtualTable<Record<string, string>>({
      label: "Dataset rows",
      columns: [
        { title: "#", width: "3.2rem", text: (_r, i) => String(i + 1) },
        {
          title: "Text",
          width: "minmax(0, 1fr)",
          text: (r) => r[this.#select("text-col").value] ?? "",
        },
        {
          title: "Gold",
          width: "5.5rem",
          text: (r) => {
            const gold = this.#select("gold-col").value;
            return gold ? (r[gold] ?? "") : "";
          },
        },
      ],
    });
    part("data-table", HTMLElement).append(this.#view.element);
    for (const name of COLUMN_MENUS)
      this.#select(name).addEventListener("change", () => {
        this.#view.refresh();
        this.#onChange();
      });
    part("rows", HTMLInputElement).addEventListener("input", () => {
      this.#onChange();
    });
  }

  #select(name: string): HTMLSelectElement {
    return this.#part(name, HTMLSelectElement);
  }

  /** Loads a bundled dataset and applies its codebook columns. */
  async loadBundled(dataset: BundledDataset): Promise<void> {
    this.#show(await loadBundled(dataset), dataset.id, dataset.columns);
    this.#part("provenance", HTMLElement).textContent = provenanceOf(dataset.id);
  }

  /** Loads a CSV file; a file that cannot be used empties the view (no columns of the last one stay). */
  async loadFile(file: File): Promise<void> {
    let table: Table;
    try {
      table = await loadFile(file);
    } catch (error) {
      this.forget(`Nothing from “${file.name}” is shown: see the message above.`);
      throw error;
    }
    const text = guessColumn(
      table.columns,
      /^(text|body|content|message|tweet|sentence|caption)s?$/i,
      table.columns[0] ?? "",
    );
    const gold = guessColumn(table.columns, /^(label|gold|class|category|code)s?$/i, NONE);
    const id = guessColumn(table.columns, /^(id|item_?id|doc_?id)$/i, NONE);
    const image = guessColumn(table.columns, /^(image|image_?url|img|photo|picture)s?$/i, NONE);
    this.#show(table, file.name, { text, gold, id, image });
    this.#part("provenance", HTMLElement).textContent = provenanceOf("file");
  }

  /** A dataset that is not available (a file after a reload): empties the view. */
  forget(message: string): void {
    this.table = null;
    this.name = "";
    this.#view.setRows([]);
    for (const name of COLUMN_MENUS) {
      const select = this.#select(name);
      select.replaceChildren();
      select.disabled = true;
    }
    this.#part("provenance", HTMLElement).textContent = "";
    this.#part("data-summary", HTMLElement).textContent = message;
    this.#onChange();
  }

  #show(
    table: Table,
    name: string,
    columns: { text: string; gold: string; id: string; image?: string },
  ): void {
    this.table = table;
    this.name = name;
    const fill = (select: HTMLSelectElement, value: string, none?: string): void => {
      const options = table.columns.map((c) => new Option(c, c));
      if (none !== undefined) options.unshift(new Option(none, NONE));
      select.replaceChildren(...options);
      select.disabled = false;
      select.value = value;
    };
    fill(this.#select("text-col"), columns.text);
    fill(this.#select("gold-col"), columns.gold, "(none)");
    fill(this.#select("id-col"), columns.id, "(row number)");
    fill(this.#select("image-col"), columns.image ?? NONE, "(none)");
    this.#view.setRows(table.rows);
    // a smaller file than the last one: label all of it rather than ask for fewer rows
    const rows = this.#part("rows", HTMLInputElement);
    const usable = table.rows.filter((r) => (r[columns.text] ?? "").trim()).length;
    if (usable > 0 && Number(rows.value) > usable) rows.value = String(usable);
    this.#onChange();
  }

  /** What to label, from the current choices; throws LabelingError saying what to fix. */
  selection(): Selection {
    const table = this.table;
    if (!table) throw new LabelingError("Choose a dataset or a CSV file first.");
    const text = this.#select("text-col").value;
    const goldColumn = this.#select("gold-col").value;
    const idColumn = this.#select("id-col").value;
    const imageColumn = this.#select("image-col").value;
    const dataset = datasetFromTable(table, {
      text,
      ...(imageColumn ? { image: imageColumn } : {}),
      ...(goldColumn ? { gold: goldColumn } : {}),
      ...(idColumn ? { id: idColumn } : {}),
    });
    if (dataset.items.length === 0)
      throw new LabelingError(
        `The “${text}” column is empty in every row: choose the text column.`,
      );
    const rows = Number(this.#part("rows", HTMLInputElement).value);
    const limit = Math.min(dataset.items.length, MAX_JOB_ROWS);
    if (!Number.isInteger(rows) || rows < 1 || rows > limit)
      throw new LabelingError(
        `Rows to label must be a whole number from 1 to ${limit.toLocaleString("en")}` +
          (dataset.items.length > MAX_JOB_ROWS
            ? " (label larger files with npm run label or the Batch API export)."
            : "."),
      );
    const { items, gold, pool } = splitDataset(dataset, rows);
    return { name: this.name, items, gold: new Map(gold), pool, skipped: dataset.skipped };
  }

  /** One line about the data, or the problem with the current choice. */
  summarize(): void {
    const out = this.#part("data-summary", HTMLElement);
    if (!this.table) return;
    try {
      const s = this.selection();
      out.textContent =
        `${this.table.rows.length.toLocaleString("en")} rows in ${s.name in BUNDLED ? `the “${BUNDLED[s.name as keyof typeof BUNDLED].name}” set` : s.name}; labelling the first ${s.items.length.toLocaleString("en")}` +
        (s.gold.size
          ? ` (${s.gold.size} with gold labels)`
          : " (no gold labels: choose a gold column to evaluate)") +
        `; ${s.pool.length.toLocaleString("en")} more gold-labelled rows for examples and training` +
        (s.skipped ? `; ${s.skipped} empty rows skipped.` : ".");
      out.dataset["problem"] = "false";
    } catch (error) {
      out.textContent = error instanceof Error ? error.message : String(error);
      out.dataset["problem"] = "true";
    }
  }
}
