/**
 * A set of cell numbers from 0 to capacity − 1 with O(1) add, delete, has and
 * random access by position: a dense list plus each member's slot in it.
 * The simulator keeps its empty cells and its unhappy agents in these.
 */
export class IndexSet {
  readonly #items: Int32Array;
  readonly #slot: Int32Array;
  #size = 0;

  constructor(capacity: number) {
    this.#items = new Int32Array(capacity);
    this.#slot = new Int32Array(capacity).fill(-1);
  }

  get size(): number {
    return this.#size;
  }

  has(cell: number): boolean {
    return (this.#slot[cell] as number) >= 0;
  }

  add(cell: number): void {
    if ((this.#slot[cell] as number) >= 0) return;
    this.#items[this.#size] = cell;
    this.#slot[cell] = this.#size++;
  }

  delete(cell: number): void {
    const at = this.#slot[cell] as number;
    if (at < 0) return;
    const last = this.#items[--this.#size] as number;
    this.#items[at] = last;
    this.#slot[last] = at;
    this.#slot[cell] = -1;
  }

  /** The member at position i (0 ≤ i < size); positions change as members come and go. */
  at(i: number): number {
    return this.#items[i] as number;
  }

  /** A copy of the members, in their current order. */
  toArray(): Int32Array {
    return this.#items.slice(0, this.#size);
  }
}
