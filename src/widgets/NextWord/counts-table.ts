/** The ∞-gram's counts in words and as table rows that add up to the context's count. */
import type { InfiniGramPrediction } from "@/lib/ngram/index";

const fmt = (n: number): string => n.toLocaleString("en");
const times = (n: number): string => `${fmt(n)} ${n === 1 ? "time" : "times"}`;

/** "The 3-gram “to cash the” occurs 12 times (…); next: …. P(word) = count / 12." */
export function ngramExplanation(p: InfiniGramPrediction): string {
  const d = p.distribution;
  const longer = p.backoff[p.suffixLength];
  return p.suffixLength === 0
    ? "No ending of the prompt occurs in the corpus, so the ∞-gram falls back to how often each word occurs."
    : `The ${p.suffixLength}-gram “${p.suffix}” occurs ${times(d.contextCount)}` +
        (longer ? ` (the ${longer.length}-gram “${longer.text}” never does)` : "") +
        `; next: ${d.candidates
          .slice(0, 3)
          .map((c) => `“${c.display}” ${fmt(c.count)}`)
          .join(", ")}${d.distinct > 3 ? ", …" : ""}. P(word) = count / ${fmt(d.continuations)}.`;
}

/** The top `shown` words, the rest, the document ends and the total, as table rows. */
export function countRows(p: InfiniGramPrediction, shown: number): HTMLTableRowElement[] {
  const d = p.distribution;
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
  const top = d.candidates.slice(0, shown);
  const shownSum = top.reduce((sum, c) => sum + c.count, 0);
  const rows = top.map((c) => {
    const tr = row([c.display, fmt(c.count)]);
    tr.dataset["count"] = String(c.count);
    tr.dataset["word"] = c.token;
    return tr;
  });
  if (d.distinct > top.length) {
    const tr = row([
      `${fmt(d.distinct - top.length)} other words`,
      fmt(d.continuations - shownSum),
    ]);
    tr.dataset["count"] = String(d.continuations - shownSum);
    rows.push(tr);
  }
  if (d.documentEnds > 0) {
    const tr = row(["(end of a document)", fmt(d.documentEnds)]);
    tr.dataset["count"] = String(d.documentEnds);
    rows.push(tr);
  }
  const total = row(
    [p.suffixLength === 0 ? "all words" : `“${p.suffix}” in total`, fmt(d.contextCount)],
    "nw-sum",
  );
  total.dataset["total"] = String(d.contextCount);
  rows.push(total);
  return rows;
}
