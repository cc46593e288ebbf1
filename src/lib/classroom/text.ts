/**
 * Plain text from people: display names, answers, item texts. They are
 * stored and sent as the characters typed, never as HTML: a page shows them
 * with `textContent`, so `<b>Ann</b>` reads as those ten characters. What is
 * refused is what no keyboard meant: control characters, and lengths past the
 * limits, with a message that says so.
 */
import { z } from "zod/v4";
import { CODE_ALPHABET, LIMITS } from "./limits";

/** C0/C1 control characters except tab and line breaks, and Unicode bidi overrides. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Plain text of at most `max` characters (after trimming), none of them control characters. */
export function plainText(what: string, max: number, min = 1) {
  return z
    .string({ error: `${what} must be text` })
    .trim()
    .min(min, { error: min === 1 ? `${what} is empty` : `${what} needs ${min} characters or more` })
    .max(max, { error: `${what} is longer than ${max} characters` })
    .refine((s) => !CONTROL.test(s), { error: `${what} contains control characters` });
}

/** A single line of plain text (no line breaks either). */
export function plainLine(what: string, max: number, min = 1) {
  return plainText(what, max, min).refine((s) => !/[\r\n\t]/.test(s), {
    error: `${what} must be a single line`,
  });
}

/** A display name; empty means anonymous (the server then gives one, e.g. "Student 4"). */
export const displayName = plainLine("name", LIMITS.nameMax, 0);

/** A join code as typed: case and spaces do not matter. */
export const joinCode = z
  .string({ error: "code must be text" })
  .max(32, { error: "code is too long" })
  .transform((s) => s.replace(/[\s-]/g, "").toUpperCase())
  .pipe(
    z
      .string()
      .length(LIMITS.codeLength, { error: `a code has ${LIMITS.codeLength} characters` })
      .refine((s) => new RegExp(`^[${CODE_ALPHABET}]*$`).test(s), {
        error: "a code uses only letters and digits 2–9",
      }),
  );
