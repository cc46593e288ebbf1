import { describe, expect, it } from "vitest";
import { Emitter } from "@/lib/schelling/events";

interface Events {
  ping: number;
  pong: string;
}

describe("Emitter", () => {
  it("calls listeners of a type in the order they were added", () => {
    const emitter = new Emitter<Events>();
    const calls: string[] = [];
    emitter.on("ping", (n) => calls.push(`a${n}`));
    emitter.on("ping", (n) => calls.push(`b${n}`));
    emitter.on("pong", (s) => calls.push(s));
    emitter.emit("ping", 1);
    expect(calls).toEqual(["a1", "b1"]);
  });

  it("on() returns a function that removes the listener", () => {
    const emitter = new Emitter<Events>();
    const calls: number[] = [];
    const off = emitter.on("ping", (n) => calls.push(n));
    expect(emitter.has("ping")).toBe(true);
    off();
    emitter.emit("ping", 2);
    expect(calls).toEqual([]);
    expect(emitter.has("ping")).toBe(false);
    expect(emitter.has("pong")).toBe(false);
  });
});
