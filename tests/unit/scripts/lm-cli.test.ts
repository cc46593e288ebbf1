import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runLm } from "../../../scripts/lm";

async function lm(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runLm(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err: err.join("\n") };
}

const dir = mkdtempSync(join(tmpdir(), "lm-cli-"));

describe("npm run lm", () => {
  it("predict --json gives the top tokens with probabilities", async () => {
    const r = await lm(
      "predict",
      "--model",
      "gpt",
      "--text",
      "John wants his bank to cash the",
      "--top",
      "3",
      "--json",
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out[0] ?? "") as { top: { token: string; probability: number }[] };
    expect(json.top).toHaveLength(3);
    expect(json.top[0]?.probability).toBeGreaterThan(json.top[2]?.probability ?? 1);
  });

  it("perplexity --json has the documented keys, NLL over tokens and whitespace words", async () => {
    const file = join(dir, "text.txt");
    writeFileSync(file, "Call me Ishmael. Some years ago, never mind how long precisely.\n");
    const r = await lm("perplexity", "--model", "gpt", "--file", file, "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out[0] ?? "") as Record<string, number>;
    expect(json["words"]).toBe(11);
    expect(json["nllPerToken"]).toBeCloseTo((json["nll"] ?? 0) / (json["tokens"] ?? 1), 12);
    expect(json["nllPerWord"]).toBeCloseTo((json["nll"] ?? 0) / 11, 12);
    expect(json["perplexityPerWord"]).toBeCloseTo(Math.exp(json["nllPerWord"] ?? 0), 6);
  });

  it("word-vectors writes the word's mean token vector after the embedding and each layer", async () => {
    const input = join(dir, "words.jsonl");
    writeFileSync(
      input,
      `${JSON.stringify({ text: "I sat on the river bank.", word: "bank" })}\n${JSON.stringify({ text: "Fish swam near the muddy banks", word: "banks" })}\n`,
    );
    for (const model of ["gpt", "mlm", "use-lite"]) {
      const r = await lm("word-vectors", "--model", model, "--input", input);
      expect(r.code, r.err).toBe(0);
      const rows = r.out.map(
        (line) => JSON.parse(line) as { tokens: string[]; layers: number[][] },
      );
      expect(rows).toHaveLength(2);
      expect(rows[0]?.layers.length).toBe(model === "use-lite" ? 3 : 5);
      expect(rows[0]?.tokens.join("")).toBe("bank");
    }
  });

  it("layers prints every layer's top tokens; generate repeats with a seed", async () => {
    const layers = await lm("layers", "--model", "gpt", "--text", "Call me", "--json");
    const json = JSON.parse(layers.out[0] ?? "") as { layers: string[]; grid: unknown[][] };
    expect(json.layers).toHaveLength(5);
    const a = await lm("generate", "--text", "Call me", "--tokens", "5", "--seed", "3", "--json");
    const b = await lm("generate", "--text", "Call me", "--tokens", "5", "--seed", "3", "--json");
    expect(a.out).toEqual(b.out);
  });

  it("says clearly what is wrong with bad input", async () => {
    const cases: [string[], number, RegExp][] = [
      [["fill", "--model", "mlm", "--text", "no gap"], 1, /where the missing word goes/],
      [["fill", "--model", "mlm", "--text", "[MASK] [MASK]"], 1, /only once/],
      [["predict", "--model", "gpt", "--text", "a [MASK] b"], 1, /no \[MASK\]/],
      [["predict", "--model", "use-lite", "--text", "x"], 2, /sentence encoder/],
      [["predict", "--model", "Xenova/gpt2", "--text", "x"], 2, /needs --online/],
      [["generate", "--text", "x", "--temperature=-1"], 1, /temperature/],
      [["generate", "--text", "x", "--top-p", "2"], 1, /Top-p/],
      [["generate", "--text", "x", "--tokens", "many"], 2, /--tokens must be a number/],
      [["predict", "--text", ""], 1, /Type some text/],
      [["perplexity", "--model", "ngram", "--file", "x"], 2, /baselines\.json/],
      [["dance"], 2, /Unknown command/],
    ];
    for (const [args, code, message] of cases) {
      const r = await lm(...args);
      expect(r.code, args.join(" ")).toBe(code);
      expect(r.err).toMatch(message);
    }
  });
});
