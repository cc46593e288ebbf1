import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { checkBaseURL, createOpenAIEmbeddings, OPENAI_BASE_URL } from "@/lib/labeling/openai";

interface Seen {
  method: string;
  path: string;
  authorization: string | undefined;
  body: { model?: string; input?: string[]; encoding_format?: string };
}

const KEY = "sk-test-0123456789";
let server: Server;
let base = "";
const seen: Seen[] = [];
/** What the fake answers next: a status and a JSON body (default: embeddings). */
let reply: { status: number; body: unknown } | null = null;

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    req.on("data", (chunk: Buffer) => (text += chunk.toString()));
    req.on("end", () => {
      resolve(text);
    });
  });
}

/** A fake embedding for a text: [length, index in batch, 1]. */
function fakeVector(text: string, index: number): number[] {
  return [text.length, index, 1];
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void read(req).then((text) => {
      const body = JSON.parse(text || "{}") as Seen["body"];
      seen.push({
        method: req.method ?? "",
        path: req.url ?? "",
        authorization: req.headers.authorization,
        body,
      });
      res.setHeader("content-type", "application/json");
      if (reply) {
        res.statusCode = reply.status;
        res.end(JSON.stringify(reply.body));
        return;
      }
      // Answer out of order, as the API may: the client must sort by index.
      const data = (body.input ?? []).map((t, index) => ({
        object: "embedding",
        index,
        embedding: fakeVector(t, index),
      }));
      res.end(
        JSON.stringify({
          object: "list",
          data: data.reverse(),
          model: body.model,
          usage: { prompt_tokens: 1, total_tokens: 1 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

afterEach(() => {
  seen.length = 0;
  reply = null;
});

/** Records every URL fetched while `work` runs. */
/** The error a promise rejects with (fails the test if it resolves). */
async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the promise to reject");
}

async function watchFetch<T>(work: () => Promise<T>): Promise<{ result: T; urls: string[] }> {
  const real = globalThis.fetch;
  const urls: string[] = [];
  globalThis.fetch = (input, init) => {
    urls.push(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    return real(input, init);
  };
  try {
    return { result: await work(), urls };
  } finally {
    globalThis.fetch = real;
  }
}

describe("createOpenAIEmbeddings({ apiKey, baseURL, model })", () => {
  it("posts batches to {baseURL}/embeddings with the key as a Bearer token, and nowhere else", async () => {
    const texts = ["a", "bb", "ccc", "dddd", "eeeee"];
    const progress: number[] = [];
    const { result, urls } = await watchFetch(() => {
      const provider = createOpenAIEmbeddings({ apiKey: KEY, baseURL: base, batchSize: 2 });
      return provider.embed(texts, { onProgress: (done) => progress.push(done) });
    });
    expect(urls).toEqual([`${base}/embeddings`, `${base}/embeddings`, `${base}/embeddings`]);
    expect(urls.every((u) => new URL(u).host === new URL(base).host)).toBe(true);
    expect(seen.map((s) => [s.method, s.path])).toEqual([
      ["POST", "/v1/embeddings"],
      ["POST", "/v1/embeddings"],
      ["POST", "/v1/embeddings"],
    ]);
    expect(seen.every((s) => s.authorization === `Bearer ${KEY}`)).toBe(true);
    expect(seen.map((s) => s.body)).toEqual([
      { model: "text-embedding-3-small", input: ["a", "bb"], encoding_format: "float" },
      { model: "text-embedding-3-small", input: ["ccc", "dddd"], encoding_format: "float" },
      { model: "text-embedding-3-small", input: ["eeeee"], encoding_format: "float" },
    ]);
    // Sorted back into input order despite the reversed reply.
    expect(result.vectors.map((v) => [...v])).toEqual(texts.map((t, i) => fakeVector(t, i % 2)));
    expect(progress).toEqual([0, 2, 4, 5]);
  });

  it("uses the model the learner names", async () => {
    const provider = createOpenAIEmbeddings({
      apiKey: KEY,
      baseURL: `${base}/`,
      model: "nomic-embed-text",
    });
    await provider.embed(["x"]);
    expect(seen[0]?.body.model).toBe("nomic-embed-text");
    expect(provider.id).toBe("openai:nomic-embed-text");
  });

  it("sends nothing without a key", () => {
    expect(() => createOpenAIEmbeddings({ apiKey: "  ", baseURL: base })).toThrow(
      "Paste an API key",
    );
    expect(seen).toEqual([]);
  });

  it("explains a rejected key without repeating it", async () => {
    reply = { status: 401, body: { error: { message: `Incorrect API key provided: ${KEY}` } } };
    const provider = createOpenAIEmbeddings({ apiKey: KEY, baseURL: base, maxRetries: 0 });
    const error = await failure(provider.embed(["x"]));
    expect(error.message).toContain("rejected the key (401)");
    expect(error.message).not.toContain(KEY);
  });

  it("scrubs the key from other server messages", async () => {
    reply = { status: 400, body: { error: { message: `bad request for ${KEY}` } } };
    const provider = createOpenAIEmbeddings({ apiKey: KEY, baseURL: base, maxRetries: 0 });
    const error = await failure(provider.embed(["x"]));
    expect(error.message).toBe(`${base} answered 400: bad request for •••`);
  });

  it("says when the server cannot be reached", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const provider = createOpenAIEmbeddings({
      apiKey: KEY,
      baseURL: `http://127.0.0.1:${port}/v1`,
      maxRetries: 0,
    });
    await expect(provider.embed(["x"])).rejects.toThrow("Could not reach");
  });
});

describe("checkBaseURL(text)", () => {
  it.each([
    [" https://api.openai.com/v1/ ", "https://api.openai.com/v1"],
    ["http://127.0.0.1:11434/v1", "http://127.0.0.1:11434/v1"],
  ])("tidies %s", (text, url) => {
    expect(checkBaseURL(text)).toBe(url);
  });

  it.each([
    ["api.openai.com", "not a web address"],
    ["ftp://example.org/v1", "must start with https://"],
    ["https://user:sk-1@example.org/v1", "not in the base URL"],
    ["https://example.org/v1?key=1", "no ?query"],
  ])("rejects %s", (text, message) => {
    expect(() => checkBaseURL(text)).toThrow(message);
  });

  it("defaults to OpenAI's address", () => {
    expect(OPENAI_BASE_URL).toBe("https://api.openai.com/v1");
  });
});
