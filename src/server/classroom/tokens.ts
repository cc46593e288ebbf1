/**
 * Secrets and codes. Tokens are 32 random bytes (base64url); the database
 * keeps only their SHA-256, except the instructor's, which the command line
 * prints again when it resumes a session after a restart.
 */
import { createHash, randomBytes, randomInt } from "node:crypto";
import { CODE_ALPHABET, LIMITS } from "../../lib/classroom/index";

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A short join code such as "K7QX2M" (no 0/O, 1/I/L). */
export function newCode(): string {
  let code = "";
  for (let i = 0; i < LIMITS.codeLength; i++)
    code += CODE_ALPHABET.charAt(randomInt(CODE_ALPHABET.length));
  return code;
}
