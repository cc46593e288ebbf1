/**
 * A JSONL result store for Node (the CLI, tests, benches): one line per
 * result, appended synchronously so a crash loses at most the line being
 * written. Node only — keep out of browser bundles.
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import type { ChatReply } from "./provider";
import { parseResultLines, type ResponseCache, type ResultStore } from "./store";

export function jsonlStore(path: string): ResultStore {
  return {
    load: () => {
      if (!existsSync(path)) return Promise.resolve([]);
      const text = readFileSync(path, "utf8");
      // a crash mid-write leaves a torn last line: end it so the next result starts a fresh line
      if (text && !text.endsWith("\n")) appendFileSync(path, "\n");
      return Promise.resolve(parseResultLines(text));
    },
    append: (result) => {
      appendFileSync(path, `${JSON.stringify(result)}\n`);
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
