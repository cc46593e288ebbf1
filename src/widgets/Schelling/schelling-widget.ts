/**
 * <schelling-game>: the view of lesson 06's Schelling model. It owns the DOM,
 * the canvas, the chart and the animation loop; every computation happens in
 * src/lib/schelling, on the main thread for the classroom and in a Web Worker
 * for the simulator's big grids.
 */
import { SchellingError } from "@/lib/schelling/index";
import { LabWidget } from "@/scripts/lab-widget";
import { BoardInput } from "./board-input";
import { GridView } from "./grid-view";
import { HostError, LocalHost, WorkerHost, type Host } from "./host";
import { MetricsChart, pointOf } from "./metrics-chart";
import {
  describeMove,
  describeSeat,
  describeState,
  readPalette,
  renderChartLegend,
  renderLegend,
  renderMetrics,
} from "./readouts";
import type { Request, Snapshot } from "./session";
import { RESTART_FIELDS, fillForm, readForm } from "./settings-form";
import { Ticker } from "./ticker";
import {
  DEFAULTS,
  SPEEDS,
  equalShares,
  fromState,
  toOptions,
  toState,
  type Mode,
  type Settings,
} from "./settings";

class SchellingGame extends LabWidget {
  #settings: Settings = { ...DEFAULTS.classroom };
  #host: Host | null = null;
  /** Bumped on every reset, so replies meant for an older model are dropped. */
  #generation = 0;
  #snapshot: Snapshot | null = null;
  #busy = false;
  /** The settings have an error: what is on show is from before it, and nothing runs. */
  #broken = false;
  readonly #ticker = new Ticker(
    () => this.#rate(),
    () => !this.#busy,
    () => void this.#advance("step"),
  );
  #view!: GridView;
  #chart!: MetricsChart;
  #input!: BoardInput;

  protected async setup(): Promise<void> {
    this.#settings = fromState(this.readState());
    this.#view = new GridView(this.el("canvas", HTMLCanvasElement));
    this.#chart = new MetricsChart(this.el("chart"));
    this.#input = new BoardInput(this.el("canvas", HTMLCanvasElement), {
      board: () => (this.#settings.mode === "classroom" ? this.#snapshot : null),
      cellAt: (x, y) => {
        const s = this.#snapshot;
        return s ? this.#view.cellAt(x, y, s.width, s.height) : -1;
      },
      move: (from, to) => void this.#request({ kind: "move", from, to }),
      changed: (announce) => {
        this.#draw();
        if (announce) this.#announceCursor();
      },
    });
    this.#fillForm();
    this.#wire();
    new ResizeObserver(() => {
      this.#layout();
    }).observe(this.el("board"));
    document.addEventListener("llmlab:theme", () => {
      this.#draw();
      this.#drawChrome();
    });
    document.addEventListener("fullscreenchange", () => {
      requestAnimationFrame(() => {
        this.#layout();
      });
    });
    await this.#reset();
  }

  protected override onKey(event: KeyboardEvent): boolean {
    const target = event.target;
    if (target instanceof HTMLSelectElement) return false;
    const onButton =
      target instanceof HTMLButtonElement ||
      (target instanceof HTMLElement && target.localName === "summary");
    if (onButton && (event.key === " " || event.key === "Enter")) return false;
    if (event.ctrlKey || event.metaKey || event.altKey) return false;
    switch (event.key) {
      case " ":
      case "k":
        this.#togglePlay();
        return true;
      case "ArrowRight":
      case ".":
        void this.#advance("step");
        return true;
      case "r":
      case "R":
        void this.#reset();
        return true;
      case "n":
      case "N":
        this.#nextSeed();
        return true;
      case "+":
      case "=":
      case "-":
      case "−":
        this.#setSpeed(this.#settings.speed + (event.key === "+" || event.key === "=" ? 1 : -1));
        return true;
      case "s":
      case "S":
        this.#settings.shapes = !this.#settings.shapes;
        this.#fillForm();
        this.#saveState();
        this.#draw();
        this.#drawChrome();
        return true;
      default:
        return false;
    }
  }

  /** A class following the instructor: the settings in the URL, seated afresh. */
  override reloadState(): boolean {
    this.#settings = fromState(this.readState());
    this.#fillForm();
    void this.guard(() => this.#reset());
    return true;
  }

  // ——— settings and the form ———

  #fillForm(): void {
    const s = this.#settings;
    fillForm(this, s);
    this.el("speed").setAttribute("aria-valuetext", this.#speedText());
    this.dataset["mode"] = s.mode;
    this.dataset["rule"] = s.rule;
    this.el("step").textContent = s.mode === "classroom" ? "Step" : "Step (1 round)";
  }

  #saveState(): void {
    this.writeState(toState(this.#settings));
  }

  #wire(): void {
    const on = (part: string, type: string, handler: () => unknown): void => {
      this.el(part).addEventListener(type, () => void this.guard(handler));
    };
    on("play", "click", () => {
      this.#togglePlay();
    });
    on("step", "click", () => this.#advance("step"));
    on("round", "click", () => this.#advance("round"));
    on("reset", "click", () => this.#reset());
    on("reseed", "click", () => {
      this.#nextSeed();
    });
    on("speed", "input", () => {
      this.#setSpeed(Number(this.el("speed", HTMLInputElement).value));
    });
    on("mode", "change", () => {
      const mode = this.el("mode", HTMLSelectElement).value as Mode;
      this.#settings = { ...DEFAULTS[mode], seed: this.#settings.seed };
      this.#fillForm();
      return this.#apply(false);
    });
    on("groups", "change", () => {
      this.el("shares", HTMLInputElement).value = equalShares(
        Number(this.el("groups", HTMLSelectElement).value),
      );
      return this.#apply();
    });
    on("shapes", "change", () => {
      this.#settings.shapes = this.el("shapes", HTMLInputElement).checked;
      this.#saveState();
      this.#draw();
      this.#drawChrome();
    });
    for (const name of RESTART_FIELDS) on(name, "change", () => this.#apply());
  }

  /** Takes the form's values (unless `fromForm` is false), saves them to the URL and restarts. */
  async #apply(fromForm = true): Promise<void> {
    if (fromForm) this.#settings = readForm(this, this.#settings);
    this.#fillForm();
    this.#saveState();
    await this.#reset();
  }

  #nextSeed(): void {
    const seed = Number(this.#settings.seed);
    this.el("seed", HTMLInputElement).value = String(
      Number.isInteger(seed) && seed >= 0 ? (seed + 1) % 2 ** 32 : 1,
    );
    void this.guard(() => this.#apply());
  }

  #setSpeed(speed: number): void {
    this.#settings.speed = Math.min(6, Math.max(1, Math.round(speed) || 1));
    this.el("speed", HTMLInputElement).value = String(this.#settings.speed);
    this.el("speed", HTMLInputElement).setAttribute("aria-valuetext", this.#speedText());
    this.#saveState();
  }

  #speedText(): string {
    return `${this.#rate()} ${this.#settings.mode === "classroom" ? "students" : "rounds"} per second`;
  }

  #rate(): number {
    return SPEEDS[this.#settings.mode][this.#settings.speed - 1] ?? 1;
  }

  // ——— running the model ———

  #hostFor(mode: Mode): Host {
    const wanted = mode === "simulator" && typeof Worker !== "undefined" ? "worker" : "local";
    if (this.#host && this.#host.kind === wanted && !this.#busy) return this.#host;
    this.#host?.dispose();
    this.#host = wanted === "worker" ? new WorkerHost() : new LocalHost();
    return this.#host;
  }

  async #reset(): Promise<void> {
    this.#pause();
    const generation = ++this.#generation;
    const host = this.#hostFor(this.#settings.mode);
    this.#busy = false;
    this.#input.clear();
    this.dataset["host"] = host.kind;
    let options;
    try {
      options = toOptions(this.#settings);
    } catch (error) {
      this.#fail(error);
      return;
    }
    this.#busy = true;
    this.showLoading(
      `Seating ${this.#settings.mode === "classroom" ? "the class" : "the agents"}…`,
    );
    try {
      const snapshot = await host.request({ kind: "init", options });
      if (generation !== this.#generation) return;
      this.hideLoading();
      this.clearError();
      this.#broken = false;
      this.#chart.reset(this.#settings.mode === "classroom" ? "moves" : "rounds");
      this.#show(snapshot);
      this.#status(describeState(snapshot.stats, this.#settings.mode));
    } catch (error) {
      if (generation === this.#generation) this.#fail(error);
    } finally {
      if (generation === this.#generation) this.#busy = false;
    }
  }

  /** One step (a student in the classroom, a round in the simulator), or a round. */
  async #advance(unit: "step" | "round"): Promise<void> {
    const round = unit === "round" || this.#settings.mode === "simulator";
    // The classroom charts every move, so its rounds bring the stats after each move along.
    const trace = this.#settings.mode === "classroom";
    await this.#request(round ? { kind: "sweep", count: 1, trace } : { kind: "step", count: 1 });
  }

  async #request(request: Request): Promise<void> {
    const host = this.#host;
    if (!host || !this.#snapshot || this.#busy || this.#broken) return;
    const generation = this.#generation;
    const previous = this.#snapshot;
    this.#busy = true;
    try {
      let snapshot = await host.request(request);
      if (generation !== this.#generation) return;
      const moves = snapshot.stats.moves - previous.stats.moves;
      // A step that found nobody to move keeps the previous move highlighted.
      if (!snapshot.lastMove && request.kind === "step")
        snapshot = { ...snapshot, lastMove: previous.lastMove };
      this.#show(snapshot);
      const mode = this.#settings.mode;
      const words = [
        request.kind === "sweep"
          ? `Round ${snapshot.stats.rounds}: ${moves.toLocaleString("en")} moved.`
          : moves > 0 && snapshot.lastMove
            ? describeMove(snapshot.lastMove, snapshot.width, mode)
            : "",
        describeState(snapshot.stats, mode),
      ];
      this.#status(words.filter(Boolean).join(" "));
      if (snapshot.stats.settled) this.#pause();
    } catch (error) {
      if (generation === this.#generation) this.#fail(error);
    } finally {
      if (generation === this.#generation) this.#busy = false;
    }
  }

  #fail(error: unknown): void {
    this.#pause();
    if (!(error instanceof SchellingError || error instanceof HostError)) throw error;
    // The grid, numbers and chart of the last good run stay on show, dimmed by the
    // shared base as from before the error (data-result); nothing runs until a valid reset.
    this.#broken = true;
    this.dataset["hash"] = "";
    this.showError(error.message);
  }

  // ——— the play loop ———

  #togglePlay(): void {
    if (this.#ticker.running) this.#pause();
    else this.#play();
  }

  #play(): void {
    if (!this.#snapshot || this.#broken || this.#snapshot.stats.settled) return;
    this.#ticker.start();
    this.#showPlaying(true);
  }

  #pause(): void {
    this.#ticker.stop();
    this.#showPlaying(false);
  }

  #showPlaying(on: boolean): void {
    this.el("play").textContent = on ? "Pause" : "Play";
    this.el("play").setAttribute("aria-pressed", String(on));
    // Announcing every step while playing would drown a screen reader.
    this.el("status").setAttribute("aria-live", on ? "off" : "polite");
  }

  // ——— drawing ———

  #show(snapshot: Snapshot): void {
    this.#snapshot = snapshot;
    const { stats } = snapshot;
    const mode = this.#settings.mode;
    for (const moved of snapshot.trail ?? []) this.#chart.add(pointOf(moved.moves, moved));
    this.#chart.add(pointOf(mode === "classroom" ? stats.moves : stats.rounds, stats));
    Object.assign(this.dataset, {
      hash: snapshot.hash,
      moves: String(stats.moves),
      rounds: String(stats.rounds),
      unhappy: String(stats.unhappy),
      settled: String(stats.settled),
    });
    renderMetrics(this.el("metrics"), stats, mode);
    this.#layout();
    this.#chart.draw();
    this.#drawChrome();
  }

  /** Sizes the canvas to whole, square cells that fit the board (and the screen). */
  #layout(): void {
    const snapshot = this.#snapshot;
    const canvas = this.el("canvas", HTMLCanvasElement);
    const width = this.el("board").clientWidth;
    if (!snapshot || width === 0) {
      this.#draw();
      return;
    }
    // Presenting: fill the screen below the controls, leaving room for the key under the grid.
    // Screen positions are in the screen's pixels; Present mode's zoom divides them into the widget's.
    const zoom = this.presentZoom;
    const top =
      (this.el("board").getBoundingClientRect().top - this.getBoundingClientRect().top) / zoom;
    const screenHeight = window.innerHeight / zoom;
    const legend = this.el("legend");
    const below = legend.offsetHeight + parseFloat(getComputedStyle(legend).marginTop || "0");
    const maxHeight = this.presenting
      ? Math.max(160, screenHeight - top - below - 32)
      : window.innerHeight * 0.7;
    const cell = Math.min(width / snapshot.width, maxHeight / snapshot.height);
    // Presenting: the chart shrinks (keeping its shape) so that it and its key end on screen.
    if (this.presenting) {
      const chart =
        (this.el("chart").getBoundingClientRect().top - this.getBoundingClientRect().top) / zoom;
      const key = this.el("chart-legend").offsetHeight;
      this.style.setProperty(
        "--sg-chart-max",
        `${Math.max(120, screenHeight - chart - key - 24)}px`,
      );
    } else this.style.removeProperty("--sg-chart-max");
    canvas.style.width = `${Math.floor(cell * snapshot.width)}px`;
    canvas.style.height = `${Math.floor(cell * snapshot.height)}px`;
    this.#view.resize();
    this.#draw();
  }

  #draw(): void {
    const snapshot = this.#snapshot;
    const palette = readPalette(this);
    if (!snapshot) {
      this.#view.resize();
      this.#view.clear(palette);
      return;
    }
    const classroom = this.#settings.mode === "classroom";
    this.#view.draw(
      {
        width: snapshot.width,
        height: snapshot.height,
        cells: snapshot.cells,
        shapes: this.#settings.shapes,
        desks: classroom,
        lastMove: classroom ? snapshot.lastMove : null,
        unhappy: classroom ? snapshot.unhappy : null,
        cursor: classroom ? this.#input.cursor : -1,
        selected: classroom ? this.#input.selected : -1,
      },
      palette,
    );
  }

  /** The legends, which change only with the theme, the groups or the shapes option. */
  #drawChrome(): void {
    const palette = readPalette(this);
    renderLegend(
      this.el("legend"),
      this.#snapshot?.groups ?? 2,
      this.#settings.shapes,
      this.#settings.mode,
      palette,
    );
    const styles = getComputedStyle(this);
    renderChartLegend(this.el("chart-legend"), (name) => styles.getPropertyValue(name).trim());
    this.#chart.draw();
  }

  #status(text: string): void {
    this.el("status").textContent = text;
  }

  #announceCursor(): void {
    const snapshot = this.#snapshot;
    if (snapshot && this.#input.cursor >= 0)
      this.#status(describeSeat(snapshot, this.#input.cursor, this.#input.selected));
  }
}

customElements.define("schelling-game", SchellingGame);
