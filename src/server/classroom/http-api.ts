/**
 * The HTTP side: `POST /api/classroom/join {code, name}` → a participant
 * token, and `GET /api/classroom/export.csv?activity=N` (instructor's token as
 * `Authorization: Bearer …`) → every response of that activity, written with
 * the labeling library's safeCSV. Errors are JSON `{error: {code, message}}`.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod/v4";
import {
  CLASSROOM_PATHS,
  displayName,
  issueText,
  joinCode,
  responseRows,
  type ErrorCode,
} from "../../lib/classroom/index";
import { safeCSV } from "../../lib/labeling/index";
import type { KeyedBuckets } from "./rate-limit";
import type { ClassroomStore } from "./store";
import { newToken, tokenHash } from "./tokens";

/** Large enough that an over-long name gets the name's own message. */
const JOIN_BODY_BYTES = 64 * 1024;
const MAX_PARTICIPANTS = 1000;

const joinBody = z.strictObject({ code: joinCode, name: displayName.optional() });

export interface ApiOptions {
  store: ClassroomStore;
  now: () => number;
  joins: KeyedBuckets;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  res.end(JSON.stringify(body));
}

function fail(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  json(res, status, { error: { code, message } });
}

/** The body as text, or null (and a 413 sent) when it is larger than `max` bytes. */
function readBody(req: IncomingMessage, res: ServerResponse, max: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        fail(res, 413, "too_large", `the request body is over ${max} bytes`);
        req.destroy();
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on("end", () => {
      resolve(Buffer.concat(chunks).toString("utf8"));
    });
    req.on("error", reject);
  });
}

async function join(req: IncomingMessage, res: ServerResponse, o: ApiOptions): Promise<void> {
  if (!o.joins.take(req.socket.remoteAddress ?? "?")) {
    fail(res, 429, "rate_limited", "too many join requests from this device: wait a few seconds");
    return;
  }
  const text = await readBody(req, res, JOIN_BODY_BYTES);
  if (text === null) return;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    fail(res, 400, "bad_json", 'send JSON such as {"code": "K7QX2M", "name": "Ann"}');
    return;
  }
  const parsed = joinBody.safeParse(body);
  if (!parsed.success) {
    fail(res, 400, "bad_message", issueText(parsed.error));
    return;
  }
  const session = o.store.sessionByCode(parsed.data.code);
  if (!session) {
    fail(
      res,
      404,
      "unauthorized",
      `no session has the code ${parsed.data.code}: check the code on the screen`,
    );
    return;
  }
  const now = o.now();
  if (now >= session.expiresAt) {
    fail(res, 410, "expired", `the session ${session.code} has ended`);
    return;
  }
  if (o.store.participantCount(session.id) >= MAX_PARTICIPANTS) {
    fail(res, 403, "forbidden", `this session is full (${MAX_PARTICIPANTS} participants)`);
    return;
  }
  const token = newToken();
  const p = o.store.addParticipant(session.id, tokenHash(token), parsed.data.name ?? "", now);
  json(res, 200, {
    token,
    participant: { id: p.id, name: p.name, anonymous: p.anonymous },
    session: { code: session.code, expiresAt: session.expiresAt },
    socket: CLASSROOM_PATHS.socket,
  });
}

function exportCSV(req: IncomingMessage, res: ServerResponse, url: URL, o: ApiOptions): void {
  const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "")?.[1];
  const session =
    bearer === undefined ? undefined : o.store.sessionByInstructorHash(tokenHash(bearer));
  if (!session) {
    fail(
      res,
      401,
      "unauthorized",
      "the export needs the instructor's token (Authorization: Bearer …)",
    );
    return;
  }
  const id = Number(url.searchParams.get("activity"));
  const activity = o.store.activities(session.id).find((a) => a.id === id);
  if (!activity) {
    fail(
      res,
      404,
      "not_found",
      `this session has no activity ${url.searchParams.get("activity") ?? ""}`,
    );
    return;
  }
  const names = new Map(o.store.participants(session.id).map((p) => [p.id, p.name]));
  const rows = responseRows(
    activity.id,
    activity.spec,
    o.store.responsesOfActivity(activity.id),
    names,
  );
  res.writeHead(200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="classroom-${session.code}-activity-${activity.id}.csv"`,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  res.end(safeCSV(rows));
}

/** Handles /api/classroom/… (true), or leaves the request to the site (false). */
export function classroomApi(o: ApiOptions) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = new URL(req.url ?? "/", "http://classroom.invalid");
    if (!url.pathname.startsWith("/api/classroom/") && url.pathname !== "/api/classroom")
      return false;
    if (url.pathname === CLASSROOM_PATHS.join) {
      if (req.method !== "POST") fail(res, 405, "bad_message", "join with POST");
      else
        join(req, res, o).catch((error: unknown) => {
          console.error("classroom: join failed:", error);
          if (!res.headersSent) fail(res, 500, "server_error", "the server could not add you");
        });
    } else if (url.pathname === CLASSROOM_PATHS.exportCSV) {
      if (req.method !== "GET") fail(res, 405, "bad_message", "export with GET");
      else exportCSV(req, res, url, o);
    } else fail(res, 404, "not_found", `no classroom endpoint ${url.pathname}`);
    return true;
  };
}
