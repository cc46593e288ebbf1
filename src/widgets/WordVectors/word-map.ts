/** Draws the WordVectors map: words as labelled points, the expression's arrows, the result. */
import { select, type Selection } from "d3";
import type { Point2 } from "@/lib/vectors/index";
import type { Exploration, MapWord } from "./explore";

const WIDTH = 460;
const HEIGHT = 380;
const PAD = 36;

type Svg = Selection<SVGSVGElement, unknown, null, undefined>;

/** Okabe–Ito roles: shape and colour both differ, so no role depends on colour alone. */
const STYLE: Record<MapWord["role"], { color: string; shape: "circle" | "square" | "ring" }> = {
  plus: { color: "--cb-blue", shape: "circle" },
  minus: { color: "--cb-blue", shape: "ring" },
  name: { color: "--cb-green", shape: "square" },
  compare: { color: "--cb-green", shape: "square" },
  neighbor: { color: "--fg-muted", shape: "circle" },
};

/** Equal scales on both axes (angles stay honest), fitted to every point. */
function fit(points: readonly Point2[]): (p: Point2) => Point2 {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min((WIDTH - 2 * PAD) / (x1 - x0 || 1), (HEIGHT - 2 * PAD) / (y1 - y0 || 1));
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return ([x, y]) => [WIDTH / 2 + (x - cx) * scale, HEIGHT / 2 - (y - cy) * scale];
}

/** Where a label goes: to the right or left of its point, nudged up or down. */
interface LabelSpot {
  side: "right" | "left";
  dy: number;
}

/**
 * Places labels so that no two overlap, roughly (7 px per character, 13 px
 * tall): right of the point, else left, else nudged up or down.
 */
function placeLabels(items: { x: number; y: number; text: string }[]): LabelSpot[] {
  const placed: { x0: number; x1: number; y: number }[] = [];
  const tries: LabelSpot[] = [0, 13, -13, 26, -26, 39, -39].flatMap((dy) => [
    { side: "right" as const, dy },
    { side: "left" as const, dy },
  ]);
  return items.map(({ x, y, text }) => {
    const box = (spot: LabelSpot): { x0: number; x1: number; y: number } => {
      const width = 7 * text.length;
      const x0 = spot.side === "right" ? x + 6 : x - 8 - width;
      return { x0, x1: x0 + width, y: y + spot.dy };
    };
    const free = (b: { x0: number; x1: number; y: number }): boolean =>
      b.x0 >= 0 &&
      b.x1 <= WIDTH &&
      !placed.some((p) => p.x0 < b.x1 && b.x0 < p.x1 && Math.abs(p.y - b.y) < 13);
    const spot = tries.find((t) => free(box(t))) ?? { side: "right", dy: 0 };
    placed.push(box(spot));
    return spot;
  });
}

export function drawWordMap(root: HTMLElement, data: Exploration, idPrefix: string): void {
  const css = getComputedStyle(root);
  const color = (name: string): string => css.getPropertyValue(name).trim() || "currentColor";
  const { words, arrows } = data.map;
  const toScreen = fit([...words.map((w) => w.at), ...(arrows.result ? [arrows.result] : [])]);

  const container = select(root);
  container.selectAll("svg").remove();
  const svg: Svg = container
    .append("svg")
    .attr("viewBox", `0 0 ${WIDTH} ${HEIGHT}`)
    .attr("font-size", 12)
    .attr("aria-hidden", "true");
  const defs = svg.append("defs");
  for (const [id, fill] of [
    ["offset", color("--cb-orange")],
    ["sum", color("--cb-blue")],
  ] as const) {
    defs
      .append("marker")
      .attr("id", `${idPrefix}-${id}`)
      .attr("viewBox", "0 0 10 10")
      .attr("refX", 9)
      .attr("refY", 5)
      .attr("markerWidth", 7)
      .attr("markerHeight", 7)
      .attr("orient", "auto-start-reverse")
      .append("path")
      .attr("d", "M0,0L10,5L0,10z")
      .attr("fill", fill);
  }

  for (const arrow of arrows.arrows) {
    const [x1, y1] = toScreen(arrow.from);
    const [x2, y2] = toScreen(arrow.to);
    const offset = arrow.kind !== "to-result";
    svg
      .append("line")
      .attr("x1", x1)
      .attr("y1", y1)
      .attr("x2", x2)
      .attr("y2", y2)
      .attr("stroke", color(offset ? "--cb-orange" : "--cb-blue"))
      .attr("stroke-width", 2.5)
      .attr("stroke-dasharray", arrow.kind === "step" ? "6 4" : null)
      .attr("marker-end", `url(#${idPrefix}-${offset ? "offset" : "sum"})`)
      .attr("data-arrow", arrow.kind)
      .attr("data-words", arrow.words.join(" "));
  }

  const screen = words.map((w) => ({ w, p: toScreen(w.at) }));
  const spots = placeLabels(screen.map(({ w, p }) => ({ x: p[0], y: p[1], text: w.word })));
  screen.forEach(({ w, p: [x, y] }, i) => {
    const style = STYLE[w.role];
    const fill = color(style.color);
    const g = svg.append("g").attr("data-word", w.word).attr("data-role", w.role);
    if (style.shape === "square")
      g.append("rect")
        .attr("x", x - 5)
        .attr("y", y - 5)
        .attr("width", 10)
        .attr("height", 10)
        .attr("fill", fill);
    else
      g.append("circle")
        .attr("cx", x)
        .attr("cy", y)
        .attr("r", w.role === "neighbor" ? 3.5 : 6)
        .attr("fill", style.shape === "ring" ? "none" : fill)
        .attr("stroke", fill)
        .attr("stroke-width", 2);
    const spot = spots[i] ?? { side: "right", dy: 0 };
    g.append("text")
      .attr("x", spot.side === "right" ? x + 8 : x - 8)
      .attr("y", y + 4 + spot.dy)
      .attr("text-anchor", spot.side === "right" ? "start" : "end")
      .attr("fill", color("--fg"))
      .attr("font-weight", w.role === "neighbor" ? 400 : 700)
      .attr("paint-order", "stroke")
      .attr("stroke", color("--bg-raised"))
      .attr("stroke-width", 3)
      .text(w.role === "minus" ? `−${w.word}` : w.word);
  });

  if (arrows.result) {
    const [x, y] = toScreen(arrows.result);
    svg
      .append("path")
      .attr("d", `M${x},${y - 8}L${x + 8},${y}L${x},${y + 8}L${x - 8},${y}Z`)
      .attr("fill", color("--cb-vermillion"))
      .attr("data-role", "result");
  }
}
