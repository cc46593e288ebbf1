/**
 * What a student's page does with the instructor's state: nothing, load
 * another page, or take a new query on the same page (and which widgets'
 * keys changed, so only they re-read the URL). Pure; the page acts on it.
 */
import type { PageState } from "./protocol";

export type FollowStep =
  | { kind: "stay" }
  | { kind: "navigate"; url: string }
  | { kind: "query"; query: string; prefixes: string[] };

/** Pages are the same whatever the trailing slash ("/lessons/06" and "/lessons/06/"). */
function samePath(a: string, b: string): boolean {
  const trim = (p: string) => (p.length > 1 ? p.replace(/\/+$/, "") : p);
  return trim(a) === trim(b);
}

/** The widget prefixes ("vp" of "vp.expr") whose values differ between two queries. */
export function changedPrefixes(from: string, to: string): string[] {
  const a = new URLSearchParams(from);
  const b = new URLSearchParams(to);
  const keys = new Set([...a.keys(), ...b.keys()]);
  const out = new Set<string>();
  for (const key of keys) {
    if (a.getAll(key).join("\n") === b.getAll(key).join("\n")) continue;
    const dot = key.indexOf(".");
    out.add(dot > 0 ? key.slice(0, dot) : key);
  }
  return [...out].sort();
}

export function followStep(here: { path: string; query: string }, target: PageState): FollowStep {
  if (!samePath(here.path, target.path))
    return { kind: "navigate", url: `${target.path}${target.query}` };
  const prefixes = changedPrefixes(here.query, target.query);
  return prefixes.length === 0
    ? { kind: "stay" }
    : { kind: "query", query: target.query, prefixes };
}
