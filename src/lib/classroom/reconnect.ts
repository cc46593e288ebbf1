/**
 * When a page reconnects to the classroom, and when it gives up. Pure, so the
 * page (src/scripts/classroom) and the tests share one rule.
 */

/** Close codes after which reconnecting cannot help (server/classroom/client.ts sends them). */
export const FINAL_CLOSE_CODES = {
  /** The token belongs to no session: join again with the code. */
  unauthorized: 4401,
  /** Another page of the instructor took over. */
  replaced: 4409,
  /** The session has ended. */
  expired: 4410,
} as const;

export const RECONNECT = {
  /** The first retry's delay, doubled on each failed attempt. */
  baseMs: 500,
  /** The longest wait between attempts. */
  maxMs: 15_000,
} as const;

/** Whether a connection closed with `code` may be retried. */
export function mayReconnect(code: number): boolean {
  return !(Object.values(FINAL_CLOSE_CODES) as number[]).includes(code);
}

/**
 * The wait before reconnect attempt `attempt` (0 for the first): exponential,
 * capped, with jitter in [½, 1] of the step so a room of pages that lost the
 * server together do not all come back in the same millisecond.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const step = Math.min(RECONNECT.maxMs, RECONNECT.baseMs * 2 ** Math.max(0, attempt));
  return Math.round(step * (0.5 + 0.5 * random()));
}
