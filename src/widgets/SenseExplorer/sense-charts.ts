/**
 * The sense explorer's two charts, drawn at the host's width in CSS pixels
 * (so text stays at its font size on a phone and grows in Present mode):
 * the benchmark's AUC by layer for every model with its interval, and a strip
 * plot of pair cosines by kind.
 */
import { axisBottom, axisLeft, line, scaleLinear, scalePoint, select, type Selection } from "d3";
import type { BenchmarkModel } from "@/lib/senses/index";
import { chartLegend } from "@/scripts/chart-legend";

const COLORS = ["--cb-blue", "--cb-vermillion", "--cb-green", "--fg-muted"];
export const KIND_COLORS: Record<string, string> = {
  same: "--cb-blue",
  related: "--cb-green",
  distant: "--cb-vermillion",
  different: "--cb-vermillion",
};

function setup(host: HTMLElement, height: number, fontSize: number, label: string) {
  const styles = getComputedStyle(host);
  const css = (name: string): string => styles.getPropertyValue(name).trim();
  const width = Math.max(280, Math.floor(host.clientWidth || 560));
  const root = select(host);
  root.selectAll("*").remove();
  const svg = root
    .append("svg")
    .attr("width", width)
    .attr("height", height)
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("font-size", fontSize)
    .attr("role", "img")
    .attr("aria-label", label);
  const styleAxis = (g: Selection<SVGGElement, unknown, null, undefined>): void => {
    g.selectAll("text").attr("fill", css("--fg")).attr("font-size", fontSize);
    g.selectAll(".domain, .tick line").attr("stroke", css("--fg-muted"));
  };
  return { svg, css, width, styleAxis };
}

const SHORT = (label: string): string =>
  label
    .replace("token embedding", "token")
    .replace("+ position (layer input)", "+ pos.")
    .replace("after layer ", "L")
    .replace("static vector", "static");

/** AUC (with its 95 % interval) by layer for every model; the chosen model and layer marked. */
export function drawAucChart(
  host: HTMLElement,
  models: readonly BenchmarkModel[],
  chosen: { model: string; layer: number },
  fontSize: number,
): void {
  const height = Math.round(fontSize * 17);
  const depth = Math.max(...models.map((m) => m.layers.length));
  const label = models
    .map(
      (m) => `${m.name}: best AUC ${m.layers[m.best]?.separation.auc.estimate.toFixed(3) ?? "?"}`,
    )
    .join("; ");
  const { svg, css, width, styleAxis } = setup(host, height, fontSize, `AUC by layer. ${label}`);
  const m = { top: fontSize, right: fontSize, bottom: fontSize * 2.2, left: fontSize * 3.6 };
  const x = scalePoint(
    Array.from({ length: depth }, (_, i) => String(i)),
    [m.left, width - m.right],
  ).padding(0.3);
  const highs = models.flatMap((mod) => mod.layers.map((l) => l.separation.auc.high));
  const lows = models.flatMap((mod) => mod.layers.map((l) => l.separation.auc.low));
  const y = scaleLinear(
    [
      Math.min(0.4, ...lows.filter(Number.isFinite)),
      Math.max(0.7, ...highs.filter(Number.isFinite)),
    ],
    [height - m.bottom, m.top],
  ).nice();
  const longest = models.reduce((a, b) => (b.layers.length > a.layers.length ? b : a));
  svg
    .append("g")
    .attr("transform", `translate(0,${height - m.bottom})`)
    .call(axisBottom(x).tickFormat((d) => SHORT(longest.layers[Number(d)]?.label ?? d)))
    .call(styleAxis);
  svg
    .append("g")
    .attr("transform", `translate(${m.left},0)`)
    .call(axisLeft(y).ticks(5))
    .call(styleAxis);
  svg
    .append("line")
    .attr("x1", m.left)
    .attr("x2", width - m.right)
    .attr("y1", y(0.5))
    .attr("y2", y(0.5))
    .attr("stroke", css("--fg-muted"))
    .attr("stroke-dasharray", "4 4");
  const step = x.step() * 0.12;
  models.forEach((mod, k) => {
    const color = css(COLORS[k % COLORS.length] ?? "--fg");
    const offset = (k - (models.length - 1) / 2) * step;
    const px = (i: number): number => (x(String(i)) ?? 0) + offset;
    const g = svg.append("g").attr("data-model", mod.id);
    if (mod.layers.length > 1)
      g.append("path")
        .attr(
          "d",
          line<number>()
            .x((_, i) => px(i))
            .y((v) => y(v))(mod.layers.map((l) => l.separation.auc.estimate)),
        )
        .attr("fill", "none")
        .attr("stroke", color)
        .attr("stroke-width", mod.id === chosen.model ? 3 : 1.5);
    mod.layers.forEach((l, i) => {
      const { estimate, low, high } = l.separation.auc;
      g.append("line")
        .attr("x1", px(i))
        .attr("x2", px(i))
        .attr("y1", y(Number.isFinite(low) ? low : estimate))
        .attr("y2", y(Number.isFinite(high) ? high : estimate))
        .attr("stroke", color)
        .attr("stroke-width", 1.5);
      g.append("circle")
        .attr("cx", px(i))
        .attr("cy", y(estimate))
        .attr("r", mod.id === chosen.model && i === chosen.layer ? fontSize * 0.5 : fontSize * 0.3)
        .attr("fill", color)
        .attr("stroke", mod.id === chosen.model && i === chosen.layer ? css("--fg") : "none")
        .attr("stroke-width", 2);
    });
  });
  host.append(
    chartLegend(
      models.map((mod, k) => ({
        label: mod.name.replace(/ \(.*\)$/, ""),
        color: css(COLORS[k % COLORS.length] ?? "--fg"),
      })),
    ),
  );
}

export interface StripPoint {
  value: number;
  kind: string;
  title: string;
}

/** One row of dots per kind (same sense, related, distant / different), on a cosine axis. */
export function drawStrip(
  host: HTMLElement,
  points: readonly StripPoint[],
  rows: readonly { kind: string; label: string }[],
  axisLabel: string,
  fontSize: number,
): void {
  const rowHeight = fontSize * 3.2;
  const m = { top: fontSize * 0.8, right: fontSize, bottom: fontSize * 3.4, left: fontSize * 8.5 };
  const height = Math.round(m.top + m.bottom + rowHeight * rows.length);
  const counts = rows.map((r) => `${r.label}: ${points.filter((p) => p.kind === r.kind).length}`);
  const { svg, css, width, styleAxis } = setup(
    host,
    height,
    fontSize,
    `${axisLabel} of each pair. ${counts.join(", ")} pairs.`,
  );
  const values = points.map((p) => p.value).filter(Number.isFinite);
  const lo = Math.max(-1, Math.min(...values, 1) - 0.05);
  const hi = Math.min(1, Math.max(...values, lo + 0.05) + 0.02);
  const x = scaleLinear([lo, hi], [m.left, width - m.right]).nice();
  svg
    .append("g")
    .attr("transform", `translate(0,${height - m.bottom})`)
    .call(axisBottom(x).ticks(Math.max(3, Math.floor(width / (fontSize * 6)))))
    .call(styleAxis);
  svg
    .append("text")
    .attr("x", (m.left + width - m.right) / 2)
    .attr("y", height - fontSize * 0.6)
    .attr("text-anchor", "middle")
    .attr("fill", css("--fg"))
    .text(axisLabel);
  rows.forEach((row, r) => {
    const mid = m.top + rowHeight * (r + 0.5);
    svg
      .append("text")
      .attr("x", m.left - fontSize * 0.5)
      .attr("y", mid + fontSize * 0.35)
      .attr("text-anchor", "end")
      .attr("fill", css("--fg"))
      .text(row.label);
    const color = css(KIND_COLORS[row.kind] ?? "--fg");
    const own = points.filter((p) => p.kind === row.kind && Number.isFinite(p.value));
    own.forEach((p, i) => {
      // Deterministic jitter (golden-ratio sequence) so a redraw does not move the dots.
      const jitter = (((i * 0.618034) % 1) - 0.5) * rowHeight * 0.7;
      svg
        .append("circle")
        .attr("cx", x(p.value))
        .attr("cy", mid + jitter)
        .attr("r", own.length > 200 ? 2.2 : 3.5)
        .attr("fill", color)
        .attr("fill-opacity", own.length > 200 ? 0.55 : 0.85)
        .attr("data-kind", p.kind)
        .append("title")
        .text(p.title);
    });
    const mean = own.reduce((s, p) => s + p.value, 0) / Math.max(1, own.length);
    if (own.length > 0)
      svg
        .append("line")
        .attr("x1", x(mean))
        .attr("x2", x(mean))
        .attr("y1", mid - rowHeight * 0.45)
        .attr("y2", mid + rowHeight * 0.45)
        .attr("stroke", css("--fg"))
        .attr("stroke-width", 2.5);
  });
}
