/**
 * A large labeling CSV for benchmarks, generated in memory from a seed
 * (xoroshiro128+ from pure-rand), so every run parses the same bytes:
 * columns id,text,label; texts of about 480 characters made of clauses joined
 * by commas (so nearly every text is quoted), about one in eight with a
 * quotation ("" inside the quoted field) and one in twenty-five spanning two lines.
 */
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

const WORDS = (
  "the government policy voters election congress budget tax reform court law " +
  "public health school teachers workers union wages market prices inflation trade " +
  "ship sea whale captain crew harbour storm wind deck sail morning evening river " +
  "city village family children neighbours church market street news paper letter " +
  "report survey study data people country nation states war peace treaty army " +
  "farm field harvest winter summer spring autumn road bridge railway factory bank " +
  "money credit loans debt rent housing land water forest mountain island coast " +
  "we they will must should could have has had was were is are been being new old " +
  "great small many few every some most other first last long short high low"
).split(" ");

export interface BigCsv {
  csv: string;
  rows: number;
  /** UTF-8 bytes (the text is ASCII, so also its length). */
  bytes: number;
  /** Texts that needed quoting, with quotes inside, and spanning lines. */
  quoted: number;
  withQuotes: number;
  multiline: number;
}

/** `rows` rows of id,text,label with texts of about `textChars` characters. */
export function bigLabelingCsv(rows: number, textChars = 480, seed = 7): BigCsv {
  const rng = xoroshiro128plus(seed);
  const int = (from: number, to: number): number => uniformInt(rng, from, to);
  const word = (): string => WORDS[int(0, WORDS.length - 1)] as string;
  const lines: string[] = ["id,text,label"];
  let quoted = 0;
  let withQuotes = 0;
  let multiline = 0;
  for (let r = 0; r < rows; r++) {
    const target = int(textChars - 60, textChars + 60);
    let quote = int(0, 7) === 0;
    let newline = int(0, 24) === 0;
    let text = "";
    while (text.length < target) {
      const clause: string[] = [];
      const n = int(4, 11);
      for (let w = 0; w < n; w++) clause.push(word());
      let part = clause.join(" ");
      if (quote && text.length > 0) {
        part = `they said "${part}"`;
        quote = false;
      }
      if (text.length === 0) text = part;
      else if (newline && text.length > target / 2) {
        text += `.\n${part}`;
        newline = false;
      } else text += `, ${part}`;
    }
    text = `${text.slice(0, target).trimEnd()}.`;
    if (text.includes('"')) withQuotes++;
    if (text.includes("\n")) multiline++;
    const needsQuotes = /[",\n\r]/.test(text);
    if (needsQuotes) quoted++;
    const field = needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
    lines.push(`r${String(r).padStart(6, "0")},${field},${int(0, 1) ? "yes" : "no"}`);
  }
  const csv = `${lines.join("\n")}\n`;
  return { csv, rows, bytes: Buffer.byteLength(csv), quoted, withQuotes, multiline };
}
