/**
 * One WebSocket connection: who it is (once its token is checked), its rate
 * limit, and sending. Messages past the rate are dropped with one
 * `rate_limited` error a second; a client that keeps flooding is closed, and
 * everyone else carries on.
 */
import type { RawData, WebSocket } from "ws";
import type { ErrorCode, ServerMessage } from "../../lib/classroom/index";
import { TokenBucket, type BucketOptions } from "./rate-limit";
import type { ParticipantRow } from "./store";

export type Role = "instructor" | "student";

/** WebSocket close codes (4000–4999 are the application's). */
export const CLOSE = {
  policy: 1008,
  unauthorized: 4401,
  authTimeout: 4408,
  replaced: 4409,
  expired: 4410,
} as const;

export interface ClientOptions {
  rate: BucketOptions;
  /** Drops within one 10-second window after which the connection is closed. */
  floodClose: number;
}

export class Client {
  role: Role | null = null;
  sessionId: number | null = null;
  participant: ParticipantRow | null = null;
  alive = true;
  private bucket: TokenBucket;
  private dropped = 0;
  private windowStart = performance.now();
  private lastRateError = -Infinity;

  constructor(
    readonly ws: WebSocket,
    private options: ClientOptions,
  ) {
    this.bucket = new TokenBucket(options.rate);
  }

  /** The instructor's limits are wider (dragging a slider sends many states). */
  setRate(options: ClientOptions): void {
    this.options = options;
    this.bucket = new TokenBucket(options.rate);
  }

  send(message: ServerMessage): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(message));
  }

  error(code: ErrorCode, message: string, id?: string): void {
    this.send({ type: "error", code, message, ...(id === undefined ? {} : { id }) });
  }

  close(code: number, reason: string): void {
    this.ws.close(code, reason.slice(0, 120));
  }

  /** False when the message must be dropped (rate limit); may close a flooding client. */
  admit(): boolean {
    if (this.bucket.take()) return true;
    const t = performance.now();
    if (t - this.windowStart > 10_000) {
      this.windowStart = t;
      this.dropped = 0;
    }
    this.dropped++;
    if (this.dropped > this.options.floodClose) {
      this.error("rate_limited", "Too many messages: the connection is closed. Reload to rejoin.");
      this.close(CLOSE.policy, "too many messages");
    } else if (t - this.lastRateError >= 1000) {
      this.lastRateError = t;
      this.error("rate_limited", "Too many messages: slow down (this message was dropped).");
    }
    return false;
  }
}

/** A frame's text, or null for a binary frame. */
export function frameText(data: RawData, isBinary: boolean): string | null {
  if (isBinary) return null;
  if (Array.isArray(data)) return Buffer.concat(data).toString("utf8");
  return Buffer.isBuffer(data) ? data.toString("utf8") : Buffer.from(data).toString("utf8");
}
