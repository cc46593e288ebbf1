/**
 * One running model and the messages that drive it. The same Session answers
 * requests on the main thread (the classroom) and inside the Web Worker (big
 * grids), so both paths behave identically.
 *
 * Imports are relative: Vite bundles the worker without Astro's "@/" alias.
 */
import {
  SchellingError,
  createSchelling,
  hashGrid,
  type MoveEvent,
  type Schelling,
  type SchellingOptions,
  type SchellingStats,
} from "../../lib/schelling/index";

export type Request =
  | { kind: "init"; options: SchellingOptions }
  | { kind: "step"; count: number }
  /** `trace`: also send the stats after every move (the classroom charts each move). */
  | { kind: "sweep"; count: number; trace?: boolean }
  | { kind: "move"; from: number; to: number };

/** What the view needs after each request. */
export interface Snapshot {
  width: number;
  height: number;
  groups: number;
  /** A copy of the grid, row by row: 0 empty, 1…k a group. */
  cells: Uint8Array;
  stats: SchellingStats;
  /** hashGrid() of the cells: the e2e test compares it with Node. */
  hash: string;
  /** The last move made by this request, if any. */
  lastMove: MoveEvent | null;
  /** The cells of unhappy agents (small grids only, to mark them), else null. */
  unhappy: Int32Array | null;
  /** With a traced sweep: the stats after each of its moves, in order; else null. */
  trail: SchellingStats[] | null;
}

export type Response = { ok: true; snapshot: Snapshot } | { ok: false; message: string };

/** Grids up to this many cells send their unhappy agents' cells along. */
const MARK_UNHAPPY_UP_TO = 10_000;

export class Session {
  #model: Schelling | null = null;
  #lastMove: MoveEvent | null = null;

  /** Handles one request; a SchellingError becomes a message, anything else is rethrown. */
  handle(request: Request): Response {
    try {
      return { ok: true, snapshot: this.#run(request) };
    } catch (error) {
      if (error instanceof SchellingError) return { ok: false, message: error.message };
      throw error;
    }
  }

  #run(request: Request): Snapshot {
    if (request.kind === "init") {
      this.#model = createSchelling(request.options);
      this.#model.on("move", (move) => {
        this.#lastMove = move;
      });
      this.#lastMove = null;
      return this.#snapshot();
    }
    const model = this.#model;
    if (!model) throw new SchellingError("The model is not set up yet; press Reset.");
    this.#lastMove = null;
    if (request.kind === "move") {
      model.moveAgent(request.from, request.to);
    } else if (request.kind === "step") {
      for (let i = 0; i < request.count && model.step(); i++);
    } else if (request.trace) {
      const trail: SchellingStats[] = [];
      const off = model.on("move", () => trail.push(model.stats()));
      try {
        model.run(request.count);
      } finally {
        off();
      }
      return { ...this.#snapshot(), trail };
    } else {
      model.run(request.count);
    }
    return this.#snapshot();
  }

  #snapshot(): Snapshot {
    const model = this.#model as Schelling;
    const cells = model.cells.slice();
    return {
      width: model.width,
      height: model.height,
      groups: model.options.groups,
      cells,
      stats: model.stats(),
      hash: hashGrid(cells, model.width, model.height),
      lastMove: this.#lastMove,
      unhappy: cells.length <= MARK_UNHAPPY_UP_TO ? model.unhappyCells() : null,
      trail: null,
    };
  }
}
