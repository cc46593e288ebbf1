/** What the job runner needs of a model: one chat request in, one reply out. */
import type { ChatMessage } from "./prompt";
import { LabelingError, type ModelParameters } from "./task";

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  parameters: ModelParameters;
  /** The structured-output schema (see responseSchema). */
  schema: { name: string; strict: true; schema: Record<string, unknown> };
}

/** Tokens billed for one reply, as the server reports them. */
export interface Usage {
  input: number;
  /** Of the input, how many were read from the provider's prompt cache (cheaper). */
  cachedInput: number;
  output: number;
}

export interface ChatReply {
  /** The answer text exactly as received. */
  content: string;
  usage: Usage | null;
}

/**
 * Why a request failed. "retry": worth trying again (429, 5xx, timeout,
 * dropped connection); "auth": the key was rejected (the job pauses);
 * "fatal": trying again will not help (unknown model, bad request).
 */
export type FailureKind = "retry" | "auth" | "fatal";

export class ProviderError extends LabelingError {
  override name = "ProviderError";
  constructor(
    message: string,
    readonly kind: FailureKind,
    readonly status?: number,
    /** The server's Retry-After, in milliseconds. */
    readonly retryAfterMs?: number,
    /** True when no connection was made at all (refused, unknown host, blocked): not a timeout. */
    readonly unreachable = false,
  ) {
    super(message);
  }
}

export interface ChatProvider {
  readonly id: string;
  readonly label: string;
  complete(request: ChatRequest, signal?: AbortSignal): Promise<ChatReply>;
}

/** Milliseconds from a Retry-After header (seconds or an HTTP date) or retry-after-ms; undefined when absent. */
export function parseRetryAfter(
  seconds: string | null | undefined,
  milliseconds?: string | null,
  now = Date.now(),
): number | undefined {
  if (milliseconds) {
    const ms = Number(milliseconds);
    if (Number.isFinite(ms) && ms >= 0) return ms;
  }
  if (!seconds) return undefined;
  const s = Number(seconds);
  if (Number.isFinite(s) && s >= 0) return s * 1000;
  const date = Date.parse(seconds);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
