import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSpamSample, SpamSampleError } from "@/lib/corpora/index";

const path = "public/generated/corpora/spam-sample.json";
if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run assets\` first`);
const sample = parseSpamSample(readFileSync(path));

describe("parseSpamSample(bytes) with the generated SpamAssassin sample", () => {
  it("is balanced: 250 spam and 250 ham, with unique ids", () => {
    const spam = sample.messages.filter((m) => m.label === "spam");
    expect(sample.messages).toHaveLength(500);
    expect(spam).toHaveLength(250);
    expect(new Set(sample.messages.map((m) => m.id)).size).toBe(500);
  });

  it("labels each message by its SpamAssassin folder", () => {
    for (const m of sample.messages) {
      expect(m.label).toBe(m.group.startsWith("spam") ? "spam" : "ham");
      expect(m.id.startsWith(`${m.group}/`)).toBe(true);
    }
    expect(new Set(sample.messages.map((m) => m.group))).toEqual(
      new Set(["easy-ham-1", "easy-ham-2", "hard-ham-1", "spam-1", "spam-2"]),
    );
  });

  it("keeps readable bodies no longer than bodyChars, marking the cut ones", () => {
    for (const m of sample.messages) {
      expect(m.body.length).toBeGreaterThanOrEqual(20);
      expect(m.body.length).toBeLessThanOrEqual(sample.bodyChars + 1);
      expect(m.body).not.toMatch(/<\/?(html|body|div|p|br)\b/i);
      if (m.truncated) expect(m.body.endsWith("…")).toBe(true);
    }
    expect(sample.messages.some((m) => m.truncated)).toBe(true);
  });

  it("mixes the labels rather than listing all spam first", () => {
    const first = sample.messages.slice(0, 50).filter((m) => m.label === "spam").length;
    expect(first).toBeGreaterThan(10);
    expect(first).toBeLessThan(40);
  });
});

describe("parseSpamSample(text) with bad input", () => {
  it("names what is wrong", () => {
    expect(() => parseSpamSample("{not json")).toThrow(SpamSampleError);
    expect(() => parseSpamSample("{}")).toThrow(/no messages list/);
    expect(() =>
      parseSpamSample(JSON.stringify({ seed: 1, messages: [{ id: "x", label: "maybe" }] })),
    ).toThrow(/message 0 is malformed/);
  });
});
