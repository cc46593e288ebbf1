/**
 * The attention of one head (or the mean of heads) as a query × key matrix:
 * rows are the words that look, columns the words they look at; each row
 * sums to 1. Drawn with d3; the values drawn are on the cells (data-w) and,
 * as JSON, on the SVG (data-attention).
 */
import { interpolateViridis, scaleBand, scaleSequentialSqrt, select } from "d3";
import { textWidth } from "./head-view";
import type { Theme } from "./palette";

export interface HeatmapInput {
  tokens: readonly string[];
  /** seq × seq, row-major. */
  weights: Float32Array;
  /** What is shown, for the caption and the exposed data. */
  layer: number;
  head: number | "mean";
  gradientId: string;
}

const FONT = 13;

export function drawHeatmap(host: HTMLElement, input: HeatmapInput, theme: Theme): SVGSVGElement {
  const { tokens, weights } = input;
  const n = tokens.length;
  const labelW = Math.ceil(Math.max(20, ...tokens.map((t) => textWidth(t, theme.font, FONT))));
  const cell = n <= 16 ? 30 : Math.max(12, Math.floor(480 / n));
  const left = labelW + 56;
  const top = Math.ceil(labelW * 0.75) + 34;
  const side = cell * n;
  const legendH = 46;
  const width = left + side + 16;
  const height = top + side + legendH;
  const indices = tokens.map((_, i) => String(i));
  const x = scaleBand(indices, [left, left + side]);
  const y = scaleBand(indices, [top, top + side]);
  const color = scaleSequentialSqrt(interpolateViridis).domain([0, 1]);

  const root = select(host);
  root.selectAll("*").remove();
  const svg = root
    .append("svg")
    .attr("class", "av-heat-svg")
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("role", "img")
    .attr(
      "aria-label",
      `Heatmap of attention, layer ${input.layer + 1}, ${input.head === "mean" ? "mean of heads" : `head ${input.head + 1}`}: rows are the words that look, columns the words they look at.`,
    )
    .attr("font-family", theme.font)
    .attr("font-size", FONT);
  svg.append("rect").attr("width", width).attr("height", height).attr("fill", theme.bg);

  const rows: number[][] = tokens.map((_, q) => Array.from(weights.subarray(q * n, (q + 1) * n)));
  const cells = rows.flatMap((row, q) => row.map((w, k) => ({ q, k, w })));
  svg
    .append("g")
    .selectAll("rect")
    .data(cells)
    .join("rect")
    .attr("x", (d) => x(String(d.k)) ?? 0)
    .attr("y", (d) => y(String(d.q)) ?? 0)
    .attr("width", x.bandwidth())
    .attr("height", y.bandwidth())
    .attr("fill", (d) => color(d.w))
    .attr("data-q", (d) => d.q)
    .attr("data-k", (d) => d.k)
    .attr("data-w", (d) => d.w)
    .append("title")
    .text((d) => `${tokens[d.q] ?? ""} → ${tokens[d.k] ?? ""}: ${d.w.toFixed(3)}`);

  if (cell >= 26)
    svg
      .append("g")
      .attr("pointer-events", "none")
      .attr("font-size", 10)
      .attr("text-anchor", "middle")
      .selectAll("text")
      .data(cells)
      .join("text")
      .attr("x", (d) => (x(String(d.k)) ?? 0) + cell / 2)
      .attr("y", (d) => (y(String(d.q)) ?? 0) + cell / 2)
      .attr("dominant-baseline", "central")
      .attr("fill", (d) => (Math.sqrt(d.w) > 0.62 ? "#111111" : "#ffffff"))
      .text((d) => (d.w >= 0.995 ? "1" : d.w.toFixed(2).replace(/^0/, "")));

  svg
    .append("g")
    .attr("fill", theme.fg)
    .attr("text-anchor", "end")
    .selectAll("text")
    .data(tokens)
    .join("text")
    .attr("x", left - 6)
    .attr("y", (_, i) => (y(String(i)) ?? 0) + cell / 2)
    .attr("dominant-baseline", "central")
    .text((t) => t);
  svg
    .append("g")
    .attr("fill", theme.fg)
    .selectAll("text")
    .data(tokens)
    .join("text")
    .attr(
      "transform",
      (_, i) => `translate(${(x(String(i)) ?? 0) + cell / 2 + 4},${top - 6}) rotate(-50)`,
    )
    .text((t) => t);
  svg
    .append("text")
    .attr("x", 4)
    .attr("y", top + side / 2)
    .attr("fill", theme.muted)
    .attr("font-size", 12)
    .attr("transform", `rotate(-90 12 ${top + side / 2})`)
    .attr("text-anchor", "middle")
    .text("looks from ↓");
  svg
    .append("text")
    .attr("x", left)
    .attr("y", 14)
    .attr("fill", theme.muted)
    .attr("font-size", 12)
    .text("looks at →");

  // Legend: the colour scale from 0 to 1 (square-root spaced, so small weights stay visible).
  const legendY = top + side + 18;
  const legendW = Math.min(side, 240);
  const gradient = svg
    .append("defs")
    .append("linearGradient")
    .attr("id", input.gradientId)
    .attr("x1", "0")
    .attr("x2", "1");
  for (let i = 0; i <= 10; i++)
    gradient
      .append("stop")
      .attr("offset", `${i * 10}%`)
      .attr("stop-color", color((i / 10) ** 2));
  svg
    .append("rect")
    .attr("x", left)
    .attr("y", legendY)
    .attr("width", legendW)
    .attr("height", 10)
    .attr("fill", `url(#${input.gradientId})`);
  const ticks = [0, 0.1, 0.25, 0.5, 1];
  svg
    .append("g")
    .attr("fill", theme.muted)
    .attr("font-size", 11)
    .attr("text-anchor", "middle")
    .selectAll("text")
    .data(ticks)
    .join("text")
    .attr("x", (t) => left + Math.sqrt(t) * legendW)
    .attr("y", legendY + 24)
    .text((t) => String(t));

  const node = svg.node() as SVGSVGElement;
  node.dataset["attention"] = JSON.stringify({
    layer: input.layer,
    head: input.head,
    tokens,
    weights: rows,
  });
  return node;
}
