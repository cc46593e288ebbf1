import { describe, expect, it } from "vitest";
import { createOutputBuffer, truncationNotice } from "@/widgets/CodeCell/output-buffer";

describe("createOutputBuffer(limit)", () => {
  it("keeps lines under the limit and hands them out once", () => {
    const buffer = createOutputBuffer(100);
    expect(buffer.push({ level: "log", text: "a" })).toBe(true);
    expect(buffer.push({ level: "warn", text: "b" })).toBe(true);
    expect(buffer.take()).toEqual([
      { level: "log", text: "a" },
      { level: "warn", text: "b" },
    ]);
    expect(buffer.take()).toEqual([]);
    expect(buffer.dropped).toBe(0);
  });

  it("cuts 10 MB of output at the limit and counts every dropped character", () => {
    const limit = 200_000;
    const buffer = createOutputBuffer(limit);
    const line = "x".repeat(99); // 100 characters with its newline
    const lines = 100_000; // 10,000,000 characters
    let kept = 0;
    for (let i = 0; i < lines; i++) buffer.push({ level: "log", text: line });
    for (const l of buffer.take()) kept += l.text.length + 1;
    expect(kept).toBe(limit);
    expect(kept + buffer.dropped).toBe(lines * 100);
  });

  it("keeps the start of a single line longer than the limit", () => {
    const buffer = createOutputBuffer(10);
    buffer.push({ level: "log", text: "0123456789abcdef" });
    expect(buffer.take()).toEqual([{ level: "log", text: "0123456789" }]);
    expect(buffer.dropped).toBe(7);
  });
});

describe("truncationNotice(dropped, limit)", () => {
  it("says how much was shown and how much was not", () => {
    expect(truncationNotice(9_800_000, 200_000)).toBe(
      "Output truncated: the console shows the first 200 kB; 9.8 MB more were not shown.",
    );
  });
});
