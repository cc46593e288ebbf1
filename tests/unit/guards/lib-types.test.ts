/**
 * tsconfig.lib.json type-checks src/lib without the DOM: a probe that uses
 * page globals fails, and the real library passes.
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const PROBE = join(ROOT, "src/lib/encoder/__probe_types__.ts");

function libProgram(extra: string[]): ts.Program {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(ROOT, "tsconfig.lib.json"), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  });
  if (!parsed) throw new Error("tsconfig.lib.json could not be read");
  // Other guards' probes may exist for a moment; they are not part of the library.
  const files = parsed.fileNames.filter((f) => !f.includes("__probe"));
  return ts.createProgram([...files, ...extra], parsed.options);
}

function describeAll(diagnostics: readonly ts.Diagnostic[]): string[] {
  return diagnostics.map(
    (d) =>
      `${d.file?.fileName.slice(ROOT.length) ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`,
  );
}

describe("tsconfig.lib.json", () => {
  it("has no DOM library", () => {
    const parsed = ts.getParsedCommandLineOfConfigFile(join(ROOT, "tsconfig.lib.json"), undefined, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => undefined,
    });
    expect(parsed?.options.lib?.some((lib) => /dom|webworker/i.test(lib))).toBe(false);
  });

  it("rejects document, window, localStorage and navigator in src/lib and passes the real library", () => {
    writeFileSync(
      PROBE,
      [
        "export const title: string = document.title;",
        "export const width: number = window.innerWidth;",
        "export const saved = localStorage.getItem('x');",
        "export const agent: string = navigator.userAgent;",
        "",
      ].join("\n"),
    );
    let diagnostics: readonly ts.Diagnostic[];
    try {
      const program = libProgram([PROBE]);
      diagnostics = ts.getPreEmitDiagnostics(program);
    } finally {
      rmSync(PROBE, { force: true });
    }
    const inProbe = describeAll(diagnostics.filter((d) => d.file?.fileName === PROBE));
    for (const name of ["document", "window", "localStorage", "navigator"])
      expect(inProbe.some((text) => text.includes(`Cannot find name '${name}'`))).toBe(true);
    expect(describeAll(diagnostics.filter((d) => d.file?.fileName !== PROBE))).toEqual([]);
  });
});
