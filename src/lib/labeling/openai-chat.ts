/**
 * Labeling through OpenAI's chat completions, or any OpenAI-compatible server
 * (Ollama, vLLM, LM Studio) at a configurable base URL, with the official
 * `openai` SDK and strict JSON-schema structured output. The SDK's own retries
 * are off: the job runner retries, so every attempt is counted and paced.
 * The key goes only to `baseURL`, in the Authorization header, and never into
 * an error message.
 */
import OpenAI from "openai";
import { checkBaseURL, OPENAI_BASE_URL } from "./providers/openai-embeddings";
import {
  parseRetryAfter,
  ProviderError,
  type ChatProvider,
  type ChatReply,
  type ChatRequest,
} from "./provider";
import { LabelingError } from "./task";

export interface OpenAIChatOptions {
  apiKey: string;
  baseURL?: string;
  /** Per-request timeout in milliseconds (default 60,000). */
  timeoutMs?: number;
  /** Replaces fetch (tests, proxies). */
  fetch?: typeof fetch;
}

const inBrowser = (): boolean =>
  typeof (globalThis as { document?: unknown }).document !== "undefined";

/** A ProviderError for whatever the SDK threw, with the key scrubbed out. */
export function classify(error: unknown, baseURL: string, apiKey: string): ProviderError {
  const scrub = (text: string): string => (apiKey ? text.split(apiKey).join("•••") : text);
  if (error instanceof OpenAI.APIConnectionTimeoutError)
    return new ProviderError(`${baseURL} did not answer in time.`, "retry");
  if (error instanceof OpenAI.APIUserAbortError) return new ProviderError("Cancelled.", "fatal");
  if (error instanceof OpenAI.APIConnectionError)
    return new ProviderError(`Could not reach ${baseURL}.`, "retry", undefined, undefined, true);
  if (error instanceof OpenAI.APIError) {
    const status = error.status as number | undefined;
    const detail = (error.error as { message?: unknown } | undefined)?.message;
    const said = typeof detail === "string" && detail ? `: ${scrub(detail)}` : ".";
    if (status === 401)
      return new ProviderError(
        `${baseURL} rejected the key (401). The job is paused; nothing is lost. Check the key and resume.`,
        "auth",
        401,
      );
    const headers = error.headers as Headers | undefined;
    const retryAfter = parseRetryAfter(headers?.get("retry-after"), headers?.get("retry-after-ms"));
    if (
      status === 429 ||
      status === 408 ||
      status === 409 ||
      (status !== undefined && status >= 500)
    )
      return new ProviderError(`${baseURL} answered ${status}${said}`, "retry", status, retryAfter);
    if (status === 404)
      return new ProviderError(
        `${baseURL} does not know this model or endpoint (404)${said}`,
        "fatal",
        404,
      );
    return new ProviderError(
      `${baseURL} answered ${status ?? "with an error"}${said}`,
      "fatal",
      status,
    );
  }
  return new ProviderError(scrub(error instanceof Error ? error.message : String(error)), "retry");
}

/** A ChatProvider over `POST {baseURL}/chat/completions`. */
export function createOpenAIChat(options: OpenAIChatOptions): ChatProvider {
  const apiKey = options.apiKey.trim();
  if (!apiKey) throw new LabelingError("Paste an API key first; without one nothing is sent.");
  const baseURL = checkBaseURL(options.baseURL ?? OPENAI_BASE_URL);
  const client = new OpenAI({
    apiKey,
    baseURL,
    dangerouslyAllowBrowser: inBrowser(),
    maxRetries: 0,
    timeout: options.timeoutMs ?? 60_000,
    logLevel: "off",
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return {
    id: `openai-chat@${baseURL}`,
    label: `Chat completions at ${baseURL}`,
    async complete(request: ChatRequest, signal?: AbortSignal): Promise<ChatReply> {
      const { max_completion_tokens = 50, ...rest } = request.parameters;
      let response: OpenAI.Chat.ChatCompletion;
      try {
        response = await client.chat.completions.create(
          {
            model: request.model,
            messages: request.messages as OpenAI.Chat.ChatCompletionMessageParam[],
            response_format: { type: "json_schema", json_schema: request.schema },
            max_completion_tokens,
            ...rest,
          },
          signal ? { signal } : undefined,
        );
      } catch (error) {
        throw classify(error, baseURL, apiKey);
      }
      const content = response.choices[0]?.message.content ?? "";
      const usage = response.usage
        ? {
            input: response.usage.prompt_tokens,
            cachedInput: response.usage.prompt_tokens_details?.cached_tokens ?? 0,
            output: response.usage.completion_tokens,
          }
        : null;
      return { content, usage };
    },
  };
}
