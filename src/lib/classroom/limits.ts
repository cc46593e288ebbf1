/**
 * The classroom protocol's limits, shared by the server (which enforces them)
 * and the pages (which can check before sending and show the same message).
 */
export const LIMITS = {
  /** A session's short join code: this many characters of CODE_ALPHABET. */
  codeLength: 6,
  /** Display names, after trimming. */
  nameMax: 40,
  /** A widget id for "present". */
  widgetIdMax: 64,
  /** URL path and query of the followed page. */
  pathMax: 300,
  queryMax: 2000,
  /** Labeling activities. */
  titleMax: 120,
  itemsMax: 500,
  itemIdMax: 64,
  itemTextMax: 2000,
  labelsMin: 2,
  labelsMax: 12,
  labelMax: 40,
  codebookMax: 5000,
  /** Polls. */
  questionMax: 300,
  optionsMin: 2,
  optionsMax: 8,
  optionMax: 100,
  answerMax: 280,
  /** A client message's size in bytes (UTF-8), by role. */
  studentMessageBytes: 4 * 1024,
  instructorMessageBytes: 1024 * 1024,
  /** The WebSocket frame cap: larger frames close the connection (ws maxPayload). */
  maxPayloadBytes: 2 * 1024 * 1024,
  /** Message ids, echoed in acks and errors. */
  messageIdMax: 64,
} as const;

/** Join codes avoid characters that read alike (0/O, 1/I/L). */
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** Where the server listens for WebSockets, and its HTTP API. */
export const CLASSROOM_PATHS = {
  socket: "/api/classroom/ws",
  join: "/api/classroom/join",
  exportCSV: "/api/classroom/export.csv",
} as const;
