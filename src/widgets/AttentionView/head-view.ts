/**
 * BertViz's head view in SVG: the tokens twice, the words that look (left)
 * and the words they look at (right), joined by one line per head and pair
 * whose opacity is the attention weight. Hover, focus or pin a token to keep
 * only its lines and see each head's weights as coloured squares.
 *
 * The DOM is built once per sentence (`build`); a layer or head change only
 * rewrites the lines' opacity (`update`), which keeps a redraw cheap.
 */
import type { AttentionTensor } from "@/lib/encoder/index";
import type { HeadStyle, Theme } from "./palette";

const SVG_NS = "http://www.w3.org/2000/svg";
const ROW = 24;
const TOP = 30;
const GAP = 190;
const FONT = 15;
const SQUARE = 8;

export type Side = "from" | "to";

export interface TokenFocus {
  side: Side;
  index: number;
}

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

export class HeadView {
  readonly svg: SVGSVGElement;
  readonly #onFocus: (focus: TokenFocus | null) => void;
  #n = 0;
  #heads = 0;
  #theme: Theme | null = null;
  #headGroups: SVGGElement[] = [];
  /** [head][query]: the group of one query's lines. */
  #queryGroups: SVGGElement[][] = [];
  /** [head][query · n + key]. */
  #lines: SVGLineElement[][] = [];
  /** [head][token]: squares beside the tokens, shown while a token is in focus. */
  #squares: Record<Side, SVGRectElement[][]> = { from: [], to: [] };
  #tokens: Record<Side, SVGGElement[]> = { from: [], to: [] };
  #attention: AttentionTensor | null = null;
  #visible: boolean[] = [];
  #focus: TokenFocus | null = null;
  #pinned = false;
  #linesFiltered = false;

  constructor(host: HTMLElement, onFocus: (focus: TokenFocus | null) => void) {
    this.#onFocus = onFocus;
    this.svg = svgEl("svg", { class: "av-head-svg" });
    host.replaceChildren(this.svg);
    this.svg.addEventListener("keydown", (event) => {
      this.#onKey(event);
    });
    this.svg.addEventListener("pointerleave", () => {
      if (!this.#pinned) this.setFocus(null);
    });
  }

  get focus(): TokenFocus | null {
    return this.#focus;
  }

  get pinned(): boolean {
    return this.#pinned;
  }

  /** Builds the drawing for a sentence: tokens, one line per head and pair, the squares. */
  build(
    tokens: readonly string[],
    styles: readonly HeadStyle[],
    theme: Theme,
    label: string,
  ): void {
    const n = tokens.length;
    const heads = styles.length;
    this.#n = n;
    this.#heads = heads;
    this.#theme = theme;
    this.#focus = null;
    this.#pinned = false;
    this.#linesFiltered = false;
    const textW = Math.ceil(Math.max(24, ...tokens.map((t) => textWidth(t, theme.font)))) + 12;
    const squaresW = heads * (SQUARE + 1) + 6;
    const xFrom = squaresW + textW; // right edge of the left tokens
    const xTo = xFrom + GAP; // left edge of the right tokens
    const width = xTo + textW + squaresW;
    const height = TOP + n * ROW + 6;
    const y = (i: number): number => TOP + i * ROW + ROW / 2;

    const svg = this.svg;
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
    const right = svgEl("text", { ...header, x: xTo + 6 });
    right.textContent = "looks at";
    svg.append(left, right);

    const lines = svgEl("g", { "pointer-events": "none", "stroke-width": 2 });
    this.#headGroups = [];
    this.#queryGroups = [];
    this.#lines = [];
    styles.forEach((style, h) => {
      const group = svgEl("g", { "data-h": h, stroke: style.color });
      if (style.dash) group.setAttribute("stroke-dasharray", style.dash);
      const queryGroups: SVGGElement[] = [];
      const headLines: SVGLineElement[] = [];
      for (let q = 0; q < n; q++) {
        const row = svgEl("g", { "data-q": q });
        for (let k = 0; k < n; k++) {
          const line = svgEl("line", {
            x1: xFrom + 2,
            y1: y(q),
            x2: xTo - 2,
            y2: y(k),
            "data-k": k,
            "stroke-opacity": 0,
          });
          row.append(line);
          headLines.push(line);
        }
        group.append(row);
        queryGroups.push(row);
      }
      lines.append(group);
      this.#headGroups.push(group);
      this.#queryGroups.push(queryGroups);
      this.#lines.push(headLines);
    });
    svg.append(lines);

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

      this.#tokens[side] = tokens.map((token, i) => {
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
        const x = side === "from" ? squaresW : xTo;
        g.append(
          svgEl("rect", {
            x: x + 1,
            y: y(i) - ROW / 2 + 2,
            width: textW - 2,
            height: ROW - 4,
            rx: 4,
            fill: "transparent",
          }),
        );
        const text = svgEl("text", {
          x: side === "from" ? xFrom - 6 : xTo + 6,
          y: y(i),
          "dominant-baseline": "central",
          "text-anchor": side === "from" ? "end" : "start",
          fill: theme.fg,
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
        svg.append(g);
        return g;
      });
    }
  }

  /** Redraws for one layer and a set of heads: only attributes change. */
  update(attention: AttentionTensor, visible: readonly boolean[]): void {
    this.#attention = attention;
    this.#visible = [...visible];
    const n = this.#n;
    const data = attention.data;
    for (let h = 0; h < this.#heads; h++) {
      const group = this.#headGroups[h] as SVGGElement;
      if (visible[h]) group.removeAttribute("display");
      else group.setAttribute("display", "none");
      const headLines = this.#lines[h] as SVGLineElement[];
      const base = h * n * n;
      for (let i = 0; i < n * n; i++)
        (headLines[i] as SVGLineElement).setAttribute("stroke-opacity", String(data[base + i]));
    }
    this.#drawFocus();
  }

  /** Shows only the lines of one token (null: all lines). */
  setFocus(focus: TokenFocus | null, pinned = this.#pinned): void {
    this.#focus = focus;
    this.#pinned = focus !== null && pinned;
    this.#drawFocus();
    this.#onFocus(focus);
  }

  #togglePin(focus: TokenFocus): void {
    const same =
      this.#pinned && this.#focus?.side === focus.side && this.#focus.index === focus.index;
    this.setFocus(same ? null : focus, !same);
  }

  #drawFocus(): void {
    const n = this.#n;
    const focus = this.#focus;
    const theme = this.#theme;
    if (!theme) return;
    // Lines: the query groups for a "from" token; single lines for a "to" token.
    for (let h = 0; h < this.#heads; h++) {
      const rows = this.#queryGroups[h] as SVGGElement[];
      for (let q = 0; q < n; q++) {
        const hide = focus?.side === "from" && q !== focus.index;
        if (hide) rows[q]?.setAttribute("display", "none");
        else rows[q]?.removeAttribute("display");
      }
    }
    if (focus?.side === "to" || this.#linesFiltered) {
      for (const headLines of this.#lines)
        headLines.forEach((line, i) => {
          if (focus?.side === "to" && i % n !== focus.index) line.setAttribute("display", "none");
          else line.removeAttribute("display");
        });
      this.#linesFiltered = focus?.side === "to";
    }
    // Squares on the other side: each head's weight from/to the focused token.
    const attention = this.#attention;
    for (const side of ["from", "to"] as const) {
      const show = focus !== null && focus.side !== side && attention !== null;
      this.#squares[side].forEach((squares, h) => {
        squares.forEach((rect, i) => {
          if (!show || !this.#visible[h]) {
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
