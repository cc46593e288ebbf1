/** Starting a session, or resuming the one a restarted server was running. */
import type { ClassroomStore, SessionRow } from "./store";
import { newCode, newToken, tokenHash } from "./tokens";

export const DEFAULT_TTL_MS = 8 * 3600_000;

export function createSession(
  store: ClassroomStore,
  { now = Date.now(), ttlMs = DEFAULT_TTL_MS } = {},
): SessionRow {
  for (;;) {
    const code = newCode();
    if (store.sessionByCode(code)) continue;
    const instructorToken = newToken();
    return store.createSession({
      code,
      instructorToken,
      instructorHash: tokenHash(instructorToken),
      now,
      ttlMs,
    });
  }
}

/** The newest session still running at `now`, else a new one. */
export function resumeOrCreateSession(
  store: ClassroomStore,
  options: { now?: number; ttlMs?: number; fresh?: boolean } = {},
): { session: SessionRow; resumed: boolean } {
  const now = options.now ?? Date.now();
  const latest = options.fresh ? undefined : store.latestSession(now);
  if (latest) return { session: latest, resumed: true };
  return {
    session: createSession(store, { now, ...(options.ttlMs ? { ttlMs: options.ttlMs } : {}) }),
    resumed: false,
  };
}
