/** Renders a count, the ∞-gram's next-token distribution with its counts, and KWIC examples. */
import type {
  CorpusSource,
  InfiniGramPrediction,
  KeywordInContext,
  NgramCount,
} from "@/lib/ngram/index";
import { drawBars } from "./bars";
import { CORPUS_NAMES } from "./presets";
import { contextLine, documentLabel } from "./trace-view";

const fmt = (n: number): string => n.toLocaleString("en");
const times = (n: number): string => `${fmt(n)} ${n === 1 ? "time" : "times"}`;

function corpusPhrase(sources: readonly CorpusSource[]): string {
  // "the State of the Union addresses" but "Moby Dick", a title.
  return sources.map((s) => (s.name === "moby-dick" ? s.label : `the ${s.label}`)).join(" and ");
}

export function renderCount(
  box: HTMLElement,
  result: NgramCount,
  sources: readonly CorpusSource[],
  ms: number,
): void {
  box.dataset["count"] = String(result.count);
  const quoted = `“${result.tokens.map((t) => t.text).join(" ")}”`;
  const n = result.tokens.length;
  const strong = document.createElement("strong");
  strong.textContent =
    result.count === 0 ? "never occurs (count 0)" : `occurs ${times(result.count)}`;
  const parts: (string | Node)[] = [
    `The ${n}-gram ${quoted} `,
    strong,
    ` in ${corpusPhrase(sources)}`,
  ];
  if (result.byCorpus.length > 1 && result.count > 0)
    parts.push(
      ` (${result.byCorpus.map((c) => `${fmt(c.count)} in ${CORPUS_NAMES[c.corpus] ?? c.corpus}`).join(", ")})`,
    );
  parts.push(".");
  if (result.unknown.length > 0)
    parts.push(
      ` ${result.unknown.map((w) => `“${w}”`).join(", ")} ${result.unknown.length === 1 ? "is" : "are"} not in the corpus at all.`,
    );
  else if (result.count === 0) parts.push(" Every word occurs somewhere, but never in this order.");
  parts.push(` Counted in ${ms.toFixed(2)} ms.`);
  box.replaceChildren(...parts);
}

export function renderPrediction(
  parts: { backoff: HTMLElement; bars: HTMLElement; tableBody: HTMLElement },
  p: InfiniGramPrediction,
): void {
  const d = p.distribution;
  const used = p.backoff[p.suffixLength - 1];
  const longer = p.backoff[p.suffixLength];
  const backoff = parts.backoff;
  backoff.dataset["suffixLength"] = String(p.suffixLength);
  if (p.suffixLength === 0)
    backoff.textContent =
      "∞-gram: no ending of your words occurs in the corpus followed by another token, so the prediction falls back to how often each token occurs (the unigram distribution).";
  else
    backoff.textContent =
      `∞-gram: the longest ending of your words found in the corpus is the ${p.suffixLength}-gram “${p.suffix}” ` +
      `(${times(used?.count ?? 0)}, ${fmt(d.continuations)} followed by a token` +
      (d.documentEnds > 0 ? `, ${fmt(d.documentEnds)} at the end of a document)` : ")") +
      (longer ? `; the ${longer.length}-gram “${longer.text}” never is.` : ".") +
      ` P(next | “${p.suffix}”) = count(“${p.suffix}” next) / ${fmt(d.continuations)}.`;
  drawBars(
    parts.bars,
    d.candidates,
    `Next-token probabilities after “${p.suffix}”: ${d.candidates
      .slice(0, 5)
      .map((c) => `${c.display} ${(100 * c.probability).toFixed(1)}%`)
      .join(", ")}`,
  );
  const row = (cells: string[], className?: string): HTMLTableRowElement => {
    const tr = document.createElement("tr");
    if (className) tr.className = className;
    for (const c of cells) {
      const td = document.createElement("td");
      td.textContent = c;
      tr.append(td);
    }
    return tr;
  };
  const shownSum = d.candidates.reduce((sum, c) => sum + c.count, 0);
  const rows = d.candidates.map((c) => {
    const tr = row([c.display, fmt(c.count), c.probability.toFixed(3)]);
    tr.dataset["token"] = c.token;
    tr.dataset["count"] = String(c.count);
    return tr;
  });
  const others = d.distinct - d.candidates.length;
  if (others > 0)
    rows.push(
      row(
        [
          `${fmt(others)} other tokens`,
          fmt(d.continuations - shownSum),
          ((d.continuations - shownSum) / d.continuations).toFixed(3),
        ],
        "ig-others",
      ),
    );
  if (d.documentEnds > 0)
    rows.push(row(["(end of a document)", fmt(d.documentEnds), "—"], "ig-ends"));
  const total = row(
    [p.suffixLength === 0 ? "all tokens" : `“${p.suffix}” in total`, fmt(d.contextCount), ""],
    "ig-sum",
  );
  total.dataset["count"] = String(d.contextCount);
  rows.push(total);
  parts.tableBody.replaceChildren(...rows);
}

export function renderExamples(summary: HTMLElement, list: HTMLElement, k: KeywordInContext): void {
  summary.textContent =
    k.count === 0
      ? "Examples in context: none, the n-gram never occurs"
      : `Examples in context (${k.examples.length} of ${fmt(k.count)})`;
  list.replaceChildren(
    ...k.examples.map((o) => {
      const li = document.createElement("li");
      const doc = document.createElement("div");
      doc.className = "ig-doc";
      doc.textContent = documentLabel(o);
      li.append(doc, contextLine(o));
      return li;
    }),
  );
}
