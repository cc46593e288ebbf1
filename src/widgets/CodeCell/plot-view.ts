/** Draws a cell's plot() data with d3: lines (or dots, or bars) per series, axes, labels. */
import * as d3 from "d3";
import type { PlotMessage } from "./lab-plot";

const COLORS = [
  "--cb-blue",
  "--cb-orange",
  "--cb-green",
  "--cb-vermillion",
  "--cb-purple",
  "--cb-sky",
];

export function drawPlot(host: HTMLElement, { points, options }: PlotMessage): void {
  const width = Math.max(280, Math.min(640, host.clientWidth || 640));
  const height = 260;
  const margin = { top: options.title ? 28 : 12, right: 16, bottom: 40, left: 52 };
  const figure = d3.select(host).append("figure").attr("class", "cc-plot");
  const svg = figure
    .append("svg")
    .attr("viewBox", `0 0 ${String(width)} ${String(height)}`)
    .attr("role", "img")
    .attr("aria-label", options.title ?? `Plot of ${String(points.length)} points`);
  const finite = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const x = d3
    .scaleLinear()
    .domain(d3.extent(finite, (p) => p.x) as [number, number])
    .nice()
    .range([margin.left, width - margin.right]);
  const [y0 = 0, y1 = 1] = d3.extent(finite, (p) => p.y);
  const y = d3
    .scaleLinear()
    .domain([Math.min(0, y0), y1])
    .nice()
    .range([height - margin.bottom, margin.top]);
  svg
    .append("g")
    .attr("transform", `translate(0,${String(height - margin.bottom)})`)
    .call(d3.axisBottom(x).ticks(6));
  svg
    .append("g")
    .attr("transform", `translate(${String(margin.left)},0)`)
    .call(d3.axisLeft(y).ticks(5));
  if (options.x)
    svg
      .append("text")
      .attr("class", "cc-axis-label")
      .attr("x", width / 2)
      .attr("y", height - 6)
      .attr("text-anchor", "middle")
      .text(options.x);
  if (options.y)
    svg
      .append("text")
      .attr("class", "cc-axis-label")
      .attr("transform", `translate(14,${String(height / 2)}) rotate(-90)`)
      .attr("text-anchor", "middle")
      .text(options.y);
  if (options.title)
    svg
      .append("text")
      .attr("class", "cc-plot-title")
      .attr("x", margin.left)
      .attr("y", 16)
      .text(options.title);
  const groups = d3.group(finite, (p) => p.series ?? "");
  let i = 0;
  for (const [, series] of groups) {
    const color = `var(${COLORS[i++ % COLORS.length] ?? "--cb-blue"})`;
    const kind = options.kind ?? "line";
    if (kind === "line")
      svg
        .append("path")
        .datum(series)
        .attr("fill", "none")
        .attr("stroke", color)
        .attr("stroke-width", 2)
        .attr(
          "d",
          d3
            .line<(typeof series)[number]>()
            .x((p) => x(p.x))
            .y((p) => y(p.y)),
        );
    if (kind === "bar") {
      const w = Math.max(2, (width - margin.left - margin.right) / Math.max(1, series.length) - 2);
      svg
        .append("g")
        .selectAll("rect")
        .data(series)
        .join("rect")
        .attr("fill", color)
        .attr("x", (p) => x(p.x) - w / 2)
        .attr("width", w)
        .attr("y", (p) => y(Math.max(0, p.y)))
        .attr("height", (p) => Math.abs(y(p.y) - y(0)));
    } else
      svg
        .append("g")
        .selectAll("circle")
        .data(series)
        .join("circle")
        .attr("fill", color)
        .attr("r", kind === "scatter" ? 3.5 : 2.5)
        .attr("cx", (p) => x(p.x))
        .attr("cy", (p) => y(p.y));
  }
  if (groups.size > 1) {
    const legend = figure.append("figcaption").attr("class", "cc-legend");
    let j = 0;
    for (const name of groups.keys()) {
      const item = legend.append("span");
      item
        .append("span")
        .attr("class", "cc-swatch")
        .style("background", `var(${COLORS[j++ % COLORS.length] ?? "--cb-blue"})`);
      item.append("span").text(name);
    }
  }
}
