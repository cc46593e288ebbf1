/**
 * AttentionView: BertViz's head view and model view, plus a heatmap, for the
 * learner's sentence. The offline encoder (or, when the learner allows it, a
 * hub model) runs in a Web Worker; this element only draws and keeps state.
 */
import { OFFLINE_MODEL, hubIdProblem, loadModel, type LoadedModel } from "./models";
import {
  attentionRow,
  headWeights,
  meanOverHeads,
  previousTokenHead,
  topAttended,
  type AttentionTensor,
  type Encoding,
  type EncoderInfo,
  type HeadChoice,
} from "@/lib/encoder/index";
import { LabWidget } from "@/scripts/lab-widget";
import { download, serializeSvg, svgToPng } from "./export";
import { drawHeatmap } from "./heatmap-view";
import { HeadView, type TokenFocus } from "./head-view";
import { THUMB_MIN_WEIGHT, buildModelGrid, modelGridSvg } from "./model-view";
import { headStyles, readTheme, type HeadStyle, type Theme } from "./palette";
import { attentionPresetById, presetForSentence } from "./presets";

const VIEWS = ["head", "model", "heatmap"] as const;
type View = (typeof VIEWS)[number];
/** Longer input is refused before it reaches the model (a pasted page, not a sentence). */
const MAX_CHARS = 2000;
/** The views stay readable (and quick) up to this many tokens. */
const MAX_TOKENS = 80;
const DEFAULT_HUB_MODEL = "Xenova/bert-base-uncased";

function formatWeight(w: number): string {
  return w.toFixed(2);
}

class AttentionView extends LabWidget {
  #encoding: Encoding | null = null;
  #info: EncoderInfo | null = null;
  #view: View = "head";
  #layer = 0;
  #visible: boolean[] = [];
  #heatHead: HeadChoice = "mean";
  #styles: HeadStyle[] = [];
  #theme: Theme | null = null;
  #head: HeadView | null = null;
  #dialogView: HeadView | null = null;
  #dialogAt: { layer: number; head: number } | null = null;
  #headsFromUrl: string | undefined;
  #runs = 0;

  protected setup(): void {
    const state = this.readState();
    const preset = attentionPresetById(state.get("p"));
    this.el("sentence", HTMLTextAreaElement).value = state.get("s") ?? preset.sentence;
    this.#syncPresetSelect();
    const view = state.get("v");
    if (VIEWS.includes(view as View)) this.#view = view as View;
    this.#layer = Math.max(0, Number(state.get("l") ?? 1) - 1 || 0);
    this.#headsFromUrl = state.get("h");
    const heat = state.get("hh");
    if (heat && Number.isInteger(Number(heat))) this.#heatHead = Number(heat) - 1;
    const remote = this.el("remote", HTMLInputElement);
    const modelId = this.el("model-id", HTMLInputElement);
    remote.checked = state.get("r") === "1";
    modelId.value = state.get("m") ?? DEFAULT_HUB_MODEL;
    modelId.disabled = !remote.checked;
    if (remote.checked) this.el("online", HTMLDetailsElement).open = true;

    this.#head = new HeadView(this.el("head-view"), (focus) => {
      this.#caption(focus);
    });
    this.#dialogView = new HeadView(this.el("dialog-figure"), () => undefined);
    this.#wire();
    this.#syncViewControls();
    document.addEventListener("llmlab:theme", () => {
      this.#rebuild();
    });
    void this.guard(() => this.#run(OFFLINE_MODEL));
  }

  // ---- public hooks (tests and the benchmark call these) -------------------

  /** Shows layer `layer` (from 0) and redraws at once. */
  setLayer(layer: number): void {
    const count = this.#encoding?.attentions.length ?? 1;
    this.#layer = Math.max(0, Math.min(count - 1, layer));
    this.el("layer", HTMLSelectElement).value = String(this.#layer);
    this.#saveState();
    this.redraw();
  }

  /** Shows the heads marked true and redraws at once. */
  setHeads(visible: readonly boolean[]): void {
    this.#visible = this.#visible.map((_, h) => visible[h] ?? false);
    this.#syncHeadButtons();
    this.#saveState();
    this.redraw();
  }

  /** Redraws the current view for the current layer and heads (no rebuild). */
  redraw(): void {
    const attention = this.#attention();
    if (!attention || !this.#encoding) return;
    this.dataset["layer"] = String(this.#layer);
    if (this.#view === "head") {
      this.#head?.update(attention, this.#visible);
      this.#caption(this.#head?.focus ?? null);
    } else if (this.#view === "heatmap") {
      this.#drawHeatmap(attention);
    }
  }

  // ---- events ---------------------------------------------------------------

  #wire(): void {
    const sentence = this.el("sentence", HTMLTextAreaElement);
    sentence.addEventListener("input", () => {
      this.#syncPresetSelect();
      this.#saveState();
    });
    sentence.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey) {
        event.preventDefault();
        void this.guard(() => this.#run(this.#chosenModel()));
      }
    });
    this.el("preset", HTMLSelectElement).addEventListener("change", (event) => {
      const id = (event.target as HTMLSelectElement).value;
      if (id === "own") return;
      sentence.value = attentionPresetById(id).sentence;
      this.#saveState();
      void this.guard(() => this.#run(this.#chosenModel()));
    });
    this.el("run", HTMLButtonElement).addEventListener("click", () => {
      void this.guard(() => this.#run(this.#chosenModel()));
    });
    const remote = this.el("remote", HTMLInputElement);
    remote.addEventListener("change", () => {
      this.el("model-id", HTMLInputElement).disabled = !remote.checked;
      this.#saveState();
      if (!remote.checked && this.#info && !this.#info.offline)
        void this.guard(() => this.#run(OFFLINE_MODEL));
    });
    this.el("model-id", HTMLInputElement).addEventListener("input", () => {
      this.#saveState();
    });
    this.el("views").addEventListener("change", (event) => {
      this.#setView((event.target as HTMLInputElement).value as View);
    });
    this.el("layer", HTMLSelectElement).addEventListener("change", (event) => {
      this.setLayer(Number((event.target as HTMLSelectElement).value));
    });
    this.el("heat-head", HTMLSelectElement).addEventListener("change", (event) => {
      const value = (event.target as HTMLSelectElement).value;
      this.#heatHead = value === "mean" ? "mean" : Number(value);
      this.#saveState();
      this.redraw();
    });
    const heads = this.el("heads");
    heads.addEventListener("click", (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>("button[data-head]");
      if (!button) return;
      const h = button.dataset["head"];
      if (h === "all") this.setHeads(this.#visible.map(() => true));
      else this.#toggleHead(Number(h));
    });
    heads.addEventListener("dblclick", (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>("button[data-head]");
      const h = Number(button?.dataset["head"]);
      if (Number.isInteger(h)) this.setHeads(this.#visible.map((_, i) => i === h));
    });
    this.el("png", HTMLButtonElement).addEventListener("click", () => {
      void this.guard(() => this.#export("png"));
    });
    this.el("svg", HTMLButtonElement).addEventListener("click", () => {
      void this.guard(() => this.#export("svg"));
    });
    const dialog = this.el("dialog", HTMLDialogElement);
    this.el("dialog-close", HTMLButtonElement).addEventListener("click", () => {
      dialog.close();
    });
    this.el("dialog-open", HTMLButtonElement).addEventListener("click", () => {
      const at = this.#dialogAt;
      dialog.close();
      if (!at) return;
      this.#visible = this.#visible.map((_, h) => h === at.head);
      this.#layer = at.layer;
      this.el("layer", HTMLSelectElement).value = String(at.layer);
      this.#syncHeadButtons();
      this.#setView("head");
      this.el("views").querySelector<HTMLInputElement>('input[value="head"]')?.focus();
    });
    dialog.addEventListener("close", () => {
      const at = this.#dialogAt;
      this.#dialogAt = null;
      if (at)
        this.querySelector<HTMLButtonElement>(
          `.av-thumb[data-layer="${at.layer}"][data-head="${at.head}"]`,
        )?.focus();
    });
  }

  protected override onKey(event: KeyboardEvent): boolean {
    if (!this.#encoding || event.target instanceof HTMLSelectElement) return false;
    const heads = this.#visible.length;
    if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
      if (this.#view === "model") return false;
      this.setLayer(this.#layer + (event.key === "ArrowRight" ? 1 : -1));
      return true;
    }
    if (event.key === "v" || event.key === "V") {
      this.#setView(VIEWS[(VIEWS.indexOf(this.#view) + 1) % VIEWS.length] as View);
      return true;
    }
    if (/^[0-9]$/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const h = Number(event.key) - 1;
      if (h >= heads) return false;
      if (this.#view === "heatmap") {
        this.#heatHead = h < 0 ? "mean" : h;
        this.el("heat-head", HTMLSelectElement).value = String(this.#heatHead);
        this.#saveState();
        this.redraw();
      } else if (h < 0) this.setHeads(this.#visible.map(() => true));
      else this.#toggleHead(h);
      return true;
    }
    return false;
  }

  // ---- model ----------------------------------------------------------------

  #chosenModel(): string {
    return this.el("remote", HTMLInputElement).checked
      ? this.el("model-id", HTMLInputElement).value.trim()
      : OFFLINE_MODEL;
  }

  async #run(model: string): Promise<void> {
    this.clearError();
    const text = this.el("sentence", HTMLTextAreaElement).value;
    if (!text.trim()) throw new Error("Type a sentence to see its attention.");
    if (text.length > MAX_CHARS)
      throw new Error(
        `That is ${text.length.toLocaleString("en")} characters: paste a sentence or two (at most ${MAX_CHARS.toLocaleString("en")} characters).`,
      );
    if (model !== OFFLINE_MODEL) {
      const problem = hubIdProblem(model);
      if (problem) throw new Error(problem);
    }
    const run = ++this.#runs;
    const button = this.el("run", HTMLButtonElement);
    button.disabled = true;
    try {
      this.showLoading(
        model === OFFLINE_MODEL
          ? "Loading the offline model…"
          : `Downloading ${model} from the Hugging Face hub…`,
      );
      const loaded: LoadedModel = await loadModel(model, (p) => {
        if (run === this.#runs)
          this.showLoading(`Loading the model: ${p.file || "files"}…`, p.fraction ?? undefined);
      });
      this.showLoading("Computing attention…");
      const { encodings, ms } = await loaded.client.encode([text]);
      if (run !== this.#runs) return;
      const encoding = encodings[0];
      const first = encoding?.attentions[0];
      if (!encoding || !first) throw new Error(`${loaded.info.name} returned no attention.`);
      if (encoding.tokens.length > MAX_TOKENS)
        throw new Error(
          `This text has ${encoding.tokens.length} tokens; the views show at most ${MAX_TOKENS}. Shorten it to a sentence or two.`,
        );
      this.#encoding = encoding;
      this.#info = loaded.info;
      this.dataset["encodeMs"] = ms.toFixed(1);
      this.#adopt(encoding);
    } finally {
      if (run === this.#runs) {
        button.disabled = false;
        this.hideLoading();
      }
    }
  }

  /** Takes layers and heads from the encoding itself, then draws. */
  #adopt(encoding: Encoding): void {
    const layers = encoding.attentions.length;
    const heads = encoding.attentions[0]?.heads ?? 0;
    this.#layer = Math.min(this.#layer, layers - 1);
    if (this.#visible.length !== heads) {
      const wanted = this.#headsFromUrl
        ?.split(",")
        .map((s) => Number(s) - 1)
        .filter((h) => Number.isInteger(h) && h >= 0 && h < heads);
      this.#visible = Array.from({ length: heads }, (_, h) =>
        wanted && wanted.length > 0 ? wanted.includes(h) : true,
      );
      this.#headsFromUrl = undefined;
    }
    if (this.#heatHead !== "mean" && this.#heatHead >= heads) this.#heatHead = "mean";
    const info = this.#info;
    this.dataset["layers"] = String(layers);
    this.dataset["heads"] = String(heads);
    this.dataset["model"] = info?.id ?? "";
    this.dataset["tokens"] = JSON.stringify(encoding.tokens);
    this.el("model-status").textContent = info
      ? `${info.offline ? "Universal Sentence Encoder lite" : info.id}: ${layers} layers × ${heads} heads, ${encoding.tokens.length} tokens. ${info.offline ? "Runs offline in your browser." : "Downloaded from the Hugging Face hub."}`
      : "";
    const notice = this.el("notice");
    notice.hidden = !encoding.truncated;
    notice.textContent = encoding.truncated?.notice ?? "";
    this.#fillSelects(layers, heads);
    this.el("toolbar").hidden = false;
    this.#saveState();
    this.#rebuild();
  }

  #attention(): AttentionTensor | undefined {
    return this.#encoding?.attentions[this.#layer];
  }

  // ---- drawing --------------------------------------------------------------

  /** Re-reads colours and rebuilds the current view (new sentence, model or theme). */
  #rebuild(): void {
    const encoding = this.#encoding;
    if (!encoding) return;
    this.#theme = readTheme(this);
    this.#styles = headStyles(this, this.#visible.length);
    this.#buildHeadButtons();
    this.#head?.build(
      encoding.tokens,
      this.#styles,
      this.#theme,
      "Head view: the words on the left look at the words on the right; line opacity is the attention weight. Each word is a button: focus or hover it to keep only its lines.",
    );
    this.el("model-view").replaceChildren();
    this.#showView();
  }

  #showView(): void {
    for (const view of VIEWS) this.el(`${view}-view`).hidden = view !== this.#view;
    this.dataset["view"] = this.#view;
    this.#syncViewControls();
    if (this.#view === "model") this.#drawModel();
    else this.redraw();
    if (this.#view !== "head") this.#caption(null);
  }

  #setView(view: View): void {
    this.#view = view;
    const radio = this.el("views").querySelector<HTMLInputElement>(`input[value="${view}"]`);
    if (radio) radio.checked = true;
    this.#saveState();
    this.#showView();
  }

  #drawModel(): void {
    const encoding = this.#encoding;
    const theme = this.#theme;
    const host = this.el("model-view");
    if (!encoding || !theme || host.childElementCount > 0) return;
    buildModelGrid(host, encoding.attentions, this.#styles, theme, (layer, head) => {
      this.#openDialog(layer, head);
    });
  }

  #drawHeatmap(attention: AttentionTensor): void {
    const encoding = this.#encoding;
    const theme = this.#theme;
    if (!encoding || !theme) return;
    const head = this.#heatHead;
    drawHeatmap(
      this.el("heatmap-view"),
      {
        tokens: encoding.tokens,
        weights: head === "mean" ? meanOverHeads(attention) : headWeights(attention, head),
        layer: this.#layer,
        head,
        gradientId: `${this.stateKey}-heat-gradient`,
      },
      theme,
    );
  }

  #openDialog(layer: number, head: number): void {
    const encoding = this.#encoding;
    const attention = encoding?.attentions[layer];
    if (!encoding || !attention || !this.#theme || !this.#dialogView) return;
    this.#dialogAt = { layer, head };
    this.el("dialog-title").textContent = `Layer ${layer + 1}, head ${head + 1}`;
    this.#dialogView.build(
      encoding.tokens,
      this.#styles,
      this.#theme,
      `Layer ${layer + 1}, head ${head + 1}, enlarged: focus or hover a word to keep only its lines.`,
    );
    this.#dialogView.update(
      attention,
      this.#styles.map((_, h) => h === head),
    );
    this.el("dialog", HTMLDialogElement).showModal();
  }

  #caption(focus: TokenFocus | null): void {
    const encoding = this.#encoding;
    const attention = this.#attention();
    const caption = this.el("caption");
    if (!encoding || !attention) return;
    const tokens = encoding.tokens;
    const layer = `layer ${this.#layer + 1}`;
    const layerTitle = `Layer ${this.#layer + 1}`;
    if (this.#view === "model") {
      const prev = previousTokenHead(encoding.attentions);
      caption.textContent = `Every head of every layer (rows: layers, columns: heads). Click a thumbnail or press Enter on it to enlarge it; lines under ${THUMB_MIN_WEIGHT * 100}% are left out of thumbnails.${prev ? ` Layer ${prev.layer + 1}, head ${prev.head + 1} looks most at the previous token: ${Math.round(prev.score * 100)}% of its attention on average.` : ""}`;
      return;
    }
    if (this.#view === "heatmap") {
      caption.textContent = `Rows: the word that looks; columns: the word it looks at; ${layer}, ${this.#heatHead === "mean" ? "mean of all heads" : `head ${this.#heatHead + 1}`}. Each row sums to 1. Hover a cell for its value.`;
      return;
    }
    const shown = this.#visible.flatMap((on, h) => (on ? [h] : []));
    if (shown.length === 0) {
      caption.textContent = "No head is shown: pick one or more heads above.";
      return;
    }
    const heads =
      shown.length === this.#visible.length
        ? "all heads"
        : `heads ${shown.map((h) => h + 1).join(", ")}`;
    if (!focus) {
      caption.textContent = `${layerTitle}, ${heads}. Hover or focus a word on the left to see where it looks, on the right to see which words look at it; click or press Enter to pin it.`;
      return;
    }
    // The mean over the shown heads, from or to the focused token.
    const n = attention.seq;
    const mean = new Float64Array(n);
    for (const h of shown) {
      if (focus.side === "from") {
        const row = attentionRow(attention, focus.index, h);
        for (let k = 0; k < n; k++)
          mean[k] = (mean[k] as number) + (row[k] as number) / shown.length;
      } else {
        for (let q = 0; q < n; q++)
          mean[q] =
            (mean[q] as number) +
            (attention.data[(h * n + q) * n + focus.index] as number) / shown.length;
      }
    }
    const top = topAttended(mean, 3)
      .map((a) => `${tokens[a.index] ?? ""} (${formatWeight(a.weight)})`)
      .join(", ");
    const word = tokens[focus.index] ?? "";
    caption.textContent =
      focus.side === "from"
        ? `“${word}” looks most at ${top}: mean of ${heads}, ${layer}.`
        : `The words that look most at “${word}”: ${top}: mean of ${heads}, ${layer}.`;
  }

  // ---- controls -------------------------------------------------------------

  #fillSelects(layers: number, heads: number): void {
    const layer = this.el("layer", HTMLSelectElement);
    layer.replaceChildren(
      ...Array.from({ length: layers }, (_, l) => new Option(`Layer ${l + 1}`, String(l))),
    );
    layer.value = String(this.#layer);
    const heat = this.el("heat-head", HTMLSelectElement);
    heat.replaceChildren(
      new Option("Mean of all heads", "mean"),
      ...Array.from({ length: heads }, (_, h) => new Option(`Head ${h + 1}`, String(h))),
    );
    heat.value = String(this.#heatHead);
  }

  #buildHeadButtons(): void {
    const box = this.el("heads");
    const buttons = this.#styles.map((style, h) => {
      const button = document.createElement("button");
      button.type = "button";
      button.dataset["head"] = String(h);
      button.className = "av-head-toggle";
      const swatch = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      swatch.setAttribute("viewBox", "0 0 24 10");
      swatch.setAttribute("aria-hidden", "true");
      const line = document.createElementNS("http://www.w3.org/2000/svg", "line");
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
    this.#syncHeadButtons();
  }

  #syncHeadButtons(): void {
    for (const button of this.el("heads").querySelectorAll<HTMLButtonElement>(
      "button[data-head]",
    )) {
      const h = button.dataset["head"];
      if (h !== "all")
        button.setAttribute("aria-pressed", String(this.#visible[Number(h)] ?? false));
    }
  }

  #toggleHead(h: number): void {
    this.setHeads(this.#visible.map((on, i) => (i === h ? !on : on)));
  }

  #syncViewControls(): void {
    const view = this.#view;
    const radio = this.el("views").querySelector<HTMLInputElement>(`input[value="${view}"]`);
    if (radio) radio.checked = true;
    this.el("layer-box").hidden = view === "model";
    this.el("heads-box").hidden = view !== "head";
    this.el("heat-box").hidden = view !== "heatmap";
  }

  #syncPresetSelect(): void {
    const preset = presetForSentence(this.el("sentence", HTMLTextAreaElement).value);
    this.el("preset", HTMLSelectElement).value = preset?.id ?? "own";
  }

  #saveState(): void {
    const text = this.el("sentence", HTMLTextAreaElement).value;
    const preset = presetForSentence(text);
    const remote = this.el("remote", HTMLInputElement).checked;
    const model = this.el("model-id", HTMLInputElement).value.trim();
    const all = this.#visible.every(Boolean);
    const values: Record<string, string | null> = {
      p: preset && preset.id !== "bank" ? preset.id : null,
      v: this.#view === "head" ? null : this.#view,
      l: this.#layer > 0 ? String(this.#layer + 1) : null,
      h: all ? null : this.#visible.flatMap((on, h) => (on ? [h + 1] : [])).join(",") || "0",
      hh: this.#heatHead === "mean" ? null : String(this.#heatHead + 1),
      r: remote ? "1" : null,
      m: model && model !== DEFAULT_HUB_MODEL ? model : null,
    };
    // A very long paste stays in the box but not in the address bar.
    if (!preset && text.length <= MAX_CHARS) values["s"] = text;
    else if (preset) values["s"] = null;
    this.writeState(values);
  }

  async #export(format: "png" | "svg"): Promise<void> {
    const theme = this.#theme;
    if (!this.#encoding || !theme) throw new Error("Nothing to export yet.");
    let svg: SVGSVGElement | null;
    let name: string;
    if (this.#view === "model") {
      svg = modelGridSvg(this.#encoding.attentions, this.#styles, theme);
      name = "attention-model-view";
    } else if (this.#view === "heatmap") {
      svg = this.el("heatmap-view").querySelector("svg");
      name = `attention-heatmap-layer-${this.#layer + 1}-${this.#heatHead === "mean" ? "mean" : `head-${this.#heatHead + 1}`}`;
    } else {
      svg = this.#head?.svg ?? null;
      name = `attention-head-view-layer-${this.#layer + 1}`;
    }
    if (!svg) throw new Error("Nothing to export yet.");
    const serialized = serializeSvg(svg, `Attention: ${this.#encoding.text}`);
    if (format === "svg")
      download(new Blob([serialized.text], { type: "image/svg+xml" }), `${name}.svg`);
    else download(await svgToPng(serialized), `${name}.png`);
  }
}

customElements.define("attention-view", AttentionView);
