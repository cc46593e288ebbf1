/**
 * The cell's console, capped: lines are kept until `limit` characters, then
 * dropped and counted, so 10 MB of output neither freezes the page nor is lost
 * silently.
 */
export const OUTPUT_LIMIT = 200_000;

export interface OutputLine {
  level: "log" | "info" | "warn" | "error";
  text: string;
}

export interface OutputBuffer {
  /** Adds a line; returns false once the limit is reached (the line is dropped). */
  push(line: OutputLine): boolean;
  /** Lines added since the last take(). */
  take(): OutputLine[];
  /** Characters dropped so far. */
  readonly dropped: number;
}

export function createOutputBuffer(limit = OUTPUT_LIMIT): OutputBuffer {
  let used = 0;
  let dropped = 0;
  let pending: OutputLine[] = [];
  return {
    push(line) {
      const size = line.text.length + 1;
      if (used + size > limit) {
        const room = limit - used;
        if (room > 0 && dropped === 0) {
          pending.push({ level: line.level, text: line.text.slice(0, room) });
          used = limit;
          dropped += size - room;
        } else dropped += size;
        return false;
      }
      used += size;
      pending.push(line);
      return true;
    },
    take() {
      const out = pending;
      pending = [];
      return out;
    },
    get dropped() {
      return dropped;
    },
  };
}

/** The notice shown after the console stopped at the limit. */
export function truncationNotice(dropped: number, limit = OUTPUT_LIMIT): string {
  const mb = (n: number): string =>
    n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${(n / 1e3).toFixed(0)} kB`;
  return `Output truncated: the console shows the first ${mb(limit)}; ${mb(dropped)} more were not shown.`;
}
