/** What the learner has chosen to see (the view, the layer, the heads) and how it is kept in the URL. */
import type { HeadChoice } from "@/lib/encoder/index";
import { isOfflineChoice } from "@/scripts/offline-models";
import { attentionPresetById, presetForSentence } from "./presets";

export const VIEWS = ["head", "model", "heatmap"] as const;
export type View = (typeof VIEWS)[number];

export interface Selection {
  view: View;
  /** Layer index, from 0. */
  layer: number;
  /** Heads shown in the head view. */
  visible: readonly boolean[];
  /** The heatmap's head, or the mean of heads. */
  heatHead: HeadChoice;
}

export const DEFAULT_HUB_MODEL = "Xenova/bert-base-uncased";

/** The widget's state as read from the URL. */
export interface Saved {
  sentence: string;
  view: View;
  layer: number;
  /** 1-based head numbers, "1,3,4", applied once the model's head count is known. */
  heads: string | undefined;
  heatHead: HeadChoice;
  remote: boolean;
  model: string;
  /** The offline model ("use-lite", "gpt", "mlm"). */
  offline: string;
}

export function readSaved(state: ReadonlyMap<string, string>): Saved {
  const view = state.get("v");
  const heat = Number(state.get("hh"));
  return {
    sentence: state.get("s") ?? attentionPresetById(state.get("p")).sentence,
    view: VIEWS.includes(view as View) ? (view as View) : "head",
    layer: Math.max(0, Number(state.get("l") ?? 1) - 1 || 0),
    heads: state.get("h"),
    heatHead: Number.isInteger(heat) && heat >= 1 ? heat - 1 : "mean",
    remote: state.get("r") === "1",
    model: state.get("m") ?? DEFAULT_HUB_MODEL,
    offline: isOfflineChoice(state.get("o")) ? (state.get("o") as string) : "use-lite",
  };
}

/** Heads to show from "1,3,4" (all when absent or empty). */
export function visibleFrom(saved: string | undefined, heads: number): boolean[] {
  const wanted = saved
    ?.split(",")
    .map((s) => Number(s) - 1)
    .filter((h) => Number.isInteger(h) && h >= 0 && h < heads);
  return Array.from({ length: heads }, (_, h) =>
    wanted && wanted.length > 0 ? wanted.includes(h) : true,
  );
}

/** The URL values for a state; defaults are left out, a very long text stays out of the URL. */
export function savedValues(
  text: string,
  selection: Selection,
  remote: boolean,
  model: string,
  maxChars: number,
  offline = "use-lite",
): Record<string, string | null> {
  const preset = presetForSentence(text);
  const { view, layer, visible, heatHead } = selection;
  const values: Record<string, string | null> = {
    p: preset && preset.id !== "bank" ? preset.id : null,
    v: view === "head" ? null : view,
    l: layer > 0 ? String(layer + 1) : null,
    h: visible.every(Boolean)
      ? null
      : visible.flatMap((on, h) => (on ? [h + 1] : [])).join(",") || "0",
    hh: heatHead === "mean" ? null : String(heatHead + 1),
    r: remote ? "1" : null,
    m: model && model !== DEFAULT_HUB_MODEL ? model : null,
    o: offline === "use-lite" ? null : offline,
  };
  if (!preset && text.length <= maxChars) values["s"] = text;
  else if (preset) values["s"] = null;
  return values;
}
