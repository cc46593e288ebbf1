import { runInContext, createContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { builtinsNotice, watchBuiltins } from "../../../../src/widgets/CodeCell/builtins-snapshot";

/** A fresh realm, so patching its built-ins leaves the test's own alone. */
function realm(): { global: object; run: (code: string) => unknown } {
  const context = createContext({});
  return {
    global: runInContext("globalThis", context) as object,
    run: (code): unknown => runInContext(code, context) as unknown,
  };
}

describe("watchBuiltins", () => {
  it("reports nothing when code only uses the built-ins", () => {
    const { global, run } = realm();
    const watch = watchBuiltins(global);
    run("const xs = [3, 1, 2].sort(); Math.abs(-1); JSON.stringify({ a: xs });");
    expect(watch.changed()).toEqual([]);
  });

  it("names each replaced or deleted built-in, on constructors, prototypes and the global", () => {
    const { global, run } = realm();
    const watch = watchBuiltins(global);
    run(`
      Math.abs = () => 0;
      delete Array.prototype.map;
      Object.defineProperty(Map.prototype, "size", { get: () => 0 });
      Object.getPrototypeOf(Int8Array.prototype).fill = () => null;
      globalThis.JSON = { parse: () => 1 };
    `);
    expect(watch.changed().sort()).toEqual(
      [
        "Math.abs",
        "Array.prototype.map",
        "Map.prototype.size",
        "TypedArray.prototype.fill",
        "self.JSON",
      ].sort(),
    );
  });

  it("ignores what code adds, such as new globals or new methods", () => {
    const { global, run } = realm();
    const watch = watchBuiltins(global);
    run("globalThis.answer = 42; Array.prototype.last = function () { return this.at(-1); };");
    expect(watch.changed()).toEqual([]);
  });

  it("sees a property made read-only even when its value is kept", () => {
    const { global, run } = realm();
    const watch = watchBuiltins(global);
    run('Object.defineProperty(Math, "max", { writable: false });');
    expect(watch.changed()).toEqual(["Math.max"]);
  });
});

describe("builtinsNotice", () => {
  it("names up to three built-ins and counts the rest", () => {
    expect(builtinsNotice(["Math.abs"])).toMatch(/^This code replaced Math\.abs, which/);
    expect(builtinsNotice(["Math.abs", "JSON.parse"])).toContain(
      "replaced Math.abs and JSON.parse,",
    );
    expect(builtinsNotice(["a.x", "b.y", "c.z"])).toContain("replaced a.x, b.y and c.z,");
    expect(builtinsNotice(["a.x", "b.y", "c.z", "d.w"])).toContain(
      "replaced a.x, b.y and 2 more built-ins,",
    );
  });
});
