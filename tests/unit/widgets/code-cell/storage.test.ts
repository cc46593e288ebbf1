import { describe, expect, it } from "vitest";
import {
  editKey,
  EXERCISES_KEY,
  loadEdit,
  markPassed,
  readExercises,
  saveEdit,
  type StorageLike,
} from "@/widgets/CodeCell/storage";

function memory(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe("editKey(lesson, cell)", () => {
  it("keeps two lessons' cells of the same name apart", () => {
    expect(editKey("01-word-embeddings", "analogy")).toBe("llmlab:cell:01-word-embeddings/analogy");
    expect(editKey("02-x", "analogy")).not.toBe(editKey("01-word-embeddings", "analogy"));
  });
  it("does not collide with the site's progress key", () => {
    expect(editKey("a", "b")).not.toBe("llmlab:progress");
    expect(EXERCISES_KEY).not.toBe("llmlab:progress");
  });
});

describe("saveEdit / loadEdit", () => {
  it("stores an edit and forgets it when the code is back to the original", () => {
    const s = memory();
    saveEdit(s, "l", "c", "edited", "original");
    expect(loadEdit(s, "l", "c")).toBe("edited");
    saveEdit(s, "l", "c", "original", "original");
    expect(loadEdit(s, "l", "c")).toBeNull();
    expect(s.data.size).toBe(0);
  });
  it("survives a storage that throws", () => {
    const broken: StorageLike = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("full");
      },
      removeItem: () => {
        throw new Error("denied");
      },
    };
    expect(() => {
      saveEdit(broken, "l", "c", "x", "y");
    }).not.toThrow();
    expect(loadEdit(broken, "l", "c")).toBeNull();
  });
});

describe("markPassed / readExercises", () => {
  it("records the first pass of each exercise per lesson", () => {
    const s = memory();
    markPassed(s, "01", "capital", 100);
    markPassed(s, "01", "capital", 200);
    markPassed(s, "02", "homonyms", 300);
    expect(readExercises(s)).toEqual({ "01": { capital: 100 }, "02": { homonyms: 300 } });
  });
  it("ignores malformed stored data", () => {
    const s = memory();
    s.setItem(EXERCISES_KEY, "not json");
    expect(readExercises(s)).toEqual({});
    s.setItem(EXERCISES_KEY, JSON.stringify({ "01": { a: "x", b: 5 }, "02": 3 }));
    expect(readExercises(s)).toEqual({ "01": { b: 5 } });
  });
});
