/** Reads a model file in a browser or a worker; Node callers pass their own reader (see node.ts). */
import { LmError } from "./errors";

export type ReadFile = (path: string) => Promise<Uint8Array>;

export const fetchFile: ReadFile = async (path) => {
  const response = await fetch(path);
  if (!response.ok) throw new LmError(`Could not load ${path} (HTTP ${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
};

export function modelFilePath(base: string, model: string, file: string): string {
  return `${base.replace(/\/?$/, "/")}${model}/${file}`;
}
