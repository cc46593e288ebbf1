import { describe, expect, it } from "vitest";
import { changedPrefixes, followStep } from "../../../src/lib/classroom/follow";

const at = (path: string, query = "") => ({ path, query });
const state = (path: string, query = "") => ({ path, query, present: null });

describe("followStep(here, target)", () => {
  it("stays when page and query agree (the trailing slash and key order aside)", () => {
    expect(
      followStep(at("/lessons/06/", "?a.x=1&b.y=2"), state("/lessons/06", "?b.y=2&a.x=1")),
    ).toEqual({
      kind: "stay",
    });
  });
  it("loads another page with its query", () => {
    expect(followStep(at("/", ""), state("/lessons/02/", "?context-lens.ex=2"))).toEqual({
      kind: "navigate",
      url: "/lessons/02/?context-lens.ex=2",
    });
  });
  it("takes a new query on the same page and names the widgets whose keys changed", () => {
    expect(
      followStep(
        at("/lessons/06/", "?schelling-game.seed=3&vp.expr=a"),
        state("/lessons/06/", "?vp.expr=a&schelling-game.seed=4"),
      ),
    ).toEqual({
      kind: "query",
      query: "?vp.expr=a&schelling-game.seed=4",
      prefixes: ["schelling-game"],
    });
  });
});

describe("changedPrefixes(from, to)", () => {
  it.each([
    ["", "", []],
    ["?a.x=1", "", ["a"]],
    ["", "?a.x=1&b.y=2", ["a", "b"]],
    ["?a.x=1&a.y=2", "?a.x=1&a.y=3", ["a"]],
    ["?plain=1", "?plain=2", ["plain"]],
  ])("%s → %s changes %j", (from, to, expected) => {
    expect(changedPrefixes(from, to)).toEqual(expected);
  });
});
