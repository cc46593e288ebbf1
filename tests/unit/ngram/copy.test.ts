import { describe, expect, it } from "vitest";
import { copiedSpan, infiniGram, trace } from "@/lib/ngram/index";
import { appendToken } from "@/lib/lm/index";
import { realIndex } from "./fixtures";

const moby = realIndex("moby-dick");

/** The ∞-gram's greedy continuation: always its most frequent next token. */
function greedy(prompt: string, steps: number): string {
  let text = prompt;
  for (let i = 0; i < steps; i++) {
    const top = infiniGram([moby], text).distribution.candidates[0];
    if (!top) break;
    text += appendToken(top.display);
  }
  return text;
}

describe("copiedSpan", () => {
  it("catches the ∞-gram copying Moby Dick once its suffix has one continuation", () => {
    const prompt = "Call me Ishmael. Some years ago";
    const text = greedy(prompt, 20);
    const copied = copiedSpan(trace([moby], text, { minLength: 6 }), prompt.length);
    expect(copied).not.toBeNull();
    expect(copied?.generatedTokens).toBeGreaterThanOrEqual(6);
    expect(copied?.span.count).toBeGreaterThan(0);
    // The copied span ends in the generated part and is in the corpus verbatim.
    expect(copied?.span.end).toBeGreaterThan(prompt.length);
  });

  it("does not count a passage that only the prompt quoted, or gibberish", () => {
    const prompt = "Call me Ishmael. Some years ago, never mind how long precisely";
    const text = `${prompt} zorblax quimfle vrendish plonk snarf.`;
    const result = trace([moby], text, { minLength: 6 });
    expect(result.spans.length).toBeGreaterThan(0); // the prompt's quotation is found
    expect(copiedSpan(result, prompt.length)).toBeNull();
  });
});
