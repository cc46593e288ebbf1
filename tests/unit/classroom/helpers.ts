/** A real classroom server on 127.0.0.1 and real WebSocket clients, for the tests and the bench. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import WebSocket from "ws";
import { CLASSROOM_PATHS, serverMessage, type ServerMessage } from "../../../src/lib/classroom";
import { createSession } from "../../../src/server/classroom/session";
import {
  startClassroomServer,
  type ClassroomServerOptions,
} from "../../../src/server/classroom/server";
import { ClassroomStore, type SessionRow } from "../../../src/server/classroom/store";

export interface JoinAnswer {
  status: number;
  body: {
    token?: string;
    participant?: { id: number; name: string; anonymous: boolean };
    error?: { code: string; message: string };
  };
}

export class TestClient {
  readonly messages: ServerMessage[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: (() => void)[] = [];

  constructor(readonly ws: WebSocket) {
    ws.on("message", (data: Buffer) => {
      this.messages.push(serverMessage.parse(JSON.parse(data.toString("utf8"))));
      for (const w of this.waiters.splice(0)) w();
    });
    this.closed = new Promise((resolve) =>
      ws.on("close", (code, reason) => {
        resolve({ code, reason: reason.toString() });
        for (const w of this.waiters.splice(0)) w();
      }),
    );
  }

  send(message: unknown): void {
    this.ws.send(typeof message === "string" ? message : JSON.stringify(message));
  }

  /** The first message (since `from`) of this type that passes `test`. */
  async next<T extends ServerMessage["type"]>(
    type: T,
    test: (m: Extract<ServerMessage, { type: T }>) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<Extract<ServerMessage, { type: T }>> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(
        (m): m is Extract<ServerMessage, { type: T }> =>
          m.type === type && test(m as Extract<ServerMessage, { type: T }>),
      );
      if (found) return found;
      const left = deadline - performance.now();
      if (left <= 0 || this.ws.readyState === WebSocket.CLOSED)
        throw new Error(`no ${type} message; got ${JSON.stringify(this.messages).slice(0, 800)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.ws.close();
  }
}

export function openSocket(base: string, query = ""): Promise<TestClient> {
  const ws = new WebSocket(`${base.replace(/^http/, "ws")}${CLASSROOM_PATHS.socket}${query}`);
  const client = new TestClient(ws);
  return new Promise((resolve, reject) => {
    ws.once("open", () => {
      resolve(client);
    });
    ws.once("error", reject);
  });
}

/** Connects and says hello; resolves once welcomed (or refused). */
export async function connect(
  base: string,
  token: string,
  takeover?: boolean,
): Promise<TestClient> {
  const client = await openSocket(base);
  client.send({ type: "hello", token, ...(takeover ? { takeover } : {}) });
  await Promise.race([client.next("welcome"), client.next("error")]);
  return client;
}

export async function join(base: string, body: unknown): Promise<JoinAnswer> {
  const res = await fetch(`${base}${CLASSROOM_PATHS.join}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as JoinAnswer["body"] };
}

export async function joinAs(base: string, code: string, name: string): Promise<string> {
  const answer = await join(base, { code, name });
  if (!answer.body.token) throw new Error(`join failed: ${JSON.stringify(answer)}`);
  return answer.body.token;
}

export interface TestServer {
  url: string;
  store: ClassroomStore;
  session: SessionRow;
  dbFile: string;
  close(): Promise<void>;
}

export async function startTestServer(
  options: Partial<ClassroomServerOptions> & { ttlMs?: number } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(joinPath(tmpdir(), "classroom-"));
  const dbFile = joinPath(dir, "classroom.db");
  const store = new ClassroomStore(dbFile);
  const session = createSession(store, options.ttlMs ? { ttlMs: options.ttlMs } : {});
  const server = await startClassroomServer({ host: "127.0.0.1", port: 0, ...options, store });
  return {
    url: server.url,
    store,
    session,
    dbFile,
    close: async () => {
      await server.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const LABELING = {
  kind: "labeling",
  title: "Speech or novel?",
  items: [
    { id: "s1", text: "=1+1 the union is strong" },
    { id: "s2", text: "Call me Ishmael." },
    { id: "s3", text: "We must balance the budget." },
  ],
  labels: ["speech", "novel"],
  codebook: "speech: a State of the Union sentence; novel: a Moby-Dick sentence",
} as const;
