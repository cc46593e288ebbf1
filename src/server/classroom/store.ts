/**
 * The classroom's database (SQLite through libsql, a better-sqlite3
 * compatible binding whose prebuilt binary comes from npm as an optional
 * dependency, @libsql/linux-x64-gnu and so on, so nothing compiles on
 * install): sessions, participants, activities and responses, one row per
 * (activity, participant, item) so a changed answer replaces the old one.
 *
 * Durability: WAL with synchronous=FULL, both read back when the store
 * opens (it refuses to run without them): a COMMIT that returned has been
 * fsynced to the WAL, so what the server acknowledged survives a crash or a
 * SIGKILL (the server acks only after commit, see committer.ts).
 *
 * Where libsql differs from better-sqlite3: rows from `.get()` carry an extra
 * enumerable `_metadata` property (`.all()` rows do not, in 0.5.29), so every
 * row is mapped to a plain object here and raw rows never leave the store; a transaction cannot nest (its
 * `db.transaction` is a bare BEGIN/COMMIT), so `transaction` and `savepoint`
 * below issue the SAVEPOINT statements themselves; `pragma(…, { simple })`
 * returns the row rather than the value; the busy timeout defaults to 0, so
 * better-sqlite3's 5 s is set explicitly.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "libsql";
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

/** A prepared statement whose rows are typed `R` (libsql types them `unknown`). */
function query<P extends unknown[], R>(db: Database.Database, source: string) {
  const statement = db.prepare<P>(source);
  return {
    get: (...params: P) => statement.get(...params) as R | undefined,
    all: (...params: P) => statement.all(...params) as R[],
  };
}

/** SQLite's SYNCHRONOUS = FULL, as `PRAGMA synchronous` reads it back. */
const SYNCHRONOUS_FULL = 2;

export class ClassroomStore {
  readonly db: Database.Database;
  private readonly sql;
  private savepoints = 0;

  constructor(file: string) {
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file, { timeout: 5000 });
    const journal = this.pragma("journal_mode = WAL", "journal_mode");
    // An in-memory database has no WAL (and nothing to keep durable).
    if (file !== ":memory:" && journal !== "wal")
      throw new Error(
        `classroom: SQLite did not switch to WAL (journal_mode is ${String(journal)})`,
      );
    this.db.exec("PRAGMA synchronous = FULL");
    const synchronous = this.pragma("synchronous");
    if (synchronous !== SYNCHRONOUS_FULL)
      throw new Error(
        `classroom: SQLite did not set synchronous=FULL (it is ${String(synchronous)})`,
      );
    this.db.exec("PRAGMA foreign_keys = ON");
    if (this.pragma("foreign_keys") !== 1) throw new Error("classroom: SQLite has no foreign keys");
    this.db.exec(SCHEMA);
    const db = this.db;
    this.sql = {
      insertSession: db.prepare(
        "INSERT INTO sessions (code, instructor_token, instructor_hash, created_at, expires_at, state) VALUES (?, ?, ?, ?, ?, ?)",
      ),
      sessionById: query<[number], SessionSQL>(db, "SELECT * FROM sessions WHERE id = ?"),
      sessionByCode: query<[string], SessionSQL>(db, "SELECT * FROM sessions WHERE code = ?"),
      sessionByInstructor: query<[string], SessionSQL>(
        db,
        "SELECT * FROM sessions WHERE instructor_hash = ?",
      ),
      latestSession: query<[number], SessionSQL>(
        db,
        "SELECT * FROM sessions WHERE expires_at > ? ORDER BY id DESC LIMIT 1",
      ),
      setState: db.prepare<[string, number]>(
        "UPDATE sessions SET state = ?, state_version = state_version + 1 WHERE id = ?",
      ),
      insertParticipant: db.prepare(
        "INSERT INTO participants (session_id, token_hash, name, anonymous, joined_at) VALUES (?, ?, ?, ?, ?)",
      ),
      countParticipants: query<[number], { n: number }>(
        db,
        "SELECT COUNT(*) AS n FROM participants WHERE session_id = ?",
      ),
      participantByToken: query<[string], ParticipantSQL>(
        db,
        "SELECT * FROM participants WHERE token_hash = ?",
      ),
      participants: query<[number], ParticipantSQL>(
        db,
        "SELECT * FROM participants WHERE session_id = ? ORDER BY id",
      ),
      insertActivity: db.prepare(
        "INSERT INTO activities (session_id, spec, opened_at) VALUES (?, ?, ?)",
      ),
      closeActivity: db.prepare<[number, number, number]>(
        "UPDATE activities SET closed_at = ? WHERE id = ? AND session_id = ? AND closed_at IS NULL",
      ),
      activities: query<[number], ActivitySQL>(
        db,
        "SELECT * FROM activities WHERE session_id = ? ORDER BY id",
      ),
      putResponse: db.prepare(
        `INSERT INTO responses (activity_id, participant_id, item_id, label, answered_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (activity_id, participant_id, item_id) DO UPDATE SET label = excluded.label, answered_at = excluded.answered_at`,
      ),
      responsesOfSession: query<[number], ResponseSQL>(
        db,
        `SELECT r.* FROM responses r JOIN activities a ON a.id = r.activity_id
         WHERE a.session_id = ? ORDER BY r.activity_id, r.participant_id, r.item_id`,
      ),
      responsesOfParticipant: query<[number], ResponseSQL>(
        db,
        "SELECT * FROM responses WHERE participant_id = ? ORDER BY activity_id, item_id",
      ),
      responsesOfActivity: query<[number], ResponseSQL>(
        db,
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
    return this.transaction(() => {
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
    });
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

  /** The value of `PRAGMA source`, read from its column `column`. */
  pragma(source: string, column = source): unknown {
    const row = this.db.prepare(`PRAGMA ${source}`).get() as Record<string, unknown> | undefined;
    return row?.[column];
  }

  /** Whether a transaction is open on the connection (asked of SQLite each time). */
  inTransaction(): boolean {
    return this.db.inTransaction;
  }

  /**
   * Runs `fn` in one transaction: committed (and on disk) when this returns,
   * rolled back if it throws. Inside another transaction it is a savepoint
   * of that one, as better-sqlite3's nested transactions were.
   */
  transaction<T>(fn: () => T): T {
    if (this.inTransaction()) return this.savepoint(fn);
    this.db.exec("BEGIN");
    try {
      const result = fn();
      this.db.exec("COMMIT");
      return result;
    } catch (error) {
      // SQLite may already have rolled back (disk full, I/O error).
      if (this.inTransaction()) this.db.exec("ROLLBACK");
      throw error;
    }
  }

  /**
   * Runs `fn` in a savepoint of the open transaction: if it throws, its
   * writes (only its) are undone and the error rethrown; the transaction
   * stays open either way. Outside a transaction the savepoint is one.
   */
  savepoint<T>(fn: () => T): T {
    const name = `sp${this.savepoints++}`;
    this.db.exec(`SAVEPOINT ${name}`);
    try {
      const result = fn();
      this.db.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      // When SQLite rolled back the whole transaction the savepoint is gone too.
      if (this.inTransaction()) {
        this.db.exec(`ROLLBACK TO ${name}`);
        this.db.exec(`RELEASE ${name}`);
      }
      throw error;
    } finally {
      this.savepoints--;
    }
  }

  close(): void {
    this.db.close();
  }
}
