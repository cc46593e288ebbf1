/**
 * Server → client messages (see protocol.ts for the flow). The schemas let a
 * page (and the tests) check what arrives; they accept fields they do not
 * know, so an older page keeps working with a newer server.
 */
import { z } from "zod/v4";
import { activitySpec, pageState } from "./protocol";

export const ERROR_CODES = [
  /** The text is not JSON, or not a JSON object. */
  "bad_json",
  /** JSON, but not a message this protocol defines (the message says which field). */
  "bad_message",
  /** Over the size limit for this role. */
  "too_large",
  /** Too many messages: slow down (the message was dropped). */
  "rate_limited",
  /** No valid token yet: send hello first. */
  "unauthenticated",
  /** A wrong or unknown token or code. */
  "unauthorized",
  /** The session has ended. */
  "expired",
  /** Allowed to others only (a student sending an instructor's message, or the reverse). */
  "forbidden",
  /** Another instructor connection is open (send hello with takeover: true to replace it). */
  "instructor_connected",
  /** No such activity or item, or a label / option the activity does not have. */
  "not_found",
  /** The activity is closed. */
  "closed",
  /** The server failed; nothing was stored. */
  "server_error",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const activity = z.object({
  id: z.number().int().positive(),
  spec: activitySpec,
  openedAt: z.number(),
  closedAt: z.number().nullable(),
});
export type Activity = z.infer<typeof activity>;

export const participant = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  anonymous: z.boolean(),
  connected: z.boolean(),
});
export type Participant = z.infer<typeof participant>;

/** One stored answer: a label for an item, or a poll answer (itemId POLL_ITEM). */
export const responseRecord = z.object({
  activityId: z.number().int().positive(),
  participantId: z.number().int().positive(),
  itemId: z.string(),
  label: z.string(),
  at: z.number(),
});
export type ResponseRecord = z.infer<typeof responseRecord>;

export const followedState = z.object({ ...pageState.shape, version: z.number().int() });
export type FollowedState = z.infer<typeof followedState>;

export const serverMessage = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("welcome"),
    role: z.enum(["instructor", "student"]),
    /** The student's own participant (null for the instructor). */
    you: participant.omit({ connected: true }).nullable(),
    session: z.object({ code: z.string(), expiresAt: z.number() }),
    state: followedState,
    /** Students: the open activities. Instructor: all, closed ones too. */
    activities: z.array(activity),
    /** Students: their own answers. Instructor: everyone's. */
    responses: z.array(responseRecord),
    /** Instructor only. */
    roster: z.array(participant).optional(),
  }),
  z.object({ type: z.literal("state"), ...followedState.shape }),
  z.object({ type: z.literal("activity.opened"), activity }),
  z.object({ type: z.literal("activity.closed"), activityId: z.number(), closedAt: z.number() }),
  z.object({ type: z.literal("responses"), responses: z.array(responseRecord) }),
  z.object({ type: z.literal("roster"), participants: z.array(participant) }),
  z.object({
    type: z.literal("ack"),
    id: z.string(),
    /** The new activity's id, in the ack of activity.open. */
    activityId: z.number().optional(),
  }),
  z.object({
    type: z.literal("error"),
    code: z.enum(ERROR_CODES),
    message: z.string(),
    /** The id of the message refused, when it had one. */
    id: z.string().optional(),
  }),
]);
export type ServerMessage = z.infer<typeof serverMessage>;
export type ServerMessageOf<T extends ServerMessage["type"]> = Extract<ServerMessage, { type: T }>;
