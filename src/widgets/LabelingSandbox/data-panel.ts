/**
 * Step 1 of the sandbox: the dataset (bundled texts or images, the learner's
 * CSV, or a folder of images), the column choice, how many rows to label,
 * hand labels, and a virtualised view of the rows with thumbnails. Without
 * hand labels the first `rows` items are labelled and the gold-labelled rows
 * after them are the pool for few-shot examples and local training; with
 * hand labels those rows are the pool (see splitWithHandLabels).
 */
import {
  datasetFromTable,
  LabelingError,
  type LabelItem,
  parseLabelLines,
  type PoolRow,
  splitDataset,
  splitWithHandLabels,
  type Table,
  BUNDLED_IMAGES,
  MIN_HAND_LABELS_TO_HOLD_OUT,
  provenanceOf,
  type BundledDataset,
} from "@/lib/labeling";
import { guessColumn, loadBundled, loadFile, MAX_JOB_ROWS } from "./datasets";
import {
  bundledImageTable,
  fingerprint,
  ImageSource,
  shortRef,
  tableOfFiles,
  thumbnailImage,
} from "./image-source";
import { VirtualTable } from "./virtual-table";

export interface Selection {
  name: string;
  items: LabelItem[];
  gold: Map<string, string>;
  pool: PoolRow[];
  skipped: number;
  /** Hand-labelled rows held out to check the model (no gold column). */
  heldOut: number;
  /** Hand labels in use (of rows that are items under the current columns). */
  hand: number;
}

type Part = <T extends HTMLElement>(name: string, type: abstract new () => T) => T;
type Row = Record<string, string>;

const NONE = "";
const COLUMN_MENUS = ["text-col", "gold-col", "id-col", "image-col"] as const;

export class DataPanel {
  table: Table | null = null;
  /** The dataset's name in jobs (picked images add a fingerprint of the files). */
  name = "";
  /** The dataset's name as the learner reads it. */
  title = "";
  readonly images = new ImageSource();
  readonly #part: Part;
  #view: VirtualTable<Row>;
  #onChange: () => void;
  /**
   * Hand labels by table row (0-based, so choosing another id column keeps
   * them), kept in the form's hidden `hand` field so a job keeps them.
   */
  #hand = new Map<number, string>();
  /** The dataset the hand labels belong to. */
  #handFor = "";

  constructor(part: Part, onChange: () => void) {
    this.#part = part;
    this.#onChange = onChange;
    this.#view = this.#makeView();
    for (const name of COLUMN_MENUS)
      this.#select(name).addEventListener("change", () => {
        if (name === "image-col" || name === "id-col") this.#view = this.#makeView();
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

  /** The rows' view: a thumbnail column when an image column is chosen, and a hand-label menu. */
  #makeView(): VirtualTable<Row> {
    const image = this.table ? this.#select("image-col").value : NONE;
    const view = new VirtualTable<Row>({
      label: "Dataset rows",
      columns: [
        { title: "#", width: "2.8rem", text: (_r, i) => String(i + 1) },
        ...(image
          ? [
              {
                title: "Image",
                width: "3rem",
                text: (r: Row) => r[image] ?? "",
                render: (r: Row) => this.#thumbnail(r[image] ?? ""),
              },
            ]
          : []),
        {
          title: image ? "Text or file" : "Text",
          width: "minmax(0, 1fr)",
          text: (r) => {
            const text = this.#select("text-col").value;
            const shown = text ? (r[text] ?? "") : "";
            return shown === "" && image ? shortRef(r[image] ?? "") : shown;
          },
        },
        {
          title: "Gold",
          width: "4.6rem",
          text: (r) => {
            const gold = this.#select("gold-col").value;
            return gold ? (r[gold] ?? "") : "";
          },
        },
        {
          title: "By hand",
          width: "6.4rem",
          text: (_r, i) => this.#hand.get(i) ?? "",
          render: (_r, i) => this.#handMenu(i),
        },
      ],
    });
    if (this.table) view.setRows(this.table.rows);
    this.#part("data-table", HTMLElement).replaceChildren(view.element);
    return view;
  }

  /** The id an item of this row gets (the id column, else the row number). */
  #rowId(row: Row, index: number): string {
    const id = this.#select("id-col").value;
    return id ? (row[id] ?? "").trim() : String(index + 1);
  }

  #thumbnail(ref: string): Node | null {
    return thumbnailImage(ref ? this.images.thumbnail(ref) : null);
  }

  #handMenu(index: number): HTMLSelectElement {
    const select = document.createElement("select");
    select.setAttribute("aria-label", `Hand label of row ${index + 1}`);
    const names = parseLabelLines(this.#part("labels", HTMLTextAreaElement).value)
      .map((l) => l.name)
      .filter(Boolean);
    const current = this.#hand.get(index) ?? "";
    select.append(new Option("–", ""), ...names.map((n) => new Option(n, n)));
    // a hand label no longer among the labels stays visible until changed
    if (current && !names.includes(current)) select.append(new Option(current, current));
    select.value = current;
    select.addEventListener("change", () => {
      if (select.value) this.#hand.set(index, select.value);
      else this.#hand.delete(index);
      this.#saveHand();
      this.#onChange();
    });
    return select;
  }

  #saveHand(): void {
    this.#part("hand", HTMLInputElement).value = this.#hand.size
      ? JSON.stringify([...this.#hand])
      : "";
  }

  /**
   * Hand labels as a job's form kept them (the hidden field's JSON of [row,
   * label] pairs) for the dataset `owner`; bad JSON is ignored.
   */
  restoreHand(json: string, owner: string): void {
    this.#hand = new Map();
    this.#handFor = owner;
    try {
      const pairs: unknown = json ? JSON.parse(json) : [];
      if (Array.isArray(pairs))
        for (const pair of pairs)
          if (Array.isArray(pair) && Number.isInteger(pair[0]) && typeof pair[1] === "string")
            this.#hand.set(pair[0] as number, pair[1]);
    } catch {
      // a damaged field: no hand labels
    }
    this.#saveHand();
    this.#view.refresh();
  }

  /** The label names changed: the hand-label menus follow. */
  labelsChanged(): void {
    this.#view.refresh();
  }

  /** Loads the bundled emoji (images, with gold labels and names). */
  async loadBundledImages(): Promise<void> {
    const set = BUNDLED_IMAGES.emoji;
    this.images.clear();
    const { columns } = set;
    this.#show(await bundledImageTable(), set.id, `the “${set.name}” set`, {
      text: NONE,
      gold: columns.gold,
      id: columns.id,
      image: columns.image,
    });
    this.#part("provenance", HTMLElement).textContent = set.provenance;
  }

  /** Loads picked image files (a folder or several files); returns what was left out, in words. */
  loadImages(files: readonly File[]): string {
    const { kept, note } = this.images.pick(files);
    if (kept.length === 0) {
      this.forget("No image is shown: see the message above.");
      throw new LabelingError(note || "Pick one or more image files (JPEG, PNG, WebP, GIF).");
    }
    const title = `your ${kept.length} images`;
    this.#show(tableOfFiles(kept), `${title} #${fingerprint(kept)}`, title, {
      text: NONE,
      gold: NONE,
      id: "file",
      image: "image",
    });
    this.#part("provenance", HTMLElement).textContent =
      "Your images are read in this tab and never uploaded: the local methods embed them here. Label a few of each kind by hand in the table (the “By hand” menus).";
    return note;
  }

  /** Image files named by a CSV's image column (matched by path, else by file name). */
  pickImagesForTable(files: readonly File[]): string {
    const { kept, note } = this.images.pick(files);
    this.#view.refresh();
    this.#onChange();
    return `${kept.length} image files picked for the image column.${note ? ` ${note}` : ""}`;
  }

  /** Loads a bundled dataset and applies its codebook columns. */
  async loadBundled(dataset: BundledDataset): Promise<void> {
    this.images.clear();
    this.#show(
      await loadBundled(dataset),
      dataset.id,
      `the “${dataset.name}” set`,
      dataset.columns,
    );
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
    this.#show(table, file.name, file.name, { text, gold, id, image });
    this.#part("provenance", HTMLElement).textContent = provenanceOf("file");
  }

  /**
   * A dataset that is not available (a file after a reload): empties the
   * view. Hand labels stay, for when the same dataset is loaded again.
   */
  forget(message: string): void {
    this.table = null;
    this.name = "";
    this.title = "";
    this.#view = this.#makeView();
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
    title: string,
    columns: { text: string; gold: string; id: string; image?: string },
  ): void {
    this.table = table;
    this.name = name;
    this.title = title;
    // hand labels belong to one dataset
    if (this.#handFor !== name) {
      this.#hand = new Map();
      this.#saveHand();
    }
    this.#handFor = name;
    const fill = (select: HTMLSelectElement, value: string, none?: string): void => {
      const options = table.columns.map((c) => new Option(c, c));
      if (none !== undefined) options.unshift(new Option(none, NONE));
      select.replaceChildren(...options);
      select.disabled = false;
      select.value = value;
    };
    fill(this.#select("text-col"), columns.text, "(none: images only)");
    fill(this.#select("gold-col"), columns.gold, "(none)");
    fill(this.#select("id-col"), columns.id, "(row number)");
    fill(this.#select("image-col"), columns.image ?? NONE, "(none)");
    this.#view = this.#makeView();
    // a smaller file than the last one: label all of it rather than ask for fewer rows
    const rows = this.#part("rows", HTMLInputElement);
    const image = columns.image ?? NONE;
    const usable = table.rows.filter(
      (r) => (r[columns.text] ?? "").trim() || (image && (r[image] ?? "").trim()),
    ).length;
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
      ...(text ? { text } : {}),
      ...(imageColumn ? { image: imageColumn } : {}),
      ...(goldColumn ? { gold: goldColumn } : {}),
      ...(idColumn ? { id: idColumn } : {}),
    });
    if (dataset.items.length === 0)
      throw new LabelingError(
        text
          ? `The “${text}” column is empty in every row: choose the text column.`
          : "Every row's image is empty: choose the image column, or a text column.",
      );
    const rows = Number(this.#part("rows", HTMLInputElement).value);
    // hand labels of rows that are not items (an empty text or image) are not used
    const ids = new Set(dataset.items.map((i) => i.id));
    const hand = new Map(
      [...this.#hand].flatMap(([index, label]) => {
        const row = table.rows[index];
        const id = row ? this.#rowId(row, index) : "";
        return row && ids.has(id) ? [[id, label] as const] : [];
      }),
    );
    const limit = Math.min(dataset.items.length - hand.size, MAX_JOB_ROWS);
    if (hand.size > 0) {
      const upTo = Math.min(rows, limit);
      if (!Number.isInteger(rows) || rows < 0)
        throw new LabelingError(
          "Rows to label must be a whole number (0 labels only the held-out check).",
        );
      const split = splitWithHandLabels(dataset, upTo, hand);
      return {
        name: this.name,
        ...split,
        gold: new Map(split.gold),
        skipped: dataset.skipped,
        hand: hand.size,
      };
    }
    if (!Number.isInteger(rows) || rows < 1 || rows > limit)
      throw new LabelingError(
        `Rows to label must be a whole number from 1 to ${limit.toLocaleString("en")}` +
          (dataset.items.length > MAX_JOB_ROWS
            ? " (label larger files with npm run label or the Batch API export)."
            : "."),
      );
    const { items, gold, pool } = splitDataset(dataset, rows);
    return {
      name: this.name,
      items,
      gold: new Map(gold),
      pool,
      skipped: dataset.skipped,
      heldOut: 0,
      hand: 0,
    };
  }

  /** One line about the data, or the problem with the current choice. */
  summarize(): void {
    const out = this.#part("data-summary", HTMLElement);
    if (!this.table) return;
    try {
      const s = this.selection();
      const where = `${this.table.rows.length.toLocaleString("en")} rows in ${this.title}`;
      const hand = s.hand;
      if (hand > 0) {
        out.textContent =
          `${where}; ${hand} labelled by hand: the local methods learn from ${s.pool.length}` +
          (s.heldOut
            ? ` and ${s.heldOut} are held out to check them`
            : s.gold.size
              ? ""
              : hand < MIN_HAND_LABELS_TO_HOLD_OUT
                ? ` (label ${MIN_HAND_LABELS_TO_HOLD_OUT} or more by hand to hold a quarter out and check the model)`
                : " (label two or more of a label by hand to hold some out and check the model)") +
          `; labelling ${s.items.length.toLocaleString("en")} rows` +
          (s.gold.size ? ` (${s.gold.size} with a gold or held-out label).` : ".");
        out.dataset["problem"] = "false";
        return;
      }
      out.textContent =
        `${where}; labelling the first ${s.items.length.toLocaleString("en")}` +
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
