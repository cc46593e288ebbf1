/**
 * What a labeling job costs: before any call, from exact input-token counts
 * and an estimate of the answer's tokens; after it, from the usage the server
 * reports. Prices are US dollars per 1M tokens, editable; seeded with the
 * slides' prices (o4-mini output from OpenAI's list, as the slide cuts it off).
 */
import type { Usage } from "./provider";

export interface ModelPrice {
  input: number;
  cachedInput: number;
  output: number;
}

export type PriceTable = Record<string, ModelPrice>;

export const DEFAULT_PRICES: Readonly<PriceTable> = {
  "o4-mini": { input: 1.1, cachedInput: 0.275, output: 4.4 },
  "gpt-4.1": { input: 2.0, cachedInput: 0.5, output: 8.0 },
  "gpt-4.1-mini": { input: 0.4, cachedInput: 0.1, output: 1.6 },
  "gpt-4.1-nano": { input: 0.1, cachedInput: 0.025, output: 0.4 },
};

/** The Batch API bills half of the synchronous price. */
export const BATCH_DISCOUNT = 0.5;

/** A copy of the default table, for the learner to edit. */
export function priceTable(overrides: PriceTable = {}): PriceTable {
  return { ...structuredClone(DEFAULT_PRICES as PriceTable), ...overrides };
}

/** The price of a model: exact name, else the longest table name it starts with (dated snapshots). */
export function priceFor(model: string, table: Readonly<PriceTable>): ModelPrice | undefined {
  const exact = table[model];
  if (exact) return exact;
  const prefix = Object.keys(table)
    .filter((name) => model.startsWith(`${name}-`))
    .sort((a, b) => b.length - a.length)[0];
  return prefix ? table[prefix] : undefined;
}

export interface CostEstimate {
  items: number;
  votes: number;
  requests: number;
  /** Input tokens over all requests (exact count × votes). */
  inputTokens: number;
  /** Output tokens over all requests (estimate × votes). */
  outputTokens: number;
  inputDollars: number;
  outputDollars: number;
  dollars: number;
  /** The same job through the Batch API. */
  batchDollars: number;
}

/**
 * The cost of a job before it runs: `inputTokensPerItem` (exact counts, one per
 * item) and `outputTokensPerAnswer` (an estimate) times `votes`, at `price`.
 * No prompt-cache discount is assumed (it depends on the provider).
 */
export function estimateJobCost(
  inputTokensPerItem: readonly number[],
  outputTokensPerAnswer: number,
  votes: number,
  price: ModelPrice,
): CostEstimate {
  checkPrice(price);
  let input = 0;
  for (const n of inputTokensPerItem) input += n;
  const inputTokens = input * votes;
  const outputTokens = outputTokensPerAnswer * inputTokensPerItem.length * votes;
  const inputDollars = (inputTokens * price.input) / 1e6;
  const outputDollars = (outputTokens * price.output) / 1e6;
  const dollars = inputDollars + outputDollars;
  return {
    items: inputTokensPerItem.length,
    votes,
    requests: inputTokensPerItem.length * votes,
    inputTokens,
    outputTokens,
    inputDollars,
    outputDollars,
    dollars,
    batchDollars: dollars * BATCH_DISCOUNT,
  };
}

/** Dollars actually billed for some usages: uncached input, cached input and output at their prices. */
export function actualCost(usages: readonly Usage[], price: ModelPrice): number {
  checkPrice(price);
  let dollars = 0;
  for (const u of usages)
    dollars +=
      ((u.input - u.cachedInput) * price.input +
        u.cachedInput * price.cachedInput +
        u.output * price.output) /
      1e6;
  return dollars;
}

/** Tokens in a short JSON answer such as {"label":"politics"}: the label's tokens plus ~8 for the JSON around it. */
export function estimateAnswerTokens(labelTokens: readonly number[], maxLabels: number): number {
  const longest = Math.max(0, ...labelTokens);
  return 8 + longest * maxLabels + (maxLabels - 1) * 2;
}

function checkPrice(price: ModelPrice): void {
  for (const [name, value] of Object.entries(price))
    if (!Number.isFinite(value) || value < 0)
      throw new RangeError(`the ${name} price must be a number ≥ 0, got ${String(value)}`);
}

/** A pricing scenario as the lesson works it: a shared prompt prefix plus each item's own tokens. */
export interface PriceScenario {
  items: number;
  /** Tokens of the instruction and examples, the same in every request. */
  sharedTokens: number;
  /** Tokens of one item (average). */
  itemTokens: number;
  /** Tokens of one answer. */
  outputTokens: number;
  votes: number;
  /**
   * Best case: the shared prefix is read from the provider's prompt cache in
   * every request, when it is at least MIN_CACHED_PREFIX tokens long.
   */
  cachePrefix: boolean;
}

/** OpenAI caches a prompt prefix only from this many tokens on (at the time of writing). */
export const MIN_CACHED_PREFIX = 1024;

export interface ScenarioCost {
  inputTokens: number;
  cachedTokens: number;
  outputTokens: number;
  inputDollars: number;
  cachedDollars: number;
  outputDollars: number;
  dollars: number;
  batchDollars: number;
}

/** Dollars for a scenario at one model's price (per 1M tokens). */
export function scenarioCost(s: PriceScenario, price: ModelPrice): ScenarioCost {
  checkPrice(price);
  const requests = s.items * s.votes;
  const cachedTokens =
    s.cachePrefix && s.sharedTokens >= MIN_CACHED_PREFIX ? requests * s.sharedTokens : 0;
  const inputTokens = requests * (s.sharedTokens + s.itemTokens) - cachedTokens;
  const outputTokens = requests * s.outputTokens;
  const inputDollars = (inputTokens * price.input) / 1e6;
  const cachedDollars = (cachedTokens * price.cachedInput) / 1e6;
  const outputDollars = (outputTokens * price.output) / 1e6;
  const dollars = inputDollars + cachedDollars + outputDollars;
  return {
    inputTokens,
    cachedTokens,
    outputTokens,
    inputDollars,
    cachedDollars,
    outputDollars,
    dollars,
    batchDollars: dollars * BATCH_DISCOUNT,
  };
}

/** "$0.0123" with enough digits for small sums; "$1,110,000,000.00" with separators for large ones. */
export function formatDollars(dollars: number): string {
  if (dollars === 0) return "$0";
  if (dollars < 0.01) return `$${dollars.toPrecision(2)}`;
  const digits = dollars < 10 ? 4 : 2;
  return `$${dollars.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}

/** Dollars billed for results (their reported usage), or null when the model has no price. */
export function resultsCost(
  results: readonly { usage: Usage }[],
  model: string,
  prices: Readonly<PriceTable>,
): number | null {
  const price = priceFor(model, prices);
  return price
    ? actualCost(
        results.map((r) => r.usage),
        price,
      )
    : null;
}
