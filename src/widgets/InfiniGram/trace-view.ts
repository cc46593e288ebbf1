/** Renders a trace: the text with its verbatim spans highlighted, and one span's documents. */
import type { Occurrence, TraceResult, TraceSpan } from "@/lib/ngram/index";
import { CORPUS_NAMES } from "./presets";

/** The text as runs of characters, each with the spans that cover it. */
export function segments(
  text: string,
  spans: readonly TraceSpan[],
): { start: number; end: number; covering: number[] }[] {
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: { start: number; end: number; covering: number[] }[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    const covering = spans.flatMap((s, k) => (s.start <= start && s.end >= end ? [k] : []));
    out.push({ start, end, covering });
  }
  return out;
}

/** The highlighted text: <mark data-spans="…"> for covered runs. */
export function renderTraced(host: HTMLElement, text: string, result: TraceResult): void {
  const traced = text.slice(0, result.tracedChars);
  const nodes: Node[] = [];
  for (const seg of segments(traced, result.spans)) {
    const piece = traced.slice(seg.start, seg.end);
    if (seg.covering.length === 0) {
      nodes.push(document.createTextNode(piece));
      continue;
    }
    const mark = document.createElement("mark");
    mark.textContent = piece;
    mark.dataset["spans"] = seg.covering.join(" ");
    if (seg.covering.length > 1) mark.classList.add("ig-deep");
    nodes.push(mark);
  }
  if (result.truncatedFrom !== undefined) nodes.push(document.createTextNode(" …"));
  host.replaceChildren(...nodes);
}

export function documentLabel(o: Occurrence): string {
  const corpus = CORPUS_NAMES[o.document.corpus] ?? o.document.corpus;
  return `${corpus}: ${o.document.title}`;
}

/** One example: left context, the match in bold, right context. */
export function contextLine(o: Occurrence): HTMLElement {
  const line = document.createElement("span");
  line.className = "ig-context";
  const match = document.createElement("strong");
  match.textContent = o.match;
  line.append(o.left.replace(/\s+/g, " "), match, o.right.replace(/\s+/g, " "));
  return line;
}

/** One occurrence as a list item: the document, then the context. */
export function occurrenceItem(o: Occurrence): HTMLLIElement {
  const item = document.createElement("li");
  item.dataset["corpus"] = o.document.corpus;
  item.dataset["title"] = o.document.title;
  const year = o.document.meta["year"];
  if (typeof year === "number") item.dataset["year"] = String(year);
  const doc = document.createElement("div");
  doc.className = "ig-doc";
  doc.textContent = `${documentLabel(o)} · token ${o.offsetInDocument.toLocaleString("en")}`;
  item.append(doc, contextLine(o));
  return item;
}

/** The documents panel for one span. */
export function renderSpanDocuments(host: HTMLElement, span: TraceSpan): void {
  const title = document.createElement("p");
  title.className = "ig-span-title";
  title.textContent = `“${span.text}”`;
  const summary = document.createElement("p");
  const n = span.count;
  const shown = span.occurrences.length;
  summary.textContent =
    `${span.tokenEnd - span.tokenStart} tokens, found ${n.toLocaleString("en")} ${n === 1 ? "time" : "times"} in the corpus` +
    (shown < n ? `; ${shown} examples spread over them:` : ":");
  const list = document.createElement("ol");
  list.append(...span.occurrences.map(occurrenceItem));
  host.replaceChildren(title, summary, list);
}
