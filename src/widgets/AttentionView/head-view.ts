/**
 * BertViz's head view: the tokens twice, the words that look (left) and the
 * words they look at (right), joined by one line per head and pair whose
 * opacity is the attention weight (painted by LineCanvas between the token
 * columns). Hover, focus or pin a token to keep only its lines and see each
 * head's weights as coloured squares. The SVG is built once per sentence
 * (`build`); a layer or head change (`update`) repaints only the lines and
 * the squares.
 */
import type { AttentionTensor } from "@/lib/encoder/index";
import { LineCanvas, type Side, type TokenFocus } from "./line-canvas";
import type { HeadStyle, Theme } from "./palette";

export type { Side, TokenFocus } from "./line-canvas";

const SVG_NS = "http://www.w3.org/2000/svg";
const ROW = 24;
const TOP = 30;
const GAP = 190;
const NARROW_GAP = 100;
/** Below this width (px) the lines get NARROW_GAP. */
const NARROW_WIDTH = 480;
const FONT = 15;
const SQUARE = 8;

function svgEl<K extends keyof SVGElementTagNameMap>(
  name: K,
  attrs: Record<string, string | number> = {},
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  return el;
}

let measureContext: CanvasRenderingContext2D | null = null;

/** Text width in px at the view's font (a canvas measures without touching the layout). */
export function textWidth(text: string, font: string, size = FONT): number {
  measureContext ??= document.createElement("canvas").getContext("2d");
  if (!measureContext) return text.length * size * 0.6;
  measureContext.font = `${size}px ${font}`;
  return measureContext.measureText(text).width;
}

function sameHeads(a: readonly boolean[], b: readonly boolean[]): boolean {
  return a.length === b.length && a.every((on, h) => on === b[h]);
}

export class HeadView {
  readonly svg: SVGSVGElement;
  readonly #lines = new LineCanvas();
  readonly #onFocus: (focus: TokenFocus | null) => void;
  #n = 0;
  /** The last build's arguments and layer, to rebuild when the width crosses NARROW_WIDTH. */
  #built: Parameters<HeadView["build"]> | null = null;
  #narrow = false;
  #layer = 0;
  #x1 = 0;
  #theme: Theme | null = null;
  /** [head][token]: squares beside the tokens, shown while a token is in focus. */
  #squares: Record<Side, SVGRectElement[][]> = { from: [], to: [] };
  #tokens: Record<Side, SVGGElement[]> = { from: [], to: [] };
  #pinned = false;

  constructor(host: HTMLElement, onFocus: (focus: TokenFocus | null) => void) {
    this.#onFocus = onFocus;
    const stage = document.createElement("div");
    stage.className = "av-head-stage";
    this.svg = svgEl("svg", { class: "av-head-svg" });
    stage.append(this.svg, this.#lines.canvas);
    host.replaceChildren(stage);
    new ResizeObserver(() => {
      const width = stage.clientWidth;
      if (width === 0 || !this.#built || width < NARROW_WIDTH === this.#narrow) return;
      const { attention, visible, focus } = this.#lines.state;
      this.build(...this.#built);
      if (attention) this.update(attention, visible, this.#layer);
      if (focus) this.setFocus(focus);
    }).observe(stage);
    this.svg.addEventListener("keydown", (event) => {
      this.#onKey(event);
    });
    this.svg.addEventListener("pointerleave", () => {
      if (!this.#pinned) this.setFocus(null);
    });
  }

  get focus(): TokenFocus | null {
    return this.#lines.state.focus;
  }

  /** Builds the drawing for a sentence: tokens, squares, and the canvas for the lines. */
  build(
    tokens: readonly string[],
    styles: readonly HeadStyle[],
    theme: Theme,
    label: string,
  ): void {
    const n = tokens.length;
    const heads = styles.length;
    this.#n = n;
    this.#theme = theme;
    this.#pinned = false;
    // A narrow screen gets shorter lines, so the words stay large enough to read.
    this.#built = [tokens, styles, theme, label];
    const available = this.svg.parentElement?.clientWidth ?? 0;
    this.#narrow = available > 0 && available < NARROW_WIDTH;
    const gap = this.#narrow ? NARROW_GAP : GAP;
    this.#lines.reset(gap - 4, ROW, styles);
    const textW = Math.ceil(Math.max(24, ...tokens.map((t) => textWidth(t, theme.font)))) + 12;
    const squaresW = heads * (SQUARE + 1) + 6;
    const xFrom = squaresW + textW; // right edge of the left tokens
    const xTo = xFrom + gap; // left edge of the right tokens
    const width = xTo + textW + squaresW;
    const height = TOP + n * ROW + 6;
    this.#x1 = xFrom + 2;
    const y = (i: number): number => TOP + i * ROW + ROW / 2;

    // The canvas covers exactly the lines' box, in percentages of the SVG's viewBox.
    const pct = (v: number, of: number): string => `${((v / of) * 100).toFixed(4)}%`;
    Object.assign(this.#lines.canvas.style, {
      left: pct(xFrom + 2, width),
      width: pct(gap - 4, width),
      top: pct(TOP, height),
      height: pct(n * ROW, height),
    });

    const svg = this.svg;
    // Present mode sizes the drawing to fit the screen's height (see AttentionView.astro).
    svg.parentElement?.style.setProperty("--av-aspect", (width / height).toFixed(4));
    svg.replaceChildren();
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    svg.setAttribute("role", "group");
    svg.setAttribute("aria-label", label);
    svg.setAttribute("font-family", theme.font);
    svg.setAttribute("font-size", String(FONT));
    svg.append(svgEl("rect", { width, height, fill: theme.bg }));
    const header = { fill: theme.muted, "font-size": 12, y: 16 };
    const left = svgEl("text", { ...header, x: xFrom - 6, "text-anchor": "end" });
    left.textContent = "looks from";
    const right = svgEl("text", { ...header, x: xTo + 6, "data-lines-before": "" });
    right.textContent = "looks at";
    svg.append(left, right);

    for (const side of ["from", "to"] as const) {
      const squares: SVGRectElement[][] = [];
      const layer = svgEl("g", { "pointer-events": "none", "data-squares": side });
      styles.forEach((style, h) => {
        const x = side === "from" ? 3 + h * (SQUARE + 1) : xTo + textW + 3 + h * (SQUARE + 1);
        squares.push(
          tokens.map((_, i) => {
            const rect = svgEl("rect", {
              x,
              y: y(i) - 8,
              width: SQUARE,
              height: 16,
              fill: style.color,
              "fill-opacity": 0,
            });
            layer.append(rect);
            return rect;
          }),
        );
      });
      this.#squares[side] = squares;
      svg.append(layer);
      this.#tokens[side] = tokens.map((token, i) =>
        this.#token(token, i, side, side === "from" ? squaresW : xTo, textW, y(i), xFrom, xTo),
      );
    }
  }

  #token(
    token: string,
    i: number,
    side: Side,
    x: number,
    textW: number,
    y: number,
    xFrom: number,
    xTo: number,
  ): SVGGElement {
    const n = this.#n;
    const g = svgEl("g", {
      class: "av-tok",
      "data-side": side,
      "data-i": i,
      role: "button",
      tabindex: side === "from" && i === 0 ? 0 : -1,
      "aria-pressed": "false",
      "aria-label":
        side === "from"
          ? `${token} (${i + 1} of ${n}): show where it looks`
          : `${token} (${i + 1} of ${n}): show which words look at it`,
    });
    g.append(
      svgEl("rect", {
        x: x + 1,
        y: y - ROW / 2 + 2,
        width: textW - 2,
        height: ROW - 4,
        rx: 4,
        fill: "transparent",
      }),
    );
    const text = svgEl("text", {
      x: side === "from" ? xFrom - 6 : xTo + 6,
      y,
      "dominant-baseline": "central",
      "text-anchor": side === "from" ? "end" : "start",
      fill: this.#theme?.fg ?? "currentColor",
    });
    text.textContent = token;
    g.append(text);
    g.addEventListener("pointerenter", () => {
      if (!this.#pinned) this.setFocus({ side, index: i });
    });
    g.addEventListener("click", () => {
      this.#togglePin({ side, index: i });
    });
    g.addEventListener("focus", () => {
      this.#rove(side, i);
      if (!this.#pinned) this.setFocus({ side, index: i });
    });
    g.addEventListener("blur", () => {
      queueMicrotask(() => {
        if (!this.#pinned && !this.svg.contains(document.activeElement)) this.setFocus(null);
      });
    });
    this.svg.append(g);
    return g;
  }

  /** Redraws for one layer and a set of heads: the lines and the squares. */
  update(attention: AttentionTensor, visible: readonly boolean[], layer: number): void {
    this.#layer = layer;
    const state = this.#lines.state;
    this.#lines.show(
      {
        attention,
        visible: sameHeads(visible, state.visible) ? state.visible : [...visible],
        focus: state.focus,
      },
      layer,
    );
    this.#drawFocus();
  }

  /** Paints the other layers ahead, in idle time, so switching to them is a copy. */
  prepare(attentions: readonly AttentionTensor[]): void {
    this.#lines.prepare(attentions);
  }

  /** Forgets painted layers (benchmarks time a cold redraw with it). */
  clearCache(): void {
    this.#lines.clearCache();
  }

  /** Shows only the lines of one token (null: all lines). */
  setFocus(focus: TokenFocus | null, pinned = this.#pinned): void {
    this.#pinned = focus !== null && pinned;
    const state = this.#lines.state;
    this.#lines.show({ ...state, focus }, -1);
    this.#drawFocus();
    this.#onFocus(focus);
  }

  /** The view as a standalone SVG, with the lines on show written as SVG lines. */
  toSvg(): SVGSVGElement {
    const clone = this.svg.cloneNode(true) as SVGSVGElement;
    clone.querySelector("[data-lines-before]")?.after(this.#lines.svgLines(this.#x1, TOP));
    return clone;
  }

  #togglePin(focus: TokenFocus): void {
    const same =
      this.#pinned && this.focus?.side === focus.side && this.focus.index === focus.index;
    this.setFocus(same ? null : focus, !same);
  }

  /** The squares beside the other side's tokens, and the focused token's highlight. */
  #drawFocus(): void {
    const n = this.#n;
    const { attention, visible, focus } = this.#lines.state;
    const theme = this.#theme;
    if (!theme) return;
    for (const side of ["from", "to"] as const) {
      this.#squares[side].forEach((squares, h) => {
        squares.forEach((rect, i) => {
          if (!focus || focus.side === side || !attention || !visible[h]) {
            rect.setAttribute("fill-opacity", "0");
            return;
          }
          const q = side === "to" ? focus.index : i;
          const k = side === "to" ? i : focus.index;
          rect.setAttribute("fill-opacity", String(attention.data[(h * n + q) * n + k]));
        });
      });
      this.#tokens[side].forEach((g, i) => {
        const on = focus?.side === side && focus.index === i;
        g.firstElementChild?.setAttribute("fill", on ? theme.accentSoft : "transparent");
        g.setAttribute("aria-pressed", String(on && this.#pinned));
      });
    }
  }
  /** Roving tab stop: the focused token is the one Tab returns to. */
  #rove(side: Side, index: number): void {
    for (const s of ["from", "to"] as const)
      this.#tokens[s].forEach((g, i) => {
        g.setAttribute("tabindex", s === side && i === index ? "0" : "-1");
      });
  }

  #onKey(event: KeyboardEvent): void {
    const target = event.target;
    if (!(target instanceof SVGGElement) || !target.classList.contains("av-tok")) return;
    const side = target.dataset["side"] === "to" ? "to" : "from";
    const index = Number(target.dataset["i"]);
    let next: TokenFocus | null = null;
    switch (event.key) {
      case "ArrowUp":
        next = { side, index: Math.max(0, index - 1) };
        break;
      case "ArrowDown":
        next = { side, index: Math.min(this.#n - 1, index + 1) };
        break;
      case "ArrowLeft":
        next = { side: "from", index };
        break;
      case "ArrowRight":
        next = { side: "to", index };
        break;
      case "Home":
        next = { side, index: 0 };
        break;
      case "End":
        next = { side, index: this.#n - 1 };
        break;
      case "Enter":
      case " ":
        this.#togglePin({ side, index });
        break;
      case "Escape":
        if (!this.#pinned) return;
        this.setFocus(null);
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
    if (next) {
      const moved = this.#tokens[next.side][next.index];
      if (this.#pinned) this.setFocus(next, true);
      moved?.focus();
    }
  }
}
