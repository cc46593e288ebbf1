/**
 * Horizontal bars of probabilities (the next word, the next token), drawn
 * with d3 into an SVG: a label, a bar scaled to the largest probability, and
 * the percentage with the count when there is one. Shared by NextWord and
 * InfiniGram; each bar can carry data attributes for tests and tools.
 */
import { scaleBand, scaleLinear, select } from "d3";

export interface ProbabilityBar {
  label: string;
  probability: number;
  count?: number | undefined;
  /** Written on the bar's rect as data-* attributes. */
  data?: Record<string, string | number>;
}

const ROW = 30;
const WIDTH = 420;
const LABEL = 120;
const VALUE = 130;

/** Draws one bar per entry into `host` (replacing what was there); `fill` names a CSS colour variable. */
export function drawProbabilityBars(
  host: HTMLElement,
  bars: readonly ProbabilityBar[],
  options: { label: string; fill: string },
): void {
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
    .attr("aria-label", options.label)
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
    .text((b) => b.label);
  rows
    .append("rect")
    .attr("x", LABEL)
    .attr("width", (b) => Math.max(1, x(b.probability)))
    .attr("height", y.bandwidth())
    .attr("rx", 3)
    .attr("fill", css(options.fill))
    .each(function (b) {
      for (const [key, value] of Object.entries(b.data ?? {}))
        this.setAttribute(`data-${key}`, String(value));
    });
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
