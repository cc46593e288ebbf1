/**
 * BertViz's model view: a thumbnail of every head in every layer (rows are
 * layers, columns heads), each a small head view without labels. A thumbnail
 * is a button: click or Enter enlarges it.
 */
import type { AttentionTensor } from "@/lib/encoder/index";
import type { HeadStyle, Theme } from "./palette";

const SVG_NS = "http://www.w3.org/2000/svg";
/** Thumbnails leave out lines fainter than this, to stay light with many heads. */
export const THUMB_MIN_WEIGHT = 0.02;
const THUMB_W = 84;

function svgEl<K extends keyof SVGElementTagNameMap>(
  name: K,
  attrs: Record<string, string | number> = {},
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  return el;
}

function thumbHeight(n: number): number {
  return Math.max(64, Math.min(160, n * 6 + 8));
}

/** A label-free head view of one head, as an SVG. */
export function thumbnail(
  attention: AttentionTensor,
  head: number,
  style: HeadStyle,
  theme: Theme,
): SVGSVGElement {
  const n = attention.seq;
  const height = thumbHeight(n);
  const y = (i: number): number => (n === 1 ? height / 2 : 4 + (i * (height - 8)) / (n - 1));
  const svg = svgEl("svg", {
    viewBox: `0 0 ${THUMB_W} ${height}`,
    "aria-hidden": "true",
    focusable: "false",
  });
  svg.append(svgEl("rect", { width: THUMB_W, height, fill: theme.bg }));
  const lines = svgEl("g", { stroke: style.color, "stroke-width": 1.5 });
  if (style.dash) lines.setAttribute("stroke-dasharray", style.dash);
  const base = head * n * n;
  for (let q = 0; q < n; q++)
    for (let k = 0; k < n; k++) {
      const w = attention.data[base + q * n + k] ?? 0;
      if (w < THUMB_MIN_WEIGHT) continue;
      lines.append(
        svgEl("line", { x1: 10, y1: y(q), x2: THUMB_W - 10, y2: y(k), "stroke-opacity": w }),
      );
    }
  const dots = svgEl("g", { fill: theme.muted });
  for (let i = 0; i < n; i++)
    dots.append(
      svgEl("circle", { cx: 6, cy: y(i), r: 1.6 }),
      svgEl("circle", { cx: THUMB_W - 6, cy: y(i), r: 1.6 }),
    );
  svg.append(lines, dots);
  return svg;
}

/** The grid of thumbnails, as HTML buttons; `onOpen` enlarges one. */
export function buildModelGrid(
  host: HTMLElement,
  attentions: readonly AttentionTensor[],
  styles: readonly HeadStyle[],
  theme: Theme,
  onOpen: (layer: number, head: number) => void,
): void {
  const heads = styles.length;
  const grid = document.createElement("div");
  grid.className = "av-grid";
  grid.style.setProperty("--heads", String(heads));
  grid.append(document.createElement("span"));
  for (let h = 0; h < heads; h++) {
    const label = document.createElement("span");
    label.className = "av-grid-head";
    label.textContent = `Head ${h + 1}`;
    grid.append(label);
  }
  attentions.forEach((attention, layer) => {
    const label = document.createElement("span");
    label.className = "av-grid-layer";
    label.textContent = `Layer ${layer + 1}`;
    grid.append(label);
    for (let h = 0; h < heads; h++) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "av-thumb";
      button.dataset["layer"] = String(layer);
      button.dataset["head"] = String(h);
      button.setAttribute("aria-label", `Layer ${layer + 1}, head ${h + 1}: enlarge`);
      button.append(thumbnail(attention, h, styles[h] as HeadStyle, theme));
      button.addEventListener("click", () => {
        onOpen(layer, h);
      });
      grid.append(button);
    }
  });
  host.replaceChildren(grid);
}

/** The whole grid as one SVG, for export. */
export function modelGridSvg(
  attentions: readonly AttentionTensor[],
  styles: readonly HeadStyle[],
  theme: Theme,
): SVGSVGElement {
  const heads = styles.length;
  const n = attentions[0]?.seq ?? 1;
  const cellH = thumbHeight(n);
  const left = 64;
  const top = 24;
  const stepX = THUMB_W + 10;
  const stepY = cellH + 12;
  const width = left + heads * stepX;
  const height = top + attentions.length * stepY;
  const svg = svgEl("svg", {
    viewBox: `0 0 ${width} ${height}`,
    "font-family": theme.font,
    "font-size": 12,
  });
  svg.append(svgEl("rect", { width, height, fill: theme.bg }));
  for (let h = 0; h < heads; h++) {
    const label = svgEl("text", {
      x: left + h * stepX + THUMB_W / 2,
      y: 16,
      "text-anchor": "middle",
      fill: theme.fg,
    });
    label.textContent = `Head ${h + 1}`;
    svg.append(label);
  }
  attentions.forEach((attention, layer) => {
    const label = svgEl("text", {
      x: 4,
      y: top + layer * stepY + cellH / 2,
      "dominant-baseline": "central",
      fill: theme.fg,
    });
    label.textContent = `Layer ${layer + 1}`;
    svg.append(label);
    for (let h = 0; h < heads; h++) {
      const thumb = thumbnail(attention, h, styles[h] as HeadStyle, theme);
      thumb.setAttribute("x", String(left + h * stepX));
      thumb.setAttribute("y", String(top + layer * stepY));
      thumb.setAttribute("width", String(THUMB_W));
      thumb.setAttribute("height", String(cellH));
      const frame = svgEl("rect", {
        x: left + h * stepX,
        y: top + layer * stepY,
        width: THUMB_W,
        height: cellH,
        fill: "none",
        stroke: theme.border,
      });
      svg.append(thumb, frame);
    }
  });
  return svg;
}
