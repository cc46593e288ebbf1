/**
 * Runs transpiled (CommonJS) code as an async function with `require`,
 * `exports` and `module`, where "lab" is the only module. Used by the sandbox
 * (for cells) and by the checker (for an exercise's checks), each in its own
 * worker with its own copy of the lab library.
 */
import { checkModules, LAB_MODULE, requiredModules } from "./modules";

type ModuleFunction = (...args: unknown[]) => Promise<unknown>;
async function probe(): Promise<void> {
  await Promise.resolve();
}
const AsyncFunction = (Object.getPrototypeOf(probe) as { constructor: unknown })
  .constructor as new (...args: string[]) => ModuleFunction;

/** Lines the Function constructor puts before the body ("async function anonymous(…\n) {\n"). */
export const WRAPPER_LINES = 2;

/** Runs `code` (named `name` in stack traces) and resolves with its exports. */
export async function loadCommonJs(code: string, name: string): Promise<Record<string, unknown>> {
  const missing = checkModules(code);
  if (missing) throw new Error(missing);
  const lab: unknown = requiredModules(code).includes(LAB_MODULE) ? await import("./lab") : null;
  const exports: Record<string, unknown> = {};
  const module = { exports };
  const require = (id: string): unknown => {
    if (id === LAB_MODULE && lab) return lab;
    throw new Error(checkModules(`require("${id}")`) ?? `Cannot find module "${id}".`);
  };
  const run = new AsyncFunction("require", "exports", "module", `${code}\n//# sourceURL=${name}`);
  await run(require, exports, module);
  return module.exports;
}
