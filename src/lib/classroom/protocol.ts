/**
 * The classroom protocol: what the instructor's page, the students' pages and
 * the session server (src/server/classroom) say to each other. JSON text
 * messages over one WebSocket per page, at CLASSROOM_PATHS.socket.
 *
 * Roles come from tokens, never from what a client says. The instructor's
 * token is printed by `npm run classroom`; a student gets one from
 * `POST /api/classroom/join {code, name}`. A message with a field it does not
 * define (such as `role`) is refused, so a student cannot claim to be anyone.
 *
 * Client → server (this file), each may carry an `id` that the server echoes
 * in its `ack` (once the change is committed to the database) or `error`:
 * - `hello {token, takeover?}`: first message (unless the token came in the
 *   URL query); the server answers `welcome` with a snapshot. A second
 *   instructor connection is refused while one is open, unless `takeover`.
 * - `state {path, query, present}` — instructor only: the page everyone
 *   follows (a widget's state lives in the URL) and the widget presented.
 * - `activity.open {activity}` — instructor only: a labeling task (items,
 *   labels, codebook) or a poll (question, kind "choice" | "text", options).
 *   The ack carries the new `activityId`.
 * - `activity.close {activityId}` — instructor only.
 * - `response {activityId, itemId, label}` — a student labels one item; a
 *   new label for the same item replaces the old one.
 * - `poll.answer {activityId, answer}` — a student answers a poll (an option,
 *   or short text); a new answer replaces the old one.
 *
 * Server → client (server-messages.ts): `welcome`, `state`, `activity.opened`,
 * `activity.closed`, `responses` (instructor only: each committed batch, to
 * tally live), `roster` (instructor only), `ack {id}`, `error {code, message, id?}`.
 *
 * Everything people type is plain text (text.ts): pages render it with
 * textContent. No API key ever passes through the server.
 */
import { z } from "zod/v4";
import { LIMITS } from "./limits";
import { plainLine, plainText } from "./text";

/** A client's own id for a message, echoed in the ack or error. */
const messageId = z
  .string({ error: "id must be text" })
  .min(1, { error: "id is empty" })
  .max(LIMITS.messageIdMax, { error: `id is longer than ${LIMITS.messageIdMax} characters` })
  .optional();

const token = z
  .string({ error: "token must be text" })
  .min(16, { error: "token is too short" })
  .max(128, { error: "token is too long" });

/** A same-site path: "/lessons/03/" yes; "//evil.example", "https://…" or "/a b" no. */
export const pagePath = z
  .string({ error: "path must be text" })
  .max(LIMITS.pathMax, { error: `path is longer than ${LIMITS.pathMax} characters` })
  .regex(/^\/(?![/\\])[^\s\\]*$/, {
    error: "path must be a path on this site, such as /lessons/01/",
  });

/** The query string, "" or starting with "?". */
export const pageQuery = z
  .string({ error: "query must be text" })
  .max(LIMITS.queryMax, { error: `query is longer than ${LIMITS.queryMax} characters` })
  .regex(/^(\?[^\s#]*)?$/, { error: "query must be empty or start with ?, with no spaces" });

export const widgetId = z
  .string({ error: "present must be a widget id or null" })
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, { error: "a widget id has letters, digits, - and _" })
  .max(LIMITS.widgetIdMax, {
    error: `a widget id is longer than ${LIMITS.widgetIdMax} characters`,
  });

/** What every student's page shows: a path, its query, and the widget presented (or none). */
export const pageState = z.strictObject({
  path: pagePath,
  query: pageQuery,
  present: widgetId.nullable(),
});
export type PageState = z.infer<typeof pageState>;

const itemId = plainLine("item id", LIMITS.itemIdMax);
const label = plainLine("label", LIMITS.labelMax);

export const labelingSpec = z
  .strictObject({
    kind: z.literal("labeling"),
    title: plainLine("title", LIMITS.titleMax),
    items: z
      .array(z.strictObject({ id: itemId, text: plainText("item text", LIMITS.itemTextMax) }))
      .min(1, { error: "a labeling activity needs at least one item" })
      .max(LIMITS.itemsMax, { error: `a labeling activity has at most ${LIMITS.itemsMax} items` }),
    labels: z
      .array(label)
      .min(LIMITS.labelsMin, { error: `give at least ${LIMITS.labelsMin} labels` })
      .max(LIMITS.labelsMax, { error: `give at most ${LIMITS.labelsMax} labels` }),
    codebook: plainText("codebook", LIMITS.codebookMax, 0),
  })
  .refine((a) => new Set(a.items.map((i) => i.id)).size === a.items.length, {
    error: "item ids must be unique",
    path: ["items"],
  })
  .refine((a) => new Set(a.labels).size === a.labels.length, {
    error: "labels must be unique",
    path: ["labels"],
  });
export type LabelingSpec = z.infer<typeof labelingSpec>;

export const pollSpec = z
  .strictObject({
    kind: z.literal("poll"),
    question: plainText("question", LIMITS.questionMax),
    answer: z.enum(["choice", "text"], { error: 'answer must be "choice" or "text"' }),
    /** The choices (kind "choice"); empty for a text poll. */
    options: z
      .array(plainLine("option", LIMITS.optionMax))
      .max(LIMITS.optionsMax, { error: `give at most ${LIMITS.optionsMax} options` }),
  })
  .refine((p) => p.answer === "text" || p.options.length >= LIMITS.optionsMin, {
    error: `a choice poll needs at least ${LIMITS.optionsMin} options`,
    path: ["options"],
  })
  .refine((p) => p.answer === "choice" || p.options.length === 0, {
    error: "a text poll has no options",
    path: ["options"],
  })
  .refine((p) => new Set(p.options).size === p.options.length, {
    error: "options must be unique",
    path: ["options"],
  });
export type PollSpec = z.infer<typeof pollSpec>;

export const activitySpec = z.discriminatedUnion("kind", [labelingSpec, pollSpec], {
  error: 'activity.kind must be "labeling" or "poll"',
});
export type ActivitySpec = z.infer<typeof activitySpec>;

const activityId = z
  .number({ error: "activityId must be a number" })
  .int({ error: "activityId must be a whole number" })
  .positive({ error: "activityId must be positive" });

export const clientMessage = z.discriminatedUnion(
  "type",
  [
    z.strictObject({
      type: z.literal("hello"),
      id: messageId,
      token,
      takeover: z.boolean().optional(),
    }),
    z.strictObject({ type: z.literal("state"), id: messageId, ...pageState.shape }),
    z.strictObject({ type: z.literal("activity.open"), id: messageId, activity: activitySpec }),
    z.strictObject({ type: z.literal("activity.close"), id: messageId, activityId }),
    z.strictObject({ type: z.literal("response"), id: messageId, activityId, itemId, label }),
    z.strictObject({
      type: z.literal("poll.answer"),
      id: messageId,
      activityId,
      answer: plainText("answer", LIMITS.answerMax),
    }),
  ],
  {
    error: "type must be one of hello, state, activity.open, activity.close, response, poll.answer",
  },
);
export type ClientMessage = z.infer<typeof clientMessage>;
export type ClientMessageType = ClientMessage["type"];

/** The messages only the instructor may send. */
export const INSTRUCTOR_ONLY: readonly ClientMessageType[] = [
  "state",
  "activity.open",
  "activity.close",
];
/** The messages only a student may send (the instructor watches, does not answer). */
export const STUDENT_ONLY: readonly ClientMessageType[] = ["response", "poll.answer"];

/** The item id under which a poll answer is stored (one answer per student and poll). */
export const POLL_ITEM = "answer";
