/**
 * Exact input-token counts with gpt-tokenizer, in the model's encoding:
 * o200k_base for GPT-4o, GPT-4.1, o-series and later; cl100k_base for GPT-4 and
 * GPT-3.5. Chat requests add OpenAI's per-message overhead (3 tokens a
 * message, 3 to prime the reply), as gpt-tokenizer's chat counter does.
 */
import { countTokens as countCl100k } from "gpt-tokenizer/encoding/cl100k_base";
import { countTokens as countO200k } from "gpt-tokenizer/encoding/o200k_base";
import { messageText, type ChatMessage } from "./prompt";

export type EncodingName = "o200k_base" | "cl100k_base";

/** The encoding a model uses (unknown names: o200k_base, the encoding of current models). */
export function encodingFor(model: string): EncodingName {
  const m = model.toLowerCase();
  if (
    /^(gpt-4(-|$)|gpt-4-turbo|gpt-3\.5|text-embedding-(3|ada))/.test(m) &&
    !m.startsWith("gpt-4o")
  )
    return "cl100k_base";
  return "o200k_base";
}

/** Tokens in a plain string. */
export function countTextTokens(text: string, encoding: EncodingName): number {
  return encoding === "cl100k_base" ? countCl100k(text) : countO200k(text);
}

export const MESSAGE_OVERHEAD = 3;
export const REPLY_PRIMING = 3;

/** Input tokens of a chat request: per message, 3 + role + content; plus 3 for the reply. Images are not counted. */
export function countChatTokens(messages: readonly ChatMessage[], model: string): number {
  const encoding = encodingFor(model);
  let total = REPLY_PRIMING;
  for (const message of messages)
    total +=
      MESSAGE_OVERHEAD +
      countTextTokens(message.role, encoding) +
      countTextTokens(messageText(message), encoding);
  return total;
}
