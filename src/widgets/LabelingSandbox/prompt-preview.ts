/**
 * Step 2's preview and step 3's cost line: the exact messages sent for the
 * first item, and the cost estimate made before any call (exact input tokens,
 * estimated output, the Batch API price) — or "free" for the local methods.
 * The tokenizers (about 1 MB gzip) load only when an API model is chosen.
 */
import {
  buildMessages,
  formatDollars,
  type LabelItem,
  messageText,
  priceTable,
  type TaskSpec,
} from "@/lib/labeling";

export const PRICES = priceTable();

export async function renderPreview(
  host: HTMLElement,
  cost: HTMLElement,
  task: TaskSpec,
  items: readonly LabelItem[],
  provider: "local" | "api",
  /** False once a newer preview started (this one must not overwrite it). */
  current: () => boolean = () => true,
): Promise<void> {
  const first = items[0];
  if (!first) return;
  const messages = buildMessages(task, first);
  host.replaceChildren(
    ...messages.flatMap((m) => {
      const h = document.createElement("h4");
      h.textContent = m.role;
      const pre = document.createElement("pre");
      pre.textContent = messageText(m);
      return [h, pre];
    }),
  );
  cost.dataset["problem"] = "false";
  if (provider === "local") {
    cost.textContent = `Free: ${items.length.toLocaleString("en")} items × ${task.votes} vote(s), labelled on this device; nothing is sent anywhere.`;
    return;
  }
  const { estimateTaskCost } = await import("@/lib/labeling/estimate");
  if (!current()) return;
  const e = estimateTaskCost(task, items, PRICES);
  cost.textContent =
    (e.priced
      ? `Estimate before any call: ${e.requests.toLocaleString("en")} requests, ${e.inputTokens.toLocaleString("en")} input tokens (counted exactly), about ${e.outputTokens.toLocaleString("en")} output tokens: ${formatDollars(e.dollars)} on ${task.model} (${formatDollars(e.batchDollars)} through the Batch API).`
      : `${e.requests.toLocaleString("en")} requests, ${e.inputTokens.toLocaleString("en")} input tokens; “${task.model}” has no price in the table, so no dollar estimate.`) +
    votesNote(task, e.priced ? e.dollars : null);
}

/** What votes cost, and a warning when they cannot disagree (temperature 0). */
export function votesNote(task: TaskSpec, dollars: number | null): string {
  if (task.votes === 1) return "";
  const share =
    dollars === null ? "" : ` (${formatDollars((dollars * (task.votes - 1)) / task.votes)} of it)`;
  const base = ` ${task.votes} votes cost ${task.votes}× one answer${share}.`;
  return (task.parameters.temperature ?? 1) === 0
    ? `${base} At temperature 0 every vote repeats the same answer: the extra votes buy nothing, and agreement across them (α = 1) says nothing about reliability. Raise the temperature or use 1 vote.`
    : `${base} At temperature ${String(task.parameters.temperature)} the votes can differ; their majority is the label.`;
}

/** A problem with the form, shown where the estimate goes (as the learner types). */
export function showProblem(cost: HTMLElement, error: unknown): void {
  cost.textContent = error instanceof Error ? error.message : String(error);
  cost.dataset["problem"] = "true";
}
