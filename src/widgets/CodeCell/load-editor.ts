/**
 * Loads the Monaco part of code cells (editor.ts) as a separately bundled ES
 * module. Bundled this way (Vite's `?worker&url` build, which gives a module
 * URL), the CSS files Monaco imports stay out of the lesson page: Astro adds
 * every stylesheet reachable from a page's scripts to its <head>, even behind
 * a dynamic import (withastro/astro#9495). editor.ts loads Monaco's one
 * self-contained stylesheet itself, when a cell is first used. Such a bundle
 * keeps no exports, so editor.ts publishes its API under a global symbol.
 */
import type { EditorApi } from "./editor";
import editorUrl from "./editor.ts?worker&url";

export type EditorModule = EditorApi;

/** The same key as editor.ts's EDITOR_KEY (importing it would bundle Monaco into the page's chunk). */
const KEY = Symbol.for("llmlab.code-cell.editor");

let loading: Promise<EditorModule> | null = null;

export function loadEditor(): Promise<EditorModule> {
  loading ??= import(/* @vite-ignore */ editorUrl).then(async () => {
    const api = (globalThis as unknown as Record<symbol, EditorApi | undefined>)[KEY];
    if (!api) throw new Error("The editor did not start.");
    await api.ready;
    return api;
  });
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
