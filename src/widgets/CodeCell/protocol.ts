/**
 * Messages between a code cell, its sandbox worker and an exercise's checker
 * worker (plain, cloneable data).
 */
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
  /**
   * For an exercise: the cell's end of a channel to this run's checker, which
   * gets the cell's exports and calls its exported functions; null otherwise.
   */
  port: MessagePort | null;
}

/** The page to a fresh checker worker: the checks to run against one run of a cell. */
export interface CheckRequest {
  type: "check";
  id: number;
  /** The exercise's checks, transpiled to CommonJS. */
  checks: string;
  /** The checker's end of the channel to the cell's sandbox. */
  port: MessagePort;
}

/** The sandbox to the checker, over the run's channel. */
export type FromCell =
  /** What the cell exported (or that it threw, so there is nothing to check). */
  | { type: "exports"; values: Record<string, unknown>; functions: string[]; threw: boolean }
  | { type: "return"; call: number; value: unknown }
  | { type: "throw"; call: number; message: string };

/** The checker to the sandbox: call one of the cell's exported functions. */
export interface CallRequest {
  type: "call";
  call: number;
  name: string;
  args: unknown[];
}

/** The checker to the page (it never runs learner code, so it needs no token). */
export type FromChecker =
  | { type: "checked"; id: number; result: CheckResult }
  /** The cell threw before its exports could be checked. */
  | { type: "skipped"; id: number }
  | { type: "failed"; id: number; message: string };

/** What the sandbox posts: a message with the page's token (anything else is dropped). */
export interface Envelope {
  token: string;
  message: FromSandbox;
}

export type FromSandbox =
  | { type: "console"; lines: OutputLine[] }
  | PlotMessage
  | { type: "result"; id: number; display: Display | null }
  | {
      type: "error";
      id: number;
      message: string;
      /** The failing line of the transpiled code (1-based), when the stack names it. */
      line: number | null;
      /** Thrown after the run ended (a timer, an unhandled rejection). */
      late: boolean;
    }
  /** `changed`: built-ins the run replaced; the page then starts a fresh sandbox for the next run. */
  | { type: "done"; id: number; dropped: number; changed: string[] };

/** What the cell's view is told: the sandbox's messages and the checker's verdict. */
export type ToCell = FromSandbox | Extract<FromChecker, { type: "checked" }>;
