import { describe, expect, it } from "vitest";
import {
  buildMessages,
  examplesFromRows,
  majorityVote,
  parseAnswer,
  responseSchema,
  validateTask,
} from "@/lib/labeling/index";
import { spamTask } from "./helpers";

describe("validateTask", () => {
  it("rejects a template without {text}", () => {
    expect(() => validateTask(spamTask({ template: "Label this email." }))).toThrow(/\{text\}/);
  });
  it("rejects duplicate, empty and too few labels", () => {
    const dup = spamTask({
      labels: [
        { name: "spam", description: "" },
        { name: "Spam ", description: "" },
      ],
    });
    expect(() => validateTask(dup)).toThrow(/twice/);
    expect(() =>
      validateTask(
        spamTask({
          labels: [
            { name: "spam", description: "" },
            { name: " ", description: "" },
          ],
        }),
      ),
    ).toThrow(/no name/);
    expect(() => validateTask(spamTask({ labels: [{ name: "spam", description: "" }] }))).toThrow(
      /two labels/,
    );
  });
  it("rejects bad votes, k and example labels", () => {
    expect(() => validateTask(spamTask({ votes: 0 }))).toThrow(/Votes/);
    expect(() => validateTask(spamTask({ mode: "multi", maxLabels: 3 }))).toThrow(/k must/);
    expect(() => validateTask(spamTask({ examples: [{ text: "x", labels: ["eggs"] }] }))).toThrow(
      /unknown label/,
    );
  });
});

describe("buildMessages", () => {
  it("builds the exact zero-shot messages", () => {
    expect(buildMessages(spamTask(), { text: "Buy now" })).toEqual([
      {
        role: "system",
        content:
          'You label emails.\n\nLabels:\n- spam: Unsolicited bulk or commercial email.\n- ham: Ordinary, wanted email.\n\nAnswer with exactly one label, as JSON: {"label": "<label>"}.',
      },
      { role: "user", content: "Email:\nBuy now" },
    ]);
  });

  it("puts few-shot examples from labelled rows as user/assistant turns", () => {
    const rows = [
      { text: "a1", label: "spam" },
      { text: "b1", label: "ham" },
      { text: "a2", label: "spam" },
      { text: "a3", label: "spam" },
    ];
    const examples = examplesFromRows(rows, ["spam", "ham"], 2);
    expect(examples.map((e) => e.text)).toEqual(["a1", "b1", "a2"]);
    const messages = buildMessages(spamTask({ examples }), { text: "$& {text}" });
    expect(messages.map((m) => m.role)).toEqual([
      "system",
      "user",
      "assistant",
      "user",
      "assistant",
      "user",
      "assistant",
      "user",
    ]);
    expect(messages[2]?.content).toBe('{"label":"spam"}');
    expect(messages.at(-1)?.content).toBe("Email:\n$& {text}");
  });

  it("sends an image as an image_url part for vision models", () => {
    const messages = buildMessages(spamTask(), { text: "t", image: "data:image/png;base64,AAAA" });
    expect(messages.at(-1)?.content).toEqual([
      { type: "text", text: "Email:\nt" },
      { type: "image_url", image_url: { url: "data:image/png;base64,AAAA" } },
    ]);
  });

  it("restricts the answer to the label set with a strict JSON schema", () => {
    expect(responseSchema(spamTask()).schema).toEqual({
      type: "object",
      properties: { label: { type: "string", enum: ["spam", "ham"] } },
      required: ["label"],
      additionalProperties: false,
    });
    const multi = responseSchema(spamTask({ mode: "multi", maxLabels: 2 }));
    expect(multi.schema["properties"]).toEqual({
      labels: { type: "array", items: { type: "string", enum: ["spam", "ham"] } },
    });
  });
});

describe("answers and votes", () => {
  const multi = spamTask({
    mode: "multi",
    maxLabels: 2,
    labels: [
      { name: "economy", description: "" },
      { name: "war", description: "" },
      { name: "health", description: "" },
    ],
  });

  it("accepts only labels from the set, never guessing", () => {
    expect(parseAnswer('{"label":"spam"}', spamTask())).toEqual(["spam"]);
    expect(parseAnswer('{"label":"Spam"}', spamTask())).toBeNull();
    expect(parseAnswer("spam", spamTask())).toBeNull();
    expect(parseAnswer('{"label": "spam"', spamTask())).toBeNull();
    expect(parseAnswer('{"labels":["war","economy"]}', multi)).toEqual(["war", "economy"]);
    expect(parseAnswer('{"labels":["war","economy","health"]}', multi)).toBeNull();
    expect(parseAnswer('{"labels":[]}', multi)).toBeNull();
  });

  it("takes the majority; ties go to the label listed first", () => {
    expect(majorityVote([["ham"], ["spam"], ["ham"]], spamTask())).toEqual(["ham"]);
    expect(majorityVote([["ham"], ["spam"]], spamTask())).toEqual(["spam"]);
    expect(majorityVote([["war", "health"], ["war"], ["health", "economy"]], multi)).toEqual([
      "war",
      "health",
    ]);
  });
});
