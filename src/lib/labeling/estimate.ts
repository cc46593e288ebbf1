/**
 * The estimate shown before any call: exact input tokens of every item's
 * messages in the model's encoding, an estimated answer length, votes and the
 * price table — and after the run, the actual bill from reported usage.
 */
import {
  estimateAnswerTokens,
  estimateJobCost,
  priceFor,
  type CostEstimate,
  type PriceTable,
} from "./cost";
import { buildMessages } from "./prompt";
import { maxLabelsOf, type LabelItem, type TaskSpec } from "./task";
import { countChatTokens, countTextTokens, encodingFor } from "./tokens";

export interface TaskEstimate extends CostEstimate {
  model: string;
  /** Estimated output tokens per answer. */
  answerTokens: number;
  /** Whether the model was found in the price table (if not, dollars are 0). */
  priced: boolean;
}

export function estimateTaskCost(
  task: TaskSpec,
  items: readonly LabelItem[],
  prices: Readonly<PriceTable>,
): TaskEstimate {
  const encoding = encodingFor(task.model);
  const perItem = items.map((item) => countChatTokens(buildMessages(task, item), task.model));
  const answerTokens = estimateAnswerTokens(
    task.labels.map((l) => countTextTokens(l.name, encoding)),
    maxLabelsOf(task),
  );
  const price = priceFor(task.model, prices);
  const estimate = estimateJobCost(
    perItem,
    answerTokens,
    task.votes,
    price ?? { input: 0, cachedInput: 0, output: 0 },
  );
  return { ...estimate, model: task.model, answerTokens, priced: price !== undefined };
}
