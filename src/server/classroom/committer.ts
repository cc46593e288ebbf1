/**
 * Group commit: the writes that arrive in one turn of the event loop run in
 * one SQLite transaction (each in its own savepoint, SAVEPOINT / RELEASE,
 * or ROLLBACK TO when it throws, so one failure spoils only itself and the
 * rest of the batch commits), and only after the COMMIT are their acks and
 * broadcasts sent. Acknowledged therefore means on disk, at one fsync per
 * batch rather than per message. If SQLite abandons the whole transaction
 * (disk full, I/O error) or the COMMIT fails, every write of the batch fails.
 */
import type { ClassroomStore } from "./store";

interface Write {
  apply: () => void;
  then: () => void;
  fail: (error: unknown) => void;
}

export class Committer {
  private queue: Write[] = [];
  private scheduled = false;
  /** After each batch's acks (the hub relays responses to instructors here). */
  onFlushed: () => void = () => undefined;

  constructor(private readonly store: ClassroomStore) {}

  /** Queues `apply` (a synchronous write); `then` runs once it is committed, `fail` if it threw. */
  write(apply: () => void, then: () => void, fail: (error: unknown) => void): void {
    this.queue.push({ apply, then, fail });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.flush();
      });
    }
  }

  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const failed = new Map<Write, unknown>();
    try {
      this.store.transaction(() => {
        for (const w of batch)
          try {
            this.store.savepoint(w.apply);
          } catch (error) {
            // SQLite rolled back the transaction itself: nothing of the batch is kept.
            if (!this.store.inTransaction()) throw error;
            failed.set(w, error);
          }
      });
    } catch (error) {
      for (const w of batch) w.fail(error);
      return;
    }
    for (const w of batch) {
      if (failed.has(w)) w.fail(failed.get(w));
      else w.then();
    }
    this.onFlushed();
  }
}
