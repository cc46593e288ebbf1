/**
 * The empty cells sorted, for every group, by how many neighbours of that
 * group they have: the classroom rule's "seat with the most same-colour
 * neighbours" becomes a look at the top bucket instead of a scan of every
 * empty cell, which is what lets the rule run on a million cells.
 *
 * For group h, `order` holds the empty cells with bucket c (c neighbours of
 * group h) in [start[c], start[c + 1]); `pos` is each cell's index there. A
 * count that goes up or down by one moves the cell across one bucket border
 * with a single swap. The caller passes the counts; the index stores none.
 */
export class SeatIndex {
  readonly #cells: number;
  readonly #groups: number;
  /** The largest count, i.e. the neighbourhood size. */
  readonly #top: number;
  readonly #order: Int32Array;
  readonly #pos: Int32Array;
  readonly #start: Int32Array;
  #size = 0;

  constructor(cells: number, groups: number, top: number) {
    this.#cells = cells;
    this.#groups = groups;
    this.#top = top;
    this.#order = new Int32Array(cells * groups);
    this.#pos = new Int32Array(cells * groups).fill(-1);
    this.#start = new Int32Array(groups * (top + 2));
  }

  /** The number of empty cells. */
  get size(): number {
    return this.#size;
  }

  /** Adds an empty cell; `count(h)` is its number of neighbours of group h + 1. */
  insert(cell: number, count: (h: number) => number): void {
    const at = this.#size;
    for (let h = 0; h < this.#groups; h++) {
      const o = h * this.#cells;
      this.#order[o + at] = cell;
      this.#pos[o + cell] = at;
      const s = h * (this.#top + 2);
      this.#start[s + this.#top + 1] = at + 1;
      for (let b = this.#top; b > count(h); b--) this.down(h, cell, b);
    }
    this.#size++;
  }

  /** Removes a cell that is no longer empty; `count(h)` as for insert. */
  remove(cell: number, count: (h: number) => number): void {
    const last = this.#size - 1;
    for (let h = 0; h < this.#groups; h++) {
      for (let b = count(h); b < this.#top; b++) this.up(h, cell, b);
      const o = h * this.#cells;
      this.#swap(o, this.#pos[o + cell] as number, last);
      this.#pos[o + cell] = -1;
      this.#start[h * (this.#top + 2) + this.#top + 1] = last;
    }
    this.#size--;
  }

  /** The cell's count for group h went from b to b + 1. */
  up(h: number, cell: number, b: number): void {
    const o = h * this.#cells;
    const s = h * (this.#top + 2) + b + 1;
    const last = (this.#start[s] as number) - 1;
    this.#swap(o, this.#pos[o + cell] as number, last);
    this.#start[s] = last;
  }

  /** The cell's count for group h went from b to b − 1. */
  down(h: number, cell: number, b: number): void {
    const o = h * this.#cells;
    const s = h * (this.#top + 2) + b;
    const first = this.#start[s] as number;
    this.#swap(o, this.#pos[o + cell] as number, first);
    this.#start[s] = first + 1;
  }

  /** The highest count c with an empty cell for group h, or −1 when no cell is empty. */
  topBucket(h: number): number {
    const s = h * (this.#top + 2);
    for (let c = this.#top; c >= 0; c--)
      if ((this.#start[s + c] as number) < (this.#start[s + c + 1] as number)) return c;
    return -1;
  }

  /** How many empty cells have count c for group h. */
  bucketSize(h: number, c: number): number {
    if (c < 0 || c > this.#top) return 0;
    const s = h * (this.#top + 2) + c;
    return (this.#start[s + 1] as number) - (this.#start[s] as number);
  }

  /** The i-th empty cell (0 ≤ i < bucketSize) with count c for group h. */
  bucketAt(h: number, c: number, i: number): number {
    const s = h * (this.#top + 2) + c;
    return this.#order[h * this.#cells + (this.#start[s] as number) + i] as number;
  }

  /** Whether the cell is in the index (is empty). */
  has(cell: number): boolean {
    return (this.#pos[cell] as number) >= 0;
  }

  #swap(o: number, i: number, j: number): void {
    if (i === j) return;
    const a = this.#order[o + i] as number;
    const b = this.#order[o + j] as number;
    this.#order[o + i] = b;
    this.#order[o + j] = a;
    this.#pos[o + b] = i;
    this.#pos[o + a] = j;
  }
}
