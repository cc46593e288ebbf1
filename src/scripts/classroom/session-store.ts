/**
 * Where a page keeps its classroom seat: the fragment the CLI prints
 * (`#join=CODE`, `#instructor=TOKEN`) is read once, kept in sessionStorage
 * (this tab only, gone when it closes) and removed from the address bar, so a
 * copied link never carries a token.
 */

const KEY = "llmlab:classroom";

export type Seat =
  | { role: "instructor"; token: string }
  | { role: "student"; token: string; code: string }
  /** A join link opened: the form asks for a name before there is a token. */
  | { role: "joining"; code: string };

export interface Follow {
  /** The student chose to look around on their own. */
  detached: boolean;
}

function read(key: string): unknown {
  try {
    const text = sessionStorage.getItem(key);
    return text === null ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* storage refused (private mode): the seat lasts for this page only */
  }
}

function isSeat(value: unknown): value is Seat {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v["role"] === "instructor") return typeof v["token"] === "string";
  if (v["role"] === "student")
    return typeof v["token"] === "string" && typeof v["code"] === "string";
  if (v["role"] === "joining") return typeof v["code"] === "string";
  return false;
}

export function storedSeat(): Seat | null {
  const value = read(KEY);
  return isSeat(value) ? value : null;
}

export function keepSeat(seat: Seat | null): void {
  write(KEY, seat);
}

export function storedFollow(): Follow {
  const value = read(`${KEY}:follow`);
  return {
    detached:
      typeof value === "object" && value !== null && "detached" in value && value.detached === true,
  };
}

export function keepFollow(follow: Follow): void {
  write(`${KEY}:follow`, follow);
}

/** The seat a fragment names, or null; a malformed one is ignored. */
export function seatFromFragment(hash: string): Seat | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const token = params.get("instructor");
  if (token && /^[\w-]{16,128}$/.test(token)) return { role: "instructor", token };
  const code = params.get("join");
  if (code && /^[A-Za-z0-9]{4,12}$/.test(code))
    return { role: "joining", code: code.toUpperCase() };
  return null;
}

/**
 * Takes a seat from the fragment (and removes the fragment), else the one
 * kept for this tab. A join link for the session the tab already sits in
 * keeps the seat it has.
 */
export function takeSeat(): Seat | null {
  const fromFragment = seatFromFragment(location.hash);
  const kept = storedSeat();
  if (!fromFragment) return kept;
  history.replaceState(history.state, "", `${location.pathname}${location.search}`);
  const same =
    fromFragment.role === "joining" && kept?.role === "student" && kept.code === fromFragment.code;
  if (same) return kept;
  keepSeat(fromFragment);
  keepFollow({ detached: false });
  return fromFragment;
}
