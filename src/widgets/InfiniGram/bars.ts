/** Horizontal bars of next-token probabilities, drawn with d3 into an SVG. */
import { scaleBand, scaleLinear, select } from "d3";
import type { NextToken } from "@/lib/ngram/index";

const ROW = 30;
const WIDTH = 420;
const LABEL = 120;
const VALUE = 130;

/** Draws one bar per candidate into `host` (replacing what was there). */
export function drawBars(host: HTMLElement, candidates: readonly NextToken[], label: string): void {
  const styles = getComputedStyle(host);
  const css = (name: string): string => styles.getPropertyValue(name).trim();
  const height = Math.max(1, candidates.length) * ROW + 8;
  const max = Math.max(...candidates.map((c) => c.probability), 1e-9);
  const x = scaleLinear([0, max], [0, WIDTH - LABEL - VALUE]);
  const y = scaleBand(
    candidates.map((_, i) => String(i)),
    [4, height - 4],
  ).padding(0.2);
  const root = select(host);
  root.selectAll("*").remove();
  const svg = root
    .append("svg")
    .attr("viewBox", `0 0 ${WIDTH} ${height}`)
    .attr("role", "img")
    .attr("aria-label", label)
    .attr("font-size", 15);
  const rows = svg
    .selectAll("g")
    .data(candidates)
    .join("g")
    .attr("transform", (_, i) => `translate(0,${y(String(i)) ?? 0})`);
  rows
    .append("text")
    .attr("x", LABEL - 6)
    .attr("y", y.bandwidth() / 2)
    .attr("dy", "0.35em")
    .attr("text-anchor", "end")
    .attr("fill", css("--fg"))
    .text((c) => c.display);
  rows
    .append("rect")
    .attr("x", LABEL)
    .attr("width", (c) => Math.max(1, x(c.probability)))
    .attr("height", y.bandwidth())
    .attr("rx", 3)
    .attr("fill", css("--cb-blue"))
    .attr("data-token", (c) => c.token)
    .attr("data-count", (c) => c.count)
    .attr("data-probability", (c) => c.probability);
  rows
    .append("text")
    .attr("x", (c) => LABEL + Math.max(1, x(c.probability)) + 6)
    .attr("y", y.bandwidth() / 2)
    .attr("dy", "0.35em")
    .attr("fill", css("--fg-muted"))
    .text((c) => `${(100 * c.probability).toFixed(1)}% (${c.count.toLocaleString("en")})`);
}
