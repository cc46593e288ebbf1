/** The result lists of each use: plain DOM, numbers in data attributes for tests. */
import type {
  Classification,
  ClusterSummary,
  Hit,
  LabelDefinition,
  OutlierScore,
  WeakMatchCalibration,
} from "@/lib/embeddings/index";
import type { Item } from "./corpus-source";
import { clip, el } from "@/scripts/dom";
import { GROUP_COLORS, groupSymbol } from "./corpus-map-view";

/** A small SVG of a group's colour and shape, as in the map. */
function swatch(group: number): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "-6 -6 12 12");
  svg.setAttribute("class", "eu-swatch");
  svg.setAttribute("aria-hidden", "true");
  const path = document.createElementNS(ns, "path");
  path.setAttribute("d", groupSymbol(group));
  path.setAttribute("fill", `var(${GROUP_COLORS[group % GROUP_COLORS.length] ?? "--fg"})`);
  svg.append(path);
  return svg;
}

function source(item: Item, extra: string): HTMLElement {
  return el("span", "eu-source", `${item.title} · ${extra}`);
}

export function hitList(items: readonly Item[], hits: readonly Hit[]): HTMLOListElement {
  const list = el("ol", "eu-list");
  for (const hit of hits) {
    const item = items[hit.index];
    if (!item) continue;
    const li = el("li");
    li.dataset["index"] = String(hit.index);
    li.dataset["similarity"] = String(hit.similarity);
    li.append(source(item, `cosine ${hit.similarity.toFixed(3)}`), el("p", "eu-text", item.text));
    list.append(li);
  }
  return list;
}

export function clusterList(
  items: readonly Item[],
  clusters: readonly ClusterSummary[],
  keywords: readonly string[][],
): HTMLElement {
  const list = el("ul", "eu-list eu-groups");
  for (const c of clusters) {
    const li = el("li");
    li.dataset["cluster"] = String(c.cluster);
    li.dataset["size"] = String(c.size);
    const head = el("p", "eu-group-head");
    const words = keywords[c.cluster] ?? [];
    head.append(
      swatch(c.cluster),
      `Cluster ${c.cluster + 1}: ${c.size} texts`,
      el("span", "eu-keywords", words.length ? ` · ${words.join(", ")}` : ""),
    );
    const examples = el("ul", "eu-examples");
    for (const i of c.members.slice(0, 2)) {
      const item = items[i];
      if (item) examples.append(el("li", undefined, `${clip(item.text, 140)} (${item.title})`));
    }
    li.append(head, examples);
    list.append(li);
  }
  return list;
}

export function labelCounts(
  items: readonly Item[],
  labels: readonly LabelDefinition[],
  results: readonly Classification[],
): HTMLElement {
  const list = el("ul", "eu-list eu-groups");
  labels.forEach((label, l) => {
    const mine = results
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => r.label === l)
      .sort((a, b) => b.r.similarity - a.r.similarity);
    const li = el("li");
    li.dataset["label"] = label.name;
    li.dataset["count"] = String(mine.length);
    const head = el("p", "eu-group-head");
    const share = results.length ? Math.round((100 * mine.length) / results.length) : 0;
    head.append(swatch(l), `${label.name}: ${mine.length} texts (${share}%)`);
    const examples = el("ul", "eu-examples");
    for (const { r, i } of mine.slice(0, 2)) {
      const item = items[i];
      if (item)
        examples.append(
          el(
            "li",
            undefined,
            `${clip(item.text, 160)} (${item.title}; cosine ${r.similarity.toFixed(3)})`,
          ),
        );
    }
    li.append(head, examples);
    list.append(li);
  });
  return list;
}

export function sentenceScores(
  labels: readonly LabelDefinition[],
  result: Classification,
): HTMLElement {
  const list = el("ul", "eu-bars");
  labels.forEach((label, l) => {
    const value = result.similarities[l] ?? 0;
    const li = el("li");
    li.dataset["label"] = label.name;
    li.dataset["similarity"] = String(value);
    if (l === result.label) li.classList.add("eu-winner");
    const bar = el("span", "eu-bar");
    bar.style.width = `${Math.max(0, value) * 100}%`;
    bar.style.background = `var(${GROUP_COLORS[l % GROUP_COLORS.length] ?? "--fg"})`;
    li.append(el("span", "eu-bar-label", `${label.name} ${value.toFixed(3)}`), bar);
    list.append(li);
  });
  return list;
}

export function outlierList(
  items: readonly Item[],
  scores: readonly OutlierScore[],
): HTMLOListElement {
  const list = el("ol", "eu-list");
  for (const s of scores) {
    const item = items[s.index];
    if (!item) continue;
    const li = el("li");
    li.dataset["index"] = String(s.index);
    li.dataset["meanSimilarity"] = String(s.meanSimilarity);
    li.append(
      source(item, `mean cosine to the rest ${s.meanSimilarity.toFixed(3)}`),
      el("p", "eu-text", clip(item.text, 400)),
    );
    list.append(li);
  }
  return list;
}

const f2 = (v: number): string => v.toFixed(2);

/**
 * Said when a search's best match scores like a query the passages are not
 * about: the numbers are the asset step's measurement on this very corpus.
 */
export function weakMatchNote(
  best: number,
  calibration: WeakMatchCalibration,
  count: number,
): HTMLElement {
  const { related: r, unrelated: u } = calibration;
  const note = el("p", "lab-notice eu-weak");
  note.dataset["part"] = "weak-note";
  note.setAttribute("role", "note");
  note.append(
    el("strong", undefined, "Weak match. "),
    `The best match has cosine ${best.toFixed(3)}. On these ${count.toLocaleString("en-US")} passages, ` +
      `queries about things the addresses never discuss still reach a best match of ` +
      `${f2(u.min)}–${f2(u.max)} (median ${f2(u.median)}); queries about their subjects reach ` +
      `${f2(r.min)}–${f2(r.max)} (median ${f2(r.median)}). Below ${f2(calibration.threshold)} a best match ` +
      `looks more like the first kind: the passages may not be about this, and the ranking below ` +
      `says little. A search always returns ten texts, related or not.`,
  );
  return note;
}
