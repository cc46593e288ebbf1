/**
 * Turns any value a cell returns or logs into something the page can show:
 * text, or a table for an array of records. Runs in the sandbox, so what
 * crosses to the page is plain data (no functions, no class instances).
 */
export type Display =
  | { kind: "text"; text: string }
  | { kind: "table"; columns: string[]; rows: string[][]; more: number };

export const TABLE_ROWS = 50;

function isRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  if (ArrayBuffer.isView(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function short(value: unknown): string {
  if (typeof value === "number")
    return Number.isInteger(value) ? String(value) : value.toPrecision(4);
  if (typeof value === "string") return value;
  return inspect(value, 1);
}

/** A readable one-line-ish rendering, like console.log in a browser. */
export function inspect(value: unknown, depth = 3): string {
  if (typeof value === "string") return depth === 3 ? value : JSON.stringify(value);
  if (
    typeof value === "number" ||
    typeof value === "boolean" ||
    value === undefined ||
    value === null
  )
    return String(value);
  if (typeof value === "bigint") return `${value.toString()}n`;
  if (typeof value === "symbol") return value.toString();
  if (typeof value === "function") return `[function ${value.name || "anonymous"}]`;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (value instanceof Map) return `Map(${String(value.size)})`;
  if (value instanceof Set) return `Set(${String(value.size)})`;
  if (ArrayBuffer.isView(value)) {
    const list = Array.from(value as unknown as ArrayLike<number>);
    const head = list.slice(0, 10).map((n) => short(n));
    return `${value.constructor.name}(${String(list.length)}) [${head.join(", ")}${list.length > 10 ? ", …" : ""}]`;
  }
  if (depth <= 0) return Array.isArray(value) ? `[…${String(value.length)}]` : "{…}";
  if (Array.isArray(value)) {
    const head = value.slice(0, 20).map((v) => inspect(v, depth - 1));
    return `[${head.join(", ")}${value.length > 20 ? `, … ${String(value.length - 20)} more` : ""}]`;
  }
  const entries = Object.entries(value).slice(0, 20);
  return `{ ${entries.map(([k, v]) => `${k}: ${inspect(v, depth - 1)}`).join(", ")} }`;
}

/** A table for a non-empty array of records; text for anything else. */
export function toDisplay(value: unknown): Display {
  if (Array.isArray(value) && value.length > 0 && value.every(isRecord)) {
    const records = value;
    const columns = [...new Set(records.flatMap((r) => Object.keys(r)))];
    const rows = records
      .slice(0, TABLE_ROWS)
      .map((r) => columns.map((c) => (c in r ? short(r[c]) : "")));
    return { kind: "table", columns, rows, more: Math.max(0, records.length - TABLE_ROWS) };
  }
  return { kind: "text", text: inspect(value) };
}
