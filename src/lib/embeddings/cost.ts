/** Counts the tokens of one text, as the embedding model's tokenizer does. */
export type CountTokens = (text: string) => number;

/** Prices in US dollars per 1 million input tokens (OpenAI's list prices; the learner can edit them). */
export const EMBEDDING_PRICES: Readonly<Record<string, number>> = {
  "text-embedding-3-small": 0.02,
  "text-embedding-3-large": 0.13,
};

/** What embedding some texts will cost, worked out before any request. */
export interface CostEstimate {
  texts: number;
  tokens: number;
  /** The price used, in dollars per 1M tokens. */
  pricePerMillion: number;
  /** tokens × pricePerMillion / 1,000,000. */
  dollars: number;
}

/**
 * The cost of embedding `texts`: the sum of their token counts times the
 * price per million tokens. Embedding requests are billed on input tokens only.
 */
export function estimateCost(
  texts: readonly string[],
  countTokens: CountTokens,
  pricePerMillion: number,
): CostEstimate {
  if (!Number.isFinite(pricePerMillion) || pricePerMillion < 0)
    throw new RangeError(`the price must be a number ≥ 0, got ${pricePerMillion}`);
  let tokens = 0;
  for (const text of texts) tokens += countTokens(text);
  return {
    texts: texts.length,
    tokens,
    pricePerMillion,
    dollars: (tokens * pricePerMillion) / 1e6,
  };
}

/** Dollars with three significant digits: "$0.000506", "$1.23", "$0". */
export function formatDollars(dollars: number): string {
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "USD",
    maximumSignificantDigits: 3,
  }).format(dollars);
}

/**
 * The cl100k_base tokenizer of OpenAI's text-embedding-3 models (from
 * gpt-tokenizer), loaded on first use: its table is about 1 MB.
 */
export async function loadCl100kCounter(): Promise<CountTokens> {
  const { countTokens } = await import("gpt-tokenizer/encoding/cl100k_base");
  return (text) => countTokens(text);
}
