/**
 * The words and small tables around the grid: group names and colours, the
 * status line, the metrics list, and the legends.
 */
import type { MoveEvent, SchellingStats } from "@/lib/schelling/index";
import type { Palette } from "./grid-view";
import { SERIES, definitionOf } from "./metrics-chart";
import type { Snapshot } from "./session";
import type { Mode } from "./settings";

/** Okabe–Ito colours (see global.css), one per group, with names a learner can say aloud. */
const GROUPS = [
  { name: "orange", color: "--cb-orange", shape: "●" },
  { name: "blue", color: "--cb-blue", shape: "■" },
  { name: "green", color: "--cb-green", shape: "▲" },
  { name: "purple", color: "--cb-purple", shape: "◆" },
  { name: "sky", color: "--cb-sky", shape: "✚" },
  { name: "yellow", color: "--cb-yellow", shape: "★" },
  { name: "red", color: "--cb-vermillion", shape: "★" },
  { name: "grey", color: "--fg-muted", shape: "★" },
] as const;

export function groupName(group: number): string {
  return GROUPS[group - 1]?.name ?? `group ${group}`;
}

export function readPalette(element: Element): Palette {
  const styles = getComputedStyle(element);
  const css = (name: string): string => styles.getPropertyValue(name).trim();
  return {
    groups: GROUPS.map((g) => css(g.color)),
    background: css("--bg-raised"),
    empty: css("--bg-soft"),
    border: css("--border"),
    foreground: css("--fg"),
    focus: css("--focus"),
  };
}

/** "row 2, seat 3" (1-based, as people count desks). */
export function seatName(cell: number, width: number): string {
  return `row ${Math.floor(cell / width) + 1}, seat ${(cell % width) + 1}`;
}

const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

export function describeMove(move: MoveEvent, width: number, mode: Mode): string {
  const who = `The ${groupName(move.group)} ${mode === "classroom" ? "student" : "agent"}`;
  const alike = (n: number): string => plural(n, `${groupName(move.group)} neighbour`);
  return `${who} at ${seatName(move.from, width)} (${alike(move.sameBefore)}) moved to ${seatName(move.to, width)} (${alike(move.sameAfter)}).`;
}

/** What the keyboard cursor is on, for the status line (read out by screen readers). */
export function describeSeat(
  snapshot: Pick<Snapshot, "cells" | "width" | "unhappy">,
  cursor: number,
  picked: number,
): string {
  const g = snapshot.cells[cursor] ?? 0;
  const seat = seatName(cursor, snapshot.width);
  if (g === 0) {
    const hint =
      picked >= 0
        ? ` Press Enter to move the ${groupName(snapshot.cells[picked] ?? 0)} student here.`
        : "";
    return `${seat}: empty seat.${hint}`;
  }
  const mood = snapshot.unhappy?.includes(cursor) ? "unhappy" : "happy";
  const hint = picked === cursor ? " Picked up: choose an empty seat and press Enter." : "";
  return `${seat}: ${groupName(g)} student, ${mood}.${hint}`;
}

export function describeState(stats: SchellingStats, mode: Mode): string {
  const who = mode === "classroom" ? "student" : "agent";
  if (stats.settled && stats.unhappy === 0)
    return `Everyone is happy after ${plural(stats.moves, "move")}: ${percent(stats.similarity)} of neighbours are alike.`;
  if (stats.settled)
    return `Stuck: ${plural(stats.unhappy, `unhappy ${who}`)} cannot find a better ${mode === "classroom" ? "seat" : "cell"}.`;
  return `${plural(stats.unhappy, `unhappy ${who}`)} of ${stats.agents.toLocaleString("en")}.`;
}

export function percent(share: number): string {
  return `${(100 * share).toFixed(1)} %`;
}

export function renderMetrics(list: HTMLElement, stats: SchellingStats, mode: Mode): void {
  const rows: [string, string][] = [
    [
      mode === "classroom" ? "moves" : "rounds",
      (mode === "classroom" ? stats.moves : stats.rounds).toLocaleString("en"),
    ],
    ["unhappy", `${stats.unhappy.toLocaleString("en")} (${percent(stats.unhappyShare)})`],
    ...(["similarity", "meanSameShare", "dissimilarity", "interfaceDensity"] as const).map(
      (key): [string, string] => [definitionOf(key).label, percent(stats[key])],
    ),
  ];
  if (mode === "simulator") rows.splice(1, 0, ["moves", stats.moves.toLocaleString("en")]);
  list.replaceChildren(
    ...rows.flatMap(([label, value]) => {
      const dt = document.createElement("dt");
      dt.textContent = label;
      const dd = document.createElement("dd");
      dd.textContent = value;
      return [dt, dd];
    }),
  );
}

export function renderLegend(
  legend: HTMLElement,
  groups: number,
  shapes: boolean,
  mode: Mode,
  palette: Palette,
): void {
  const items = GROUPS.slice(0, groups).map((g, i) => {
    const item = document.createElement("span");
    const swatch = document.createElement("span");
    swatch.className = "sg-swatch";
    swatch.style.background = palette.groups[i] ?? "";
    swatch.setAttribute("aria-hidden", "true");
    item.append(swatch, shapes ? `${g.name} (${g.shape})` : g.name);
    return item;
  });
  if (mode === "classroom") {
    const marks = document.createElement("span");
    marks.textContent = "! unhappy · dashed: seat left · thick: seat taken";
    items.push(marks);
  }
  legend.replaceChildren(...items);
}

export function renderChartLegend(list: HTMLElement, palette: (name: string) => string): void {
  list.replaceChildren(
    ...SERIES.map((s) => {
      const item = document.createElement("li");
      item.innerHTML = `<svg width="28" height="10" aria-hidden="true"><line x1="1" y1="5" x2="27" y2="5" stroke-width="2.5"/></svg>`;
      const lineEl = item.querySelector("line");
      lineEl?.setAttribute("stroke", palette(s.color));
      if (s.dash) lineEl?.setAttribute("stroke-dasharray", s.dash);
      item.append(definitionOf(s.key).label);
      return item;
    }),
  );
}
