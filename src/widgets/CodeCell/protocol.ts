/** Messages between a code cell and its sandbox worker (plain, cloneable data). */
import type { CheckResult } from "./checks";
import type { Display } from "./display";
import type { PlotMessage } from "./lab-plot";
import type { OutputLine } from "./output-buffer";

export interface RunRequest {
  type: "run";
  /** The page's secret for this worker: every answer must carry it back. */
  token: string;
  id: number;
  /** The cell, transpiled to CommonJS. */
  code: string;
  /** The exercise's checks, transpiled, or null for a plain cell. */
  checks: string | null;
}

/** What the sandbox posts: a message with the page's token (anything else is dropped). */
export interface Envelope {
  token: string;
  message: FromSandbox;
}

export type FromSandbox =
  | { type: "console"; lines: OutputLine[] }
  | PlotMessage
  | { type: "result"; id: number; display: Display | null }
  | { type: "checked"; id: number; result: CheckResult }
  | {
      type: "error";
      id: number;
      message: string;
      /** The failing line of the transpiled code (1-based), when the stack names it. */
      line: number | null;
      /** Thrown after the run ended (a timer, an unhandled rejection). */
      late: boolean;
    }
  | { type: "done"; id: number; dropped: number };
