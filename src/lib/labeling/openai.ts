/** The labeling library's OpenAI entry point (loads the `openai` SDK): chat labeling, Batch and fine-tuning jobs, embeddings. */
export {
  checkBaseURL,
  createOpenAIEmbeddings,
  DEFAULT_EMBEDDING_MODEL,
  OPENAI_BASE_URL,
  type OpenAIEmbeddingsOptions,
} from "./providers/openai-embeddings";
export {
  classify as classifyProviderError,
  createOpenAIChat,
  type OpenAIChatOptions,
} from "./openai-chat";
export { createJobsClient, type JobsClient, type PollOptions } from "./openai-jobs";
