/**
 * Messages that wait for the server's word: each gets an id, and its ack or
 * error (which echo the id) settles it. A connection that drops leaves the
 * answer unknown; `abandon` settles every waiting message as unanswered.
 */
import type { ErrorCode, ServerMessage } from "@/lib/classroom/index";

export type Reply =
  { ok: true; activityId?: number } | { ok: false; code: ErrorCode | "no_answer"; message: string };

export class Requests {
  #next = 0;
  readonly #waiting = new Map<string, (reply: Reply) => void>();

  constructor(private readonly prefix: string) {}

  /** A fresh id and the promise of its reply. */
  track(): { id: string; reply: Promise<Reply> } {
    const id = `${this.prefix}${++this.#next}`;
    const reply = new Promise<Reply>((resolve) => this.#waiting.set(id, resolve));
    return { id, reply };
  }

  /** Settles the message an ack or error answers; false when the message was not an answer to one. */
  settle(m: ServerMessage): boolean {
    if ((m.type !== "ack" && m.type !== "error") || m.id === undefined) return false;
    const resolve = this.#waiting.get(m.id);
    if (!resolve) return false;
    this.#waiting.delete(m.id);
    resolve(
      m.type === "ack"
        ? { ok: true, ...(m.activityId === undefined ? {} : { activityId: m.activityId }) }
        : { ok: false, code: m.code, message: m.message },
    );
    return true;
  }

  /** Stops waiting for a message that was never sent (its promise is left unsettled and unreferenced). */
  forget(id: string): void {
    this.#waiting.delete(id);
  }

  /** How many messages wait for an answer. */
  get waiting(): number {
    return this.#waiting.size;
  }

  abandon(message: string): void {
    for (const resolve of this.#waiting.values())
      resolve({ ok: false, code: "no_answer", message });
    this.#waiting.clear();
  }
}
