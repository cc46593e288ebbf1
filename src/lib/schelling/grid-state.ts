import { happinessBounds, isHappy, type HappinessBounds } from "./happiness";
import { IndexSet } from "./index-set";
import { createNeighborhood, type Neighborhood } from "./neighborhood";
import type { ResolvedOptions } from "./options";
import { SeatIndex } from "./seat-index";

/**
 * The grid and everything derived from it, kept up to date move by move:
 * for every cell, how many neighbours of each group and how many occupied
 * neighbours it has; the set of empty cells; the set of unhappy agents; and the
 * two sums behind % similar. A move touches only the two cells' neighbourhoods,
 * so it costs O(neighbourhood size), not O(grid).
 */
export class GridState {
  readonly width: number;
  readonly height: number;
  readonly groups: number;
  /** 0 for an empty cell, 1…k for an agent of that group; row by row. */
  readonly cells: Uint8Array;
  /** same[cell · k + g − 1]: neighbours of `cell` that belong to group g. */
  readonly same: Uint8Array;
  /** occupied[cell]: occupied neighbouring cells of `cell`. */
  readonly occupied: Uint8Array;
  readonly empties: IndexSet;
  readonly unhappy: IndexSet;
  readonly neighborhood: Neighborhood;
  readonly bounds: HappinessBounds;
  /** The empty cells by same-group count (the classroom rule only), else null. */
  readonly seats: SeatIndex | null;
  /** Σ over agents of same-group neighbours, and of occupied neighbours. */
  sameTotal = 0;
  occupiedTotal = 0;
  /** Scratch space of neighbourhood size for the target search. */
  readonly scratch: Int32Array;
  readonly #around: Int32Array;
  readonly #aroundTo: Int32Array;

  constructor(options: ResolvedOptions, cells: Uint8Array) {
    this.width = options.width;
    this.height = options.height;
    this.groups = options.groups;
    this.cells = cells;
    const n = cells.length;
    this.neighborhood = createNeighborhood(
      this.width,
      this.height,
      options.neighborhood,
      options.radius,
      options.boundary,
    );
    this.bounds = happinessBounds(options, this.neighborhood.size);
    this.same = new Uint8Array(n * this.groups);
    this.occupied = new Uint8Array(n);
    this.empties = new IndexSet(n);
    this.unhappy = new IndexSet(n);
    this.#around = new Int32Array(this.neighborhood.size);
    this.#aroundTo = new Int32Array(this.neighborhood.size);
    this.scratch = new Int32Array(this.neighborhood.size);

    const k = this.groups;
    const around = this.#around;
    for (let cell = 0; cell < n; cell++) {
      const g = cells[cell] as number;
      if (g === 0) {
        this.empties.add(cell);
        continue;
      }
      const count = this.neighborhood.fill(cell, around);
      for (let i = 0; i < count; i++) {
        const nb = around[i] as number;
        this.same[nb * k + g - 1] = (this.same[nb * k + g - 1] as number) + 1;
        this.occupied[nb] = (this.occupied[nb] as number) + 1;
      }
    }
    this.seats =
      options.rule === "classroom" ? new SeatIndex(n, this.groups, this.neighborhood.size) : null;
    for (let cell = 0; cell < n; cell++) {
      const g = cells[cell] as number;
      if (g === 0) {
        this.#seat(cell, "insert");
        continue;
      }
      this.sameTotal += this.same[cell * k + g - 1] as number;
      this.occupiedTotal += this.occupied[cell] as number;
      this.#refresh(cell);
    }
  }

  /** Same-group neighbours of the agent at `cell` (0 for an empty cell). */
  sameOf(cell: number): number {
    const g = this.cells[cell] as number;
    return g === 0 ? 0 : (this.same[cell * this.groups + g - 1] as number);
  }

  /** Whether the agent at `cell` is happy where it sits (false for an empty cell). */
  happyAt(cell: number): boolean {
    const g = this.cells[cell] as number;
    if (g === 0) return false;
    return isHappy(
      this.bounds,
      this.same[cell * this.groups + g - 1] as number,
      this.occupied[cell] as number,
    );
  }

  /**
   * The same-group neighbours the agent now at `from` would have in the empty
   * cell `to`, not counting itself.
   */
  sameIfMoved(from: number, to: number): number {
    const g = this.cells[from] as number;
    const self = this.neighborhood.has(from, to) ? 1 : 0;
    return (this.same[to * this.groups + g - 1] as number) - self;
  }

  /** The occupied neighbours the agent now at `from` would have in the empty cell `to`. */
  occupiedIfMoved(from: number, to: number): number {
    return (this.occupied[to] as number) - (this.neighborhood.has(from, to) ? 1 : 0);
  }

  /** Moves the agent at `from` to the empty cell `to` and updates everything derived. */
  move(from: number, to: number): void {
    const k = this.groups;
    const g = this.cells[from] as number;
    const { same, occupied, cells } = this;

    // Leave `from`: its pairs with its neighbours disappear (each counted from both ends).
    this.sameTotal -= 2 * (same[from * k + g - 1] as number);
    this.occupiedTotal -= 2 * (occupied[from] as number);
    cells[from] = 0;
    const seats = this.seats;
    const nFrom = this.neighborhood.fill(from, this.#around);
    for (let i = 0; i < nFrom; i++) {
      const nb = this.#around[i] as number;
      const before = same[nb * k + g - 1] as number;
      same[nb * k + g - 1] = before - 1;
      occupied[nb] = (occupied[nb] as number) - 1;
      if (seats && cells[nb] === 0) seats.down(g - 1, nb, before);
    }
    this.empties.add(from);
    this.unhappy.delete(from);
    this.#seat(from, "insert");

    // Arrive at `to`.
    this.#seat(to, "remove");
    cells[to] = g;
    this.empties.delete(to);
    this.sameTotal += 2 * (same[to * k + g - 1] as number);
    this.occupiedTotal += 2 * (occupied[to] as number);
    const nTo = this.neighborhood.fill(to, this.#aroundTo);
    for (let i = 0; i < nTo; i++) {
      const nb = this.#aroundTo[i] as number;
      const before = same[nb * k + g - 1] as number;
      same[nb * k + g - 1] = before + 1;
      occupied[nb] = (occupied[nb] as number) + 1;
      if (seats && cells[nb] === 0) seats.up(g - 1, nb, before);
    }

    this.#refresh(to);
    for (let i = 0; i < nFrom; i++) this.#refresh(this.#around[i] as number);
    for (let i = 0; i < nTo; i++) this.#refresh(this.#aroundTo[i] as number);
  }

  /** Adds an empty cell to, or removes it from, the seat index (if there is one). */
  #seat(cell: number, action: "insert" | "remove"): void {
    const base = cell * this.groups;
    this.seats?.[action](cell, (h) => this.same[base + h] as number);
  }

  /** Puts `cell` in or out of the unhappy set according to its counts. */
  #refresh(cell: number): void {
    const g = this.cells[cell] as number;
    // Empty cells are never in the set (move() takes `from` out itself).
    if (g === 0) return;
    const same = this.same[cell * this.groups + g - 1] as number;
    const occupied = this.occupied[cell] as number;
    if (isHappy(this.bounds, same, occupied)) this.unhappy.delete(cell);
    else this.unhappy.add(cell);
  }
}
