/**
 * Predictions layer by layer (the logit lens, nostalgebraist 2020): each
 * layer's hidden state at each position read through the final norm and the
 * unembedding, as if the model ended there. At the last layer this is the
 * model's own prediction.
 */
import { LmError } from "./errors";
import type { LanguageModel } from "./language-model";
import { lensLogits } from "./lens";
import { choices, type TokenChoice } from "./predict";
import { softmax } from "./sampling";
import { pieceLabel } from "./tokens";
import { fitText, type Fitted } from "./window";

export interface LayerPredictions {
  /** Labels of the tokens read (document boundaries included). */
  tokens: string[];
  /** "embedding", "layer 1", … */
  layers: string[];
  /** grid[position][layer]: the top tokens predicted for the token after `position` (causal) or at it (masked). */
  grid: TokenChoice[][][];
  /** Positions of the text's own tokens: [start, end) (document boundaries outside). */
  textStart: number;
  textEnd: number;
  truncated: Fitted["truncated"];
}

export async function layerPredictions(
  model: LanguageModel,
  text: string,
  top = 5,
): Promise<LayerPredictions> {
  const lens = model.lens;
  if (!lens || !model.info.internals)
    throw new LmError(
      `${model.info.name} does not expose its hidden states and unembedding, so its layers cannot be read.`,
    );
  const fitted = fitText(model, text);
  const forward = await model.forward(fitted.ids);
  const dim = lens.dim;
  const grid = fitted.ids.map((_, position) =>
    forward.hidden.map((layer) => {
      const logits = lensLogits(lens, layer.subarray(position * dim, (position + 1) * dim));
      return choices(model, logits, softmax(logits), top);
    }),
  );
  return {
    tokens: fitted.ids.map((id) => pieceLabel(model.pieces[id] ?? "")),
    layers: forward.hidden.map((_, l) => (l === 0 ? "embedding" : `layer ${l}`)),
    grid,
    textStart: fitted.start,
    textEnd: fitted.end,
    truncated: fitted.truncated,
  };
}
