/**
 * Local labeling with sentence embeddings — nothing leaves the machine (the
 * counterpart of LabelGenius's CLIP modules): zero-shot by cosine similarity
 * to the label descriptions, few-shot by the nearest class centroid, and a
 * linear probe (multinomial logistic regression on the embeddings) trained
 * with a seeded train/validation split. Wrapped as a ChatProvider, the same
 * job runner (progress, store, resume) drives it.
 */
import { cosine, mean } from "../vectors/index";
import { parseAnswer } from "./answer";
import { shuffledIndices } from "./exports";
import { messageText } from "./prompt";
import { ProviderError, type ChatProvider } from "./provider";
import { LabelingError, type TaskSpec } from "./task";

export type Vector = Float32Array | Float64Array | readonly number[];
/** Sentence embeddings, one per text, in order (the offline encoder in a worker or in Node). */
export type EmbedTexts = (texts: string[]) => Promise<Vector[]>;
/** A classifier over embeddings: a score per label (higher is likelier). */
export type Scorer = (vector: Vector) => number[];

/** The index of the highest score (ties: the first); -1 when no score is a number (e.g. a zero vector's cosines). */
export function argmax(scores: readonly number[]): number {
  let best = -1;
  scores.forEach((s, i) => {
    if (!Number.isNaN(s) && (best < 0 || s > (scores[best] as number))) best = i;
  });
  return best;
}

/** Zero-shot: cosine similarity to each label description's embedding (NaN for a zero vector). */
export function zeroShotScorer(labelVectors: readonly Vector[]): Scorer {
  return (v) => labelVectors.map((l) => cosine(v, l));
}

/**
 * Sentence embeddings checked: one per text, none empty, all of one length.
 * A missing embedding is an error, never an empty vector that would quietly
 * get some label.
 */
export function checkedEmbed(embed: EmbedTexts): EmbedTexts {
  return async (texts) => {
    const vectors = await embed(texts);
    if (vectors.length !== texts.length)
      throw new LabelingError(
        `The encoder returned ${vectors.length} embeddings for ${texts.length} texts.`,
      );
    const dims = vectors[0]?.length ?? 0;
    vectors.forEach((v, i) => {
      if (v.length === 0 || v.length !== dims)
        throw new LabelingError(
          `The encoder gave no usable embedding for text ${i + 1} (“${(texts[i] ?? "").slice(0, 40)}”).`,
        );
    });
    return vectors;
  };
}

/** Few-shot: cosine similarity to each label's centroid of example embeddings. */
export function centroidScorer(
  examples: readonly Vector[],
  labels: readonly number[],
  k: number,
): Scorer {
  const centroids = Array.from({ length: k }, (_, c) => {
    const members = examples.filter((_, i) => labels[i] === c);
    if (members.length === 0) throw new RangeError(`label ${c + 1} has no examples`);
    return mean(members);
  });
  return zeroShotScorer(centroids);
}

export interface ProbeOptions {
  epochs?: number;
  learningRate?: number;
  /** L2 penalty on the weights. */
  l2?: number;
}

/**
 * Multinomial logistic regression by full-batch gradient descent on the
 * cross-entropy (softmax over k classes), weights starting at zero.
 */
export function trainLogisticProbe(
  x: readonly Vector[],
  y: readonly number[],
  k: number,
  options: ProbeOptions = {},
): Scorer & { weights: Float64Array[]; bias: Float64Array } {
  const { epochs = 300, learningRate = 0.5, l2 = 1e-3 } = options;
  const dims = x[0]?.length ?? 0;
  const weights = Array.from({ length: k }, () => new Float64Array(dims));
  const bias = new Float64Array(k);
  const logits = (v: Vector): number[] =>
    weights.map((w, c) => {
      let z = bias[c] as number;
      for (let i = 0; i < dims; i++) z += (w[i] as number) * (v[i] as number);
      return z;
    });
  const softmax = (z: number[]): number[] => {
    const m = Math.max(...z);
    const e = z.map((t) => Math.exp(t - m));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((t) => t / s);
  };
  const n = x.length;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const gw = Array.from({ length: k }, () => new Float64Array(dims));
    const gb = new Float64Array(k);
    x.forEach((v, j) => {
      const p = softmax(logits(v));
      for (let c = 0; c < k; c++) {
        const err = (p[c] as number) - (y[j] === c ? 1 : 0);
        gb[c] = (gb[c] as number) + err / n;
        const g = gw[c] as Float64Array;
        for (let i = 0; i < dims; i++) g[i] = (g[i] as number) + (err * (v[i] as number)) / n;
      }
    });
    for (let c = 0; c < k; c++) {
      const w = weights[c] as Float64Array;
      const g = gw[c] as Float64Array;
      for (let i = 0; i < dims; i++)
        w[i] = (w[i] as number) - learningRate * ((g[i] as number) + l2 * (w[i] as number));
      bias[c] = (bias[c] as number) - learningRate * (gb[c] as number);
    }
  }
  const scorer = (v: Vector): number[] => softmax(logits(v));
  return Object.assign(scorer, { weights, bias });
}

/** A seeded train/validation split of n indices. */
export function trainValidationSplit(
  n: number,
  validationShare: number,
  seed: number,
): { train: number[]; validation: number[] } {
  const order = shuffledIndices(n, seed);
  const cut = Math.round(n * validationShare);
  return {
    validation: order.slice(0, cut).sort((a, b) => a - b),
    train: order.slice(cut).sort((a, b) => a - b),
  };
}

/**
 * One call per input, run together: inputs asked for in the same turn of the
 * event loop go to `run` in batches of up to `size` (the runner asks for many
 * items at once; an embedder is much faster on a batch). `run` returns one
 * output per input, in order; a short answer rejects the inputs it missed.
 */
export function batched<I, O>(
  run: (inputs: I[]) => Promise<O[]>,
  size: number,
): (input: I) => Promise<O> {
  let pending: { input: I; resolve: (v: O) => void; reject: (e: unknown) => void }[] = [];
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    while (pending.length > 0) {
      const batch = pending.slice(0, size);
      pending = pending.slice(size);
      run(batch.map((p) => p.input)).then(
        (outputs) => {
          batch.forEach((p, i) => {
            if (i < outputs.length) p.resolve(outputs[i] as O);
            else p.reject(new Error("the embedder returned too few embeddings"));
          });
        },
        (error: unknown) => {
          for (const p of batch) p.reject(error);
        },
      );
    }
  };
  return (input) =>
    new Promise((resolve, reject) => {
      pending.push({ input, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        setTimeout(flush, 0);
      }
    });
}

/**
 * A ChatProvider that labels the item text of the last user message with a
 * scorer over its embedding. Concurrent requests are embedded together in
 * batches of up to `batchSize`. Usage is null: nothing is billed.
 */
export function createLocalLabeler(
  task: TaskSpec,
  embed: EmbedTexts,
  scorer: Scorer,
  options: { batchSize?: number; id?: string; label?: string } = {},
): ChatProvider {
  const names = task.labels.map((l) => l.name);
  const embedOne = batched(checkedEmbed(embed), options.batchSize ?? 16);
  return {
    id: options.id ?? "local",
    label: options.label ?? "Offline sentence encoder (nothing leaves this device)",
    async complete(request) {
      const user = request.messages.filter((m) => m.role === "user").at(-1);
      const vector = await embedOne(user ? messageText(user) : "");
      const best = argmax(scorer(vector));
      if (best < 0)
        throw new ProviderError(
          "The text's embedding is all zeros, so no label is closer than another.",
          "fatal",
        );
      const label = names[best] ?? "";
      const content =
        task.mode === "single" ? JSON.stringify({ label }) : JSON.stringify({ labels: [label] });
      if (!parseAnswer(content, task))
        throw new Error("the local labeler produced an invalid label");
      return { content, usage: null };
    },
  };
}
