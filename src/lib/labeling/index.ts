export {
  checkBaseURL,
  createOpenAIEmbeddings,
  DEFAULT_EMBEDDING_MODEL,
  OPENAI_BASE_URL,
  type OpenAIEmbeddingsOptions,
} from "./providers/openai-embeddings";
