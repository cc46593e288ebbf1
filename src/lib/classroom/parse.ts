/**
 * Reading a client's message: size, JSON, schema, in that order, each with a
 * message a person can act on ("activity.labels: give at least 2 labels").
 */
import type { z } from "zod/v4";
import { clientMessage, type ClientMessage } from "./protocol";
import type { ErrorCode } from "./server-messages";

export type Parsed =
  | { ok: true; message: ClientMessage }
  | { ok: false; code: ErrorCode; message: string; id?: string };

/** The first issue of a failed parse, as "field.path: what is wrong". */
export function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid message";
  const where = issue.path.map(String).join(".");
  const what =
    issue.code === "unrecognized_keys"
      ? `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}`
      : issue.message;
  return where ? `${where}: ${what}` : what;
}

/** UTF-8 length of a string, without a TextEncoder allocation per call. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function parseClientMessage(text: string, maxBytes: number): Parsed {
  const size = utf8Bytes(text);
  if (size > maxBytes)
    return {
      ok: false,
      code: "too_large",
      message: `message is ${size} bytes; the limit is ${maxBytes}`,
    };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, code: "bad_json", message: "message is not valid JSON" };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json))
    return { ok: false, code: "bad_json", message: "message must be a JSON object" };
  const result = clientMessage.safeParse(json);
  if (result.success) return { ok: true, message: result.data };
  const rawId = (json as { id?: unknown }).id;
  return {
    ok: false,
    code: "bad_message",
    message: issueText(result.error),
    ...(typeof rawId === "string" && rawId.length <= 64 ? { id: rawId } : {}),
  };
}
