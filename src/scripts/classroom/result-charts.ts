/**
 * The instructor's charts (d3): one stacked bar of label counts per item, and
 * a poll's answers per option. Colours are the site's colour-blind-safe
 * palette, in the activity's label order; every count is also written as text.
 */
import { scaleBand, scaleLinear, select } from "d3";

const PALETTE = [
  "--cb-blue",
  "--cb-orange",
  "--cb-green",
  "--cb-purple",
  "--cb-sky",
  "--cb-vermillion",
  "--cb-yellow",
];

export const labelColor = (index: number): string =>
  `var(${PALETTE[index % PALETTE.length] ?? "--fg"})`;

/** A swatch and name per label, in order. */
export function legend(labels: readonly string[]): HTMLElement {
  const list = document.createElement("ul");
  list.className = "class-legend";
  labels.forEach((label, i) => {
    const item = document.createElement("li");
    const swatch = document.createElement("span");
    swatch.className = "class-swatch";
    swatch.style.background = labelColor(i);
    item.append(swatch, document.createTextNode(label));
    list.append(item);
  });
  return list;
}

/** The item's label counts as one bar split by label (empty when nobody answered). */
export function countsBar(
  labels: readonly string[],
  counts: Readonly<Record<string, number>>,
  total: number,
): SVGSVGElement {
  const width = 160;
  const height = 14;
  const svg = select(document.createElementNS("http://www.w3.org/2000/svg", "svg"))
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("width", width)
    .attr("height", height)
    .attr("class", "class-counts-bar")
    .attr("role", "img")
    .attr("aria-label", labels.map((l) => `${l} ${counts[l] ?? 0}`).join(", "));
  svg.append("rect").attr("width", width).attr("height", height).attr("class", "class-bar-track");
  const x = scaleLinear()
    .domain([0, Math.max(total, 1)])
    .range([0, width]);
  let start = 0;
  labels.forEach((label, i) => {
    const n = counts[label] ?? 0;
    if (n === 0) return;
    svg
      .append("rect")
      .attr("x", x(start))
      .attr("width", x(n) - x(0))
      .attr("height", height)
      .attr("fill", labelColor(i))
      .append("title")
      .text(`${label}: ${n}`);
    start += n;
  });
  return svg.node() as SVGSVGElement;
}

/** Horizontal bars, one per option, with its count at the end. */
export function pollChart(counts: readonly { option: string; count: number }[]): SVGSVGElement {
  const row = 30;
  const labelWidth = 170;
  const width = 460;
  const height = counts.length * row + 8;
  const max = Math.max(1, ...counts.map((c) => c.count));
  const y = scaleBand<number>()
    .domain(counts.map((_, i) => i))
    .range([4, height - 4])
    .padding(0.2);
  const x = scaleLinear()
    .domain([0, max])
    .range([0, width - labelWidth - 40]);
  const svg = select(document.createElementNS("http://www.w3.org/2000/svg", "svg"))
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("class", "class-poll-chart")
    .attr("role", "img")
    .attr("aria-label", counts.map((c) => `${c.option}: ${c.count}`).join("; "));
  const bars = svg
    .selectAll("g")
    .data(counts)
    .join("g")
    .attr("transform", (_, i) => `translate(0,${y(i) ?? 0})`);
  bars
    .append("text")
    .attr("x", labelWidth - 8)
    .attr("y", y.bandwidth() / 2)
    .attr("dy", "0.35em")
    .attr("text-anchor", "end")
    .attr("class", "class-poll-option")
    .text((d) => (d.option.length > 26 ? `${d.option.slice(0, 25)}…` : d.option))
    .append("title")
    .text((d) => d.option);
  bars
    .append("rect")
    .attr("x", labelWidth)
    .attr("height", y.bandwidth())
    .attr("width", (d) => x(d.count))
    .attr("fill", (_, i) => labelColor(i));
  bars
    .append("text")
    .attr("x", (d) => labelWidth + x(d.count) + 6)
    .attr("y", y.bandwidth() / 2)
    .attr("dy", "0.35em")
    .attr("class", "class-poll-count")
    .text((d) => String(d.count));
  return svg.node() as SVGSVGElement;
}
