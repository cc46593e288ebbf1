/**
 * How a vocabulary piece reads: "▁check" (SentencePiece) and "Ġcheck"
 * (byte-level BPE) are " check"; "##ing" (WordPiece) continues a word; "<0xC3>"
 * is one byte of a character the vocabulary lacks.
 */

const BYTE = /^<0x([0-9A-F]{2})>$/;

/** The text a piece adds to running text (bytes: "" — decode the ids together instead). */
export function pieceText(piece: string): string {
  if (BYTE.test(piece)) return "";
  if (piece.startsWith("##")) return piece.slice(2);
  return piece.replace(/\u2581/g, " ").replace(/\u0120/g, " ");
}

/** What a learner sees for a piece: "check", "ing", "byte C3", "␣" for a bare space. */
export function pieceLabel(piece: string): string {
  const byte = BYTE.exec(piece);
  if (byte) return `byte ${byte[1] ?? ""}`;
  const text = pieceText(piece).trim();
  return text === "" ? "␣" : text;
}
