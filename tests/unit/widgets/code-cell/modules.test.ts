import { describe, expect, it } from "vitest";
import { checkModules, requiredModules } from "@/widgets/CodeCell/modules";

describe("requiredModules(js)", () => {
  it("lists each module a CommonJS cell requires, once, in order", () => {
    const js = `"use strict";\nconst lab_1 = require("lab");\nconst fs = require('node:fs');\nconst again = require("lab");`;
    expect(requiredModules(js)).toEqual(["lab", "node:fs"]);
  });
  it("ignores a require that is not a call with a string", () => {
    expect(requiredModules("const r = require; const x = requireX('a'); r(name);")).toEqual([]);
  });
});

describe("checkModules(js)", () => {
  it("accepts lab and no imports", () => {
    expect(checkModules('require("lab")')).toBeNull();
    expect(checkModules("console.log(1)")).toBeNull();
  });
  it("names an unknown module and says what can be imported", () => {
    expect(checkModules('require("lab"); require("lodash")')).toBe(
      'Cannot find module "lodash". Cells can import only from "lab" (the course library), e.g. import { analogy } from "lab".',
    );
  });
});
