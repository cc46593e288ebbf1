/** Draws the corpus as a 2-D scatter: one mark per text, coloured and shaped by group. */
import { scaleLinear, select, symbol, symbolsFill } from "d3";

/** Okabe–Ito colours for groups; shapes change too, so colour is never the only cue. */
export const GROUP_COLORS = [
  "--cb-blue",
  "--cb-orange",
  "--cb-green",
  "--cb-vermillion",
  "--cb-purple",
  "--cb-sky",
  "--cb-yellow",
  "--fg",
];

export interface MapPoint {
  /** The text's group (cluster or label), or null to draw it faintly. */
  group: number | null;
  /** A short mark drawn beside the point (a rank, "!"), or null. */
  mark: string | null;
  /** Shown on hover. */
  title: string;
}

const WIDTH = 520;
const HEIGHT = 360;
const PAD = 14;

export function groupSymbol(group: number): string {
  return symbol(symbolsFill[group % symbolsFill.length], 60)() ?? "";
}

export function drawCorpusMap(
  root: HTMLElement,
  xy: Float64Array,
  points: readonly MapPoint[],
): void {
  const css = getComputedStyle(root);
  const color = (name: string): string => css.getPropertyValue(name).trim() || "currentColor";
  const xs = points.map((_, i) => xy[2 * i] as number);
  const ys = points.map((_, i) => xy[2 * i + 1] as number);
  const x = scaleLinear([Math.min(...xs), Math.max(...xs)], [PAD, WIDTH - PAD]);
  const y = scaleLinear([Math.min(...ys), Math.max(...ys)], [HEIGHT - PAD, PAD]);
  const container = select(root);
  container.selectAll("svg").remove();
  const svg = container
    .append("svg")
    .attr("viewBox", `0 0 ${WIDTH} ${HEIGHT}`)
    .attr("font-size", 12)
    .attr("aria-hidden", "true");
  svg
    .append("rect")
    .attr("width", WIDTH)
    .attr("height", HEIGHT)
    .attr("fill", "none")
    .attr("stroke", color("--border"));
  // Faint points first, marked points last, so highlights stay on top.
  const order = points
    .map((_, i) => i)
    .sort((a, b) => Number(points[a]?.mark !== null) - Number(points[b]?.mark !== null));
  for (const i of order) {
    const p = points[i];
    if (!p) continue;
    const [px, py] = [x(xs[i] as number), y(ys[i] as number)];
    const g = svg.append("g").attr("transform", `translate(${px},${py})`).attr("data-index", i);
    g.append("title").text(p.title);
    if (p.group === null) {
      g.append("circle")
        .attr("r", p.mark ? 4.5 : 2.8)
        .attr("fill", color(p.mark ? "--cb-vermillion" : "--fg-muted"))
        .attr("opacity", p.mark ? 1 : 0.45);
    } else {
      g.append("path")
        .attr("d", groupSymbol(p.group))
        .attr("fill", color(GROUP_COLORS[p.group % GROUP_COLORS.length] ?? "--fg"))
        .attr("stroke", color("--bg-raised"))
        .attr("stroke-width", 0.6)
        .attr("data-group", p.group);
    }
    if (p.mark) {
      g.append("circle")
        .attr("r", 7)
        .attr("fill", "none")
        .attr("stroke", color("--fg"))
        .attr("stroke-width", 1.5);
      g.append("text")
        .attr("x", 9)
        .attr("y", 4)
        .attr("fill", color("--fg"))
        .attr("font-weight", 700)
        .attr("paint-order", "stroke")
        .attr("stroke", color("--bg-raised"))
        .attr("stroke-width", 3)
        .text(p.mark);
    }
  }
}
