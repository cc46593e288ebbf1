/**
 * The widget's embedding providers: the offline encoder in a Web Worker, or
 * an OpenAI-compatible API with the learner's key (its SDK and tokenizer are
 * loaded only when chosen). The key is kept in memory, or in sessionStorage
 * when the learner asks; never in the URL.
 */
import {
  createLocalProvider,
  loadCl100kCounter,
  type CountTokens,
  type EmbeddingProvider,
} from "@/lib/embeddings/index";
import { offlineEncoder } from "@/scripts/encoder-workers";

/** The offline encoder (the page's shared worker), loaded on first use. */
export async function localProvider(
  onProgress: (label: string, fraction?: number) => void,
): Promise<EmbeddingProvider> {
  const encoder = await offlineEncoder(onProgress);
  return createLocalProvider(async (texts) => (await encoder.encode(texts)).encodings);
}

export interface ApiSettings {
  apiKey: string;
  baseURL: string;
  model: string;
}

/** An OpenAI-compatible provider; throws (before any request) on a missing key or bad URL. */
export async function apiProvider(settings: ApiSettings): Promise<EmbeddingProvider> {
  const { createOpenAIEmbeddings } = await import("@/lib/labeling/openai");
  return createOpenAIEmbeddings(settings);
}

let counter: Promise<CountTokens> | null = null;

/** The cl100k_base token counter (about 1 MB), loaded once. */
export function tokenCounter(): Promise<CountTokens> {
  counter ??= loadCl100kCounter();
  counter.catch(() => {
    counter = null;
  });
  return counter;
}

const KEY_STORE = "llmlab:embedding-uses:api-key";

/** The key remembered in this tab, if the learner chose so. */
export function rememberedKey(): string {
  try {
    return sessionStorage.getItem(KEY_STORE) ?? "";
  } catch {
    return "";
  }
}

/** Keeps the key in sessionStorage (this tab only) or forgets it. */
export function rememberKey(key: string, remember: boolean): void {
  try {
    if (remember && key) sessionStorage.setItem(KEY_STORE, key);
    else sessionStorage.removeItem(KEY_STORE);
  } catch {
    /* storage blocked: the key stays in memory only */
  }
}
