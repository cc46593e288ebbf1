/**
 * A virtualised table: only the rows in view (plus a margin) are in the DOM,
 * so 100,000 rows scroll as smoothly as 10 (and 2,000 thumbnails load only
 * as they come into view). Cells are written as text, never as HTML (dataset
 * text may contain markup or script), or built as elements by `render`.
 */

export interface Column<T> {
  title: string;
  /** A CSS grid track, e.g. "6rem" or "minmax(0, 1fr)". */
  width: string;
  text: (row: T, index: number) => string;
  className?: string;
  /** Builds the cell's content instead (a thumbnail, a menu); `text` is then not shown. */
  render?: (row: T, index: number) => Node | null;
}

export interface VirtualTableOptions<T> {
  label: string;
  columns: Column<T>[];
  /** When given, the first cell is a button that calls it (keyboard reachable). */
  onPick?: (row: T, index: number) => void;
  /** Data attributes per row (e.g. status), for styling. */
  rowData?: (row: T) => Record<string, string>;
}

const ROW_PX = 32;
const MARGIN_ROWS = 8;

export class VirtualTable<T> {
  readonly element: HTMLDivElement;
  #rows: readonly T[] = [];
  #body: HTMLDivElement;
  #frame = 0;
  #options: VirtualTableOptions<T>;

  constructor(options: VirtualTableOptions<T>) {
    this.#options = options;
    this.element = document.createElement("div");
    this.element.className = "vt";
    this.element.tabIndex = 0;
    // ARIA table semantics: rows and cells stay tied to their column headers although
    // only the rows in view exist
    this.element.setAttribute("role", "table");
    this.element.setAttribute("aria-label", options.label);
    this.element.style.setProperty("--vt-columns", options.columns.map((c) => c.width).join(" "));
    const head = document.createElement("div");
    head.className = "vt-head";
    head.setAttribute("role", "row");
    head.setAttribute("aria-rowindex", "1");
    for (const column of options.columns) {
      const cell = document.createElement("span");
      cell.setAttribute("role", "columnheader");
      cell.textContent = column.title;
      head.append(cell);
    }
    this.#body = document.createElement("div");
    this.#body.className = "vt-rows";
    this.#body.setAttribute("role", "rowgroup");
    this.element.append(head, this.#body);
    this.element.addEventListener("scroll", () => {
      this.#schedule();
    });
  }

  get rowCount(): number {
    return this.#rows.length;
  }

  setRows(rows: readonly T[]): void {
    this.#rows = rows;
    this.#body.style.height = `${rows.length * ROW_PX}px`;
    this.element.setAttribute("aria-rowcount", String(rows.length + 1));
    this.#paint();
  }

  /** Repaints the visible rows (after their data changed). */
  refresh(): void {
    this.#schedule();
  }

  #schedule(): void {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#paint();
    });
  }

  #paint(): void {
    const top = this.element.scrollTop;
    const height = this.element.clientHeight || 240;
    const first = Math.max(0, Math.floor(top / ROW_PX) - MARGIN_ROWS);
    const last = Math.min(this.#rows.length, Math.ceil((top + height) / ROW_PX) + MARGIN_ROWS);
    // a repaint replaces the rows: keep the keyboard focus on the same row's button or menu
    const active = this.#body.contains(document.activeElement) ? document.activeElement : null;
    const focused = active?.closest<HTMLElement>(".vt-row")?.dataset["index"];
    const control = active instanceof HTMLSelectElement ? "select" : "button";
    const fragment = document.createDocumentFragment();
    for (let i = first; i < last; i++) fragment.append(this.#row(this.#rows[i] as T, i));
    this.#body.replaceChildren(fragment);
    if (focused !== undefined)
      this.#body.querySelector<HTMLElement>(`.vt-row[data-index="${focused}"] ${control}`)?.focus();
    this.element.dataset["renderedRows"] = String(last - first);
  }

  #row(row: T, index: number): HTMLDivElement {
    const { columns, onPick, rowData } = this.#options;
    const div = document.createElement("div");
    div.className = "vt-row";
    div.setAttribute("role", "row");
    div.setAttribute("aria-rowindex", String(index + 2));
    div.style.top = `${index * ROW_PX}px`;
    div.dataset["index"] = String(index);
    if (rowData) Object.assign(div.dataset, rowData(row));
    columns.forEach((column, c) => {
      const cell = document.createElement("span");
      cell.setAttribute("role", "cell");
      if (column.className) cell.className = column.className;
      const text = column.text(row, index);
      if (c === 0 && onPick) {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = text;
        button.title = "Show this item's full text and raw answers";
        button.addEventListener("click", () => {
          onPick(row, index);
        });
        cell.append(button);
      } else if (column.render) {
        const node = column.render(row, index);
        if (node) cell.append(node);
      } else {
        cell.textContent = text;
        cell.title = text.length > 40 ? text.slice(0, 500) : "";
      }
      div.append(cell);
    });
    return div;
  }
}
