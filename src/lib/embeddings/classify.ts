import type { EmbeddingMatrix } from "./matrix";

/** A label a learner defines: a short name and the description that gets embedded. */
export interface LabelDefinition {
  name: string;
  description: string;
}

/** One text's label: the closest description, how close, and by how much it won. */
export interface Classification {
  /** Index into the labels. */
  label: number;
  /** Cosine similarity to the winning description. */
  similarity: number;
  /** The winner's similarity minus the runner-up's (the whole similarity with one label). */
  margin: number;
  /** Cosine similarity to every label's description, in label order. */
  similarities: Float64Array;
}

/**
 * Zero-shot classification by nearest label description: every text gets the
 * label whose embedded description is most cosine-similar (ties: the earlier
 * label). `texts` and `labels` must come from the same embedding model.
 */
export function classifyByDescription(
  texts: EmbeddingMatrix,
  labels: EmbeddingMatrix,
): Classification[] {
  if (texts.dims !== labels.dims)
    throw new RangeError(
      `texts have ${texts.dims} numbers and labels ${labels.dims}: embed both with the same model`,
    );
  const d = texts.dims;
  const out: Classification[] = [];
  for (let i = 0; i < texts.count; i++) {
    const similarities = new Float64Array(labels.count);
    let best = 0;
    for (let c = 0; c < labels.count; c++) {
      let dot = 0;
      for (let j = 0; j < d; j++)
        dot += (texts.data[i * d + j] as number) * (labels.data[c * d + j] as number);
      similarities[c] = dot;
      if (dot > (similarities[best] as number)) best = c;
    }
    const winner = similarities[best] as number;
    let second = -Infinity;
    similarities.forEach((s, c) => {
      if (c !== best && s > second) second = s;
    });
    out.push({
      label: best,
      similarity: winner,
      margin: labels.count > 1 ? winner - second : winner,
      similarities,
    });
  }
  return out;
}

/** Checks learner-written labels: names and descriptions present, names unique. */
export function checkLabels(labels: readonly LabelDefinition[]): string | null {
  if (labels.length < 2) return "Define at least two labels to choose between.";
  const seen = new Set<string>();
  for (const [i, label] of labels.entries()) {
    const name = label.name.trim();
    if (!name) return `Label ${i + 1} has no name.`;
    if (!label.description.trim()) return `Label “${name}” has no description to embed.`;
    if (seen.has(name.toLowerCase())) return `Two labels are called “${name}”.`;
    seen.add(name.toLowerCase());
  }
  return null;
}
