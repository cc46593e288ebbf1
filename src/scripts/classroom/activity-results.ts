/**
 * The instructor's card for one activity: for a labeling task, α among the
 * students with its interval, κ between the class majority and a model, and
 * every item's label counts, most disagreed first; for a poll, its chart or
 * its answers. Numbers are also in data attributes, for the tests.
 */
import {
  labelingReport,
  pollReport,
  type Activity,
  type LabelingReport,
  type ResponseRecord,
} from "@/lib/classroom/index";
import type { Interval, Statistic } from "@/lib/labeling";
import { button, clip, el, f3 } from "./dom";
import type { ModelRun } from "./model-labels";
import { countsBar, legend, pollChart } from "./result-charts";

export interface ModelState {
  run: ModelRun | null;
  /** What is being done now ("Loading the model…"), or null. */
  busy: string | null;
  /** The last failure or note, shown under the buttons. */
  note: string | null;
}

export interface CardActions {
  close(activityId: number): void;
  export(activityId: number): void;
  offlineModel(activityId: number): void;
  importModel(activityId: number, file: File): void;
}

function statistic(s: Statistic, interval: Interval | null): string {
  if (s.value === undefined) return `undefined: ${s.reason}`;
  return interval ? `${f3(s.value)} [${f3(interval.low)}, ${f3(interval.high)}]` : f3(s.value);
}

function head(activity: Activity, answered: string, actions: CardActions): HTMLElement {
  const header = el("header", "class-result-head");
  const title =
    activity.spec.kind === "labeling"
      ? activity.spec.title
      : `Poll: ${clip(activity.spec.question, 80)}`;
  const status = el(
    "p",
    "class-result-status",
    `${activity.closedAt === null ? "Open" : "Closed"} · ${answered}`,
  );
  const buttons = el("div", "class-result-buttons");
  if (activity.closedAt === null)
    buttons.append(
      button("Close", () => {
        actions.close(activity.id);
      }),
    );
  buttons.append(
    button("Export CSV", () => {
      actions.export(activity.id);
    }),
  );
  header.append(el("h3", undefined, title), status, buttons);
  return header;
}

function statRow(
  list: HTMLElement,
  name: string,
  value: string,
  data: Record<string, string>,
): HTMLElement {
  const dt = el("dt", undefined, name);
  const dd = el("dd", undefined, value);
  Object.assign(dd.dataset, data);
  list.append(dt, dd);
  return dd;
}

function modelControls(activity: Activity, model: ModelState, actions: CardActions): HTMLElement {
  const box = el("div", "class-model");
  const offline = button("Label with the offline model", () => {
    actions.offlineModel(activity.id);
  });
  const file = el("input");
  file.type = "file";
  file.accept = ".csv,text/csv";
  file.className = "visually-hidden";
  file.addEventListener("change", () => {
    const picked = file.files?.[0];
    if (picked) actions.importModel(activity.id, picked);
  });
  const pick = el("label", "class-file-button", "Import model labels (CSV)…");
  pick.append(file);
  offline.disabled = model.busy !== null;
  box.append(offline, pick);
  const note = el(
    "p",
    "class-model-note",
    model.busy ??
      model.note ??
      (model.run
        ? `Model labels: ${model.run.source}`
        : "No model labels yet: label with the offline model, or import a results CSV from the labeling sandbox (an API run there keeps your key in your browser)."),
  );
  note.setAttribute("aria-live", "polite");
  box.append(note);
  return box;
}

export function labelingCard(
  activity: Activity,
  responses: readonly ResponseRecord[],
  model: ModelState,
  actions: CardActions,
): HTMLElement {
  const spec = activity.spec;
  if (spec.kind !== "labeling") throw new Error("not a labeling activity");
  const report: LabelingReport = labelingReport(
    activity.id,
    spec,
    responses,
    model.run?.labels ?? null,
  );
  const card = el("article", "class-result");
  card.dataset["activityId"] = String(activity.id);
  card.append(
    head(
      activity,
      `${report.coders} students, ${report.labels} labels on ${spec.items.length} items`,
      actions,
    ),
  );
  const stats = el("dl", "class-stats");
  statRow(stats, "Krippendorff's α among students", statistic(report.alpha, report.alphaInterval), {
    alpha: report.alpha.value === undefined ? "" : String(report.alpha.value),
  });
  statRow(
    stats,
    "Cohen's κ, class majority vs model",
    report.kappa === null
      ? "no model labels yet"
      : `${statistic(report.kappa, report.kappaInterval)} on ${report.kappaItems} items`,
    { kappa: report.kappa?.value === undefined ? "" : String(report.kappa.value) },
  );
  card.append(
    stats,
    el(
      "p",
      "class-stats-note",
      "Intervals: 95 % percentile bootstrap over items (500 resamples); a few items give wide intervals. Krippendorff suggests α ≥ 0.800 for reliable coding and 0.667 as the lowest for tentative conclusions. Items whose votes tie have no majority and are left out of κ.",
    ),
    modelControls(activity, model, actions),
    legend(spec.labels),
  );
  const table = el("table", "class-items-table");
  const caption = el("caption", undefined, "Items, most disagreement first");
  const headRow = el("tr");
  for (const h of ["Item", "Labels", "Majority", "Model"]) {
    const th = el("th", undefined, h);
    th.scope = "col";
    headRow.append(th);
  }
  const thead = el("thead");
  thead.append(headRow);
  const body = el("tbody");
  for (const row of report.items) {
    const tr = el("tr");
    tr.dataset["itemId"] = row.itemId;
    tr.dataset["total"] = String(row.total);
    const counts = el("td", "class-counts");
    counts.append(
      countsBar(spec.labels, row.counts, row.total),
      el(
        "span",
        "class-counts-text",
        spec.labels.map((l) => `${l} ${row.counts[l] ?? 0}`).join(" · "),
      ),
    );
    const majority = el("td", undefined, row.total === 0 ? "–" : (row.majority ?? "tie"));
    majority.dataset["majority"] = row.majority ?? "";
    const modelCell = el("td", undefined, row.model ?? "–");
    if (row.model !== null && row.majority !== null && row.model !== row.majority)
      modelCell.dataset["differs"] = "";
    tr.append(el("td", "class-item-cell", clip(row.text, 140)), counts, majority, modelCell);
    body.append(tr);
  }
  table.append(caption, thead, body);
  const scroll = el("div", "class-table-scroll");
  scroll.append(table);
  card.append(scroll);
  return card;
}

export function pollCard(
  activity: Activity,
  responses: readonly ResponseRecord[],
  actions: CardActions,
): HTMLElement {
  const spec = activity.spec;
  if (spec.kind !== "poll") throw new Error("not a poll");
  const report = pollReport(activity.id, spec, responses);
  const card = el("article", "class-result");
  card.dataset["activityId"] = String(activity.id);
  card.dataset["answers"] = String(report.total);
  card.append(
    head(activity, `${report.total} answers`, actions),
    el("p", "class-poll-question", spec.question),
  );
  if (spec.answer === "choice") card.append(pollChart(report.counts));
  else {
    const list = el("ul", "class-answers");
    for (const a of report.answers) list.append(el("li", undefined, a.text));
    if (report.answers.length === 0) list.append(el("li", "class-muted", "No answers yet."));
    card.append(list);
  }
  return card;
}
