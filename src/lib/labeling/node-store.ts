/**
 * A JSONL result store for Node (the CLI, tests, benches): one line per
 * result, appended synchronously so a crash loses at most the line being
 * written. Node only — keep out of browser bundles.
 */
import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { JobRecord, JobStore } from "./job";
import type { ChatReply } from "./provider";
import { parseStoreLines, type ResponseCache, type ResultStore } from "./store";

/** Results and the request log in one JSONL file (log lines are {"event": …}). */
export function jsonlStore(path: string): ResultStore {
  const read = (): ReturnType<typeof parseStoreLines> => {
    if (!existsSync(path)) return { results: [], events: [] };
    const text = readFileSync(path, "utf8");
    // a crash mid-write leaves a torn last line: end it so the next line starts afresh
    if (text && !text.endsWith("\n")) appendFileSync(path, "\n");
    return parseStoreLines(text);
  };
  return {
    load: () => Promise.resolve(read().results),
    loadLog: () => Promise.resolve(read().events),
    append: (result) => {
      appendFileSync(path, `${JSON.stringify(result)}\n`);
      return Promise.resolve();
    },
    log: (event) => {
      appendFileSync(path, `${JSON.stringify({ event })}\n`);
      return Promise.resolve();
    },
    clear: () => {
      writeFileSync(path, "");
      return Promise.resolve();
    },
  };
}

/** A response cache kept in a JSONL file of {key, reply} lines. */
export function jsonlCache(path: string): ResponseCache {
  const map = new Map<string, ChatReply>();
  if (existsSync(path))
    for (const line of readFileSync(path, "utf8").split("\n")) {
      try {
        const entry = JSON.parse(line) as { key?: unknown; reply?: ChatReply };
        if (typeof entry.key === "string" && entry.reply) map.set(entry.key, entry.reply);
      } catch {
        // skip a broken line
      }
    }
  return {
    get: (key) => Promise.resolve(map.get(key)),
    set: (key, reply) => {
      map.set(key, reply);
      appendFileSync(path, `${JSON.stringify({ key, reply })}\n`);
      return Promise.resolve();
    },
  };
}

/**
 * A job in files: its record in `<results>.job.json` (written whole to a
 * temporary file, then renamed, so a crash never leaves half a record), its
 * results and request log in the JSONL file at `resultsPath`.
 */
export function jsonlJobStore(resultsPath: string): JobStore & { recordPath: string } {
  const recordPath = `${resultsPath}.job.json`;
  return {
    recordPath,
    results: jsonlStore(resultsPath),
    load: () => {
      if (!existsSync(recordPath)) return Promise.resolve(undefined);
      try {
        return Promise.resolve(JSON.parse(readFileSync(recordPath, "utf8")) as JobRecord);
      } catch {
        return Promise.resolve(undefined);
      }
    },
    save: (record) => {
      const temporary = `${recordPath}.tmp`;
      writeFileSync(temporary, `${JSON.stringify(record)}\n`);
      renameSync(temporary, recordPath);
      return Promise.resolve();
    },
  };
}
