/**
 * What a language model says comes next (causal) or belongs at [MASK]
 * (masked): the whole distribution and its top tokens.
 */
import { LmError } from "./errors";
import type { LanguageModel } from "./language-model";
import { maskPosition, withMask } from "./logits";
import { softmax, topKIndices } from "./sampling";
import { pieceLabel, pieceText } from "./tokens";
import { fitText, type Fitted } from "./window";

export interface TokenChoice {
  id: number;
  /** What a learner sees: "check". */
  label: string;
  /** What it adds to the text: " check". */
  text: string;
  probability: number;
  logit: number;
}

export interface Prediction {
  /** Labels of the tokens the model read (document boundaries included). */
  tokens: string[];
  /** Logits at the predicted position, over the whole vocabulary. */
  logits: Float32Array;
  probabilities: Float64Array;
  top: TokenChoice[];
  truncated: Fitted["truncated"];
  /** Position (in `tokens`) whose next token (causal) or content (masked) is predicted. */
  position: number;
}

export function choices(
  model: LanguageModel,
  logits: Float32Array,
  probabilities: Float64Array,
  k: number,
): TokenChoice[] {
  return topKIndices(probabilities, k).map((id) => ({
    id,
    label: pieceLabel(model.pieces[id] ?? ""),
    text: pieceText(model.pieces[id] ?? ""),
    probability: probabilities[id] as number,
    logit: logits[id] as number,
  }));
}

function validTop(top: number): number {
  if (!Number.isInteger(top) || top < 1)
    throw new LmError("--top must be a whole number of 1 or more.");
  return top;
}

const MASK_HINT = /\[MASK\]|_{3,}/;

/** A causal model cannot fill a gap: refuses a text with [MASK] (or ___) before any model runs. */
export function refuseMaskForCausal(text: string): void {
  if (MASK_HINT.test(text))
    throw new LmError(
      "A causal model (GPT) reads only to the left and has no [MASK]: remove it and predict what comes next, or choose the masked model.",
    );
}

/** The distribution at `position` of one forward pass over the fitted ids. */
async function predictionAt(
  model: LanguageModel,
  fitted: Fitted,
  position: number,
  top: number,
): Promise<Prediction> {
  const forward = await model.forward(fitted.ids);
  const vocab = model.info.vocabSize || forward.logits.length / fitted.ids.length;
  const logits = forward.logits.slice(position * vocab, (position + 1) * vocab);
  const probabilities = softmax(logits);
  return {
    tokens: fitted.ids.map((id) => pieceLabel(model.pieces[id] ?? "")),
    logits,
    probabilities,
    top: choices(model, logits, probabilities, top),
    truncated: fitted.truncated,
    position,
  };
}

/** The next token after `text` (causal models). */
export async function predictNext(
  model: LanguageModel,
  text: string,
  top = 10,
): Promise<Prediction> {
  validTop(top);
  if (model.info.kind !== "causal")
    throw new LmError(`${model.info.name} fills in [MASK]; it does not continue a text. Use fill.`);
  refuseMaskForCausal(text);
  const fitted = fitText(model, text);
  return predictionAt(model, fitted, fitted.ids.length - 1, top);
}

/** The token at the one [MASK] (or ___) in `text` (masked models). */
export async function fillMask(model: LanguageModel, text: string, top = 10): Promise<Prediction> {
  validTop(top);
  if (model.info.kind !== "masked")
    throw new LmError(
      `${model.info.name} reads left to right and cannot see past a gap: it has no [MASK]. Use predict, or choose the masked model.`,
    );
  const masked = withMask(text, model.info.maskToken);
  const probe = model.contextIds(masked).ids;
  try {
    maskPosition(probe, model.info.maskId, model.info.maskToken);
  } catch (error) {
    throw new LmError(error instanceof Error ? error.message : String(error));
  }
  const fitted = fitText(model, masked, model.info.maskId);
  return predictionAt(model, fitted, fitted.ids.indexOf(model.info.maskId), top);
}
