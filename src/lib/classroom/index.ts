/**
 * The classroom session protocol, shared by the session server
 * (src/server/classroom) and the pages: messages and their schemas, limits,
 * plain-text rules, and the tallies the instructor's page computes.
 */
export { CLASSROOM_PATHS, CODE_ALPHABET, LIMITS } from "./limits";
export { displayName, joinCode, plainLine, plainText } from "./text";
export {
  activitySpec,
  clientMessage,
  INSTRUCTOR_ONLY,
  labelingSpec,
  pageState,
  widgetId,
  pollSpec,
  POLL_ITEM,
  STUDENT_ONLY,
  type ActivitySpec,
  type ClientMessage,
  type ClientMessageType,
  type LabelingSpec,
  type PageState,
  type PollSpec,
} from "./protocol";
export {
  ERROR_CODES,
  serverMessage,
  type Activity,
  type ErrorCode,
  type FollowedState,
  type Participant,
  type ResponseRecord,
  type ServerMessage,
  type ServerMessageOf,
} from "./server-messages";
export { issueText, parseClientMessage, utf8Bytes, type Parsed } from "./parse";
export {
  coderMatrix,
  majorityLabel,
  mergeResponses,
  tallyResponses,
  type ItemTally,
} from "./tally";
export { responseRows, type ExportRow } from "./rows";
export { FINAL_CLOSE_CODES, mayReconnect, RECONNECT, reconnectDelay } from "./reconnect";
export { changedPrefixes, followStep, type FollowStep } from "./follow";
export {
  labelingReport,
  pollReport,
  type ItemRow,
  type LabelingReport,
  type PollReport,
  type ReportOptions,
} from "./live-report";
export {
  itemsFromLines,
  labelDefs,
  labelingActivity,
  modelLabelsFromCSV,
  pollActivity,
  sampleRows,
  type BundledSample,
  type Checked,
  type LabelingInput,
  type ModelLabels,
  type PollInput,
} from "./activity-input";
