/**
 * One page's connection to the classroom server: opens the WebSocket, says
 * hello with the seat's token, hands every checked server message to the
 * page, and reconnects with backoff, except after a close that says retrying
 * cannot help (an unknown token, a takeover, the end of the session).
 */
import {
  CLASSROOM_PATHS,
  mayReconnect,
  reconnectDelay,
  serverMessage,
  type ClientMessage,
  type ServerMessage,
} from "@/lib/classroom/index";

export type ConnectionStatus = "connecting" | "open" | "retrying" | "ended";

export interface ConnectionEvents {
  message(message: ServerMessage): void;
  /** `reason` says why, once the connection has ended for good. */
  status(status: ConnectionStatus, reason?: string): void;
}

const ENDED: Record<number, string> = {
  4401: "This class link is no longer valid: join again with the code.",
  4409: "The class is now run from another page.",
  4410: "The class session has ended.",
};

export class Connection {
  #ws: WebSocket | null = null;
  #attempt = 0;
  #ended = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly hello: { token: string; takeover?: boolean },
    private readonly on: ConnectionEvents,
  ) {}

  start(): void {
    this.#open();
  }

  /** Sends a message if the socket is open; returns whether it went. */
  send(message: ClientMessage): boolean {
    if (this.#ws?.readyState !== WebSocket.OPEN) return false;
    this.#ws.send(JSON.stringify(message));
    return true;
  }

  get open(): boolean {
    return this.#ws?.readyState === WebSocket.OPEN;
  }

  #open(): void {
    this.on.status(this.#attempt === 0 ? "connecting" : "retrying");
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const ws = new WebSocket(`${scheme}//${location.host}${CLASSROOM_PATHS.socket}`);
    this.#ws = ws;
    ws.addEventListener("open", () => {
      ws.send(JSON.stringify({ type: "hello", ...this.hello } satisfies ClientMessage));
    });
    ws.addEventListener("message", (event: MessageEvent<unknown>) => {
      if (typeof event.data !== "string") return;
      let parsed;
      try {
        parsed = serverMessage.safeParse(JSON.parse(event.data));
      } catch {
        return;
      }
      if (!parsed.success) return;
      if (parsed.data.type === "welcome") {
        this.#attempt = 0;
        this.on.status("open");
      }
      this.on.message(parsed.data);
    });
    ws.addEventListener("close", (event) => {
      if (this.#ws !== ws) return;
      this.#ws = null;
      if (this.#ended) return;
      if (!mayReconnect(event.code)) {
        this.#ended = true;
        this.on.status("ended", ENDED[event.code] ?? "The class connection has ended.");
        return;
      }
      this.on.status("retrying");
      this.#timer = setTimeout(() => {
        this.#open();
      }, reconnectDelay(this.#attempt++));
    });
  }

  /** Closes for good (the page leaves the class). */
  stop(): void {
    this.#ended = true;
    clearTimeout(this.#timer);
    this.#ws?.close(1000, "left");
  }
}
