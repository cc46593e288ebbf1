/**
 * The live side of the session server: the connections of each session,
 * who may send what (roles come from tokens only), and what is broadcast once
 * a change is committed. See src/lib/classroom/protocol.ts for the messages.
 */
import type { WebSocket } from "ws";
import {
  INSTRUCTOR_ONLY,
  LIMITS,
  parseClientMessage,
  POLL_ITEM,
  STUDENT_ONLY,
  type Activity,
  type ClientMessage,
  type FollowedState,
  type Participant,
  type ResponseRecord,
  type ServerMessage,
} from "../../lib/classroom/index";
import { CLOSE, Client, frameText, type ClientOptions } from "./client";
import { Committer } from "./committer";
import type { ClassroomStore, SessionRow } from "./store";
import { tokenHash } from "./tokens";

interface LiveSession {
  row: SessionRow;
  state: FollowedState;
  activities: Map<number, Activity>;
  clients: Set<Client>;
  instructor: Client | null;
  relay: ResponseRecord[];
  rosterTimer: NodeJS.Timeout | null;
}

type Msg<T extends ClientMessage["type"]> = Extract<ClientMessage, { type: T }>;

export interface HubOptions {
  store: ClassroomStore;
  now: () => number;
  student: ClientOptions;
  instructor: ClientOptions;
  /** A connection that has not said hello by then is closed. */
  authTimeoutMs: number;
}

const fmtTime = (t: number) => new Date(t).toISOString().replace("T", " ").slice(0, 16);

export class Hub {
  readonly committer: Committer;
  private readonly sessions = new Map<number, LiveSession>();
  private readonly clients = new Set<Client>();

  constructor(private readonly o: HubOptions) {
    this.committer = new Committer(o.store);
    this.committer.onFlushed = () => {
      this.relayResponses();
    };
  }

  connect(ws: WebSocket, queryToken: string | null): void {
    const client = new Client(ws, this.o.student);
    this.clients.add(client);
    const timer = setTimeout(() => {
      if (!client.role) client.close(CLOSE.authTimeout, "no hello");
    }, this.o.authTimeoutMs);
    ws.on("pong", () => (client.alive = true));
    ws.on("message", (data, isBinary) => {
      const text = frameText(data, isBinary);
      if (!client.admit()) return;
      if (text === null) {
        client.error("bad_json", "send JSON text frames, not binary");
        return;
      }
      const limit =
        client.role === "instructor" ? LIMITS.instructorMessageBytes : LIMITS.studentMessageBytes;
      const parsed = parseClientMessage(text, limit);
      if (!parsed.ok) client.error(parsed.code, parsed.message, parsed.id);
      else this.handle(client, parsed.message);
    });
    ws.on("close", () => {
      clearTimeout(timer);
      this.clients.delete(client);
      this.leave(client);
    });
    ws.on("error", () => undefined);
    if (queryToken !== null) this.hello(client, { type: "hello", token: queryToken });
  }

  /** Pings every connection; one that did not answer the last ping is dropped. */
  heartbeat(): void {
    for (const client of this.clients) {
      if (!client.alive) {
        client.ws.terminate();
        continue;
      }
      client.alive = false;
      client.ws.ping();
    }
  }

  /** Closes every connection of each session that has expired. */
  expire(): void {
    const now = this.o.now();
    for (const live of this.sessions.values())
      if (now >= live.row.expiresAt)
        for (const client of live.clients) this.endExpired(client, live.row);
  }

  close(): void {
    this.committer.flush();
    for (const live of this.sessions.values()) if (live.rosterTimer) clearTimeout(live.rosterTimer);
    for (const client of this.clients) client.ws.terminate();
  }

  private live(row: SessionRow): LiveSession {
    let live = this.sessions.get(row.id);
    if (!live) {
      live = {
        row,
        state: row.state,
        activities: new Map(this.o.store.activities(row.id).map((a) => [a.id, a])),
        clients: new Set(),
        instructor: null,
        relay: [],
        rosterTimer: null,
      };
      this.sessions.set(row.id, live);
    }
    return live;
  }

  private endExpired(client: Client, row: SessionRow): void {
    client.error("expired", `This session ended at ${fmtTime(row.expiresAt)} (UTC).`);
    client.close(CLOSE.expired, "session expired");
  }

  private handle(client: Client, message: ClientMessage): void {
    if (message.type === "hello") {
      this.hello(client, message);
      return;
    }
    const live = client.sessionId === null ? undefined : this.sessions.get(client.sessionId);
    if (!client.role || !live) {
      client.error("unauthenticated", "send hello with your token first", message.id);
      return;
    }
    if (this.o.now() >= live.row.expiresAt) {
      this.endExpired(client, live.row);
      return;
    }
    if (client.role === "student" && INSTRUCTOR_ONLY.includes(message.type)) {
      client.error("forbidden", `only the instructor may send ${message.type}`, message.id);
      return;
    }
    if (client.role === "instructor" && STUDENT_ONLY.includes(message.type)) {
      client.error(
        "forbidden",
        `${message.type} is for students; the instructor watches`,
        message.id,
      );
      return;
    }
    switch (message.type) {
      case "state":
        this.setState(client, live, message);
        return;
      case "activity.open":
        this.open(client, live, message);
        return;
      case "activity.close":
        this.closeActivity(client, live, message);
        return;
      case "response":
      case "poll.answer":
        this.respond(client, live, message);
        return;
    }
  }

  private hello(client: Client, { token, takeover, id }: Msg<"hello">): void {
    if (client.role) {
      client.error("bad_message", "already authenticated: hello is sent once", id);
      return;
    }
    const hash = tokenHash(token);
    const store = this.o.store;
    const asInstructor = store.sessionByInstructorHash(hash);
    const participant = asInstructor ? undefined : store.participantByTokenHash(hash);
    const row = asInstructor ?? (participant && store.session(participant.sessionId));
    if (!row) {
      client.error(
        "unauthorized",
        "this token belongs to no session: join again with the code",
        id,
      );
      client.close(CLOSE.unauthorized, "unknown token");
      return;
    }
    if (this.o.now() >= row.expiresAt) {
      this.endExpired(client, row);
      return;
    }
    const live = this.live(row);
    if (asInstructor) {
      const current = live.instructor;
      if (current && current.ws.readyState === current.ws.OPEN) {
        if (!takeover) {
          client.error(
            "instructor_connected",
            "The instructor is already connected from another window. Close it, or send hello with takeover: true to replace it.",
            id,
          );
          client.close(CLOSE.replaced, "instructor already connected");
          return;
        }
        current.error("instructor_connected", "Another instructor window took over this session.");
        current.close(CLOSE.replaced, "replaced by another instructor window");
      }
      client.role = "instructor";
      client.setRate(this.o.instructor);
      live.instructor = client;
    } else {
      client.role = "student";
      client.participant = participant ?? null;
    }
    client.sessionId = row.id;
    live.clients.add(client);
    client.send(this.welcome(client, live));
    if (id !== undefined) client.send({ type: "ack", id });
    if (client.role === "student") this.scheduleRoster(live);
  }

  private welcome(client: Client, live: LiveSession): ServerMessage {
    const store = this.o.store;
    const session = { code: live.row.code, expiresAt: live.row.expiresAt };
    if (client.role === "instructor")
      return {
        type: "welcome",
        role: "instructor",
        you: null,
        session,
        state: live.state,
        activities: [...live.activities.values()],
        responses: store.responsesOfSession(live.row.id),
        roster: this.roster(live),
      };
    const p = client.participant as NonNullable<Client["participant"]>;
    return {
      type: "welcome",
      role: "student",
      you: { id: p.id, name: p.name, anonymous: p.anonymous },
      session,
      state: live.state,
      activities: [...live.activities.values()].filter((a) => a.closedAt === null),
      responses: store.responsesOfParticipant(p.id),
    };
  }

  private leave(client: Client): void {
    const live = client.sessionId === null ? undefined : this.sessions.get(client.sessionId);
    if (!live) return;
    live.clients.delete(client);
    if (live.instructor === client) live.instructor = null;
    if (client.role === "student") this.scheduleRoster(live);
  }

  private roster(live: LiveSession): Participant[] {
    const connected = new Set(
      [...live.clients].flatMap((c) => (c.participant ? [c.participant.id] : [])),
    );
    return this.o.store.participants(live.row.id).map(({ id, name, anonymous }) => ({
      id,
      name,
      anonymous,
      connected: connected.has(id),
    }));
  }

  /** The roster goes to the instructor at most four times a second. */
  private scheduleRoster(live: LiveSession): void {
    if (live.rosterTimer) return;
    live.rosterTimer = setTimeout(() => {
      live.rosterTimer = null;
      live.instructor?.send({ type: "roster", participants: this.roster(live) });
    }, 250);
  }

  private broadcast(live: LiveSession, message: ServerMessage): void {
    const text = JSON.stringify(message);
    for (const c of live.clients) if (c.ws.readyState === c.ws.OPEN) c.ws.send(text);
  }

  private failed(client: Client, id: string | undefined) {
    return (error: unknown) => {
      console.error("classroom: a write failed:", error);
      client.error("server_error", "the server could not store this; nothing was saved", id);
    };
  }

  private setState(client: Client, live: LiveSession, m: Msg<"state">): void {
    const state = { path: m.path, query: m.query, present: m.present };
    this.committer.write(
      () => {
        this.o.store.setState(live.row.id, state);
      },
      () => {
        live.state = { ...state, version: live.state.version + 1 };
        this.broadcast(live, { type: "state", ...live.state });
        if (m.id !== undefined) client.send({ type: "ack", id: m.id });
      },
      this.failed(client, m.id),
    );
  }

  private open(client: Client, live: LiveSession, m: Msg<"activity.open">): void {
    let opened: Activity | null = null;
    this.committer.write(
      () => {
        opened = this.o.store.openActivity(live.row.id, m.activity, this.o.now());
      },
      () => {
        const activity = opened as unknown as Activity;
        live.activities.set(activity.id, activity);
        this.broadcast(live, { type: "activity.opened", activity });
        if (m.id !== undefined) client.send({ type: "ack", id: m.id, activityId: activity.id });
      },
      this.failed(client, m.id),
    );
  }

  private closeActivity(client: Client, live: LiveSession, m: Msg<"activity.close">): void {
    const activity = live.activities.get(m.activityId);
    if (!activity) {
      client.error("not_found", `this session has no activity ${m.activityId}`, m.id);
      return;
    }
    if (activity.closedAt !== null) {
      client.error("closed", `activity ${m.activityId} is already closed`, m.id);
      return;
    }
    const closedAt = this.o.now();
    this.committer.write(
      () => {
        this.o.store.closeActivity(live.row.id, m.activityId, closedAt);
      },
      () => {
        activity.closedAt = closedAt;
        this.broadcast(live, { type: "activity.closed", activityId: m.activityId, closedAt });
        if (m.id !== undefined) client.send({ type: "ack", id: m.id });
      },
      this.failed(client, m.id),
    );
  }

  /** Why a student's answer cannot be stored, or null when it can. */
  private refusal(live: LiveSession, m: Msg<"response"> | Msg<"poll.answer">): string | null {
    const activity = live.activities.get(m.activityId);
    if (!activity) return `this session has no activity ${m.activityId}`;
    if (activity.closedAt !== null) return `activity ${m.activityId} is closed`;
    const spec = activity.spec;
    if (m.type === "response") {
      if (spec.kind !== "labeling") return `activity ${m.activityId} is a poll: send poll.answer`;
      if (!spec.items.some((item) => item.id === m.itemId))
        return `activity ${m.activityId} has no item ${m.itemId}`;
      if (!spec.labels.includes(m.label))
        return `“${m.label}” is not one of the labels: ${spec.labels.join(", ")}`;
      return null;
    }
    if (spec.kind !== "poll") return `activity ${m.activityId} is a labeling task: send response`;
    if (spec.answer === "choice" && !spec.options.includes(m.answer))
      return `“${m.answer}” is not one of the options: ${spec.options.join(", ")}`;
    return null;
  }

  private respond(
    client: Client,
    live: LiveSession,
    m: Msg<"response"> | Msg<"poll.answer">,
  ): void {
    const why = this.refusal(live, m);
    if (why) {
      const closed = live.activities.get(m.activityId)?.closedAt != null;
      client.error(closed ? "closed" : "not_found", why, m.id);
      return;
    }
    const record: ResponseRecord = {
      activityId: m.activityId,
      participantId: (client.participant as NonNullable<Client["participant"]>).id,
      itemId: m.type === "response" ? m.itemId : POLL_ITEM,
      label: m.type === "response" ? m.label : m.answer,
      at: this.o.now(),
    };
    this.committer.write(
      () => {
        this.o.store.putResponse(record);
      },
      () => {
        live.relay.push(record);
        if (m.id !== undefined) client.send({ type: "ack", id: m.id });
      },
      this.failed(client, m.id),
    );
  }

  private relayResponses(): void {
    for (const live of this.sessions.values()) {
      if (live.relay.length === 0) continue;
      live.instructor?.send({ type: "responses", responses: live.relay });
      live.relay = [];
    }
  }
}
