/// <reference types="vite/client" />
/**
 * Monaco for code cells, loaded only when a cell is first used: the editor,
 * the TypeScript language service with the `lab` module's types (generated
 * from src/lib by scripts/assets/lab-types.ts), and transpiling a cell to
 * the CommonJS the sandbox runs.
 */
import * as monaco from "monaco-editor/editor/editor.api";
import "monaco-editor/languages/definitions/typescript/register";
import {
  getTypeScriptWorker,
  ModuleKind,
  ModuleResolutionKind,
  ScriptTarget,
  typescriptDefaults,
  type TypeScriptWorker,
} from "monaco-editor/languages/features/typescript/register";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import TsWorker from "monaco-editor/languages/features/typescript/ts.worker?worker";
import { lineMap, originalLine } from "./source-map";
// Monaco's whole stylesheet in one file (fonts inlined); the ESM files' own CSS imports are not served.
import monacoCss from "../../../node_modules/monaco-editor/min/vs/editor/editor.main.css?url";
import { ASSETS } from "../../lib/assets/paths";

export { monaco };

/** Resolves once Monaco's stylesheet has loaded (the editor measures text with it). */
export const ready = new Promise<void>((resolve, reject) => {
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = monacoCss;
  link.dataset["monaco"] = "";
  link.addEventListener("load", () => {
    resolve();
  });
  link.addEventListener("error", () => {
    reject(new Error("Could not load the editor's stylesheet."));
  });
  document.head.append(link);
});

(globalThis as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    return label === "typescript" || label === "javascript" ? new TsWorker() : new EditorWorker();
  },
};

/** TypeScript errors about top-level await under CommonJS: the sandbox runs cells in an async function. */
const IGNORED = [1375, 1378, 1431, 1432];

typescriptDefaults.setCompilerOptions({
  target: ScriptTarget.ES2020,
  module: ModuleKind.CommonJS,
  moduleResolution: ModuleResolutionKind.NodeJs,
  lib: ["es2022", "webworker"],
  strict: true,
  sourceMap: true,
  esModuleInterop: true,
  allowNonTsExtensions: true,
});
typescriptDefaults.setDiagnosticsOptions({ diagnosticCodesToIgnore: IGNORED });
typescriptDefaults.setEagerModelSync(true);

// vs-dark's comment green (#6A9955) and regular-expression blue (#646695) are below 4.5:1 on
// its background; lighten them (axe color-contrast).
monaco.editor.defineTheme("lab-dark", {
  base: "vs-dark",
  inherit: true,
  rules: [
    { token: "comment", foreground: "8FBF7F" },
    { token: "regexp", foreground: "D7BA7D" },
  ],
  colors: {},
});

let typesLoaded: Promise<void> | null = null;

/** Adds the `lab` module's declarations to the language service (once). */
export function loadLabTypes(): Promise<void> {
  typesLoaded ??= fetch(ASSETS.labTypes)
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${String(response.status)}`);
      return response.json() as Promise<Record<string, string>>;
    })
    .then((files) => {
      for (const [path, text] of Object.entries(files))
        typescriptDefaults.addExtraLib(text, `file:///${path}`);
    })
    .catch(() => {
      typesLoaded = null; // the editor works without completion for lab; try again next time
    });
  return typesLoaded;
}

/**
 * The TypeScript worker for a model. Monaco sets up its TypeScript support
 * when the first TypeScript model appears, asynchronously: until then
 * getTypeScriptWorker() rejects ("TypeScript not registered"), so wait.
 */
async function tsWorker(uri: monaco.Uri): Promise<TypeScriptWorker> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await (
        await getTypeScriptWorker()
      )(uri);
    } catch (error) {
      if (attempt > 400 || !String(error).includes("not registered")) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

export interface Transpiled {
  js: string;
  /** Maps a line of `js` (1-based) to the cell's line (1-based). */
  toSource(line: number): number | null;
}

export interface SyntaxProblem {
  line: number;
  column: number;
  message: string;
}

function flatten(text: string | { messageText: string } | undefined): string {
  if (text === undefined) return "";
  return typeof text === "string" ? text : text.messageText;
}

/** Syntax errors of a model, from the TypeScript worker. */
export async function syntaxProblems(model: monaco.editor.ITextModel): Promise<SyntaxProblem[]> {
  const worker = await tsWorker(model.uri);
  const found = await worker.getSyntacticDiagnostics(model.uri.toString());
  return found.map((d) => {
    const position = model.getPositionAt(d.start ?? 0);
    return {
      line: position.lineNumber,
      column: position.column,
      message: flatten(d.messageText),
    };
  });
}

/** Transpiles a model's TypeScript to CommonJS with a line map back to the source. */
export async function transpile(model: monaco.editor.ITextModel): Promise<Transpiled> {
  const worker = await tsWorker(model.uri);
  const output = await worker.getEmitOutput(model.uri.toString());
  const js = output.outputFiles.find((f) => f.name.endsWith(".js"))?.text;
  const map = output.outputFiles.find((f) => f.name.endsWith(".js.map"))?.text;
  if (js === undefined) throw new Error("TypeScript produced no JavaScript for this cell.");
  const lines = map ? lineMap((JSON.parse(map) as { mappings: string }).mappings) : [];
  return {
    js: js.replace(/\n\/\/# sourceMappingURL=.*$/, ""),
    toSource: (line) => originalLine(lines, line),
  };
}

/** What code-cell.ts uses; published on globalThis because a `?worker&url` bundle keeps no exports. */
const api = { monaco, ready, loadLabTypes, syntaxProblems, transpile };
export type EditorApi = typeof api;
export const EDITOR_KEY = Symbol.for("llmlab.code-cell.editor");
(globalThis as unknown as Record<symbol, EditorApi>)[EDITOR_KEY] = api;
