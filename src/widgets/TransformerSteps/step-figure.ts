/**
 * The picture and the numbers of one step: the tokens and the word's vector,
 * who the word looks at in a layer, its vector after a layer, and the words
 * it is most like at each stage. Values come from src/lib/encoder.
 */
import {
  cosineToInput,
  cosineToPrevious,
  layerLabels,
  previousTokenScores,
  similarityToWords,
  topAttended,
  wordAttention,
  type Encoding,
  type TargetInContext,
} from "@/lib/encoder/index";
import { attentionTable, resemblanceTable, tokenChips, vectorStrip } from "./figures";
import { stageOf, type Step } from "./steps";

/** A cosine for the page: three decimals, or a dash when there is none. */
export function fmt(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : value.toFixed(3);
}

export function renderFigure(
  parts: { figure: HTMLElement; detail: HTMLElement },
  step: Step,
  encoding: Encoding,
  target: TargetInContext,
  wordIndex: number,
): void {
  const { figure, detail } = parts;
  const word = target.word.text;
  const labels = layerLabels(encoding);
  const cosines = cosineToInput(target);
  const previous = cosineToPrevious(target);
  const stage = stageOf(step, encoding.attentions.length);
  const strip = (s: number): SVGSVGElement => {
    const vector = target.layers[s] ?? new Float32Array();
    return vectorStrip(
      vector,
      `The ${vector.length} numbers of “${word}” at “${labels[s] ?? ""}”, coloured orange below zero and purple above.`,
    );
  };
  const stripCaption = (s: number): HTMLElement => {
    const p = document.createElement("p");
    p.className = "ts-strip-caption";
    p.textContent = `“${word}”, ${labels[s] ?? ""}: ${target.layers[s]?.length ?? 0} numbers (orange below zero, purple above).`;
    return p;
  };
  switch (step.kind) {
    case "tokens":
      figure.replaceChildren(
        tokenChips(encoding.tokens, target.word.tokens),
        strip(0),
        stripCaption(0),
      );
      detail.textContent = `Cosine to its token embedding: ${fmt(cosines[0])} (it is the token embedding).`;
      return;
    case "position":
      figure.replaceChildren(strip(1), stripCaption(1));
      detail.textContent = `Cosine to its token embedding: ${fmt(cosines[1])}.${(cosines[1] ?? 1) < 0.5 ? " The same size, but a different direction: here the position signal outweighs the word's own numbers." : ""}`;
      return;
    case "attention": {
      const attention = encoding.attentions[step.layer];
      if (!attention) return;
      const words = encoding.words.map((w) => w.text);
      const perHead = Array.from({ length: attention.heads }, (_, h) =>
        wordAttention(attention, encoding.words, wordIndex, h),
      );
      const mean = wordAttention(attention, encoding.words, wordIndex, "mean");
      figure.replaceChildren(
        attentionTable({ words, mean, perHead, target: wordIndex, layer: step.layer }),
      );
      const top = topAttended(mean, 3)
        .map((a) => `${words[a.index] ?? ""} (${a.weight.toFixed(2)})`)
        .join(", ");
      const scores = previousTokenScores(attention);
      const best = topAttended(scores, 1)[0];
      detail.textContent = `“${word}” looks most at ${top}.${best ? ` Head ${best.index + 1} of this layer looks most at the word just before: ${Math.round(best.weight * 100)}% of its attention on average.` : ""}`;
      return;
    }
    case "feedforward": {
      const similar = similarityToWords(encoding, wordIndex, stage);
      const closest = topAttended(
        similar.map((v, i) => (i === wordIndex ? -Infinity : v)),
        3,
      )
        .map((a) => `${encoding.words[a.index]?.text ?? ""} (${a.weight.toFixed(2)})`)
        .join(", ");
      figure.replaceChildren(strip(stage), stripCaption(stage));
      const input = cosines[stage];
      const before = previous[stage];
      detail.textContent = `${
        input === null || input === undefined
          ? `Cosine to its token embedding: none, because the token embedding has ${target.layers[0]?.length ?? 0} numbers and the vector here ${target.layers[stage]?.length ?? 0}, so there is no like-for-like comparison.`
          : `Cosine to its token embedding: ${fmt(input)}.`
      } ${before === null || before === undefined ? "" : `Cosine to its vector before this layer: ${fmt(before)}. `}Now most like these words of the sentence: ${closest}.`;
      return;
    }
    case "output": {
      const closest = labels.map((_, s) =>
        topAttended(
          similarityToWords(encoding, wordIndex, s).map((v, i) =>
            i === wordIndex ? -Infinity : v,
          ),
          3,
        ).map((a) => ({ word: encoding.words[a.index]?.text ?? "", cosine: a.weight })),
      );
      figure.replaceChildren(resemblanceTable(word, labels, closest));
      const last = previous.at(-1);
      detail.textContent = `From stage to stage the vector of “${word}” turns (cosines to the stage before are in the table below${last === null || last === undefined ? "" : `; the last layer keeps ${fmt(last)}`}) and takes on its context: compare the words it is most like at the start and at the end.`;
      return;
    }
  }
}
