/**
 * The survey chart: one row per profile (then "All profiles" and, for the
 * framing experiment, the published result); on each row the share choosing
 * the outcome option under control (open circle) and treatment (filled),
 * with Wilson 95 % intervals as whiskers.
 */
import { axisBottom, format, scaleBand, scaleLinear, select } from "d3";
import type { Share } from "@/lib/survey/index";

export interface ChartRow {
  label: string;
  control: Pick<Share, "share" | "low" | "high">;
  treatment: Pick<Share, "share" | "low" | "high">;
}

const COLORS = { control: "var(--cb-blue)", treatment: "var(--cb-orange)" } as const;

export function drawChart(host: HTMLElement, rows: readonly ChartRow[], outcome: string): void {
  // drawn at the host's width (up to 640 px), so the text stays legible on a phone
  const width = Math.max(300, Math.min(640, host.clientWidth || 640));
  const rowHeight = 34;
  const margin = { top: 34, right: 20, bottom: 36, left: width < 480 ? 100 : 130 };
  const height = margin.top + rows.length * rowHeight + margin.bottom;
  const x = scaleLinear([0, 1], [margin.left, width - margin.right]);
  const y = scaleBand(
    rows.map((r) => r.label),
    [margin.top, height - margin.bottom],
  ).padding(0.3);
  const svg = select(document.createElementNS("http://www.w3.org/2000/svg", "svg"))
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("width", width)
    .attr("role", "img")
    .attr(
      "aria-label",
      `Share choosing ${outcome}: ${rows
        .map(
          (r) => `${r.label}: control ${pct(r.control.share)}, treatment ${pct(r.treatment.share)}`,
        )
        .join("; ")}`,
    );
  svg
    .append("g")
    .attr("transform", `translate(0,${height - margin.bottom})`)
    .call(axisBottom(x).ticks(5).tickFormat(format(".0%")))
    .attr("font-size", 12);
  svg
    .append("text")
    .attr("x", (margin.left + width - margin.right) / 2)
    .attr("y", height - 4)
    .attr("text-anchor", "middle")
    .attr("fill", "currentColor")
    .attr("font-size", 12)
    .text(`share choosing “${outcome}”`);
  const legend = svg.append("g").attr("transform", `translate(${margin.left},14)`);
  (["control", "treatment"] as const).forEach((condition, i) => {
    const g = legend.append("g").attr("transform", `translate(${i * 110},0)`);
    g.append("circle")
      .attr("r", 6)
      .attr("cy", 0)
      .attr("fill", condition === "control" ? "var(--bg)" : COLORS.treatment)
      .attr("stroke", COLORS[condition])
      .attr("stroke-width", 2.5);
    g.append("text")
      .attr("x", 12)
      .attr("y", 4)
      .attr("font-size", 12)
      .attr("fill", "currentColor")
      .text(condition);
  });
  const row = svg
    .append("g")
    .selectAll("g")
    .data(rows)
    .join("g")
    .attr("transform", (r) => `translate(0,${(y(r.label) ?? 0) + y.bandwidth() / 2})`);
  row
    .append("text")
    .attr("x", margin.left - 10)
    .attr("y", 4)
    .attr("text-anchor", "end")
    .attr("font-size", 12)
    .attr("fill", "currentColor")
    .text((r) => r.label);
  row
    .append("line")
    .attr("x1", margin.left)
    .attr("x2", width - margin.right)
    .attr("stroke", "var(--border)");
  for (const condition of ["control", "treatment"] as const) {
    const offset = condition === "control" ? -5 : 5;
    const valid = row.filter((r) => Number.isFinite(r[condition].share));
    valid
      .append("line")
      .attr("x1", (r) => x(r[condition].low))
      .attr("x2", (r) => x(r[condition].high))
      .attr("y1", offset)
      .attr("y2", offset)
      .attr("stroke", COLORS[condition])
      .attr("stroke-width", 2);
    valid
      .append("circle")
      .attr("cx", (r) => x(r[condition].share))
      .attr("cy", offset)
      .attr("r", 6)
      .attr("data-condition", condition)
      .attr("data-share", (r) => r[condition].share)
      .attr("fill", condition === "control" ? "var(--bg)" : COLORS.treatment)
      .attr("stroke", COLORS[condition])
      .attr("stroke-width", 2.5);
  }
  const node = svg.node();
  if (node) host.replaceChildren(node);
}

export const pct = (x: number): string => (Number.isFinite(x) ? `${Math.round(x * 100)}%` : "–");
