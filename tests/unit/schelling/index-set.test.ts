import { describe, expect, it } from "vitest";
import { IndexSet } from "@/lib/schelling/index-set";

describe("IndexSet", () => {
  it("adds, deletes and answers has() in O(1)", () => {
    const set = new IndexSet(10);
    set.add(3);
    set.add(7);
    set.add(3);
    expect(set.size).toBe(2);
    expect(set.has(3)).toBe(true);
    expect(set.has(4)).toBe(false);
    set.delete(3);
    set.delete(4);
    expect(set.size).toBe(1);
    expect(set.has(3)).toBe(false);
    expect(set.at(0)).toBe(7);
  });

  it("keeps its members dense after deleting from the middle", () => {
    const set = new IndexSet(10);
    for (const i of [1, 2, 3, 4]) set.add(i);
    set.delete(2);
    expect([...set.toArray()].sort()).toEqual([1, 3, 4]);
    for (let i = 0; i < set.size; i++) expect(set.has(set.at(i))).toBe(true);
  });

  it("toArray() returns a copy", () => {
    const set = new IndexSet(4);
    set.add(0);
    const copy = set.toArray();
    copy[0] = 3;
    expect(set.at(0)).toBe(0);
  });
});
