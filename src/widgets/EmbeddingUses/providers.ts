/**
 * The widget's embedding providers: the offline encoder in a Web Worker, or
 * an OpenAI-compatible API with the learner's key (its SDK and tokenizer are
 * loaded only when chosen). The key is kept in memory, or in sessionStorage
 * when the learner asks; never in the URL.
 */
import { createEncoderClient, type EncoderClient } from "@/lib/encoder/index";
import {
  createLocalProvider,
  loadCl100kCounter,
  type CountTokens,
  type EmbeddingProvider,
} from "@/lib/embeddings/index";

let client: EncoderClient | null = null;
let ready: Promise<unknown> | null = null;

/** The offline encoder, one worker per page, loaded on first use. */
export async function localProvider(
  onProgress: (label: string, fraction?: number) => void,
): Promise<EmbeddingProvider> {
  if (!client || !ready) {
    const worker = new Worker(new URL("../../lib/encoder/worker.ts", import.meta.url), {
      type: "module",
    });
    const created = createEncoderClient(worker);
    client = created;
    ready = created.load(
      {
        localModelPath: "/generated/models/",
        wasmPaths: {
          mjs: "/generated/ort/ort-wasm-simd-threaded.mjs",
          wasm: "/generated/ort/ort-wasm-simd-threaded.wasm",
        },
      },
      (p) => {
        onProgress(`Loading the model: ${p.file || "files"}…`, p.fraction ?? undefined);
      },
    );
    ready.catch(() => {
      created.terminate();
      client = null;
      ready = null;
    });
  }
  const encoder = client;
  await ready;
  return createLocalProvider(async (texts) => (await encoder.encode(texts)).encodings);
}

export interface ApiSettings {
  apiKey: string;
  baseURL: string;
  model: string;
}

/** An OpenAI-compatible provider; throws (before any request) on a missing key or bad URL. */
export async function apiProvider(settings: ApiSettings): Promise<EmbeddingProvider> {
  const { createOpenAIEmbeddings } = await import("@/lib/labeling/index");
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
