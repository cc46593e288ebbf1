import { describe, expect, it } from "vitest";
import { clipCandidates, createClipLabeler, type ClassifyImage } from "@/lib/labeling/clip";
import { buildMessages, memoryStore, runJob, responseSchema } from "@/lib/labeling/index";
import { spamTask } from "./helpers";

const task = spamTask({
  labels: [
    { name: "protest", description: "a photo of a street protest" },
    { name: "other", description: "" },
  ],
  template: "Image caption: {text}",
});

/** A stand-in for CLIP: scores each candidate by how many of its words are words of the image URL. */
const fakeClip: ClassifyImage = (image, candidates) => {
  const words = new Set(image.split(/[^a-z]+/));
  return Promise.resolve(candidates.map((c) => c.split(" ").filter((w) => words.has(w)).length));
};

describe("CLIP labeler", () => {
  it("compares images with the descriptions, or the name when there is none", () => {
    expect(clipCandidates(task)).toEqual(["a photo of a street protest", "other"]);
  });

  it("labels each item's image through the job runner, and flags an item without one", async () => {
    const provider = createClipLabeler(task, fakeClip);
    const store = memoryStore();
    const summary = await runJob({
      task,
      items: [
        { id: "1", text: "march", image: "https://example.org/street-protest.jpg" },
        { id: "2", text: "cat", image: "data:image/png;base64,other" },
        { id: "3", text: "no image here" },
      ],
      provider,
      store,
    });
    expect(summary.status).toBe("done");
    const byId = new Map(summary.results.map((r) => [r.id, r]));
    expect(byId.get("1")?.labels).toEqual(["protest"]);
    expect(byId.get("2")?.labels).toEqual(["other"]);
    expect(byId.get("3")?.status).toBe("flagged");
    expect(byId.get("3")?.notes.join(" ")).toMatch(/no image: CLIP labels images only/);
  });

  it("turns an unreadable image into a clear per-item failure", async () => {
    const provider = createClipLabeler(task, () => Promise.reject(new Error("404 Not Found")));
    const messages = buildMessages(task, { text: "x", image: "https://example.org/gone.jpg" });
    await expect(
      provider.complete({ model: "clip", messages, parameters: {}, schema: responseSchema(task) }),
    ).rejects.toThrow(/The image could not be read: 404 Not Found/);
  });
});
