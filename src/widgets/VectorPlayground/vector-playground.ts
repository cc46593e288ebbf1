import { axisBottom, axisLeft, scaleLinear, select } from "d3";
import {
  ExpressionError,
  cosine,
  evaluateExpression,
  formatExpression,
  nearest,
  parseExpression,
  type Term,
} from "@/lib/vectors/index";
import { LabWidget } from "@/scripts/lab-widget";
import { PRESETS, presetById, type Preset } from "./presets";

type Point = readonly [number, number];

const WIDTH = 420;
const HEIGHT = 340;
const MARGIN = { top: 18, right: 64, bottom: 38, left: 44 };

function fmt(x: number): string {
  return x.toFixed(2);
}

class VectorPlayground extends LabWidget {
  #preset: Preset = PRESETS[0] as Preset;
  #words = new Map<string, Point>();

  protected setup(): void {
    const state = this.readState();
    // Text typed before the widget's script arrived wins over the URL and the preset.
    const typed = this.el("expression", HTMLInputElement).value;
    this.#load(presetById(state.get("preset")));
    const expression = typed || state.get("expr");
    if (expression) this.el("expression", HTMLInputElement).value = expression;

    this.el("preset", HTMLSelectElement).addEventListener("change", (event) => {
      this.#load(presetById((event.target as HTMLSelectElement).value));
      this.#update();
    });
    this.el("expression", HTMLInputElement).addEventListener("input", () => {
      this.#update();
    });
    this.el("table").addEventListener("input", () => {
      this.#update();
    });
    document.addEventListener("llmlab:theme", () => {
      this.#update();
    });
    this.#update();
  }

  protected override onKey(event: KeyboardEvent): boolean {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return false;
    const index = PRESETS.indexOf(this.#preset);
    const step = event.key === "ArrowRight" ? 1 : -1;
    const next = PRESETS[(index + step + PRESETS.length) % PRESETS.length] as Preset;
    this.#load(next);
    this.#update();
    return true;
  }

  #load(preset: Preset): void {
    this.#preset = preset;
    this.el("preset", HTMLSelectElement).value = preset.id;
    this.el("expression", HTMLInputElement).value = preset.expression;
    this.el("axis-x").textContent = `x: ${preset.axes[0]}`;
    this.el("axis-y").textContent = `y: ${preset.axes[1]}`;
    this.el("note").textContent = preset.note;
    const rows = Object.entries(preset.words).map(([word, [x, y]]) => {
      const row = document.createElement("tr");
      const name = document.createElement("th");
      name.scope = "row";
      name.textContent = word;
      row.append(name);
      for (const [axis, value] of [
        [preset.axes[0], x],
        [preset.axes[1], y],
      ] as const) {
        const cell = document.createElement("td");
        const input = document.createElement("input");
        input.type = "number";
        input.step = "0.05";
        input.value = String(value);
        input.dataset["word"] = word;
        input.setAttribute("aria-label", `${word}, ${axis}`);
        cell.append(input);
        row.append(cell);
      }
      return row;
    });
    this.el("table").replaceChildren(...rows);
  }

  /** Reads the (possibly edited) vectors; throws on a cell that is not a number. */
  #readWords(): Map<string, Point> {
    const words = new Map<string, Point>();
    for (const row of this.el("table").querySelectorAll("tr")) {
      const inputs = [...row.querySelectorAll<HTMLInputElement>("input")];
      const word = inputs[0]?.dataset["word"] ?? "";
      const values = inputs.map((input) => Number.parseFloat(input.value));
      if (values.length !== 2 || values.some((v) => !Number.isFinite(v)))
        throw new ExpressionError(`The vector of “${word}” needs two numbers.`);
      words.set(word, [values[0] as number, values[1] as number]);
    }
    return words;
  }

  #update(): void {
    const text = this.el("expression", HTMLInputElement).value;
    this.writeState({
      preset: this.#preset.id === PRESETS[0]?.id ? null : this.#preset.id,
      expr: text === this.#preset.expression ? null : text,
    });
    let terms: Term[];
    let result: Float64Array;
    try {
      this.#words = this.#readWords();
      terms = parseExpression(text);
      result = evaluateExpression(terms, (w) => this.#words.get(w));
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      const known = [...this.#words.keys()].join(", ");
      this.showError(`${error.message} Words on this map: ${known}.`);
      this.el("result").textContent = "";
      this.el("nearest").replaceChildren();
      this.#draw([], null);
      return;
    }
    this.clearError();
    const point: Point = [result[0] as number, result[1] as number];
    this.el("result").textContent =
      `${formatExpression(terms)} = [${fmt(point[0])}, ${fmt(point[1])}]`;
    const inputs = terms.map((t) => t.word);
    const exclude = terms.length > 1 ? inputs : [];
    const neighbors = nearest(point, this.#words.entries(), 4, exclude);
    this.el("nearest").replaceChildren(
      ...neighbors.map((n) => {
        const item = document.createElement("li");
        item.dataset["word"] = n.word;
        item.dataset["similarity"] = String(n.similarity);
        item.textContent = `${n.word}: cosine ${n.similarity.toFixed(3)}`;
        return item;
      }),
    );
    this.dataset["top"] = neighbors[0]?.word ?? "";
    const first = this.#words.get(inputs[0] ?? "");
    const second = this.#words.get(inputs[1] ?? "");
    if (first && second) this.dataset["pairCosine"] = String(cosine(first, second));
    this.#draw(terms, point);
  }

  #draw(terms: readonly Term[], result: Point | null): void {
    const styles = getComputedStyle(this);
    const color = (name: string): string => styles.getPropertyValue(name).trim();
    const points = [...this.#words.values(), ...(result ? [result] : [])];
    const extent = Math.max(1, ...points.flatMap(([x, y]) => [Math.abs(x), Math.abs(y)])) * 1.1;
    const x = scaleLinear([-extent, extent], [MARGIN.left, WIDTH - MARGIN.right]);
    const y = scaleLinear([-extent, extent], [HEIGHT - MARGIN.bottom, MARGIN.top]);

    const plot = select(this.el("plot"));
    plot.selectAll("svg").remove();
    const svg = plot
      .append("svg")
      .attr("viewBox", `0 0 ${WIDTH} ${HEIGHT}`)
      .attr("font-size", 12)
      .attr("aria-hidden", "true");
    const defs = svg.append("defs");
    for (const [id, fill] of [
      ["vp-arrow-word", color("--fg-muted")],
      ["vp-arrow-term", color("--cb-blue")],
      ["vp-arrow-result", color("--cb-vermillion")],
    ] as const) {
      defs
        .append("marker")
        .attr("id", `${this.stateKey}-${id}`)
        .attr("viewBox", "0 0 10 10")
        .attr("refX", 9)
        .attr("refY", 5)
        .attr("markerWidth", 7)
        .attr("markerHeight", 7)
        .attr("orient", "auto-start-reverse")
        .append("path")
        .attr("d", "M0,0L10,5L0,10z")
        .attr("fill", fill);
    }
    svg
      .append("g")
      .attr("transform", `translate(0,${y(0)})`)
      .attr("color", color("--fg-muted"))
      .call(axisBottom(x).ticks(5));
    svg
      .append("g")
      .attr("transform", `translate(${x(0)},0)`)
      .attr("color", color("--fg-muted"))
      .call(axisLeft(y).ticks(5));
    svg
      .append("text")
      .attr("x", WIDTH - MARGIN.right)
      .attr("y", HEIGHT - 6)
      .attr("text-anchor", "end")
      .attr("fill", color("--fg"))
      .text(`x: ${this.#preset.axes[0]} →`);
    svg
      .append("text")
      .attr("x", 4)
      .attr("y", MARGIN.top - 2)
      .attr("fill", color("--fg"))
      .text(`↑ y: ${this.#preset.axes[1]}`);

    const arrow = (from: Point, to: Point, stroke: string, marker: string, width: number) =>
      svg
        .append("line")
        .attr("x1", x(from[0]))
        .attr("y1", y(from[1]))
        .attr("x2", x(to[0]))
        .attr("y2", y(to[1]))
        .attr("stroke", stroke)
        .attr("stroke-width", width)
        .attr("marker-end", `url(#${this.stateKey}-${marker})`);
    for (const [word, p] of this.#words) {
      arrow([0, 0], p, color("--fg-muted"), "vp-arrow-word", 1.2);
      svg
        .append("text")
        .attr("x", x(p[0]) + 5)
        .attr("y", y(p[1]) - 5)
        .attr("fill", color("--fg"))
        .text(word);
    }
    // The expression, tip to tail: each term starts where the previous one ended.
    let at: Point = [0, 0];
    for (const term of terms) {
      const v = this.#words.get(term.word);
      if (!v) continue;
      const to: Point = [at[0] + term.sign * v[0], at[1] + term.sign * v[1]];
      arrow(at, to, color("--cb-blue"), "vp-arrow-term", 2.5);
      at = to;
    }
    if (result) {
      arrow([0, 0], result, color("--cb-vermillion"), "vp-arrow-result", 3).attr(
        "data-role",
        "result",
      );
      svg
        .append("circle")
        .attr("cx", x(result[0]))
        .attr("cy", y(result[1]))
        .attr("r", 5)
        .attr("fill", color("--cb-vermillion"));
    }
  }
}

customElements.define("vector-playground", VectorPlayground);
