/**
 * The evaluation panel: headline agreement figures with bootstrap 95 %
 * intervals, a per-class table and a d3 confusion matrix (rows: gold labels,
 * columns: the model's labels, plus a "flagged" column for items without a
 * valid answer). Labels are data, so they are written as text. A statistic
 * that is undefined shows "–" and why; when nothing was labelled the panel
 * shows only the reason, no metric.
 */
import { interpolateBlues, scaleBand, scaleSequential, select } from "d3";
import {
  type EvaluationReport,
  type Interval,
  type Statistic,
  statisticText,
} from "@/lib/labeling";

const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : "–");

function metricsList(report: EvaluationReport): HTMLElement {
  const e = report.evaluation;
  const dl = document.createElement("dl");
  dl.className = "ls-metrics";
  const add = (term: string, value: string, part: string): HTMLElement => {
    const dt = document.createElement("dt");
    dt.textContent = term;
    const dd = document.createElement("dd");
    dd.textContent = value;
    dd.dataset["metric"] = part;
    dl.append(dt, dd);
    return dd;
  };
  /** A statistic: its value (and interval), or "–" and why it is undefined. */
  const addStatistic = (term: string, s: Statistic, ci: Interval | null, part: string): void => {
    const dd = add(term, statisticText(s, ci), part);
    if (s.value === undefined) dd.dataset["undefined"] = "true";
  };
  if (e) {
    add("Items compared with gold", String(report.scored), "n");
    addStatistic("Accuracy", e.accuracy, report.accuracy, "accuracy");
    addStatistic("Macro F1", e.macroF1, report.macroF1, "macro-f1");
    addStatistic("Micro F1", e.microF1, null, "micro-f1");
    addStatistic("Cohen's kappa", e.kappa, report.kappa, "kappa");
  }
  if (report.votesAlpha !== null)
    addStatistic("Krippendorff's alpha across votes", report.votesAlpha, null, "alpha");
  return dl;
}

function perClassTable(report: EvaluationReport): HTMLTableElement {
  const table = document.createElement("table");
  const caption = table.createCaption();
  caption.textContent = "Per label";
  const head = table.createTHead().insertRow();
  for (const title of ["Label", "Precision", "Recall", "F1", "Gold items"]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = title;
    head.append(th);
  }
  const body = table.createTBody();
  for (const c of report.evaluation?.perClass ?? []) {
    const row = body.insertRow();
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = c.label;
    row.append(th);
    for (const v of [f3(c.precision), f3(c.recall), f3(c.f1), String(c.support)])
      row.insertCell().textContent = v;
  }
  return table;
}

function confusionSVG(report: EvaluationReport): SVGSVGElement | null {
  const e = report.evaluation;
  if (!e) return null;
  const flagged = e.matrix.some((row) => (row[e.labels.length] ?? 0) > 0);
  const columns = flagged ? [...e.labels, "flagged"] : e.labels;
  const cell = 56;
  const margin = { top: 46, left: 96, right: 8, bottom: 8 };
  const width = margin.left + cell * columns.length + margin.right;
  const height = margin.top + cell * e.labels.length + margin.bottom;
  const max = Math.max(1, ...e.matrix.flat());
  const color = scaleSequential(interpolateBlues).domain([0, max]);
  const x = scaleBand(columns, [margin.left, margin.left + cell * columns.length]);
  const y = scaleBand(e.labels, [margin.top, margin.top + cell * e.labels.length]);
  const svg = select(document.createElementNS("http://www.w3.org/2000/svg", "svg"))
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("width", width)
    .attr("role", "img")
    .attr(
      "aria-label",
      `Confusion matrix: ${e.labels
        .map((g, r) =>
          columns.map((p, c) => `${e.matrix[r]?.[c] ?? 0} gold ${g} labelled ${p}`).join(", "),
        )
        .join("; ")}`,
    );
  svg.attr("data-part", "confusion");
  svg
    .append("text")
    .attr("x", margin.left + (cell * columns.length) / 2)
    .attr("y", 14)
    .attr("text-anchor", "middle")
    .attr("fill", "currentColor")
    .attr("font-size", 12)
    .text("model's label →");
  const cells = e.labels.flatMap((g, r) =>
    columns.map((p, c) => ({ g, p, n: e.matrix[r]?.[c] ?? 0, diagonal: r === c })),
  );
  const group = svg.append("g");
  const boxes = group
    .selectAll("g")
    .data(cells)
    .join("g")
    .attr("transform", (d) => `translate(${x(d.p) ?? 0},${y(d.g) ?? 0})`);
  boxes
    .append("rect")
    .attr("width", cell - 2)
    .attr("height", cell - 2)
    .attr("rx", 3)
    .attr("fill", (d) => color(d.n))
    .attr("stroke", (d) => (d.diagonal ? "currentColor" : "none"));
  boxes
    .append("text")
    .attr("x", (cell - 2) / 2)
    .attr("y", (cell - 2) / 2 + 5)
    .attr("text-anchor", "middle")
    .attr("font-size", 15)
    .attr("font-weight", 700)
    .attr("fill", (d) => (d.n / max > 0.55 ? "#fff" : "#111"))
    .attr("data-cell", (d) => `${d.g}|${d.p}`)
    .text((d) => d.n);
  const short = (s: string): string => (s.length > 12 ? `${s.slice(0, 11)}…` : s);
  svg
    .append("g")
    .selectAll("text")
    .data(columns)
    .join("text")
    .attr("x", (d) => (x(d) ?? 0) + (cell - 2) / 2)
    .attr("y", margin.top - 8)
    .attr("text-anchor", "middle")
    .attr("font-size", 12)
    .attr("fill", "currentColor")
    .text(short);
  svg
    .append("g")
    .selectAll("text")
    .data(e.labels)
    .join("text")
    .attr("x", margin.left - 8)
    .attr("y", (d) => (y(d) ?? 0) + (cell - 2) / 2 + 4)
    .attr("text-anchor", "end")
    .attr("font-size", 12)
    .attr("fill", "currentColor")
    .text((d) => `gold ${short(d)}`);
  return svg.node();
}

/** Fills `host` with the report (or the reason there is none). */
export function renderEvaluation(host: HTMLElement, report: EvaluationReport): void {
  const parts: Node[] = [];
  if (report.reason) {
    const p = document.createElement("p");
    p.className = "ls-note";
    p.textContent = report.reason;
    parts.push(p);
  }
  // nothing to measure (nothing labelled, no gold): the reason alone, no empty metric list
  if (!report.evaluation && report.votesAlpha === null) {
    host.replaceChildren(...parts);
    return;
  }
  const grid = document.createElement("div");
  grid.className = "ls-eval-grid";
  grid.append(metricsList(report));
  const svg = confusionSVG(report);
  if (svg) {
    const figure = document.createElement("figure");
    const caption = document.createElement("figcaption");
    caption.textContent = "Confusion matrix (rows: gold; columns: the model)";
    figure.append(caption, svg);
    const scroll = document.createElement("div");
    scroll.className = "table-scroll";
    scroll.append(perClassTable(report));
    grid.append(figure, scroll);
  }
  parts.push(grid);
  host.replaceChildren(...parts);
}
