/** Messages between a code cell and its sandbox worker (plain, cloneable data). */
import type { CheckResult } from "./checks";
import type { Display } from "./display";
import type { PlotMessage } from "./lab-plot";
import type { OutputLine } from "./output-buffer";

export interface RunRequest {
  type: "run";
  id: number;
  /** The cell, transpiled to CommonJS. */
  code: string;
  /** The exercise's checks, transpiled, or null for a plain cell. */
  checks: string | null;
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
