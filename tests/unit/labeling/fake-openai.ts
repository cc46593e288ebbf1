/**
 * A fake OpenAI-compatible server on 127.0.0.1 for tests and benches: chat
 * completions with structured output, files, batches and fine-tuning jobs,
 * with injectable latency, 429s with Retry-After, 500s, timeouts, malformed
 * answers and a key check. It counts requests and billed (200) answers per
 * item, so tests can prove nothing was lost, duplicated or paid twice. It
 * answers CORS preflights, so browser tests can call it from the site.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Fault = "ok" | "429" | "500" | "timeout" | "malformed";

export interface FakeOptions {
  /** The key the server accepts (default "sk-test-key"). */
  apiKey?: string;
  /** Models the server knows (default: any). */
  models?: string[];
  /** Milliseconds before each chat answer (default 0). */
  latencyMs?: number;
  /** What happens to a chat request: by item id and that item's request number (1-based). */
  fault?: (itemId: string, attempt: number) => Fault;
  /** Retry-After on 429s, in milliseconds (sent as retry-after-ms and, rounded up, retry-after). */
  retryAfterMs?: number;
  /** How long a "timeout" request hangs before the socket is dropped (default 2,000 ms). */
  hangMs?: number;
  /** The label to answer for an item (default: a label named in the text, else the first). */
  answer?: (text: string, labels: string[]) => string;
}

export interface FakeStats {
  /** Chat requests per item id. */
  requests: Map<string, number>;
  /** 200 answers per item id (what would be billed). */
  billed: Map<string, number>;
  /** Malformed 200 answers per item id. */
  malformed: Map<string, number>;
  /** Authorization headers seen (to check where the key went). */
  authorizations: Set<string>;
  /** Every request body, for checking what was sent. */
  bodies: string[];
}

export interface FakeServer {
  baseURL: string;
  stats: FakeStats;
  options: FakeOptions;
  close(): Promise<void>;
}

interface ChatBody {
  model?: string;
  messages?: { role: string; content: string | { type: string; text?: string }[] }[];
  response_format?: { json_schema?: { schema?: { properties?: Record<string, unknown> } } };
}

const bump = (map: Map<string, number>, key: string): number => {
  const n = (map.get(key) ?? 0) + 1;
  map.set(key, n);
  return n;
};

/** The item id: "[id:…]" in the last user message, else the whole text. */
export function itemIdOf(text: string): string {
  return /\[id:([^\]]+)\]/.exec(text)?.[1] ?? text;
}

function lastUserText(body: ChatBody): string {
  const user = (body.messages ?? []).filter((m) => m.role === "user").at(-1);
  if (!user) return "";
  return typeof user.content === "string"
    ? user.content
    : user.content.map((p) => p.text ?? "").join("");
}

function schemaLabels(body: ChatBody): { labels: string[]; multi: boolean } {
  const props = body.response_format?.json_schema?.schema?.properties ?? {};
  const single = props["label"] as { enum?: string[] } | undefined;
  const multi = props["labels"] as { items?: { enum?: string[] } } | undefined;
  return single?.enum
    ? { labels: single.enum, multi: false }
    : { labels: multi?.items?.enum ?? [], multi: true };
}

const defaultAnswer = (text: string, labels: string[]): string =>
  labels.find((l) => text.includes(`gold=${l}`)) ?? labels[0] ?? "";

export function chatAnswer(body: ChatBody, options: FakeOptions, malformed = false): unknown {
  const text = lastUserText(body);
  const { labels, multi } = schemaLabels(body);
  const label = (options.answer ?? defaultAnswer)(text, labels);
  const content = malformed
    ? '{"label": "definitely not a label"'
    : JSON.stringify(multi ? { labels: [label] } : { label });
  const prompt = JSON.stringify(body.messages ?? []).length >> 2;
  return {
    id: "chatcmpl-fake",
    object: "chat.completion",
    created: 0,
    model: body.model ?? "",
    choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content } }],
    usage: {
      prompt_tokens: prompt,
      completion_tokens: 7,
      total_tokens: prompt + 7,
      prompt_tokens_details: { cached_tokens: 0 },
    },
  };
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFakeOpenAI(options: FakeOptions = {}): Promise<FakeServer> {
  const key = options.apiKey ?? "sk-test-key";
  const stats: FakeStats = {
    requests: new Map(),
    billed: new Map(),
    malformed: new Map(),
    authorizations: new Set(),
    bodies: [],
  };
  const files = new Map<string, string>();
  const batches = new Map<string, { polls: number; input: string; output?: string }>();
  const tunes = new Map<string, { polls: number; model: string }>();
  const sockets = new Set<import("node:net").Socket>();
  let next = 0;

  const server = createServer((req, res) => {
    // CORS, so pages served from another 127.0.0.1 port can call it (the browser SDK sends extra headers)
    res.setHeader("access-control-allow-origin", "*");
    res.setHeader("access-control-expose-headers", "retry-after, retry-after-ms");
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        "access-control-allow-methods": "GET, POST, OPTIONS",
        "access-control-allow-headers": req.headers["access-control-request-headers"] ?? "*",
        "access-control-max-age": "600",
      });
      res.end();
      return;
    }
    void (async () => {
      const raw = await readBody(req);
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const path = url.pathname.replace(/^\/v1/, "");
      stats.authorizations.add(req.headers.authorization ?? "");
      if (req.headers.authorization !== `Bearer ${key}`) {
        send(res, 401, {
          error: { message: `Incorrect API key provided: ${req.headers.authorization ?? ""}` },
        });
        return;
      }
      if (req.method === "POST" && path === "/chat/completions") {
        const text = raw.toString("utf8");
        stats.bodies.push(text);
        const body = JSON.parse(text) as ChatBody;
        const id = itemIdOf(lastUserText(body));
        const attempt = bump(stats.requests, id);
        if (options.models && !options.models.includes(body.model ?? "")) {
          send(res, 404, { error: { message: `The model ${body.model ?? ""} does not exist` } });
          return;
        }
        const fault = options.fault?.(id, attempt) ?? "ok";
        if (fault === "timeout") {
          setTimeout(() => res.destroy(), options.hangMs ?? 2000);
          return;
        }
        if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
        if (fault === "429") {
          const ms = options.retryAfterMs ?? 1000;
          send(
            res,
            429,
            { error: { message: "Rate limit reached" } },
            {
              "retry-after-ms": String(ms),
              "retry-after": String(Math.ceil(ms / 1000)),
            },
          );
          return;
        }
        if (fault === "500") {
          send(res, 500, { error: { message: "The server had an error" } });
          return;
        }
        if (res.destroyed || req.socket.destroyed) return;
        bump(stats.billed, id);
        if (fault === "malformed") bump(stats.malformed, id);
        send(res, 200, chatAnswer(body, options, fault === "malformed"));
        return;
      }
      if (req.method === "POST" && path === "/files") {
        const form = await new Response(new Uint8Array(raw), {
          headers: { "content-type": req.headers["content-type"] ?? "" },
        }).formData();
        const file = form.get("file") as File;
        const id = `file-${++next}`;
        files.set(id, await file.text());
        send(res, 200, {
          id,
          object: "file",
          bytes: file.size,
          filename: file.name,
          purpose: form.get("purpose"),
        });
        return;
      }
      const content = /^\/files\/([^/]+)\/content$/.exec(path);
      if (req.method === "GET" && content) {
        res.writeHead(200, { "content-type": "application/octet-stream" });
        res.end(files.get(content[1] ?? "") ?? "");
        return;
      }
      if (req.method === "POST" && path === "/batches") {
        const body = JSON.parse(raw.toString("utf8")) as { input_file_id: string };
        const id = `batch-${++next}`;
        batches.set(id, { polls: 0, input: files.get(body.input_file_id) ?? "" });
        send(res, 200, { id, object: "batch", status: "validating" });
        return;
      }
      const batchMatch = /^\/batches\/([^/]+)$/.exec(path);
      if (req.method === "GET" && batchMatch) {
        const id = batchMatch[1] ?? "";
        const batch = batches.get(id);
        if (!batch) {
          send(res, 404, { error: { message: "no such batch" } });
          return;
        }
        batch.polls++;
        let output_file_id: string | null = null;
        if (batch.polls >= 2) {
          const lines = batch.input
            .split("\n")
            .filter((l) => l.trim())
            .map((l) => {
              const request = JSON.parse(l) as { custom_id: string; body: ChatBody };
              return JSON.stringify({
                id: `resp-${request.custom_id}`,
                custom_id: request.custom_id,
                response: { status_code: 200, body: chatAnswer(request.body, options) },
                error: null,
              });
            });
          output_file_id = `file-${++next}`;
          files.set(output_file_id, `${lines.join("\n")}\n`);
        }
        send(res, 200, {
          id,
          object: "batch",
          status: batch.polls >= 2 ? "completed" : "in_progress",
          output_file_id,
          error_file_id: null,
        });
        return;
      }
      if (req.method === "POST" && path === "/fine_tuning/jobs") {
        const body = JSON.parse(raw.toString("utf8")) as { model: string; training_file: string };
        if (!files.has(body.training_file)) {
          send(res, 400, { error: { message: "no such file" } });
          return;
        }
        const id = `ftjob-${++next}`;
        tunes.set(id, { polls: 0, model: body.model });
        send(res, 200, { id, object: "fine_tuning.job", status: "queued", fine_tuned_model: null });
        return;
      }
      const tuneMatch = /^\/fine_tuning\/jobs\/([^/]+)$/.exec(path);
      if (req.method === "GET" && tuneMatch) {
        const tune = tunes.get(tuneMatch[1] ?? "");
        if (!tune) {
          send(res, 404, { error: { message: "no such job" } });
          return;
        }
        tune.polls++;
        const done = tune.polls >= 3;
        send(res, 200, {
          id: tuneMatch[1],
          object: "fine_tuning.job",
          status: done ? "succeeded" : "running",
          fine_tuned_model: done ? `ft:${tune.model}:fake` : null,
        });
        return;
      }
      send(res, 404, { error: { message: `no route ${req.method ?? ""} ${path}` } });
    })().catch((error: unknown) => {
      send(res, 500, { error: { message: String(error) } });
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => {
      sockets.delete(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    stats,
    options,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}
