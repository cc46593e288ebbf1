/**
 * The head view's lines: one per head and (query, key) pair, its opacity the
 * attention weight. Thousands of lines would be thousands of SVG elements to
 * update on every layer change, so they are painted on a canvas instead, and
 * each painting is kept as a bitmap: returning to a layer or head set costs
 * one copy. `svgLines()` writes the same lines as SVG, for export. The canvas
 * carries what it shows: `data-attention` (the weights of the shown heads),
 * `data-lines` (how many lines are on show) and `data-focus`.
 */
import type { AttentionTensor } from "@/lib/encoder/index";
import type { HeadStyle } from "./palette";

export type Side = "from" | "to";

export interface TokenFocus {
  side: Side;
  index: number;
}

/** What is on show: a layer's tensor, the heads shown, and the token in focus. */
export interface LineState {
  attention: AttentionTensor | null;
  visible: readonly boolean[];
  focus: TokenFocus | null;
}

interface Painted {
  bitmap: ImageBitmap;
  lines: number;
}

/** Painted layer and head sets kept as bitmaps (each is the canvas's size). */
const MAX_CACHED = 24;
const SVG_NS = "http://www.w3.org/2000/svg";

/** Calls `draw(head, query, key, weight)` for every line on show. */
export function eachLine(
  state: LineState,
  draw: (h: number, q: number, k: number, w: number) => void,
): void {
  const { attention, visible, focus } = state;
  if (!attention) return;
  const n = attention.seq;
  const data = attention.data;
  for (let h = 0; h < attention.heads; h++) {
    if (!visible[h]) continue;
    for (let q = 0; q < n; q++) {
      if (focus?.side === "from" && q !== focus.index) continue;
      for (let k = 0; k < n; k++) {
        if (focus?.side === "to" && k !== focus.index) continue;
        draw(h, q, k, data[(h * n + q) * n + k] as number);
      }
    }
  }
}

export class LineCanvas {
  readonly canvas: HTMLCanvasElement;
  /** Lines run from x 0 to `span` and rows are `row` apart, in the SVG's units. */
  #span = 1;
  #row = 1;
  #styles: readonly HeadStyle[] = [];
  #state: LineState = { attention: null, visible: [], focus: null };
  #cssWidth = 0;
  #cssHeight = 0;
  #cache = new WeakMap<AttentionTensor, Map<string, Painted>>();
  /** Oldest first, to keep the cache small. */
  #entries: { attention: AttentionTensor; key: string; bitmap: ImageBitmap }[] = [];
  /** The key of what the canvas shows, when it was painted rather than copied. */
  #painted = "";
  #exposeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.canvas = document.createElement("canvas");
    this.canvas.className = "av-lines";
    this.canvas.setAttribute("aria-hidden", "true");
    new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (!box || (box.width === this.#cssWidth && box.height === this.#cssHeight)) return;
      this.#cssWidth = box.width;
      this.#cssHeight = box.height;
      this.paint();
    }).observe(this.canvas);
  }

  /** A new drawing: the line span and row height in SVG units, the head styles. */
  reset(span: number, row: number, styles: readonly HeadStyle[]): void {
    this.#span = span;
    this.#row = row;
    this.#styles = styles;
    this.#state = { attention: null, visible: [], focus: null };
    this.clearCache();
  }

  get state(): LineState {
    return this.#state;
  }

  /** Shows a state and repaints; `layer` goes into the exposed data. */
  show(state: LineState, layer: number): void {
    const changed =
      state.attention !== this.#state.attention || state.visible !== this.#state.visible;
    this.#state = state;
    this.canvas.dataset["focus"] = state.focus ? `${state.focus.side}:${state.focus.index}` : "";
    this.paint();
    if (!changed) return;
    // The weights on show, for tests; written after the frame, off the redraw's path.
    clearTimeout(this.#exposeTimer);
    this.#exposeTimer = setTimeout(() => {
      const { attention, visible } = state;
      if (!attention) return;
      const size = attention.seq * attention.seq;
      const heads = visible.flatMap((on, h) => (on ? [h] : []));
      this.canvas.dataset["attention"] = JSON.stringify({
        layer,
        heads,
        weights: heads.map((h) => Array.from(attention.data.subarray(h * size, (h + 1) * size))),
      });
    }, 0);
  }

  /** Forgets the kept bitmaps (a new drawing; the benchmark times a cold redraw with it). */
  clearCache(): void {
    for (const entry of this.#entries) entry.bitmap.close();
    this.#entries = [];
    this.#cache = new WeakMap();
  }

  /** Paints the current state: a copy when it was painted before, else line by line. */
  paint(): void {
    const context = this.canvas.getContext("2d");
    const { attention, focus } = this.#state;
    if (!context || this.#cssWidth === 0 || !attention) return;
    const ratio = window.devicePixelRatio || 1;
    const width = Math.round(this.#cssWidth * ratio);
    const height = Math.round(this.#cssHeight * ratio);
    if (this.canvas.width !== width) this.canvas.width = width;
    if (this.canvas.height !== height) this.canvas.height = height;
    const key = this.#key(this.#state, width, height);
    const cached = this.#cache.get(attention)?.get(key);
    if (cached) {
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.clearRect(0, 0, width, height);
      context.drawImage(cached.bitmap, 0, 0);
      this.canvas.dataset["lines"] = String(cached.lines);
      this.#painted = "";
      return;
    }
    const lines = this.#draw(context, width, height, this.#state);
    this.canvas.dataset["lines"] = String(lines);
    this.#painted = key;
    // Keep a copy once the frame is on screen (a copy now would force the raster work early);
    // a token in focus draws few lines, so those states are not kept.
    if (focus) return;
    requestAnimationFrame(() => {
      setTimeout(() => {
        if (this.#painted !== key || this.#state.attention !== attention) return;
        void createImageBitmap(this.canvas).then(
          (bitmap) => {
            this.#store(attention, key, { bitmap, lines });
          },
          () => undefined,
        );
      }, 0);
    });
  }

  /**
   * Paints, while the page is idle, each of `tensors` with the heads on show
   * and no token in focus, so the first switch to another layer is a copy too.
   */
  prepare(tensors: readonly AttentionTensor[]): void {
    const idle = (work: () => void): void => {
      if ("requestIdleCallback" in window) window.requestIdleCallback(work);
      else setTimeout(work, 50);
    };
    const visible = this.#state.visible;
    const todo = [...tensors];
    const next = (): void => {
      const attention = todo.shift();
      const { width, height } = this.canvas;
      if (!attention || width === 0 || this.#state.visible !== visible) return;
      const state: LineState = { attention, visible, focus: null };
      const key = this.#key(state, width, height);
      if (this.#cache.get(attention)?.has(key)) {
        next();
        return;
      }
      const scratch = document.createElement("canvas");
      scratch.width = width;
      scratch.height = height;
      const context = scratch.getContext("2d");
      if (!context) return;
      const lines = this.#draw(context, width, height, state);
      void createImageBitmap(scratch).then(
        (bitmap) => {
          this.#store(attention, key, { bitmap, lines });
          idle(next);
        },
        () => undefined,
      );
    };
    idle(next);
  }

  /** The lines on show as SVG, from x `x1`, rows starting at `top`. */
  svgLines(x1: number, top: number): SVGGElement {
    const el = <K extends keyof SVGElementTagNameMap>(
      name: K,
      attrs: Record<string, string | number>,
    ): SVGElementTagNameMap[K] => {
      const node = document.createElementNS(SVG_NS, name);
      for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
      return node;
    };
    const y = (i: number): number => top + i * this.#row + this.#row / 2;
    const lines = el("g", { "stroke-width": 2, "data-lines": "" });
    let group: SVGGElement | null = null;
    let head = -1;
    eachLine(this.#state, (h, q, k, w) => {
      if (h !== head || !group) {
        head = h;
        const style = this.#styles[h];
        group = el("g", { "data-h": h, stroke: style?.color ?? "#0072b2" });
        if (style?.dash) group.setAttribute("stroke-dasharray", style.dash);
        lines.append(group);
      }
      group.append(
        el("line", {
          x1,
          y1: y(q),
          x2: x1 + this.#span,
          y2: y(k),
          "stroke-opacity": w,
          "data-q": q,
          "data-k": k,
        }),
      );
    });
    return lines;
  }

  /** The state a painting depends on, besides the tensor. */
  #key(state: LineState, width: number, height: number): string {
    const heads = state.visible.map((on) => (on ? 1 : 0)).join("");
    const focus = state.focus ? `${state.focus.side}${state.focus.index}` : "";
    return `${heads}|${focus}|${width}x${height}`;
  }

  #store(attention: AttentionTensor, key: string, painted: Painted): void {
    let byKey = this.#cache.get(attention);
    if (!byKey) {
      byKey = new Map();
      this.#cache.set(attention, byKey);
    }
    byKey.get(key)?.bitmap.close();
    this.#entries = this.#entries.filter((e) => e.attention !== attention || e.key !== key);
    byKey.set(key, painted);
    this.#entries.push({ attention, key, bitmap: painted.bitmap });
    while (this.#entries.length > MAX_CACHED) {
      const old = this.#entries.shift();
      if (!old) break;
      old.bitmap.close();
      this.#cache.get(old.attention)?.delete(old.key);
    }
  }

  /**
   * Draws a state's lines into `context` (width × height px), one stroke each
   * with the weight as opacity; lines too faint to change a pixel (below
   * 1/255) are skipped. Returns how many lines are on show.
   */
  #draw(
    context: CanvasRenderingContext2D,
    width: number,
    height: number,
    state: LineState,
  ): number {
    const n = state.attention?.seq ?? 0;
    const span = this.#span;
    const row = this.#row;
    context.setTransform(width / span, 0, 0, height / Math.max(1, n * row), 0, 0);
    context.clearRect(0, 0, span, n * row);
    context.lineWidth = 2;
    let shown = 0;
    let head = -1;
    eachLine(state, (h, q, k, w) => {
      shown++;
      if (w < 1 / 255) return;
      if (h !== head) {
        head = h;
        const style = this.#styles[h];
        context.strokeStyle = style?.color ?? "#0072b2";
        context.setLineDash(style?.dash ? style.dash.split(" ").map(Number) : []);
      }
      context.globalAlpha = w;
      context.beginPath();
      context.moveTo(0, q * row + row / 2);
      context.lineTo(span, k * row + row / 2);
      context.stroke();
    });
    context.globalAlpha = 1;
    return shown;
  }
}
