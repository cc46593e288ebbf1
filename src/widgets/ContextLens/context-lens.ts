import {
  axisBottom,
  axisLeft,
  interpolateViridis,
  line,
  scaleLinear,
  scalePoint,
  select,
} from "d3";
import {
  contextPresetById,
  contextView,
  type ContextPreset,
  type ContextView,
} from "@/lib/encoder/index";
import { loadModel, OFFLINE_MODEL } from "@/scripts/encoder-workers";
import { chartLegend } from "@/scripts/chart-legend";
import { LabWidget } from "@/scripts/lab-widget";
import { ASSETS } from "../../lib/assets/paths";

const MAX_SENTENCES = 8;
const SHORT_LABELS = ["token", "+ position", "layer 1", "layer 2", "layer 3", "layer 4"];
const OKABE_ITO = [
  "--cb-blue",
  "--cb-vermillion",
  "--cb-green",
  "--cb-purple",
  "--cb-orange",
  "--cb-sky",
  "--fg-muted",
];

function textColor(value: number): string {
  return value > 0.55 ? "#111" : "#fff";
}

class ContextLens extends LabWidget {
  #preset: ContextPreset = contextPresetById(undefined);
  #view: ContextView | null = null;
  #precomputed: Record<string, ContextView> = {};
  #layer = -1;
  #model = OFFLINE_MODEL;

  /** The model the held-out polysemy benchmark found best (set at build time). */
  get #defaultModel(): string {
    return this.dataset["defaultModel"] ?? OFFLINE_MODEL;
  }

  /** Each model's best layer on the benchmark: the layer shown first. */
  #bestLayer(): number {
    try {
      const layers = JSON.parse(this.dataset["bestLayers"] ?? "{}") as Record<string, number>;
      return layers[this.#model] ?? -1;
    } catch {
      return -1;
    }
  }

  protected setup(): void {
    const state = this.readState();
    const choice = this.el("model-choice", HTMLSelectElement);
    const model = state.get("model");
    this.#model = [...choice.options].some((o) => o.value === model)
      ? (model as string)
      : this.#defaultModel;
    choice.value = this.#model;
    choice.addEventListener("change", () => {
      this.#model = choice.value;
      this.#layer = -1;
      this.#saveState();
      // A result from another model would be stale: show nothing until the learner runs this one.
      this.#view = null;
      delete this.dataset["source"];
      this.el("results").hidden = true;
      this.#matchPrecomputed();
    });
    this.#loadPreset(contextPresetById(state.get("preset")));
    const target = state.get("word");
    const sentences = state.get("s");
    if (target) this.el("target", HTMLInputElement).value = target;
    if (sentences) this.el("sentences", HTMLTextAreaElement).value = sentences;
    const layer = Number(state.get("layer"));
    if (Number.isInteger(layer)) this.#layer = layer;

    this.el("preset", HTMLSelectElement).addEventListener("change", (event) => {
      this.#loadPreset(contextPresetById((event.target as HTMLSelectElement).value));
      this.#saveState();
      delete this.dataset["source"];
      this.#matchPrecomputed();
    });
    for (const name of ["target", "sentences"])
      this.el(name).addEventListener("input", () => {
        this.#saveState();
      });
    this.el("run", HTMLButtonElement).addEventListener(
      "click",
      () => void this.guard(() => this.#run()),
    );
    this.el("layers").addEventListener("change", (event) => {
      this.#layer = Number((event.target as HTMLInputElement).value);
      this.#saveState();
      this.#render();
    });
    document.addEventListener("llmlab:theme", () => {
      this.#render();
    });
    this.redrawOnLayout(() => {
      this.#render();
    });
    void this.#showPrecomputed();
    // A link with the learner's own sentences or another model reproduces its result.
    if (target || sentences || this.#model !== this.#defaultModel)
      void this.guard(() => this.#run());
  }

  /** The preset's result, computed by the same model at build time, until the learner runs it live. */
  async #showPrecomputed(): Promise<void> {
    const response = await fetch(ASSETS.precomputed.contexts).catch(() => null);
    if (!response?.ok) return;
    this.#precomputed = (await response.json()) as Record<string, ContextView>;
    this.#matchPrecomputed();
  }

  #matchPrecomputed(): void {
    const view = this.#precomputed[this.#preset.id];
    // Presets are precomputed with the offline default (USE-lite) only.
    if (!view || this.dataset["source"] === "live" || this.#model !== OFFLINE_MODEL) return;
    const same =
      this.el("target", HTMLInputElement).value.trim() === view.target &&
      this.#sentences().join("\n") === view.sentences.join("\n");
    if (!same) return;
    this.#view = view;
    this.dataset["source"] = "precomputed";
    this.#render();
  }

  protected override onKey(event: KeyboardEvent): boolean {
    if (!this.#view || (event.key !== "ArrowRight" && event.key !== "ArrowLeft")) return false;
    const count = this.#view.layers.length;
    this.#layer = Math.max(
      0,
      Math.min(count - 1, this.#currentLayer() + (event.key === "ArrowRight" ? 1 : -1)),
    );
    this.#saveState();
    this.#render();
    return true;
  }

  #loadPreset(preset: ContextPreset): void {
    this.#preset = preset;
    this.el("preset", HTMLSelectElement).value = preset.id;
    this.el("target", HTMLInputElement).value = preset.target;
    this.el("sentences", HTMLTextAreaElement).value = preset.sentences.join("\n");
  }

  #sentences(): string[] {
    return this.el("sentences", HTMLTextAreaElement)
      .value.split("\n")
      .map((s) => s.trim())
      .filter(Boolean);
  }

  #saveState(): void {
    const target = this.el("target", HTMLInputElement).value;
    const sentences = this.el("sentences", HTMLTextAreaElement).value;
    this.writeState({
      preset: this.#preset.id,
      word: target === this.#preset.target ? null : target,
      s: sentences === this.#preset.sentences.join("\n") ? null : sentences,
      layer: this.#layer >= 0 ? String(this.#layer) : null,
      model: this.#model === this.#defaultModel ? null : this.#model,
    });
  }

  #currentLayer(): number {
    const count = this.#view?.layers.length ?? 1;
    if (this.#layer >= 0 && this.#layer < count) return this.#layer;
    const best = this.#bestLayer();
    return best >= 0 && best < count ? best : count - 1;
  }

  async #run(): Promise<void> {
    this.clearError();
    const sentences = this.#sentences();
    const target = this.el("target", HTMLInputElement).value;
    if (sentences.length < 2) throw new Error("Write at least two sentences, one per line.");
    if (sentences.length > MAX_SENTENCES)
      throw new Error(`Use at most ${MAX_SENTENCES} sentences (you have ${sentences.length}).`);
    const button = this.el("run", HTMLButtonElement);
    button.disabled = true;
    try {
      this.showLoading("Loading the model…");
      const { client } = await loadModel(this.#model, (p) => {
        this.showLoading(`Loading the model: ${p.file || "files"}…`, p.fraction ?? undefined);
      });
      this.showLoading("Encoding…");
      const { encodings, ms } = await client.encode(sentences);
      this.#view = contextView(encodings, target);
      this.dataset["source"] = "live";
      this.dataset["encodeMs"] = ms.toFixed(1);
      this.hideLoading();
      this.#render();
      // Runs completed: lets tests and benchmarks wait for a fresh result.
      this.dataset["runs"] = String(Number(this.dataset["runs"] ?? 0) + 1);
    } finally {
      button.disabled = false;
      this.hideLoading();
    }
  }

  #render(): void {
    const view = this.#view;
    if (!view) return;
    this.el("results").hidden = false;
    const layer = this.#currentLayer();
    this.dataset["layers"] = String(view.layers.length);
    this.el("source").textContent =
      this.dataset["source"] === "live"
        ? "Computed just now by the model in your browser."
        : "Computed by the same model when this site was built. Press “Compare in context” to run it live, or edit the sentences.";
    this.#renderTokens(view);
    this.#renderLayerPicker(view.layers, layer);
    this.#renderHeatmap(view.similarity[layer] ?? []);
    this.#renderChart(view);
    this.#renderMap(view, layer);
    this.el("static").textContent =
      `A static embedding such as GloVe gives “${view.target.toLowerCase()}” one vector, so its similarity across these sentences is always 1.000.`;
  }

  #renderTokens(view: ContextView): void {
    this.el("tokens").replaceChildren(
      ...view.tokens.map((tokens, i) => {
        const item = document.createElement("li");
        const span = view.spans[i];
        tokens.forEach((token, t) => {
          const chip = document.createElement("span");
          chip.className = "tok";
          chip.textContent = token;
          if (span && t >= span.start && t < span.end) chip.classList.add("target");
          item.append(chip);
        });
        const notice = view.notices[i];
        if (notice) item.append(` (${notice})`);
        return item;
      }),
    );
  }

  #renderLayerPicker(labels: readonly string[], layer: number): void {
    const group = `${this.stateKey}-layer`;
    this.el("layers").replaceChildren(
      ...labels.map((label, i) => {
        const wrapper = document.createElement("label");
        const radio = document.createElement("input");
        radio.type = "radio";
        radio.name = group;
        radio.value = String(i);
        radio.checked = i === layer;
        wrapper.append(radio, label);
        return wrapper;
      }),
    );
  }

  #renderHeatmap(matrix: number[][]): void {
    const table = document.createElement("table");
    const caption = document.createElement("caption");
    caption.className = "visually-hidden";
    caption.textContent = "Cosine similarity between sentences";
    const head = document.createElement("tr");
    head.append(document.createElement("td"));
    matrix.forEach((_, j) => {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = `S${j + 1}`;
      head.append(th);
    });
    const min = Math.min(...matrix.flat());
    const color = (v: number): string => interpolateViridis(min >= 1 ? 1 : (v - min) / (1 - min));
    const rows = matrix.map((row, i) => {
      const tr = document.createElement("tr");
      const th = document.createElement("th");
      th.scope = "row";
      th.textContent = `S${i + 1}`;
      tr.append(th);
      for (const [j, value] of row.entries()) {
        const td = document.createElement("td");
        td.textContent = value.toFixed(3);
        td.dataset["i"] = String(i);
        td.dataset["j"] = String(j);
        td.dataset["similarity"] = String(value);
        const t = min >= 1 ? 1 : (value - min) / (1 - min);
        td.style.background = color(value);
        td.style.color = textColor(t);
        tr.append(td);
      }
      return tr;
    });
    table.append(caption, head, ...rows);
    this.el("heatmap").replaceChildren(table);
  }

  #renderChart(view: ContextView): void {
    const labels = view.layers;
    const styles = getComputedStyle(this);
    const css = (name: string): string => styles.getPropertyValue(name).trim();
    const font = 13;
    const width = Math.max(260, Math.floor(this.el("chart").clientWidth || 360));
    const height = Math.round(font * 17);
    const margin = { top: font, right: font * 1.2, bottom: font * 2.6, left: font * 3.2 };
    const series = view.sentences.slice(1).map((_, k) => ({
      name: `S1–S${k + 2}`,
      values: labels.map((_label, layer) => view.similarity[layer]?.[0]?.[k + 1] ?? 0),
    }));
    const low = Math.min(0.5, ...series.flatMap((s) => s.values));
    const x = scalePoint(labels.map(String), [margin.left, width - margin.right]).padding(0.2);
    const y = scaleLinear([low, 1], [height - margin.bottom, margin.top]).nice();
    const root = select(this.el("chart"));
    root.selectAll("*").remove();
    const svg = root
      .append("svg")
      .attr("width", width)
      .attr("height", height)
      .attr("viewBox", `0 0 ${width} ${height}`)
      .attr("font-size", font)
      .attr("aria-hidden", "true");
    svg
      .append("g")
      .attr("transform", `translate(0,${height - margin.bottom})`)
      .attr("color", css("--fg-muted"))
      .call(axisBottom(x).tickFormat((d) => SHORT_LABELS[labels.indexOf(d)] ?? d))
      .call((g) => g.selectAll("text").attr("font-size", font).attr("fill", css("--fg")));
    svg
      .append("g")
      .attr("transform", `translate(${margin.left},0)`)
      .attr("color", css("--fg-muted"))
      .call(axisLeft(y).ticks(5))
      .call((g) => g.selectAll("text").attr("font-size", font).attr("fill", css("--fg")));
    const path = line<number>()
      .x((_, i) => x(labels[i] ?? "") ?? 0)
      .y((v) => y(v));
    const strokes = series.map((_, k) => css(OKABE_ITO[k % OKABE_ITO.length] ?? "--fg"));
    series.forEach((s, k) => {
      const stroke = strokes[k] ?? "";
      svg
        .append("path")
        .attr("d", path(s.values))
        .attr("fill", "none")
        .attr("stroke", stroke)
        .attr("stroke-width", 2.5)
        .attr("stroke-dasharray", k >= OKABE_ITO.length ? "6 3" : null)
        .attr("data-series", s.name);
    });
    this.el("chart").append(
      chartLegend(series.map((s, k) => ({ label: s.name, color: strokes[k] ?? "" }))),
    );
    const layer = this.#currentLayer();
    svg
      .append("line")
      .attr("x1", x(labels[layer] ?? "") ?? 0)
      .attr("x2", x(labels[layer] ?? "") ?? 0)
      .attr("y1", margin.top)
      .attr("y2", height - margin.bottom)
      .attr("stroke", css("--fg-muted"))
      .attr("stroke-dasharray", "3 3");
  }

  /** The target's vectors at the chosen layer, projected to 2-D (PCA), one dot per sentence. */
  #renderMap(view: ContextView, layer: number): void {
    const styles = getComputedStyle(this);
    const css = (name: string): string => styles.getPropertyValue(name).trim();
    const xy = view.map[layer] ?? [];
    const font = 13;
    const size = Math.max(200, Math.min(360, Math.floor(this.el("map").clientWidth || 220)));
    const pad = font * 2.2;
    const extent = Math.max(1e-6, ...xy.map(Math.abs)) * 1.15;
    const scale = scaleLinear([-extent, extent], [pad, size - pad]);
    const root = select(this.el("map"));
    root.selectAll("*").remove();
    const svg = root
      .append("svg")
      .attr("width", size)
      .attr("height", size)
      .attr("viewBox", `0 0 ${size} ${size}`)
      .attr("font-size", font)
      .attr("aria-hidden", "true");
    svg
      .append("rect")
      .attr("x", pad)
      .attr("y", pad)
      .attr("width", size - 2 * pad)
      .attr("height", size - 2 * pad)
      .attr("fill", "none")
      .attr("stroke", css("--border"));
    view.sentences.forEach((_, i) => {
      const cx = scale(xy[i * 2] ?? 0);
      const cy = scale(-(xy[i * 2 + 1] ?? 0));
      const fill = css(OKABE_ITO[i % OKABE_ITO.length] ?? "--fg");
      svg
        .append("circle")
        .attr("cx", cx)
        .attr("cy", cy)
        .attr("r", 6)
        .attr("fill", fill)
        .attr("data-sentence", i + 1);
      svg
        .append("text")
        .attr("x", cx + 8)
        .attr("y", cy + 4)
        .attr("fill", css("--fg"))
        .text(`S${i + 1}`);
    });
  }
}

customElements.define("context-lens", ContextLens);
