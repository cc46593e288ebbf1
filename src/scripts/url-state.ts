/**
 * Widget state in the URL query, so an instructor can share an exact view.
 * Each widget owns the keys under its prefix: `?vp.expr=king-man%2Bwoman`.
 */

/** Reads `prefix.key` for every key present under the prefix. */
export function readScoped(search: string, prefix: string): Map<string, string> {
  const params = new URLSearchParams(search);
  const out = new Map<string, string>();
  const lead = `${prefix}.`;
  for (const [key, value] of params) {
    if (key.startsWith(lead) && key.length > lead.length) out.set(key.slice(lead.length), value);
  }
  return out;
}

/** What must never reach a link: a widget's private keys, and any value holding a secret. */
export interface Privacy {
  /** Keys under the prefix that hold the learner's own data (pasted texts, files). */
  keys?: readonly string[];
  /** Secrets (an API key) that no value may contain. */
  secrets?: readonly string[];
}

/**
 * Returns `search` with the widget's keys replaced: a null or empty value
 * removes the key. Other widgets' keys and unrelated parameters are kept.
 * Private keys are removed whatever their value, and so is any value that
 * contains a secret: a link can be shared, and the learner's data stays here.
 */
export function writeScoped(
  search: string,
  prefix: string,
  values: Readonly<Record<string, string | null | undefined>>,
  privacy: Privacy = {},
): string {
  const params = new URLSearchParams(search);
  const secrets = (privacy.secrets ?? []).filter((s) => s.length >= 8);
  for (const [key, value] of Object.entries(values)) {
    const name = `${prefix}.${key}`;
    const secret = value != null && secrets.some((s) => value.includes(s));
    if (value === null || value === undefined || value === "" || secret) params.delete(name);
    else params.set(name, value);
  }
  for (const key of privacy.keys ?? []) params.delete(`${prefix}.${key}`);
  const text = params.toString();
  return text ? `?${text}` : "";
}
