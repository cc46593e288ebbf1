import { loadWordVectors, type WordVectors } from "@/lib/words/index";
import { ASSETS } from "../../lib/assets/paths";

/** Where scripts/assets/word-vectors.ts puts the GloVe file. */
export const VECTORS_URL = ASSETS.wordVectors;

let loading: Promise<WordVectors> | null = null;

/** Reads a response body chunk by chunk, reporting bytes read of the total (when known). */
async function readWithProgress(
  response: Response,
  onProgress: (loaded: number, total: number | null) => void,
): Promise<Uint8Array> {
  const total = Number(response.headers.get("content-length")) || null;
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onProgress(loaded, total);
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/**
 * The GloVe vectors, fetched once per page with progress; parsing waits for
 * the next frame so the progress bar is painted first.
 */
export function wordVectors(
  onProgress: (label: string, fraction?: number) => void,
): Promise<WordVectors> {
  loading ??= (async () => {
    const response = await fetch(VECTORS_URL);
    if (!response.ok)
      throw new Error(
        `Could not load the word vectors (HTTP ${response.status}). Reload the page to try again.`,
      );
    const bytes = await readWithProgress(response, (loaded, total) => {
      const mb = (n: number): string => (n / 1_048_576).toFixed(1);
      onProgress(
        `Loading GloVe word vectors: ${mb(loaded)}${total ? ` / ${mb(total)}` : ""} MB…`,
        total ? loaded / total : undefined,
      );
    });
    onProgress("Preparing 50,000 word vectors…");
    await new Promise((resolve) => setTimeout(resolve, 0));
    return loadWordVectors(bytes);
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
