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

/**
 * Returns `search` with the widget's keys replaced: a null or empty value
 * removes the key. Other widgets' keys and unrelated parameters are kept.
 */
export function writeScoped(
  search: string,
  prefix: string,
  values: Readonly<Record<string, string | null | undefined>>,
): string {
  const params = new URLSearchParams(search);
  for (const [key, value] of Object.entries(values)) {
    const name = `${prefix}.${key}`;
    if (value === null || value === undefined || value === "") params.delete(name);
    else params.set(name, value);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
