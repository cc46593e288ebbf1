import {
  auc,
  benchmarkSenses,
  exampleVectors,
  labelledPairs,
  locateWord,
  measureWord,
  pairCosines,
  parseLabelledSentences,
  SenseInputError,
  type BenchmarkModel,
  type LabelledSentence,
  type MeasuredPair,
  type PolysemyBenchmark,
} from "@/lib/senses/index";
import { hubIdProblem, loadModel } from "@/scripts/encoder-workers";
import { LabWidget } from "@/scripts/lab-widget";
import { drawAucChart, drawStrip, type StripPoint } from "./sense-charts";
import { ASSETS } from "../../lib/assets/paths";

const pct = (v: number): string => `${(100 * v).toFixed(1)} %`;
const fmt = (v: number): string => (Number.isFinite(v) ? v.toFixed(3) : "n/a");

interface LiveResult {
  /** The offline model whose menu entry this result belongs to. */
  model: string;
  /** The model that computed it (a hub model's id when online). */
  name: string;
  /** Computed by a hub model: its layers are not the menu's, so its last layer is shown. */
  hub: boolean;
  word: string;
  sentences: (LabelledSentence & { source: "wordnet" | "yours" })[];
  pairs: MeasuredPair[];
  /** cosines[layer][pair] */
  cosines: Float64Array[];
}

class SenseExplorer extends LabWidget {
  #benchmark: PolysemyBenchmark | null = null;
  #model = "";
  #layer = -1;
  #live: LiveResult | null = null;

  protected async setup(): Promise<void> {
    const state = this.readState();
    const response = await fetch(ASSETS.precomputed.polysemy);
    if (!response.ok) throw new Error(`The benchmark did not load (HTTP ${response.status}).`);
    const benchmark = (await response.json()) as PolysemyBenchmark;
    this.#benchmark = benchmark;
    const model = state.get("model");
    this.#model = benchmark.models.some((m) => m.id === model)
      ? (model as string)
      : benchmark.best.model;
    const layer = Number(state.get("layer"));
    this.#layer = Number.isInteger(layer) ? layer : -1;
    const word = state.get("word");
    if (word !== undefined) this.el("word", HTMLInputElement).value = word;
    const own = state.get("own");
    if (own !== undefined) this.el("own", HTMLTextAreaElement).value = own;
    this.el("model", HTMLSelectElement).value = this.#model;

    this.el("model", HTMLSelectElement).addEventListener("change", (event) => {
      this.#model = (event.target as HTMLSelectElement).value;
      this.#layer = -1;
      this.#live = null;
      this.#save();
      this.#renderAll();
    });
    this.el("layer", HTMLSelectElement).addEventListener("change", (event) => {
      this.#layer = Number((event.target as HTMLSelectElement).value);
      this.#save();
      this.#renderAll();
    });
    this.el("word", HTMLInputElement).addEventListener("change", () => {
      this.#live = null;
      this.#save();
      this.#renderAll();
    });
    this.el("own", HTMLTextAreaElement).addEventListener("input", () => {
      this.#save();
    });
    this.el("run", HTMLButtonElement).addEventListener(
      "click",
      () => void this.guard(() => this.#run()),
    );
    document.addEventListener("llmlab:theme", () => {
      this.#renderCharts();
    });
    this.redrawOnLayout(() => {
      this.#renderCharts();
    });
    this.#renderAll();
  }

  #save(): void {
    const b = this.#benchmark;
    const own = this.el("own", HTMLTextAreaElement).value;
    const word = this.el("word", HTMLInputElement).value;
    this.writeState({
      model: b && this.#model !== b.best.model ? this.#model : null,
      layer: this.#layer >= 0 ? String(this.#layer) : null,
      word: word === "direct" ? null : word,
      own: own.trim() ? own : null,
    });
  }

  #modelInfo(): BenchmarkModel {
    const b = this.#benchmark;
    const model = b?.models.find((m) => m.id === this.#model) ?? b?.models[0];
    if (!model) throw new Error("The benchmark has no models.");
    return model;
  }

  #currentLayer(): number {
    const model = this.#modelInfo();
    return this.#layer >= 0 && this.#layer < model.layers.length ? this.#layer : model.best;
  }

  #fontSize(): number {
    return 13;
  }

  #word(): string {
    return this.el("word", HTMLInputElement).value.trim().toLowerCase();
  }

  #renderAll(): void {
    // A new model, layer or word: an earlier error is about inputs no longer on show.
    this.clearError();
    const model = this.#modelInfo();
    const layer = this.#currentLayer();
    const select = this.el("layer", HTMLSelectElement);
    select.replaceChildren(
      ...model.layers.map((l, i) => {
        const option = document.createElement("option");
        option.value = String(i);
        option.textContent = `${l.label}${i === model.best ? " (best)" : ""}`;
        option.selected = i === layer;
        return option;
      }),
    );
    const s = model.layers[layer]?.separation;
    if (s) {
      const text = model.contextual
        ? `${model.name}, ${model.layers[layer]?.label}: over ${s.wordsWithBoth} held-out words, a same-sense pair is more similar than a different-sense pair of the same word ${pct(s.auc.estimate)} of the time (95 % interval ${pct(s.auc.low)}–${pct(s.auc.high)}; chance is 50 %).`
        : `${model.name}: one vector per word form, so every pair of one form has cosine 1.000 and the AUC is exactly chance (${pct(s.auc.estimate)}).`;
      this.el("headline").textContent = text;
      this.dataset["auc"] = String(s.auc.estimate);
    }
    this.dataset["model"] = model.id;
    this.dataset["layer"] = String(layer);
    this.#renderWord();
    this.#renderCharts();
  }

  #renderWord(): void {
    const b = this.#benchmark;
    if (!b) return;
    const word = this.#word();
    const senses = benchmarkSenses(b, word);
    const note = this.el("word-note");
    if (!word)
      note.textContent = "Type a word, or pick one of the benchmark's words from the list.";
    else if (senses.length === 0)
      note.textContent = `“${word}” has no senses in the held-out benchmark (WordNet examples the models never saw). Write sentences of your own below, each starting with a sense and a colon, to measure it.`;
    else
      note.textContent = `“${word}”: ${senses.length} WordNet senses with held-out examples. A number in your sentences (“1: …”) adds a sentence to that sense.`;
    this.el("senses").replaceChildren(
      ...senses.map((sense) => {
        const li = document.createElement("li");
        li.dataset["synset"] = sense.synset;
        const head = document.createElement("span");
        head.textContent = `${sense.definition} `;
        const category = document.createElement("span");
        category.className = "se-category";
        category.textContent = `(${sense.category})`;
        const list = document.createElement("ul");
        for (const i of sense.examples) {
          const e = b.examples[i];
          if (!e) continue;
          const item = document.createElement("li");
          const mark = document.createElement("mark");
          mark.textContent = e.text.slice(e.start, e.end);
          item.append(e.text.slice(0, e.start), mark, e.text.slice(e.end));
          list.append(item);
        }
        li.append(head, category, list);
        return li;
      }),
    );
    const model = this.#modelInfo();
    this.el("run", HTMLButtonElement).disabled = !model.contextual;
    this.el("model-note").textContent = model.contextual
      ? `Runs ${model.name} in your browser.`
      : "Static vectors need no model run: every sentence gets the same vector. Pick a contextual model to measure.";
  }

  #renderCharts(): void {
    const b = this.#benchmark;
    if (!b) return;
    const model = this.#modelInfo();
    const layer = this.#currentLayer();
    const font = this.#fontSize();
    drawAucChart(this.el("auc-chart"), b.models, { model: model.id, layer }, font);
    const live = this.#live;
    if (live?.model === model.id) {
      this.#renderLive(live, layer, font);
      return;
    }
    const word = this.#word();
    const cosines = model.cosines[layer] ?? [];
    const points: StripPoint[] = [];
    b.pairs.forEach((p, i) => {
      const a = b.examples[p.a];
      const c = cosines[i];
      if (!a || c === null || c === undefined || a.word.split("|")[0] !== word) return;
      points.push({
        value: c,
        kind: p.kind,
        title: `${c.toFixed(3)}: “${a.text}” / “${b.examples[p.b]?.text ?? ""}”`,
      });
    });
    drawStrip(
      this.el("strip"),
      points,
      [
        { kind: "same", label: "same sense" },
        { kind: "related", label: "related" },
        { kind: "distant", label: "distant" },
      ],
      "cosine similarity",
      font,
    );
    const same = points.filter((p) => p.kind === "same").map((p) => p.value);
    const different = points.filter((p) => p.kind !== "same").map((p) => p.value);
    this.el("strip-caption").textContent = points.length
      ? `“${word}” in the benchmark: each dot a pair of its WordNet example sentences at this layer (${model.layers[layer]?.label ?? "?"}); related senses share a WordNet category, distant ones do not. The bar is each row's mean. Hover a dot for its sentences.`
      : `No benchmark pairs for “${word || "…"}”. Measure sentences of your own.`;
    const value = auc(same, different);
    this.dataset["wordAuc"] = String(value);
    this.el("verdict").textContent =
      points.length === 0
        ? ""
        : same.length === 0
          ? `The benchmark has only different-sense pairs for “${word}”, so it cannot score it: add two sentences of one sense below and measure.`
          : `For “${word}” at this layer: AUC ${fmt(value)} over ${same.length} same-sense and ${different.length} different-sense pairs. ${this.#judge(value)}`;
  }

  #judge(value: number): string {
    const s = this.#modelInfo().layers[this.#currentLayer()]?.separation;
    const overall = s ? fmt(s.auc.estimate) : "?";
    if (value >= 0.75)
      return `Here the model keeps the senses apart, far better than its benchmark average (${overall}). Check whether the same-sense sentences share other words: a model can match contexts without knowing the sense.`;
    if (value <= 0.55)
      return `Here the model does not keep the senses apart (benchmark average ${overall}): a small model's vector follows the sentence's words more than the word's meaning.`;
    return `About the model's benchmark average (${overall}): weak separation.`;
  }

  async #run(): Promise<void> {
    this.clearError();
    const b = this.#benchmark;
    if (!b) return;
    const model = this.#modelInfo();
    const hub = this.el("online", HTMLInputElement).checked
      ? this.el("hub-id", HTMLInputElement).value.trim()
      : null;
    const problem = hub === null ? null : hubIdProblem(hub);
    if (problem) throw new SenseInputError(problem);
    const modelId = hub ?? model.id;
    const word = this.#word();
    if (!word) throw new SenseInputError("Type the word to follow, e.g. direct or bank.");
    const senses = benchmarkSenses(b, word);
    const sentences: LiveResult["sentences"] = [];
    senses.forEach((sense, k) => {
      for (const i of sense.examples) {
        const e = b.examples[i];
        if (e) sentences.push({ label: String(k + 1), text: e.text, source: "wordnet" });
      }
    });
    const own = parseLabelledSentences(this.el("own", HTMLTextAreaElement).value);
    own.forEach((s, i) => {
      if (!locateWord(s.text, word))
        throw new SenseInputError(
          `Your sentence ${i + 1} (“${s.text}”) does not contain “${word}”. Use the word in every sentence.`,
        );
      sentences.push({ ...s, source: "yours" });
    });
    const pairs = labelledPairs(sentences);
    if (!pairs.some((p) => p.same) || !pairs.some((p) => !p.same))
      throw new SenseInputError(
        `To score “${word}” the sentences need at least one pair of the same sense and one of different senses: write two sentences with one sense label and one with another.`,
      );
    const button = this.el("run", HTMLButtonElement);
    button.disabled = true;
    try {
      this.showLoading("Loading the model…");
      const { client, info } = await loadModel(modelId, (p) => {
        this.showLoading(`Loading the model: ${p.file || "files"}…`, p.fraction ?? undefined);
      });
      this.showLoading("Encoding…");
      const { encodings } = await client.encode(sentences.map((s) => s.text));
      const vectors = encodings.map((encoding, i) => {
        const text = sentences[i]?.text ?? "";
        const chars = locateWord(encoding.text, word);
        const vectors = chars
          ? (() => {
              try {
                return exampleVectors(encoding, {
                  chars,
                  form: encoding.text.slice(chars.start, chars.end),
                });
              } catch {
                return null;
              }
            })()
          : null;
        if (!vectors)
          throw new SenseInputError(
            encoding.truncated
              ? `Sentence “${text.slice(0, 60)}…” is longer than the model's limit (${encoding.truncated.keptTokens} tokens), and “${word}” falls in the part cut off. Shorten it.`
              : `The model's tokens do not cover “${word}” in “${text}”.`,
          );
        return vectors;
      });
      this.#live = {
        model: model.id,
        name: hub ? info.name : model.name,
        hub: hub !== null,
        word,
        sentences,
        pairs,
        cosines: pairCosines(vectors, pairs),
      };
      this.hideLoading();
      this.#renderCharts();
      this.dataset["runs"] = String(Number(this.dataset["runs"] ?? 0) + 1);
    } finally {
      button.disabled = !model.contextual;
      this.hideLoading();
    }
  }

  #renderLive(live: LiveResult, menuLayer: number, font: number): void {
    const layer = live.hub ? live.cosines.length - 1 : menuLayer;
    const cosines = live.cosines[layer] ?? new Float64Array();
    const m = measureWord(live.pairs, cosines);
    const points: StripPoint[] = live.pairs.map((p, i) => {
      const a = live.sentences[p.a];
      const b = live.sentences[p.b];
      const yours = a?.source === "yours" || b?.source === "yours";
      return {
        value: cosines[i] ?? NaN,
        kind: p.same ? "same" : "different",
        title: `${(cosines[i] ?? NaN).toFixed(3)}${yours ? " (yours)" : ""}: “${a?.text ?? ""}” / “${b?.text ?? ""}”`,
      };
    });
    drawStrip(
      this.el("strip"),
      points,
      [
        { kind: "same", label: "same sense" },
        { kind: "different", label: "different" },
      ],
      "cosine similarity",
      font,
    );
    const mine = live.sentences.filter((s) => s.source === "yours").length;
    this.el("strip-caption").textContent =
      `Computed just now in your browser by ${live.name}: ${live.sentences.length} sentences of “${live.word}” (${mine} yours), every pair at ${live.hub ? "its last layer" : `this layer (${this.#modelInfo().layers[layer]?.label ?? "?"})`}. Hover a dot for its sentences.`;
    this.dataset["wordAuc"] = String(m.auc.estimate);
    const interval =
      m.same.length >= 5 && m.different.length >= 5
        ? `rough interval ${fmt(m.auc.low)}–${fmt(m.auc.high)}`
        : "too few pairs for an interval: add sentences";
    this.el("verdict").textContent =
      `Your measurement: AUC ${fmt(m.auc.estimate)} (${interval}) over ${m.same.length} same-sense and ${m.different.length} different-sense pairs. ${this.#judge(m.auc.estimate)}`;
  }
}

customElements.define("sense-explorer", SenseExplorer);
