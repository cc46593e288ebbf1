import type { EncoderInfo, Span, Word } from "./types";

type TokenStyle = EncoderInfo["tokenStyle"];

const METASPACE = "\u2581"; // ▁
const BYTE_LEVEL_SPACE = "\u0120"; // Ġ

/** A piece as a learner should read it: "▁bank" → "bank", "##ing" → "ing", "Ġthe" → "the". */
export function displayToken(piece: string, style: TokenStyle): string {
  if (style === "metaspace") return piece.split(METASPACE).join(" ").trim() || piece;
  if (style === "wordpiece") return piece.startsWith("##") ? piece.slice(2) : piece;
  return piece.split(BYTE_LEVEL_SPACE).join(" ").trim() || piece;
}

/** Tokens the model adds that stand for no text ([CLS], <s>, …). */
export function isSpecialPiece(piece: string): boolean {
  return /^\[[A-Z]+\]$|^<\/?[a-z]+>$|^<\|[a-z_]+\|>$/.test(piece);
}

/** The text a piece stands for, without word markers ("▁" alone stands for nothing). */
function pieceText(piece: string, style: TokenStyle): string {
  if (isSpecialPiece(piece)) return "";
  if (style === "metaspace") return piece.split(METASPACE).join(" ").trim();
  if (style === "wordpiece") return piece.startsWith("##") ? piece.slice(2) : piece;
  return piece.split(BYTE_LEVEL_SPACE).join(" ").trim();
}

function comparable(text: string, lowercase: boolean): string {
  const folded = lowercase ? text.toLowerCase() : text;
  return lowercase ? folded.normalize("NFD").replace(/\p{M}/gu, "") : folded;
}

/**
 * Character offsets of each piece in `text`, found by walking the text left to
 * right. A piece that cannot be found where expected (unknown characters) takes
 * the characters up to the next piece that can; special tokens get empty spans.
 */
export function alignTokens(
  text: string,
  pieces: readonly string[],
  style: TokenStyle,
  lowercase = false,
): Span[] {
  const haystack = comparable(text, lowercase);
  const bodies = pieces.map((piece) => comparable(pieceText(piece, style), lowercase));
  const offsets: Span[] = [];
  let cursor = 0;
  for (let i = 0; i < pieces.length; i++) {
    const body = bodies[i] ?? "";
    while (cursor < haystack.length && /\s/u.test(haystack[cursor] ?? "")) cursor++;
    if (!body) {
      offsets.push({ start: cursor, end: cursor });
      continue;
    }
    const found = haystack.startsWith(body, cursor) ? cursor : haystack.indexOf(body, cursor);
    if (found === -1) {
      // Unknown characters: take everything up to where the next findable piece starts.
      const next = bodies.slice(i + 1).find((b) => b && haystack.includes(b, cursor));
      const stop = next ? haystack.indexOf(next, cursor) : haystack.length;
      let end = stop;
      while (end > cursor && /\s/u.test(haystack[end - 1] ?? "")) end--;
      offsets.push({ start: cursor, end: Math.max(cursor, end) });
      cursor = Math.max(cursor, end);
    } else {
      offsets.push({ start: found, end: found + body.length });
      cursor = found + body.length;
    }
  }
  return offsets;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

/**
 * Words of `text` (letters and digits, with inner apostrophes and hyphens; each
 * other symbol is a word of its own) and the tokens that make each one. A word
 * no token covers (the model dropped it) is left out.
 */
export function wordSpans(text: string, offsets: readonly Span[]): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    let first = -1;
    let last = -1;
    offsets.forEach((o, t) => {
      if (o.end > o.start && o.start < end && o.end > start) {
        if (first === -1) first = t;
        last = t;
      }
    });
    if (first !== -1)
      words.push({
        text: match[0],
        chars: { start, end },
        tokens: { start: first, end: last + 1 },
      });
  }
  return words;
}
