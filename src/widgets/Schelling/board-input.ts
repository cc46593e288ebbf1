/**
 * The instructor's hands on the classroom grid: click a student then an empty
 * seat, or drag a student onto an empty seat; or, from the keyboard, move a
 * cursor with the arrow keys and press Enter to pick up and put down.
 */
export interface BoardState {
  width: number;
  height: number;
  cells: Uint8Array;
}

export interface BoardCallbacks {
  /** The current grid, or null when there is none (or moving by hand is off). */
  board: () => BoardState | null;
  cellAt: (clientX: number, clientY: number) => number;
  move: (from: number, to: number) => void;
  /** Cursor or selection changed: redraw, and say where the cursor is. */
  changed: (announce: boolean) => void;
}

export class BoardInput {
  /** The keyboard cursor (−1 while the canvas does not have focus). */
  cursor = -1;
  /** The student picked up, or −1. */
  selected = -1;
  #dragFrom = -1;
  #lastCursor = 0;

  constructor(canvas: HTMLCanvasElement, callbacks: BoardCallbacks) {
    const { board, cellAt, move, changed } = callbacks;
    const tryMove = (from: number, to: number): boolean => {
      const b = board();
      if (!b || from < 0 || to < 0 || from === to) return false;
      if (b.cells[from] === 0 || b.cells[to] !== 0) return false;
      this.selected = -1;
      move(from, to);
      return true;
    };

    canvas.addEventListener("pointerdown", (event) => {
      const b = board();
      if (!b) return;
      const cell = cellAt(event.clientX, event.clientY);
      if (cell < 0) return;
      if (b.cells[cell] !== 0) {
        this.selected = this.selected === cell ? -1 : cell;
        this.#dragFrom = cell;
        canvas.setPointerCapture(event.pointerId);
      } else if (!tryMove(this.selected, cell)) {
        this.selected = -1;
      }
      changed(false);
    });
    canvas.addEventListener("pointerup", (event) => {
      const from = this.#dragFrom;
      this.#dragFrom = -1;
      if (from < 0) return;
      const cell = cellAt(event.clientX, event.clientY);
      if (cell !== from && tryMove(from, cell)) changed(false);
    });
    canvas.addEventListener("pointercancel", () => {
      this.#dragFrom = -1;
    });

    canvas.addEventListener("focus", () => {
      if (!board()) return;
      this.cursor = this.#lastCursor;
      changed(true);
    });
    canvas.addEventListener("blur", () => {
      this.#lastCursor = Math.max(0, this.cursor);
      this.cursor = -1;
      changed(false);
    });
    canvas.addEventListener("keydown", (event) => {
      const b = board();
      if (!b || this.cursor < 0) return;
      const x = this.cursor % b.width;
      const y = Math.floor(this.cursor / b.width);
      const steps: Record<string, [number, number]> = {
        ArrowLeft: [-1, 0],
        ArrowRight: [1, 0],
        ArrowUp: [0, -1],
        ArrowDown: [0, 1],
      };
      const step = steps[event.key];
      if (step) {
        const nx = Math.min(b.width - 1, Math.max(0, x + step[0]));
        const ny = Math.min(b.height - 1, Math.max(0, y + step[1]));
        this.cursor = ny * b.width + nx;
        changed(true);
      } else if (event.key === "Enter" || event.key === " ") {
        if (b.cells[this.cursor] !== 0)
          this.selected = this.selected === this.cursor ? -1 : this.cursor;
        else tryMove(this.selected, this.cursor);
        changed(true);
      } else if (event.key === "Escape" && this.selected >= 0) {
        this.selected = -1;
        changed(true);
      } else {
        return;
      }
      event.preventDefault();
      event.stopPropagation();
    });
  }

  /** Forgets the selection and cursor position (after a reset). */
  clear(): void {
    this.selected = -1;
    this.#dragFrom = -1;
    this.#lastCursor = 0;
    if (this.cursor >= 0) this.cursor = 0;
  }
}
