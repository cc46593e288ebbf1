/**
 * The walk through one sentence: the steps and their explanations, worded
 * after the slides ("Word Vectors In, Predictions Out"; the attention step and
 * the feed-forward step, after Lee and Trott 2023).
 */
export type Step =
  | { kind: "tokens" }
  | { kind: "position" }
  | { kind: "attention"; layer: number }
  | { kind: "feedforward"; layer: number }
  | { kind: "output" };

/** Token embedding, position, then attention and feed-forward for each layer, then the output. */
export function buildSteps(layers: number): Step[] {
  const steps: Step[] = [{ kind: "tokens" }, { kind: "position" }];
  for (let layer = 0; layer < layers; layer++)
    steps.push({ kind: "attention", layer }, { kind: "feedforward", layer });
  steps.push({ kind: "output" });
  return steps;
}

/**
 * The stage of the word's vector a step shows, in targetVectors() order:
 * 0 token embedding, 1 layer input, 1 + l + 1 after layer l. An attention step
 * reads the vectors that enter its layer.
 */
export function stageOf(step: Step, layers: number): number {
  switch (step.kind) {
    case "tokens":
      return 0;
    case "position":
      return 1;
    case "attention":
      return 1 + step.layer;
    case "feedforward":
      return 2 + step.layer;
    case "output":
      return 1 + layers;
  }
}

export function stepTitle(step: Step): string {
  switch (step.kind) {
    case "tokens":
      return "Words in: tokens become vectors";
    case "position":
      return "Where each word sits: the position signal";
    case "attention":
      return `Layer ${step.layer + 1}, attention step: words look around`;
    case "feedforward":
      return `Layer ${step.layer + 1}, feed-forward step: each word thinks`;
    case "output":
      return "Predictions out";
  }
}

/** The short name on the step list. */
export function stepLabel(step: Step): string {
  switch (step.kind) {
    case "tokens":
      return "Embeddings";
    case "position":
      return "Position";
    case "attention":
      return `L${step.layer + 1} attention`;
    case "feedforward":
      return `L${step.layer + 1} feed-forward`;
    case "output":
      return "Output";
  }
}

export interface StepContext {
  word: string;
  tokens: number;
  embeddingSize: number;
  hiddenSize: number;
  layers: number;
  /** The model: the sentence encoder (USE-lite), our GPT (causal) or our masked LM. */
  kind: "encoder" | "causal" | "masked";
}

export function stepText(step: Step, c: StepContext): string {
  const w = `“${c.word}”`;
  switch (step.kind) {
    case "tokens":
      return `The sentence is cut into ${c.tokens} tokens. Each token is looked up in a table and becomes a vector of ${c.embeddingSize} numbers: the same vector in every sentence, like the static word vectors of lesson 01. This is where ${w} starts.`;
    case "position":
      return c.kind === "encoder"
        ? `A vector alone does not say where the word sits, so the model adds a position signal (in this model, the layer input is twice the token embedding plus a wave pattern for the position). Now two identical words at different places have different vectors.`
        : `A vector alone does not say where the word sits, so the model adds a position vector, learned in training, one for each place in the text. Now two identical words at different places have different vectors.`;
    case "attention":
      return `Attention step: words “look around” for other words that have relevant context and share information with one another. Each of the layer's heads decides separately how much ${w} looks at every word; the bars show the average over the heads. What it looks at is mixed into its vector.${c.kind === "causal" ? ` This model is causal: ${w} may look only at itself and the words before it.` : ""}`;
    case "feedforward":
      return `Feed-forward step: each word “thinks about” the information gathered in the attention step and tries to predict the next word. This runs on each word on its own: nothing moves between words here. The model reports the vector after the whole layer (attention and feed-forward), a list of ${c.hiddenSize} numbers.`;
    case "output":
      if (c.kind === "causal")
        return `Word vectors in, predictions out. After ${c.layers} layers the vector of ${w} carries what came before it. Our GPT turns the vector at each position into a probability for every token of its vocabulary: the next token's (the next-word widget earlier in this lesson shows them).`;
      if (c.kind === "masked")
        return `Word vectors in, predictions out. After ${c.layers} layers the vector of ${w} carries the words on both sides. Our masked LM turns the vector at a [MASK] into a probability for every token of its vocabulary: its guess for the hidden word.`;
      return `Word vectors in, predictions out. After ${c.layers} layers the vector of ${w} carries its context. A GPT-style model would turn the vector at the last position into a probability for every word in its vocabulary (the next-word widget earlier in this lesson shows such probabilities). This model, a sentence encoder, instead averages the vectors into one sentence embedding for search and similarity.`;
  }
}
