/**
 * The pictures of each step: the tokens, a vector as a strip of colours, the
 * attention of the followed word as a table with bars, and the words it is
 * most like at each stage. All values arrive computed; this file only draws.
 */
import { interpolatePuOr, scaleDiverging, select } from "d3";

let tables = 0;

/** A table under a title that stays in view (a caption would scroll away with a wide table). */
function titledTable(title: string): { wrap: HTMLElement; table: HTMLTableElement } {
  const wrap = document.createElement("div");
  const heading = document.createElement("p");
  heading.className = "ts-table-title";
  heading.id = `ts-table-${++tables}`;
  heading.textContent = title;
  const scroll = document.createElement("div");
  scroll.className = "table-scroll";
  const table = document.createElement("table");
  table.setAttribute("aria-labelledby", heading.id);
  scroll.append(table);
  wrap.append(heading, scroll);
  return { wrap, table };
}

/** The tokens as chips; the followed word's tokens are marked. */
export function tokenChips(
  tokens: readonly string[],
  marked: { start: number; end: number },
): HTMLElement {
  const list = document.createElement("ol");
  list.className = "ts-chips";
  list.setAttribute("aria-label", "Tokens");
  tokens.forEach((token, i) => {
    const item = document.createElement("li");
    item.className = "ts-chip";
    if (i >= marked.start && i < marked.end) item.classList.add("target");
    item.textContent = token;
    list.append(item);
  });
  return list;
}

/** A vector as a row of coloured cells, orange below zero and purple above. */
export function vectorStrip(vector: Float32Array, label: string): SVGSVGElement {
  const n = vector.length;
  const max = Math.max(1e-9, ...Array.from(vector, Math.abs));
  const color = scaleDiverging(interpolatePuOr).domain([-max, 0, max]);
  const svg = select(document.createElementNS("http://www.w3.org/2000/svg", "svg"))
    .attr("class", "ts-strip")
    .attr("viewBox", `0 0 ${n} 24`)
    .attr("preserveAspectRatio", "none")
    .attr("role", "img")
    .attr("aria-label", label);
  svg
    .selectAll("rect")
    .data(Array.from(vector))
    .join("rect")
    .attr("x", (_, i) => i)
    .attr("width", 1.02)
    .attr("height", 24)
    .attr("fill", (v) => color(v));
  return svg.node() as SVGSVGElement;
}

export interface AttentionRows {
  words: readonly string[];
  /** The mean over heads, one weight per word. */
  mean: readonly number[];
  /** perHead[h][word]. */
  perHead: readonly (readonly number[])[];
  target: number;
  layer: number;
}

/** Who the followed word looks at: one row per word, a bar for the mean of heads and each head's weight. */
export function attentionTable(rows: AttentionRows): HTMLElement {
  const { wrap, table } = titledTable(
    `How much “${rows.words[rows.target] ?? ""}” looks at each word in layer ${rows.layer + 1} (each column sums to 1)`,
  );
  table.className = "ts-attention";
  const head = document.createElement("tr");
  for (const text of ["Word", "Mean of heads", ...rows.perHead.map((_, h) => `Head ${h + 1}`)]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = text;
    head.append(th);
  }
  const thead = document.createElement("thead");
  thead.append(head);
  const body = document.createElement("tbody");
  const best = rows.perHead.map((weights) => weights.indexOf(Math.max(...weights)));
  rows.words.forEach((word, i) => {
    const tr = document.createElement("tr");
    if (i === rows.target) tr.className = "target";
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = word;
    const mean = rows.mean[i] ?? 0;
    const bar = document.createElement("td");
    bar.className = "ts-bar";
    bar.dataset["word"] = String(i);
    bar.dataset["weight"] = String(mean);
    const value = document.createElement("span");
    value.className = "ts-bar-value";
    value.textContent = mean.toFixed(2);
    const track = document.createElement("span");
    track.className = "ts-bar-track";
    const fill = document.createElement("span");
    fill.className = "ts-bar-fill";
    fill.style.width = `${(mean * 100).toFixed(1)}%`;
    track.append(fill);
    bar.append(value, track);
    tr.append(th, bar);
    rows.perHead.forEach((weights, h) => {
      const td = document.createElement("td");
      td.className = "ts-num";
      td.textContent = (weights[i] ?? 0).toFixed(2);
      if (best[h] === i) td.classList.add("best");
      tr.append(td);
    });
    body.append(tr);
  });
  table.append(thead, body);
  wrap.append(table);
  return wrap;
}

/** The words of the sentence the followed word is most like at each stage (cosine at that stage). */
export function resemblanceTable(
  word: string,
  labels: readonly string[],
  closest: readonly (readonly { word: string; cosine: number }[])[],
): HTMLElement {
  const { wrap, table } = titledTable(
    `The words of the sentence “${word}” is most like, stage by stage (cosine)`,
  );
  const head = document.createElement("tr");
  for (const text of ["Stage", "Most like"]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = text;
    head.append(th);
  }
  const thead = document.createElement("thead");
  thead.append(head);
  const body = document.createElement("tbody");
  labels.forEach((label, s) => {
    const tr = document.createElement("tr");
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = label;
    const td = document.createElement("td");
    td.textContent = (closest[s] ?? []).map((c) => `${c.word} ${c.cosine.toFixed(2)}`).join(", ");
    tr.append(th, td);
    body.append(tr);
  });
  table.append(thead, body);
  wrap.append(table);
  return wrap;
}
