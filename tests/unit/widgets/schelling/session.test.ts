import { describe, expect, it } from "vitest";
import { createSchelling, hashGrid } from "@/lib/schelling/index";
import { Session, type Snapshot } from "@/widgets/Schelling/session";

const options = { width: 8, height: 6, agents: 40, seed: 16 };

function snapshotOf(response: ReturnType<Session["handle"]>): Snapshot {
  if (!response.ok) throw new Error(response.message);
  return response.snapshot;
}

describe("Session", () => {
  it("init returns the grid, its hash, its stats and the unhappy cells", () => {
    const snapshot = snapshotOf(new Session().handle({ kind: "init", options }));
    const model = createSchelling(options);
    expect(snapshot.cells).toEqual(model.cells);
    expect(snapshot.hash).toBe(hashGrid(model.cells, 8, 6));
    expect(snapshot.stats).toEqual(model.stats());
    expect(snapshot.unhappy).toEqual(model.unhappyCells());
    expect(snapshot.lastMove).toBeNull();
  });

  it("steps, sweeps and moves by hand like the model does", () => {
    const session = new Session();
    session.handle({ kind: "init", options });
    const model = createSchelling(options);
    const stepped = snapshotOf(session.handle({ kind: "step", count: 2 }));
    model.step();
    const last = model.step();
    expect(stepped.lastMove).toEqual(last);
    expect(stepped.hash).toBe(hashGrid(model.cells, 8, 6));
    const swept = snapshotOf(session.handle({ kind: "sweep", count: 1 }));
    model.sweep();
    expect(swept.hash).toBe(hashGrid(model.cells, 8, 6));
    const empty = model.cells.indexOf(0);
    const student = model.cells.findIndex((v) => v > 0);
    const moved = snapshotOf(session.handle({ kind: "move", from: student, to: empty }));
    model.moveAgent(student, empty);
    expect(moved.lastMove).toMatchObject({ from: student, to: empty, manual: true });
    expect(moved.hash).toBe(hashGrid(model.cells, 8, 6));
  });

  it("turns bad input into a message, not an exception", () => {
    const session = new Session();
    expect(session.handle({ kind: "init", options: { ...options, seed: "abc" } })).toEqual({
      ok: false,
      message: "The seed must be a whole number from 0 to 4294967295; “abc” is not.",
    });
    expect(session.handle({ kind: "step", count: 1 })).toEqual({
      ok: false,
      message: "The model is not set up yet; press Reset.",
    });
    session.handle({ kind: "init", options });
    expect(session.handle({ kind: "move", from: 0, to: 0 })).toMatchObject({ ok: false });
  });

  it("does not send the unhappy cells of big grids", () => {
    const snapshot = snapshotOf(
      new Session().handle({
        kind: "init",
        options: { width: 200, height: 200, seed: 1, rule: "threshold" },
      }),
    );
    expect(snapshot.unhappy).toBeNull();
  });
});
