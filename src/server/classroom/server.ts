/**
 * The classroom server: one Node HTTP server for the built site (through
 * staticSite), the classroom API and the WebSocket endpoint (ws, with
 * maxPayload as the hard frame cap). Heartbeats drop dead connections; a
 * timer ends expired sessions.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import { CLASSROOM_PATHS, LIMITS } from "../../lib/classroom/index";
import { staticSite, type Handler } from "../static-site";
import type { ClientOptions } from "./client";
import { classroomApi } from "./http-api";
import { Hub } from "./hub";
import { KeyedBuckets, type BucketOptions } from "./rate-limit";
import type { ClassroomStore } from "./store";

export interface ClassroomServerOptions {
  store: ClassroomStore;
  /** The built site (dist/); without it, only the API and the socket answer. */
  siteDir?: string;
  host?: string;
  port?: number;
  now?: () => number;
  heartbeatMs?: number;
  expiryCheckMs?: number;
  authTimeoutMs?: number;
  student?: Partial<ClientOptions>;
  instructor?: Partial<ClientOptions>;
  joins?: BucketOptions;
}

export interface ClassroomServer {
  server: Server;
  hub: Hub;
  /** http://host:port (the bound port, also when port 0 was asked). */
  url: string;
  port: number;
  close(): Promise<void>;
}

export const DEFAULT_RATES = {
  student: { rate: { capacity: 30, perSecond: 10 }, floodClose: 2000 },
  instructor: { rate: { capacity: 120, perSecond: 60 }, floodClose: 5000 },
  joins: { capacity: 60, perSecond: 10 },
} satisfies Record<string, ClientOptions | BucketOptions>;

export async function startClassroomServer(o: ClassroomServerOptions): Promise<ClassroomServer> {
  const now = o.now ?? Date.now;
  const site: Handler | null = o.siteDir === undefined ? null : staticSite(o.siteDir);
  const api = classroomApi({
    store: o.store,
    now,
    joins: new KeyedBuckets(o.joins ?? DEFAULT_RATES.joins),
  });
  const hub = new Hub({
    store: o.store,
    now,
    student: { ...DEFAULT_RATES.student, ...o.student },
    instructor: { ...DEFAULT_RATES.instructor, ...o.instructor },
    authTimeoutMs: o.authTimeoutMs ?? 15_000,
  });
  const server = createServer((req, res) => {
    if (api(req, res)) return;
    if (site) site(req, res);
    else {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Not found");
    }
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.maxPayloadBytes });
  server.on("upgrade", (req, socket, head) => {
    const url = new URL(req.url ?? "/", "http://classroom.invalid");
    if (url.pathname !== CLASSROOM_PATHS.socket) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      hub.connect(ws, url.searchParams.get("token"));
    });
  });
  const heartbeat = setInterval(() => {
    hub.heartbeat();
  }, o.heartbeatMs ?? 15_000);
  const expiry = setInterval(() => {
    hub.expire();
  }, o.expiryCheckMs ?? 30_000);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port ?? 4322, o.host ?? "0.0.0.0", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    server,
    hub,
    port: address.port,
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        clearInterval(expiry);
        hub.close();
        wss.close();
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
