/** The toolbar's controls that depend on the model: layer and head pickers, head toggles. */
import type { HeadChoice } from "@/lib/encoder/index";
import type { HeadStyle } from "./palette";

const SVG_NS = "http://www.w3.org/2000/svg";

/** Fills the layer select and the heatmap's head select for a model's size. */
export function fillSelects(
  layerSelect: HTMLSelectElement,
  headSelect: HTMLSelectElement,
  layers: number,
  heads: number,
  layer: number,
  heatHead: HeadChoice,
): void {
  layerSelect.replaceChildren(
    ...Array.from({ length: layers }, (_, l) => new Option(`Layer ${l + 1}`, String(l))),
  );
  layerSelect.value = String(layer);
  headSelect.replaceChildren(
    new Option("Mean of all heads", "mean"),
    ...Array.from({ length: heads }, (_, h) => new Option(`Head ${h + 1}`, String(h))),
  );
  headSelect.value = String(heatHead);
}

/** One toggle button per head, with its line style as a swatch, and "All heads". */
export function headButtons(box: HTMLElement, styles: readonly HeadStyle[]): void {
  const buttons = styles.map((style, h) => {
    const button = document.createElement("button");
    button.type = "button";
    button.dataset["head"] = String(h);
    button.className = "av-head-toggle";
    const swatch = document.createElementNS(SVG_NS, "svg");
    swatch.setAttribute("viewBox", "0 0 24 10");
    swatch.setAttribute("aria-hidden", "true");
    const line = document.createElementNS(SVG_NS, "line");
    for (const [k, v] of Object.entries({ x1: 1, y1: 5, x2: 23, y2: 5, "stroke-width": 4 }))
      line.setAttribute(k, String(v));
    line.setAttribute("stroke", style.color);
    if (style.dash) line.setAttribute("stroke-dasharray", style.dash);
    swatch.append(line);
    button.append(swatch, `Head ${h + 1}`);
    return button;
  });
  const all = document.createElement("button");
  all.type = "button";
  all.dataset["head"] = "all";
  all.textContent = "All heads";
  box.replaceChildren(...buttons, all);
}

/** Marks each head's toggle pressed when the head is shown. */
export function syncHeadButtons(box: HTMLElement, visible: readonly boolean[]): void {
  for (const button of box.querySelectorAll<HTMLButtonElement>("button[data-head]")) {
    const h = button.dataset["head"];
    if (h !== "all") button.setAttribute("aria-pressed", String(visible[Number(h)] ?? false));
  }
}
