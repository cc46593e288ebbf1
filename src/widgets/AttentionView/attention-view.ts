/**
 * AttentionView: BertViz's head view and model view, plus a heatmap, for the
 * learner's sentence. The offline encoder (or, when the learner allows it, a
 * hub model) runs in a Web Worker; this element only draws and keeps state.
 */
import type { Encoding, EncoderInfo, HeadChoice } from "@/lib/encoder/index";
import { LabWidget } from "@/scripts/lab-widget";
import { fillSelects, headButtons, syncHeadButtons } from "./controls";
import { download } from "@/scripts/download";
import { serializeSvg, svgToPng } from "./export";
import { MAX_CHARS, OFFLINE_MODEL, encodeSentence } from "./models";
import { isCausal } from "@/scripts/offline-models";
import { headStyles, readTheme } from "./palette";
import { attentionPresetById, presetForSentence } from "./presets";
import { VIEWS, readSaved, savedValues, visibleFrom, type Selection, type View } from "./selection";
import { AttentionViews } from "./views";

class AttentionView extends LabWidget {
  #encoding: Encoding | null = null;
  #info: EncoderInfo | null = null;
  #view: View = "head";
  #layer = 0;
  #visible: boolean[] = [];
  #heatHead: HeadChoice = "mean";
  #views: AttentionViews | null = null;
  #headsFromUrl: string | undefined;
  /** The other layers are painted ahead in idle time after a new sentence or head set. */
  #prepare = false;
  #runs = 0;

  protected setup(): void {
    const saved = readSaved(this.readState());
    this.el("sentence", HTMLTextAreaElement).value = saved.sentence;
    this.#syncPresetSelect();
    this.#view = saved.view;
    this.#layer = saved.layer;
    this.#headsFromUrl = saved.heads;
    this.#heatHead = saved.heatHead;
    const remote = this.el("remote", HTMLInputElement);
    const modelId = this.el("model-id", HTMLInputElement);
    remote.checked = saved.remote;
    modelId.value = saved.model;
    this.el("offline-model", HTMLSelectElement).value = saved.offline;
    modelId.disabled = !remote.checked;
    if (remote.checked) this.el("online", HTMLDetailsElement).open = true;

    this.#views = new AttentionViews({
      part: (name) => this.el(name),
      dialog: this.el("dialog", HTMLDialogElement),
      idPrefix: this.stateKey,
      onCaption: (text) => {
        this.el("caption").textContent = text;
      },
    });
    this.#wire();
    this.#syncViewControls();
    document.addEventListener("llmlab:theme", () => {
      this.#rebuild();
    });
    void this.guard(() =>
      this.#run(this.el("offline-model", HTMLSelectElement).value || OFFLINE_MODEL),
    );
  }

  /** A class following the instructor: the sentence, model, layer and heads from the URL, re-run here. */
  override reloadState(): boolean {
    const saved = readSaved(this.readState());
    if (saved.remote) return false; // a hub model: the page reloads and asks as it starts
    this.el("sentence", HTMLTextAreaElement).value = saved.sentence;
    this.#syncPresetSelect();
    this.#view = saved.view;
    this.#layer = saved.layer;
    this.#headsFromUrl = saved.heads;
    this.#visible = []; // the URL's heads apply again
    this.#heatHead = saved.heatHead;
    this.el("offline-model", HTMLSelectElement).value = saved.offline;
    this.#syncViewControls();
    void this.guard(() =>
      this.#run(this.el("offline-model", HTMLSelectElement).value || OFFLINE_MODEL),
    );
    return true;
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
    this.#prepare = true;
    syncHeadButtons(this.el("heads"), this.#visible);
    this.#saveState();
    this.redraw();
  }

  /** Forgets the painted layers, so the next redraw paints from scratch (for benchmarks). */
  clearDrawingCache(): void {
    this.#views?.clearCache();
  }

  /** Redraws the current view for the current layer and heads (no rebuild). */
  redraw(): void {
    if (!this.#encoding) return;
    this.dataset["layer"] = String(this.#layer);
    this.#views?.redraw(this.#selection(), this.#prepare);
    if (this.#view === "head") this.#prepare = false;
  }

  #selection(): Selection {
    return {
      view: this.#view,
      layer: this.#layer,
      visible: this.#visible,
      heatHead: this.#heatHead,
    };
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
        void this.guard(() => this.#run(this.#chosenModel()));
    });
    this.el("offline-model", HTMLSelectElement).addEventListener("change", () => {
      this.#saveState();
      if (!remote.checked) void this.guard(() => this.#run(this.#chosenModel()));
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
      const at = this.#views?.dialogAt;
      dialog.close();
      if (!at) return;
      this.#visible = this.#visible.map((_, h) => h === at.head);
      this.#prepare = true;
      this.#layer = at.layer;
      this.el("layer", HTMLSelectElement).value = String(at.layer);
      syncHeadButtons(this.el("heads"), this.#visible);
      this.#setView("head");
      this.el("views").querySelector<HTMLInputElement>('input[value="head"]')?.focus();
    });
    dialog.addEventListener("close", () => {
      const at = this.#views?.dialogAt;
      if (this.#views) this.#views.dialogAt = null;
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
      : this.el("offline-model", HTMLSelectElement).value || OFFLINE_MODEL;
  }

  async #run(model: string): Promise<void> {
    this.clearError();
    const run = ++this.#runs;
    const button = this.el("run", HTMLButtonElement);
    button.disabled = true;
    try {
      const text = this.el("sentence", HTMLTextAreaElement).value;
      const { encoding, info, ms } = await encodeSentence(model, text, (label, fraction) => {
        if (run === this.#runs) this.showLoading(label, fraction);
      });
      if (run !== this.#runs) return;
      this.#encoding = encoding;
      this.#info = info;
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
      this.#visible = visibleFrom(this.#headsFromUrl, heads);
      this.#headsFromUrl = undefined;
    }
    if (this.#heatHead !== "mean" && this.#heatHead >= heads) this.#heatHead = "mean";
    const info = this.#info;
    this.dataset["layers"] = String(layers);
    this.dataset["heads"] = String(heads);
    this.dataset["model"] = info?.id ?? "";
    this.dataset["tokens"] = JSON.stringify(encoding.tokens);
    const causal = isCausal(encoding);
    this.dataset["causal"] = String(causal);
    this.el("model-status").textContent = info
      ? `${info.offline ? info.name.replace(/ \((ours, )?offline\)$/, "") : info.id}: ${layers} layers × ${heads} heads, ${encoding.tokens.length} tokens. ${info.offline ? "Runs offline in your browser." : "Downloaded from the Hugging Face hub."}${causal ? " Causal: every token attends only to itself and the tokens before it (measured from its attention), so the heatmap's upper right is empty and the first token can only attend to itself." : ""}`
      : "";
    const notice = this.el("notice");
    notice.hidden = !encoding.truncated;
    notice.textContent = encoding.truncated?.notice ?? "";
    fillSelects(
      this.el("layer", HTMLSelectElement),
      this.el("heat-head", HTMLSelectElement),
      layers,
      heads,
      this.#layer,
      this.#heatHead,
    );
    this.el("toolbar").hidden = false;
    this.#saveState();
    this.#rebuild();
  }

  // ---- drawing --------------------------------------------------------------

  /** Re-reads colours and rebuilds the drawings (new sentence, model or theme). */
  #rebuild(): void {
    const encoding = this.#encoding;
    if (!encoding || !this.#views) return;
    const styles = headStyles(this, this.#visible.length);
    headButtons(this.el("heads"), styles);
    syncHeadButtons(this.el("heads"), this.#visible);
    this.#views.setEncoding(encoding, readTheme(this), styles);
    this.#prepare = true;
    this.#showView();
  }

  #showView(): void {
    this.dataset["view"] = this.#view;
    this.#syncViewControls();
    this.dataset["layer"] = String(this.#layer);
    this.#views?.show(this.#selection());
    if (this.#view === "head") this.#prepare = false;
  }

  #setView(view: View): void {
    this.#view = view;
    this.#saveState();
    this.#showView();
  }

  // ---- controls -------------------------------------------------------------

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
    this.writeState(
      savedValues(
        this.el("sentence", HTMLTextAreaElement).value,
        this.#selection(),
        this.el("remote", HTMLInputElement).checked,
        this.el("model-id", HTMLInputElement).value.trim(),
        MAX_CHARS,
        this.el("offline-model", HTMLSelectElement).value,
      ),
    );
  }

  async #export(format: "png" | "svg"): Promise<void> {
    if (!this.#encoding || !this.#views) throw new Error("Nothing to export yet.");
    const { svg, name } = this.#views.exportSvg();
    const serialized = serializeSvg(svg, `Attention: ${this.#encoding.text}`);
    if (format === "svg")
      download(new Blob([serialized.text], { type: "image/svg+xml" }), `${name}.svg`);
    else download(await svgToPng(serialized), `${name}.png`);
  }
}

customElements.define("attention-view", AttentionView);
