/** What the bars of a language model mean, with the model's facts from its config (never typed in). */
import type { LmInfo, Prediction } from "@/lib/lm/index";

const format = (n: number): string => n.toLocaleString("en-US");

function millions(n: number): string {
  return `${(n / 1e6).toFixed(1)} million`;
}

export function lmExplanation(info: LmInfo, prediction: Prediction): string {
  const t = info.training;
  const about = t
    ? `${info.name}: ${info.layers} layers, ${info.heads} heads, ${millions(t.parameters)} parameters, trained on ${millions(t.tokens)} tokens of State of the Union addresses, Moby Dick, SpamAssassin e-mails and WordNet. `
    : `${info.name}: `;
  const read =
    info.kind === "masked"
      ? `It reads the tokens on both sides of ${info.maskToken} and scores each of its ${format(info.vocabSize)} tokens for the gap.`
      : `It reads the ${format(prediction.tokens.length)} tokens to the left (…${prediction.tokens
          .slice(-3)
          .map((t) => ` “${t}”`)
          .join("")}) and scores each of its ${format(info.vocabSize)} tokens as the next one.`;
  return `${about}${read}${prediction.truncated ? ` ${prediction.truncated.notice}` : ""}`;
}
