import { loadWordVectors, type WordVectors } from "@/lib/words/index";
import { ASSETS } from "../../lib/assets/paths";
import { readWithProgress } from "../../lib/runtime/index";

/** Where scripts/assets/word-vectors.ts puts the GloVe file. */
export const VECTORS_URL = ASSETS.wordVectors;

let loading: Promise<WordVectors> | null = null;

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
    const bytes = await readWithProgress(response, ({ loaded, total, fraction }) => {
      const mb = (n: number): string => (n / 1_048_576).toFixed(1);
      onProgress(
        `Loading GloVe word vectors: ${mb(loaded)}${total ? ` / ${mb(total)}` : ""} MB…`,
        fraction ?? undefined,
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
