/** Horizontal bars of next-word probabilities, drawn with d3 into an SVG. */
import { scaleBand, scaleLinear, select } from "d3";

export interface Bar {
  word: string;
  probability: number;
  count?: number | undefined;
}

const ROW = 30;
const WIDTH = 420;
const LABEL = 120;
const VALUE = 130;

export function drawBars(host: HTMLElement, bars: readonly Bar[], label: string): void {
  const styles = getComputedStyle(host);
  const css = (name: string): string => styles.getPropertyValue(name).trim();
  const height = Math.max(1, bars.length) * ROW + 8;
  const x = scaleLinear(
    [0, Math.max(1e-9, ...bars.map((b) => b.probability))],
    [0, WIDTH - LABEL - VALUE],
  );
  const y = scaleBand(
    bars.map((_, i) => String(i)),
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
    .data(bars)
    .join("g")
    .attr("transform", (_, i) => `translate(0,${y(String(i)) ?? 0})`);
  rows
    .append("text")
    .attr("x", LABEL - 6)
    .attr("y", y.bandwidth() / 2)
    .attr("dy", "0.35em")
    .attr("text-anchor", "end")
    .attr("fill", css("--fg"))
    .text((b) => b.word);
  rows
    .append("rect")
    .attr("x", LABEL)
    .attr("width", (b) => Math.max(1, x(b.probability)))
    .attr("height", y.bandwidth())
    .attr("rx", 3)
    .attr("fill", css("--cb-vermillion"))
    .attr("data-word", (b) => b.word)
    .attr("data-probability", (b) => b.probability)
    .attr("data-count", (b) => b.count ?? null);
  rows
    .append("text")
    .attr("x", (b) => LABEL + Math.max(1, x(b.probability)) + 6)
    .attr("y", y.bandwidth() / 2)
    .attr("dy", "0.35em")
    .attr("fill", css("--fg-muted"))
    .text(
      (b) =>
        `${(100 * b.probability).toFixed(1)}%${b.count === undefined ? "" : ` (${b.count.toLocaleString("en")})`}`,
    );
}
