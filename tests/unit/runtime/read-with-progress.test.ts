import { describe, expect, it } from "vitest";
import { readWithProgress, type ReadProgress } from "@/lib/runtime/index";

/** A response that streams `chunks` one by one, with an optional content-length and more headers. */
function streamed(
  chunks: number[][],
  length?: number,
  more: Record<string, string> = {},
): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new Uint8Array(chunk));
      controller.close();
    },
  });
  const headers: Record<string, string> = {
    ...(length === undefined ? {} : { "content-length": String(length) }),
    ...more,
  };
  return new Response(body, { headers });
}

describe("readWithProgress(response, onProgress)", () => {
  it("returns the body's bytes in order and reports each chunk against the content-length", async () => {
    const seen: ReadProgress[] = [];
    const bytes = await readWithProgress(streamed([[1, 2], [3], [4, 5, 6]], 6), (p) => {
      seen.push(p);
    });
    expect([...bytes]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(seen).toEqual([
      { loaded: 2, total: 6, fraction: 2 / 6 },
      { loaded: 3, total: 6, fraction: 3 / 6 },
      { loaded: 6, total: 6, fraction: 1 },
    ]);
  });

  it("reports a null total and fraction when the size is unknown", async () => {
    const seen: ReadProgress[] = [];
    await readWithProgress(streamed([[1], [2]]), (p) => {
      seen.push(p);
    });
    expect(seen).toEqual([
      { loaded: 1, total: null, fraction: null },
      { loaded: 2, total: null, fraction: null },
    ]);
  });

  it("caps the fraction at 1 when more arrives than announced (a compressed length)", async () => {
    const seen: ReadProgress[] = [];
    await readWithProgress(streamed([[1, 2, 3, 4]], 2), (p) => {
      seen.push(p);
    });
    expect(seen.at(-1)?.fraction).toBe(1);
  });

  it("a compressed body: the decoded size from x-decoded-length, not the compressed content-length", async () => {
    const seen: ReadProgress[] = [];
    await readWithProgress(
      streamed(
        [
          [1, 2],
          [3, 4, 5, 6],
        ],
        3,
        { "content-encoding": "br", "x-decoded-length": "6" },
      ),
      (p) => {
        seen.push(p);
      },
    );
    expect(seen).toEqual([
      { loaded: 2, total: 6, fraction: 2 / 6 },
      { loaded: 6, total: 6, fraction: 1 },
    ]);
    // Compressed with no decoded size: unknown, rather than a bar full at half the download.
    const unknown: ReadProgress[] = [];
    await readWithProgress(streamed([[1, 2, 3, 4]], 2, { "content-encoding": "gzip" }), (p) => {
      unknown.push(p);
    });
    expect(unknown).toEqual([{ loaded: 4, total: null, fraction: null }]);
  });

  it("reads a response without a body whole, with no progress", async () => {
    let calls = 0;
    const bytes = await readWithProgress(new Response(null), () => {
      calls++;
    });
    expect(bytes.length).toBe(0);
    expect(calls).toBe(0);
  });
});
