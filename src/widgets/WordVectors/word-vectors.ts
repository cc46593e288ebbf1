import { ExpressionError, formatExpression } from "@/lib/vectors/index";
import type { WordVectors as Glove } from "@/lib/words/index";
import { LabWidget } from "@/scripts/lab-widget";
import { explore, UnknownWords, type Exploration } from "./explore";
import { wordVectors } from "./load-vectors";
import { WORD_PRESETS, wordPresetById, type WordPreset } from "./presets";
import { drawWordMap } from "./word-map";

const K_CHOICES = ["5", "10", "15", "20"];
const DEFAULT_K = "10";

function fmt(x: number): string {
  return x.toFixed(3);
}

/** Replaces `word` as a whole word (any case) in `text`. */
function replaceWord(text: string, word: string, replacement: string): string {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.replace(
    new RegExp(`(?<![\\p{L}\\p{N}'-])${escaped}(?![\\p{L}\\p{N}'-])`, "giu"),
    replacement,
  );
}

class WordVectorsWidget extends LabWidget {
  #preset: WordPreset = wordPresetById(undefined);
  #glove: Glove | null = null;
  #last: Exploration | null = null;

  protected async setup(): Promise<void> {
    const state = this.readState();
    const expression = this.el("expression", HTMLInputElement);
    const compare = this.el("compare", HTMLInputElement);
    // Text typed before the script arrived wins over the URL and the preset.
    const typed = { expr: expression.value, cmp: compare.value };
    this.#loadPreset(wordPresetById(state.get("preset")));
    const expr = typed.expr || state.get("expr");
    const cmp = typed.cmp || state.get("cmp");
    if (expr) expression.value = expr;
    if (cmp !== undefined) compare.value = cmp;
    const k = state.get("k");
    this.el("k", HTMLSelectElement).value = k && K_CHOICES.includes(k) ? k : DEFAULT_K;

    this.el("preset", HTMLSelectElement).addEventListener("change", (event) => {
      this.#loadPreset(wordPresetById((event.target as HTMLSelectElement).value));
      this.#update();
    });
    for (const name of ["expression", "compare", "k"])
      this.el(name).addEventListener(name === "k" ? "change" : "input", () => {
        this.#update();
      });
    this.el("suggestions").addEventListener("click", (event) => {
      const button = (event.target as HTMLElement).closest("button");
      const { word, suggestion, field } = button?.dataset ?? {};
      if (!word || !suggestion || !field) return;
      const input = this.el(field, HTMLInputElement);
      input.value = replaceWord(input.value, word, suggestion);
      input.focus();
      this.#update();
    });
    document.addEventListener("llmlab:theme", () => {
      if (this.#last) drawWordMap(this.el("plot"), this.#last, this.stateKey);
    });

    this.showLoading("Loading GloVe word vectors…", 0);
    this.#glove = await wordVectors((label, fraction) => {
      this.showLoading(label, fraction);
    });
    this.hideLoading();
    this.dataset["vocabulary"] = String(this.#glove.size);
    this.#update();
  }

  protected override onKey(event: KeyboardEvent): boolean {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return false;
    const index = WORD_PRESETS.indexOf(this.#preset);
    const step = event.key === "ArrowRight" ? 1 : -1;
    this.#loadPreset(
      WORD_PRESETS[(index + step + WORD_PRESETS.length) % WORD_PRESETS.length] as WordPreset,
    );
    this.#update();
    return true;
  }

  #loadPreset(preset: WordPreset): void {
    this.#preset = preset;
    this.el("preset", HTMLSelectElement).value = preset.id;
    this.el("expression", HTMLInputElement).value = preset.expression;
    this.el("compare", HTMLInputElement).value = preset.compare;
    this.el("note").textContent = preset.note;
  }

  #update(): void {
    const expression = this.el("expression", HTMLInputElement).value;
    const compare = this.el("compare", HTMLInputElement).value;
    const k = this.el("k", HTMLSelectElement).value;
    this.writeState({
      preset: this.#preset.id === WORD_PRESETS[0]?.id ? null : this.#preset.id,
      expr: expression === this.#preset.expression ? null : expression,
      cmp: compare === this.#preset.compare ? null : compare,
      k: k === DEFAULT_K ? null : k,
    });
    if (!this.#glove) return;
    this.el("suggestions").replaceChildren();
    let data: Exploration;
    try {
      data = explore(this.#glove, expression, compare, Number(k));
    } catch (error) {
      if (!(error instanceof ExpressionError || error instanceof UnknownWords)) throw error;
      this.showError(error.message);
      if (error instanceof UnknownWords) this.#showSuggestions(error, compare);
      this.#clearResults();
      return;
    }
    this.clearError();
    this.#last = data;
    this.#render(data);
  }

  #showSuggestions(error: UnknownWords, compare: string): void {
    const inCompare = new Set(compare.toLowerCase().split(/[\s,;]+/u));
    const rows = error.errors
      .filter((e) => e.suggestions.length > 0)
      .map((e) => {
        const row = document.createElement("p");
        row.append(`Instead of “${e.word}”: `);
        for (const suggestion of e.suggestions) {
          const button = document.createElement("button");
          button.type = "button";
          button.textContent = suggestion;
          button.dataset["word"] = e.word;
          button.dataset["suggestion"] = suggestion;
          button.dataset["field"] = inCompare.has(e.word) ? "compare" : "expression";
          button.setAttribute("aria-label", `Use “${suggestion}” instead of “${e.word}”`);
          row.append(button, " ");
        }
        return row;
      });
    this.el("suggestions").replaceChildren(...rows);
  }

  #clearResults(): void {
    this.#last = null;
    this.el("result").textContent = "";
    this.el("name").textContent = "";
    this.el("neighbors").replaceChildren();
    this.el("comparisons").replaceChildren();
    this.el("plot").replaceChildren();
    this.dataset["top"] = "";
  }

  #render(data: Exploration): void {
    const top = data.neighbors[0];
    this.dataset["top"] = top?.word ?? "";
    const single = data.terms.length === 1 && data.terms[0]?.sign !== -1;
    const first = data.compare[0];
    const word = formatExpression(data.terms);
    // One word is not an equation: lead with the comparison the learner asked for, not "love ≈ me".
    this.el("result").textContent = single
      ? [
          first ? `“${word}” and “${first.word}”: cosine ${fmt(first.similarity)}` : "",
          top ? `nearest word: ${top.word} (${fmt(top.similarity)})` : "",
        ]
          .filter(Boolean)
          .join("; ")
      : top
        ? `${word} ≈ ${top.word} (cosine ${fmt(top.similarity)})`
        : word;
    this.el("neighbors").replaceChildren(
      ...data.neighbors.map((n) => {
        const item = document.createElement("li");
        item.dataset["word"] = n.word;
        item.dataset["similarity"] = String(n.similarity);
        const word = document.createElement("span");
        word.textContent = n.word;
        const value = document.createElement("span");
        value.className = "wv-num";
        value.textContent = fmt(n.similarity);
        item.append(word, value);
        return item;
      }),
    );
    this.el("comparisons").replaceChildren(
      ...data.compare.map((c) => {
        const item = document.createElement("li");
        item.dataset["word"] = c.word;
        item.dataset["similarity"] = String(c.similarity);
        item.textContent = `${c.word}: cosine ${fmt(c.similarity)}`;
        return item;
      }),
    );
    this.el("compare-heading").hidden = data.compare.length === 0;
    this.el("name").textContent = this.#nameNote(data);
    this.el("explained").textContent =
      `Map: the ${data.map.words.length} words projected onto their first two principal components (PCA), which keep ${Math.round(100 * data.map.explained)}% of their spread. Distances on the map are approximate; the cosines in the list are exact.`;
    drawWordMap(this.el("plot"), data, this.stateKey);
  }

  #nameNote(data: Exploration): string {
    const name = data.name;
    if (!name) return "";
    const sum = formatExpression(data.terms);
    if (!name.known) {
      const close = name.suggestions.length
        ? ` (closest spellings: ${name.suggestions.map((s) => `“${s}”`).join(", ")})`
        : "";
      return `“${name.word}” is not among the ${this.#glove?.size.toLocaleString("en-US") ?? ""} GloVe words${close}, so it has no vector of its own. Shown instead: what lies nearest to ${sum}.`;
    }
    const rank = name.rank ? `, number ${name.rank} in the list` : ", not in the list";
    return `“${name.word}” has cosine ${fmt(name.similarity)} with ${sum}${rank}.`;
  }
}

customElements.define("word-vectors", WordVectorsWidget);
