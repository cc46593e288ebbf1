/**
 * The SpamAssassin sample for the labeling lesson
 * (`/generated/corpora/spam-sample.json`): a seeded, balanced sample of
 * messages with their gold labels.
 */

export type SpamLabel = "spam" | "ham";

export interface SpamMessage {
  /** "<group>/<number>", e.g. "spam-2/00017", unique in the sample. */
  id: string;
  label: SpamLabel;
  /** The SpamAssassin folder: easy-ham-1, easy-ham-2, hard-ham-1, spam-1 or spam-2. */
  group: string;
  /** The Subject header, decoded ("" when there is none). */
  subject: string;
  /** The first text part, decoded, HTML tags removed, cut to `bodyChars`. */
  body: string;
  /** Whether the body was cut. */
  truncated: boolean;
}

export interface SpamSample {
  source: string;
  seed: number;
  /** Longest body kept, in UTF-16 code units (before the "…" of a cut body). */
  bodyChars: number;
  messages: SpamMessage[];
}

export class SpamSampleError extends Error {
  override name = "SpamSampleError";
}

function isMessage(value: unknown): value is SpamMessage {
  if (typeof value !== "object" || value === null) return false;
  const m = value as Record<string, unknown>;
  return (
    typeof m["id"] === "string" &&
    (m["label"] === "spam" || m["label"] === "ham") &&
    typeof m["group"] === "string" &&
    typeof m["subject"] === "string" &&
    typeof m["body"] === "string" &&
    typeof m["truncated"] === "boolean"
  );
}

/** Parses and checks the sample file from its bytes or text. */
export function parseSpamSample(source: ArrayBuffer | Uint8Array | string): SpamSample {
  const text = typeof source === "string" ? source : new TextDecoder().decode(source);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SpamSampleError("the spam sample is not valid JSON");
  }
  const sample = value as Partial<SpamSample> | null;
  if (!Array.isArray(sample?.messages) || typeof sample.seed !== "number")
    throw new SpamSampleError("the spam sample has no messages list or seed");
  const bad = sample.messages.findIndex((m) => !isMessage(m));
  if (bad >= 0) throw new SpamSampleError(`spam sample message ${bad} is malformed`);
  return sample as SpamSample;
}
