/**
 * The classroom's database (SQLite through better-sqlite3): sessions,
 * participants, activities and responses, one row per (activity,
 * participant, item) so a changed answer replaces the old one. WAL with
 * synchronous=FULL: a transaction that returned is on disk, so what the
 * server acknowledged survives a crash (the server acks only after commit).
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import {
  activitySpec,
  pageState,
  type Activity,
  type ActivitySpec,
  type FollowedState,
  type PageState,
  type Participant,
  type ResponseRecord,
} from "../../lib/classroom/index";

export interface SessionRow {
  id: number;
  code: string;
  instructorToken: string;
  createdAt: number;
  expiresAt: number;
  state: FollowedState;
}

export type ParticipantRow = Omit<Participant, "connected"> & { sessionId: number };

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  instructor_token TEXT NOT NULL,
  instructor_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  state TEXT NOT NULL,
  state_version INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS participants (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  token_hash TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  anonymous INTEGER NOT NULL,
  joined_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS participants_session ON participants(session_id);
CREATE TABLE IF NOT EXISTS activities (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  spec TEXT NOT NULL,
  opened_at INTEGER NOT NULL,
  closed_at INTEGER
);
CREATE INDEX IF NOT EXISTS activities_session ON activities(session_id);
CREATE TABLE IF NOT EXISTS responses (
  activity_id INTEGER NOT NULL REFERENCES activities(id),
  participant_id INTEGER NOT NULL REFERENCES participants(id),
  item_id TEXT NOT NULL,
  label TEXT NOT NULL,
  answered_at INTEGER NOT NULL,
  PRIMARY KEY (activity_id, participant_id, item_id)
);
`;

const HOME: PageState = { path: "/", query: "", present: null };

interface SessionSQL {
  id: number;
  code: string;
  instructor_token: string;
  created_at: number;
  expires_at: number;
  state: string;
  state_version: number;
}
interface ParticipantSQL {
  id: number;
  session_id: number;
  name: string;
  anonymous: number;
}
interface ActivitySQL {
  id: number;
  spec: string;
  opened_at: number;
  closed_at: number | null;
}
interface ResponseSQL {
  activity_id: number;
  participant_id: number;
  item_id: string;
  label: string;
  answered_at: number;
}

const session = (row: SessionSQL | undefined): SessionRow | undefined =>
  row && {
    id: row.id,
    code: row.code,
    instructorToken: row.instructor_token,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    state: { ...pageState.parse(JSON.parse(row.state)), version: row.state_version },
  };
const participant = (row: ParticipantSQL | undefined): ParticipantRow | undefined =>
  row && { id: row.id, sessionId: row.session_id, name: row.name, anonymous: row.anonymous === 1 };
const activity = (row: ActivitySQL): Activity => ({
  id: row.id,
  spec: activitySpec.parse(JSON.parse(row.spec)),
  openedAt: row.opened_at,
  closedAt: row.closed_at,
});
const response = (row: ResponseSQL): ResponseRecord => ({
  activityId: row.activity_id,
  participantId: row.participant_id,
  itemId: row.item_id,
  label: row.label,
  at: row.answered_at,
});

export class ClassroomStore {
  readonly db: Database.Database;
  private readonly sql;

  constructor(file: string) {
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = FULL");
    this.db.pragma("foreign_keys = ON");
    this.db.exec(SCHEMA);
    const db = this.db;
    this.sql = {
      insertSession: db.prepare(
        "INSERT INTO sessions (code, instructor_token, instructor_hash, created_at, expires_at, state) VALUES (?, ?, ?, ?, ?, ?)",
      ),
      sessionById: db.prepare<[number], SessionSQL>("SELECT * FROM sessions WHERE id = ?"),
      sessionByCode: db.prepare<[string], SessionSQL>("SELECT * FROM sessions WHERE code = ?"),
      sessionByInstructor: db.prepare<[string], SessionSQL>(
        "SELECT * FROM sessions WHERE instructor_hash = ?",
      ),
      latestSession: db.prepare<[number], SessionSQL>(
        "SELECT * FROM sessions WHERE expires_at > ? ORDER BY id DESC LIMIT 1",
      ),
      setState: db.prepare<[string, number]>(
        "UPDATE sessions SET state = ?, state_version = state_version + 1 WHERE id = ?",
      ),
      insertParticipant: db.prepare(
        "INSERT INTO participants (session_id, token_hash, name, anonymous, joined_at) VALUES (?, ?, ?, ?, ?)",
      ),
      countParticipants: db.prepare<[number], { n: number }>(
        "SELECT COUNT(*) AS n FROM participants WHERE session_id = ?",
      ),
      participantByToken: db.prepare<[string], ParticipantSQL>(
        "SELECT * FROM participants WHERE token_hash = ?",
      ),
      participants: db.prepare<[number], ParticipantSQL>(
        "SELECT * FROM participants WHERE session_id = ? ORDER BY id",
      ),
      insertActivity: db.prepare(
        "INSERT INTO activities (session_id, spec, opened_at) VALUES (?, ?, ?)",
      ),
      closeActivity: db.prepare<[number, number, number]>(
        "UPDATE activities SET closed_at = ? WHERE id = ? AND session_id = ? AND closed_at IS NULL",
      ),
      activities: db.prepare<[number], ActivitySQL>(
        "SELECT * FROM activities WHERE session_id = ? ORDER BY id",
      ),
      putResponse: db.prepare(
        `INSERT INTO responses (activity_id, participant_id, item_id, label, answered_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (activity_id, participant_id, item_id) DO UPDATE SET label = excluded.label, answered_at = excluded.answered_at`,
      ),
      responsesOfSession: db.prepare<[number], ResponseSQL>(
        `SELECT r.* FROM responses r JOIN activities a ON a.id = r.activity_id
         WHERE a.session_id = ? ORDER BY r.activity_id, r.participant_id, r.item_id`,
      ),
      responsesOfParticipant: db.prepare<[number], ResponseSQL>(
        "SELECT * FROM responses WHERE participant_id = ? ORDER BY activity_id, item_id",
      ),
      responsesOfActivity: db.prepare<[number], ResponseSQL>(
        "SELECT * FROM responses WHERE activity_id = ? ORDER BY participant_id, item_id",
      ),
    };
  }

  createSession(s: {
    code: string;
    instructorToken: string;
    instructorHash: string;
    now: number;
    ttlMs: number;
  }): SessionRow {
    const info = this.sql.insertSession.run(
      s.code,
      s.instructorToken,
      s.instructorHash,
      s.now,
      s.now + s.ttlMs,
      JSON.stringify(HOME),
    );
    return this.session(Number(info.lastInsertRowid)) as SessionRow;
  }

  session(id: number): SessionRow | undefined {
    return session(this.sql.sessionById.get(id));
  }
  sessionByCode(code: string): SessionRow | undefined {
    return session(this.sql.sessionByCode.get(code));
  }
  sessionByInstructorHash(hash: string): SessionRow | undefined {
    return session(this.sql.sessionByInstructor.get(hash));
  }
  /** The newest session that has not expired at `now`. */
  latestSession(now: number): SessionRow | undefined {
    return session(this.sql.latestSession.get(now));
  }

  setState(sessionId: number, state: PageState): void {
    this.sql.setState.run(JSON.stringify(state), sessionId);
  }

  /** A new participant; an anonymous one is named "Student N" (N = their number in the session). */
  addParticipant(
    sessionId: number,
    tokenHashValue: string,
    name: string,
    now: number,
  ): ParticipantRow {
    return this.db.transaction(() => {
      const anonymous = name === "";
      const shown = anonymous
        ? `Student ${(this.sql.countParticipants.get(sessionId)?.n ?? 0) + 1}`
        : name;
      const info = this.sql.insertParticipant.run(
        sessionId,
        tokenHashValue,
        shown,
        anonymous ? 1 : 0,
        now,
      );
      return { id: Number(info.lastInsertRowid), sessionId, name: shown, anonymous };
    })();
  }
  participantCount(sessionId: number): number {
    return this.sql.countParticipants.get(sessionId)?.n ?? 0;
  }
  participantByTokenHash(hash: string): ParticipantRow | undefined {
    return participant(this.sql.participantByToken.get(hash));
  }
  participants(sessionId: number): ParticipantRow[] {
    return this.sql.participants.all(sessionId).map((row) => participant(row) as ParticipantRow);
  }

  openActivity(sessionId: number, spec: ActivitySpec, now: number): Activity {
    const info = this.sql.insertActivity.run(sessionId, JSON.stringify(spec), now);
    return { id: Number(info.lastInsertRowid), spec, openedAt: now, closedAt: null };
  }
  /** True when it was open and is now closed. */
  closeActivity(sessionId: number, activityId: number, now: number): boolean {
    return this.sql.closeActivity.run(now, activityId, sessionId).changes === 1;
  }
  activities(sessionId: number): Activity[] {
    return this.sql.activities.all(sessionId).map(activity);
  }

  putResponse(r: ResponseRecord): void {
    this.sql.putResponse.run(r.activityId, r.participantId, r.itemId, r.label, r.at);
  }
  responsesOfSession(sessionId: number): ResponseRecord[] {
    return this.sql.responsesOfSession.all(sessionId).map(response);
  }
  responsesOfParticipant(participantId: number): ResponseRecord[] {
    return this.sql.responsesOfParticipant.all(participantId).map(response);
  }
  responsesOfActivity(activityId: number): ResponseRecord[] {
    return this.sql.responsesOfActivity.all(activityId).map(response);
  }

  /** Runs `fn` in one transaction: committed (and on disk) when this returns. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
    this.db.close();
  }
}
