import ts from "typescript";
import { describe, expect, it } from "vitest";
import { decodeVlq, lineMap, originalLine } from "@/widgets/CodeCell/source-map";

describe("decodeVlq(segment)", () => {
  it.each([
    ["A", [0]],
    ["C", [1]],
    ["D", [-1]],
    ["gB", [16]],
    ["AAAA", [0, 0, 0, 0]],
    ["SAAQ", [9, 0, 0, 8]],
  ])("decodes %s", (segment, want) => {
    expect(decodeVlq(segment)).toEqual(want);
  });
});

describe("lineMap(mappings) with TypeScript's own source map", () => {
  it("maps each line of transpiled CommonJS back to the line of the TypeScript source", () => {
    const source = [
      'import { analogy } from "lab";', // 1
      "", // 2
      "interface Row { word: string }", // 3 (erased)
      "const rows: Row[] = [];", // 4
      "type T = number;", // 5 (erased)
      'throw new Error("here");', // 6
    ].join("\n");
    const out = ts.transpileModule(source, {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2020,
        sourceMap: true,
      },
    });
    const js = out.outputText.split("\n");
    const map = lineMap((JSON.parse(out.sourceMapText ?? "{}") as { mappings: string }).mappings);
    const throwLine = js.findIndex((l) => l.includes('throw new Error("here")')) + 1;
    const rowsLine = js.findIndex((l) => l.includes("const rows = []")) + 1;
    expect(originalLine(map, throwLine)).toBe(6);
    expect(originalLine(map, rowsLine)).toBe(4);
  });
});
