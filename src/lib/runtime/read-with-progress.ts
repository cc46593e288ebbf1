/** The header a server may send with a compressed body: its size once decoded. */
export const DECODED_LENGTH_HEADER = "x-decoded-length";

/** How much of a response body has arrived. */
export interface ReadProgress {
  /** Bytes read so far. */
  loaded: number;
  /**
   * The body's decoded size, or null when unknown: the content-length header,
   * unless the body came compressed (Content-Encoding), when that header gives
   * the compressed size; then the server's x-decoded-length, if it sent one
   * (src/server/static-site.ts does).
   */
  total: number | null;
  /** loaded / total, at most 1; null when the size is unknown. */
  fraction: number | null;
}

/**
 * Reads a response body chunk by chunk, reporting progress after each chunk,
 * and returns all of its bytes. A response without a readable body is read
 * whole, with no progress.
 */
export async function readWithProgress(
  response: Response,
  onProgress: (progress: ReadProgress) => void,
): Promise<Uint8Array> {
  const encoding = response.headers.get("content-encoding");
  const encoded = encoding !== null && encoding !== "identity";
  const total =
    Number(response.headers.get(encoded ? DECODED_LENGTH_HEADER : "content-length")) || null;
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onProgress({ loaded, total, fraction: total === null ? null : Math.min(1, loaded / total) });
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
