/**
 * The live chart of the model's metrics over time (d3, SVG): % similar,
 * % unhappy, dissimilarity and interface density, each a share from 0 to 1.
 * Lines differ in colour and in dash pattern, so they read without colour too.
 */
import { axisBottom, axisLeft, line, scaleLinear, select } from "d3";
import { METRICS, type MetricDefinition, type SchellingStats } from "@/lib/schelling/index";

type ShareKey = "similarity" | "unhappyShare" | "dissimilarity" | "interfaceDensity";

export interface ChartPoint {
  x: number;
  values: Record<ShareKey, number>;
}

/** The charted metrics, with their colour variable and dash pattern. */
export const SERIES: readonly { key: ShareKey; color: string; dash: string }[] = [
  { key: "similarity", color: "--cb-blue", dash: "" },
  { key: "unhappyShare", color: "--cb-vermillion", dash: "6 4" },
  { key: "dissimilarity", color: "--cb-green", dash: "2 3" },
  { key: "interfaceDensity", color: "--cb-purple", dash: "9 3 2 3" },
];

export function definitionOf(key: MetricDefinition["key"]): MetricDefinition {
  return METRICS.find((m) => m.key === key) as MetricDefinition;
}

export function pointOf(x: number, stats: SchellingStats): ChartPoint {
  return {
    x,
    values: {
      similarity: stats.similarity,
      unhappyShare: stats.unhappyShare,
      dissimilarity: stats.dissimilarity,
      interfaceDensity: stats.interfaceDensity,
    },
  };
}

/** The most points kept; older ones are thinned out (every other one dropped). */
const MAX_POINTS = 600;

const WIDTH = 320;
const HEIGHT = 200;
const MARGIN = { top: 10, right: 12, bottom: 36, left: 48 };

export class MetricsChart {
  readonly #root: HTMLElement;
  #points: ChartPoint[] = [];
  #xLabel = "moves";

  constructor(root: HTMLElement) {
    this.#root = root;
  }

  get size(): number {
    return this.#points.length;
  }

  reset(xLabel: string): void {
    this.#points = [];
    this.#xLabel = xLabel;
  }

  add(point: ChartPoint): void {
    const last = this.#points.at(-1);
    if (last?.x === point.x) this.#points[this.#points.length - 1] = point;
    else this.#points.push(point);
    if (this.#points.length > MAX_POINTS) {
      this.#points = this.#points.filter((_, i) => i % 2 === 0 || i === this.#points.length - 1);
    }
  }

  draw(): void {
    const styles = getComputedStyle(this.#root);
    const color = (name: string): string => styles.getPropertyValue(name).trim();
    const points = this.#points;
    const maxX = Math.max(1, ...points.map((p) => p.x));
    const x = scaleLinear([0, maxX], [MARGIN.left, WIDTH - MARGIN.right]);
    const y = scaleLinear([0, 1], [HEIGHT - MARGIN.bottom, MARGIN.top]);

    const root = select(this.#root);
    let svg = root.select<SVGSVGElement>("svg");
    if (svg.empty()) {
      svg = root
        .append("svg")
        .attr("viewBox", `0 0 ${WIDTH} ${HEIGHT}`)
        .attr("font-size", 13)
        .attr("aria-hidden", "true");
      svg.append("g").attr("class", "x-axis");
      svg.append("g").attr("class", "y-axis");
      svg.append("text").attr("class", "x-label").attr("text-anchor", "end");
      svg.append("g").attr("class", "lines");
    }
    svg
      .select<SVGGElement>(".x-axis")
      .attr("transform", `translate(0,${HEIGHT - MARGIN.bottom})`)
      .attr("color", color("--fg-muted"))
      .call(
        axisBottom(x)
          .ticks(Math.min(5, maxX))
          .tickFormat((d) => String(d)),
      );
    svg
      .select<SVGGElement>(".y-axis")
      .attr("transform", `translate(${MARGIN.left},0)`)
      .attr("color", color("--fg-muted"))
      .call(
        axisLeft(y)
          .ticks(5)
          .tickFormat((d) => `${Math.round(Number(d) * 100)} %`),
      );
    svg
      .select(".x-label")
      .attr("x", WIDTH - MARGIN.right)
      .attr("y", HEIGHT - 4)
      .attr("fill", color("--fg-muted"))
      .text(`${this.#xLabel} →`);
    const path = line<ChartPoint>();
    svg
      .select(".lines")
      .selectAll<SVGPathElement, (typeof SERIES)[number]>("path")
      .data(SERIES)
      .join("path")
      .attr("data-series", (s) => s.key)
      .attr("fill", "none")
      .attr("stroke", (s) => color(s.color))
      .attr("stroke-width", 2.5)
      .attr("stroke-dasharray", (s) => s.dash || null)
      .attr("stroke-linejoin", "round")
      .attr("d", (s) => path.x((p) => x(p.x)).y((p) => y(p.values[s.key]))(points) ?? "");
    // A dot on each line's latest value, so a single point (the start) shows too.
    const last = points.at(-1);
    svg
      .select(".lines")
      .selectAll<SVGCircleElement, (typeof SERIES)[number]>("circle")
      .data(last ? SERIES : [])
      .join("circle")
      .attr("r", 3.5)
      .attr("fill", (s) => color(s.color))
      .attr("cx", last ? x(last.x) : 0)
      .attr("cy", (s) => (last ? y(last.values[s.key]) : 0));
    this.#root.dataset["points"] = String(points.length);
  }
}
