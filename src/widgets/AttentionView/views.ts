/**
 * The three drawings of one encoding (head view, model view, heatmap), the
 * enlarged thumbnail in a dialog, the caption and the export of the view on
 * show. The element owns the state; this class draws what it is told.
 */
import { headWeights, meanOverHeads, type Encoding } from "@/lib/encoder/index";
import { captionText } from "./caption";
import { drawHeatmap } from "./heatmap-view";
import { HeadView } from "./head-view";
import type { TokenFocus } from "./line-canvas";
import { buildModelGrid, modelGridSvg } from "./model-view";
import type { HeadStyle, Theme } from "./palette";
import { VIEWS, type Selection } from "./selection";

export interface ViewParts {
  part(name: string): HTMLElement;
  dialog: HTMLDialogElement;
  /** Prefix for ids inside the drawings. */
  idPrefix: string;
  /** Where a focused word's caption goes. */
  onCaption(text: string): void;
}

const HEAD_VIEW_LABEL =
  "Head view: the words on the left look at the words on the right; line opacity is the attention weight. Each word is a button: focus or hover it to keep only its lines.";

export class AttentionViews {
  readonly #parts: ViewParts;
  readonly #head: HeadView;
  readonly #dialogView: HeadView;
  #encoding: Encoding | null = null;
  #theme: Theme | null = null;
  #styles: readonly HeadStyle[] = [];
  #selection: Selection | null = null;
  /** The layer and head in the dialog, while it is open. */
  dialogAt: { layer: number; head: number } | null = null;

  constructor(parts: ViewParts) {
    this.#parts = parts;
    this.#head = new HeadView(parts.part("head-view"), (focus) => {
      this.#caption(focus);
    });
    this.#dialogView = new HeadView(parts.part("dialog-figure"), () => undefined);
  }

  get focus(): TokenFocus | null {
    return this.#head.focus;
  }

  /** A new sentence, model or theme: builds the head view; the model view is built when shown. */
  setEncoding(encoding: Encoding, theme: Theme, styles: readonly HeadStyle[]): void {
    this.#encoding = encoding;
    this.#theme = theme;
    this.#styles = styles;
    this.#head.build(encoding.tokens, styles, theme, HEAD_VIEW_LABEL);
    this.#parts.part("model-view").replaceChildren();
  }

  /** Shows the selected view and draws it. */
  show(selection: Selection): void {
    for (const view of VIEWS) this.#parts.part(`${view}-view`).hidden = view !== selection.view;
    this.#selection = selection;
    if (selection.view === "model") this.#drawModel();
    this.redraw(selection);
  }

  /** Redraws for a new layer or head set; cheap in the head view (see LineCanvas). */
  redraw(selection: Selection, prepare = false): void {
    const encoding = this.#encoding;
    const attention = encoding?.attentions[selection.layer];
    this.#selection = selection;
    if (!encoding || !attention || !this.#theme) return;
    if (selection.view === "head") {
      this.#head.update(attention, selection.visible, selection.layer);
      if (prepare) this.#head.prepare(encoding.attentions);
    } else if (selection.view === "heatmap") {
      const head = selection.heatHead;
      drawHeatmap(
        this.#parts.part("heatmap-view"),
        {
          tokens: encoding.tokens,
          weights: head === "mean" ? meanOverHeads(attention) : headWeights(attention, head),
          layer: selection.layer,
          head,
          gradientId: `${this.#parts.idPrefix}-heat-gradient`,
        },
        this.#theme,
      );
    }
    this.#caption(selection.view === "head" ? this.#head.focus : null);
  }

  clearCache(): void {
    this.#head.clearCache();
  }

  /** Enlarges one head of one layer in the dialog. */
  openDialog(layer: number, head: number): void {
    const encoding = this.#encoding;
    const attention = encoding?.attentions[layer];
    if (!encoding || !attention || !this.#theme) return;
    this.dialogAt = { layer, head };
    this.#parts.part("dialog-title").textContent = `Layer ${layer + 1}, head ${head + 1}`;
    this.#dialogView.build(
      encoding.tokens,
      this.#styles,
      this.#theme,
      `Layer ${layer + 1}, head ${head + 1}, enlarged: focus or hover a word to keep only its lines.`,
    );
    this.#dialogView.update(
      attention,
      this.#styles.map((_, h) => h === head),
      layer,
    );
    this.#parts.dialog.showModal();
  }

  /** The view on show as a standalone SVG, with a file name. */
  exportSvg(): { svg: SVGSVGElement; name: string } {
    const encoding = this.#encoding;
    const selection = this.#selection;
    const theme = this.#theme;
    if (!encoding || !selection || !theme) throw new Error("Nothing to export yet.");
    const layer = selection.layer + 1;
    if (selection.view === "model")
      return {
        svg: modelGridSvg(encoding.attentions, this.#styles, theme),
        name: "attention-model-view",
      };
    if (selection.view === "heatmap") {
      const svg = this.#parts.part("heatmap-view").querySelector("svg");
      if (!svg) throw new Error("Nothing to export yet.");
      const head = selection.heatHead === "mean" ? "mean" : `head-${selection.heatHead + 1}`;
      return { svg, name: `attention-heatmap-layer-${layer}-${head}` };
    }
    return { svg: this.#head.toSvg(), name: `attention-head-view-layer-${layer}` };
  }

  #drawModel(): void {
    const encoding = this.#encoding;
    const theme = this.#theme;
    const host = this.#parts.part("model-view");
    if (!encoding || !theme || host.childElementCount > 0) return;
    buildModelGrid(host, encoding.attentions, this.#styles, theme, (layer, head) => {
      this.openDialog(layer, head);
    });
  }

  #caption(focus: TokenFocus | null): void {
    if (this.#encoding && this.#selection)
      this.#parts.onCaption(captionText(this.#encoding, this.#selection, focus));
  }
}
