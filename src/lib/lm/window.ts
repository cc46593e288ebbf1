/**
 * Fitting a text to the model's context: a causal model keeps the last
 * tokens (what it needs to continue); a masked model keeps a window centred on
 * the mask. Both say so when they cut.
 */
import { LmError } from "./errors";
import type { LanguageModel } from "./language-model";

export interface Fitted {
  ids: number[];
  /** Index in `ids` of the text's first kept token. */
  start: number;
  /** Index in `ids` after the text's last kept token (a closing boundary may follow). */
  end: number;
  /** The text's token count before cutting. */
  textTokens: number;
  truncated: { kept: number; total: number; notice: string } | null;
}

/** The ids the model reads for `text`, cut to its context. `focus`: the id to keep in view (the mask). */
export function fitText(model: LanguageModel, text: string, focus = -1): Fitted {
  if (text.trim() === "") throw new LmError("Type some text first.");
  const { ids, start, end } = model.contextIds(text);
  const textTokens = end - start;
  const limit = model.info.context;
  if (ids.length <= limit) return { ids, start, end, textTokens, truncated: null };
  let from: number;
  if (model.info.kind === "causal") from = ids.length - limit;
  else {
    const at = focus >= 0 ? ids.indexOf(focus) : 0;
    from = Math.max(0, Math.min(at - Math.floor(limit / 2), ids.length - limit));
  }
  const kept = ids.slice(from, from + limit);
  const keptText = Math.min(end, from + limit) - Math.max(start, from);
  const notice =
    model.info.kind === "causal"
      ? `The text is ${textTokens} tokens long; the model reads at most ${limit}, so only the last ${keptText} were used.`
      : `The text is ${textTokens} tokens long; the model reads at most ${limit}, so only the ${keptText} around [MASK] were used.`;
  return {
    ids: kept,
    start: Math.max(0, start - from),
    end: Math.min(end, from + limit) - from,
    textTokens,
    truncated: { kept: keptText, total: textTokens, notice },
  };
}
