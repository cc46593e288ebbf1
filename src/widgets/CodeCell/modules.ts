/**
 * Module resolution for cells: the transpiled (CommonJS) code names its
 * imports in require("…") calls; only "lab" exists in the sandbox.
 */
export const LAB_MODULE = "lab";

/** The module names a transpiled cell requires, in order of first use. */
export function requiredModules(js: string): string[] {
  const found: string[] = [];
  for (const match of js.matchAll(/\brequire\(\s*(["'])([^"']+)\1\s*\)/g)) {
    const name = match[2];
    if (name !== undefined && !found.includes(name)) found.push(name);
  }
  return found;
}

/** The message for an import that the sandbox cannot satisfy. */
export function unknownModuleMessage(name: string): string {
  return `Cannot find module "${name}". Cells can import only from "lab" (the course library), e.g. import { analogy } from "lab".`;
}

/** Checks the modules a cell needs; returns an error message for the first unknown one, else null. */
export function checkModules(js: string): string | null {
  const unknown = requiredModules(js).find((name) => name !== LAB_MODULE);
  return unknown === undefined ? null : unknownModuleMessage(unknown);
}
