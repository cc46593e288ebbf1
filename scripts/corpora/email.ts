/**
 * Just enough RFC 822/MIME reading for the SpamAssassin sample: the Subject
 * (RFC 2047 encoded words decoded) and the first text part of the body
 * (quoted-printable or base64 decoded, HTML reduced to its text).
 */

interface Part {
  headers: Map<string, string>;
  body: string;
}

/** Splits a message or MIME part into unfolded, lower-cased headers and the body. */
function splitPart(raw: string): Part {
  const text = raw.replace(/\r\n/g, "\n");
  const blank = text.indexOf("\n\n");
  const head = blank < 0 ? text : text.slice(0, blank);
  const body = blank < 0 ? "" : text.slice(blank + 2);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\n[ \t]+/g, " ").split("\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** Decodes bytes in `charset` (UTF-8 if none); bytes invalid in it are read as Windows-1252. */
function decodeBytes(bytes: Uint8Array, charset: string): string {
  try {
    return new TextDecoder(charset || "utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

function decodeQuotedPrintable(text: string, underscoreIsSpace = false): Uint8Array {
  const source = underscoreIsSpace ? text.replace(/_/g, " ") : text;
  const cleaned = source.replace(/=\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < cleaned.length; i++) {
    const hex = cleaned.slice(i + 1, i + 3);
    if (cleaned[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(cleaned.charCodeAt(i) & 0xff);
  }
  return Uint8Array.from(bytes);
}

/** Decodes RFC 2047 encoded words: =?charset?B|Q?text?=. */
export function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(
      /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g,
      (_, charset: string, kind: string, text: string) =>
        decodeBytes(
          kind.toUpperCase() === "B"
            ? Uint8Array.from(Buffer.from(text, "base64"))
            : decodeQuotedPrintable(text, true),
          charset.toLowerCase(),
        ),
    );
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

/** Reduces HTML to its text: no scripts, styles, comments or tags; entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(script|style|head|title)\b[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<br\s*\/?>|<\/(p|div|tr|li|h\d|table)\s*>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith("#x") || name.startsWith("#X"))
        return String.fromCodePoint(parseInt(name.slice(2), 16) || 32);
      if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)) || 32);
      return ENTITIES[name.toLowerCase()] ?? entity;
    });
}

function parameter(header: string, name: string): string {
  const match = new RegExp(`${name}\\s*=\\s*"?([^";]+)"?`, "i").exec(header);
  return match?.[1]?.trim() ?? "";
}

/** The decoded text of the first text/plain part, else of the first text/html part. */
function bodyText(part: Part): string | null {
  const type = part.headers.get("content-type") ?? "text/plain";
  const mime = type.split(";")[0]?.trim().toLowerCase() ?? "text/plain";
  if (mime.startsWith("multipart/")) {
    const boundary = parameter(type, "boundary");
    if (!boundary) return null;
    const parts = part.body
      .split(`--${boundary}`)
      .slice(1)
      .filter((p) => !p.startsWith("--"))
      .map((p) => splitPart(p.replace(/^[ \t]*\n/, "")));
    const isType = (p: Part, wanted: string): boolean =>
      (p.headers.get("content-type") ?? "text/plain").toLowerCase().startsWith(wanted);
    for (const wanted of ["text/plain", "text/html", "multipart/"]) {
      for (const p of parts.filter((q) => isType(q, wanted))) {
        const text = bodyText(p);
        if (text?.trim()) return text;
      }
    }
    return null;
  }
  if (!mime.startsWith("text/")) return null;
  const encoding = (part.headers.get("content-transfer-encoding") ?? "").toLowerCase();
  const declared = parameter(type, "charset").toLowerCase();
  const bytes =
    encoding === "quoted-printable"
      ? decodeQuotedPrintable(part.body)
      : encoding === "base64"
        ? Uint8Array.from(Buffer.from(part.body, "base64"))
        : null;
  let text = part.body;
  if (bytes) {
    // HTML often names its charset only in a <meta> tag.
    const latin1 = new TextDecoder("windows-1252").decode(bytes);
    const sniffed = mime === "text/html" ? /charset=["']?([\w-]+)/i.exec(latin1)?.[1] : undefined;
    text = decodeBytes(bytes, declared || (sniffed ?? "").toLowerCase());
  }
  // Some spam sends HTML with no Content-Type at all.
  const isHtml =
    mime === "text/html" ||
    (!part.headers.has("content-type") &&
      /<(html|body|!doctype|p|div|br|table|font|center)\b[^>]*>/i.test(text.slice(0, 2000)));
  return isHtml ? htmlToText(text) : text;
}

export interface Email {
  subject: string;
  body: string;
}

/** Reads a raw message: its subject and readable body with tidy white space. */
export function readEmail(raw: string): Email {
  const message = splitPart(raw);
  const body = (bodyText(message) ?? "")
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { subject: decodeHeader(message.headers.get("subject") ?? "").trim(), body };
}
