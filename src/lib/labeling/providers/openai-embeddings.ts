/**
 * Embeddings from OpenAI (text-embedding-3-small by default) or any
 * OpenAI-compatible endpoint (a local Ollama, a university gateway), with the
 * learner's own key, through the official `openai` SDK. Requests go to
 * `baseURL` only; the key is sent only in the Authorization header and never
 * appears in an error message.
 */
import OpenAI from "openai";
import { embedInBatches } from "../../embeddings/batches";
import { EmbeddingError, type EmbeddingProvider } from "../../embeddings/types";

export const OPENAI_BASE_URL = "https://api.openai.com/v1";
export const DEFAULT_EMBEDDING_MODEL = "text-embedding-3-small";

export interface OpenAIEmbeddingsOptions {
  /** The learner's key (kept by the caller in memory or sessionStorage only). */
  apiKey: string;
  /** The API's address up to and including the version, e.g. "http://127.0.0.1:11434/v1". */
  baseURL?: string;
  model?: string;
  /** Texts per request (default 100; OpenAI accepts up to 2,048). */
  batchSize?: number;
  /** Retries after a failed request (default 1). */
  maxRetries?: number;
  /** Per-request timeout in milliseconds (default 60,000). */
  timeoutMs?: number;
}

/**
 * Checks and tidies a base URL: http or https, no credentials, no query,
 * no trailing slash. Throws an EmbeddingError saying what is wrong.
 */
export function checkBaseURL(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new EmbeddingError(`“${text}” is not a web address; write e.g. ${OPENAI_BASE_URL}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new EmbeddingError(
      `The base URL must start with https:// (or http:// for a local server).`,
    );
  if (url.username || url.password)
    throw new EmbeddingError("Put the key in the key field, not in the base URL.");
  if (url.search || url.hash)
    throw new EmbeddingError("The base URL takes no ?query or #fragment.");
  return url.href.replace(/\/+$/, "");
}

function describe(error: unknown, baseURL: string, apiKey: string): string {
  const scrub = (text: string): string => (apiKey ? text.split(apiKey).join("•••") : text);
  if (error instanceof OpenAI.APIConnectionTimeoutError)
    return `${baseURL} did not answer in time.`;
  if (error instanceof OpenAI.APIConnectionError)
    return `Could not reach ${baseURL}: check the address and your connection, and that the server accepts requests from this page (CORS).`;
  if (error instanceof OpenAI.APIError) {
    if (error.status === 401) return `${baseURL} rejected the key (401). Check it and try again.`;
    const detail = (error.error as { message?: unknown } | undefined)?.message;
    const said = typeof detail === "string" && detail ? `: ${scrub(detail)}` : ".";
    if (error.status === 429)
      return `${baseURL} says too many requests or no quota left (429)${said}`;
    if (error.status === 404)
      return `${baseURL} has no embeddings endpoint or no such model (404)${said}`;
    return `${baseURL} answered ${error.status ?? "with an error"}${said}`;
  }
  return scrub(error instanceof Error ? error.message : String(error));
}

/** An EmbeddingProvider over `POST {baseURL}/embeddings`. */
export function createOpenAIEmbeddings(options: OpenAIEmbeddingsOptions): EmbeddingProvider {
  const apiKey = options.apiKey.trim();
  if (!apiKey) throw new EmbeddingError("Paste an API key first; without one nothing is sent.");
  const baseURL = checkBaseURL(options.baseURL ?? OPENAI_BASE_URL);
  const typed = options.model?.trim() ?? "";
  const model = typed === "" ? DEFAULT_EMBEDDING_MODEL : typed;
  const client = new OpenAI({
    apiKey,
    baseURL,
    dangerouslyAllowBrowser: true,
    maxRetries: options.maxRetries ?? 1,
    timeout: options.timeoutMs ?? 60_000,
    logLevel: "off",
  });
  return {
    id: `openai:${model}`,
    label: `${model} at ${baseURL}`,
    embed: (texts, embedOptions) =>
      embedInBatches(
        texts,
        options.batchSize ?? 100,
        async (batch) => {
          let response: OpenAI.CreateEmbeddingResponse;
          try {
            response = await client.embeddings.create(
              { model, input: batch, encoding_format: "float" },
              embedOptions?.signal ? { signal: embedOptions.signal } : undefined,
            );
          } catch (error) {
            throw new EmbeddingError(describe(error, baseURL, apiKey));
          }
          const data = [...response.data].sort((a, b) => a.index - b.index);
          if (data.length !== batch.length || data.some((d, i) => d.index !== i))
            throw new EmbeddingError(
              `${baseURL} returned ${data.length} embeddings for ${batch.length} texts.`,
            );
          return { vectors: data.map((d) => Float32Array.from(d.embedding)), truncated: 0 };
        },
        embedOptions,
      ),
  };
}
