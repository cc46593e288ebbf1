/**
 * The ImageLabeler's element: reads images (bundled or the learner's), embeds
 * them in the vision worker, takes hand labels, trains a few-shot model on
 * the embeddings (src/lib/labeling few-shot), labels the rest, evaluates it on
 * labels it did not learn from (the bundled set's gold, or a seeded quarter of
 * the hand labels) and exports a CSV. Nothing is uploaded.
 */
import {
  BUNDLED_IMAGES,
  evaluate,
  LabelingError,
  parseCSV,
  heldOutEvaluation,
  holdOutSplit,
  MIN_HAND_LABELS_TO_HOLD_OUT,
  predictFewShot,
  safeCSV,
  trainFewShot,
  type Evaluation,
  type FewShotMethod,
} from "@/lib/labeling";
import { LabWidget } from "@/scripts/lab-widget";
import { download } from "@/scripts/download";
import { visionWorker } from "@/scripts/vision-worker";

/** More images than this at once are not read (the rest are named in the message). */
export const MAX_IMAGES = 2000;

interface Item {
  id: string;
  name: string;
  url: string;
  blob: Blob;
  gold: string | null;
  hand: string | null;
  model: string | null;
  vector: Float32Array | null;
  problem: string | null;
  li: HTMLLIElement;
}

const METHODS: readonly FewShotMethod[] = ["centroid", "nearest", "probe"];
const pct = (s: { value: number | undefined }): string =>
  s.value === undefined ? "–" : s.value.toFixed(3);

class ImageLabeler extends LabWidget {
  #items: Item[] = [];
  #urls: string[] = [];
  #source = "";
  /** Each load's number: a load's results are dropped when a newer one started. */
  #generation = 0;

  protected setup(): void {
    const state = this.readState();
    const method = state.get("method");
    if (method && (METHODS as readonly string[]).includes(method))
      this.el("method", HTMLSelectElement).value = method;
    this.el("bundled", HTMLButtonElement).addEventListener("click", () => {
      void this.guard(() => this.#loadBundled());
    });
    // a folder pick (the attribute is not in Astro's types, so it is set here)
    this.el("folder", HTMLInputElement).webkitdirectory = true;
    for (const part of ["files", "folder"])
      this.el(part, HTMLInputElement).addEventListener("change", (event) => {
        const input = event.target as HTMLInputElement;
        const files = [...(input.files ?? [])];
        input.value = "";
        void this.guard(() => this.#loadFiles(files));
      });
    this.el("method", HTMLSelectElement).addEventListener("change", () => {
      this.writeState({ method: this.el("method", HTMLSelectElement).value });
    });
    this.el("labels", HTMLInputElement).addEventListener("change", () => {
      this.#renderGrid();
      this.#summarise();
    });
    this.el("train", HTMLButtonElement).addEventListener("click", () => {
      void this.guard(() => {
        this.#train();
      });
    });
    this.el("export", HTMLButtonElement).addEventListener("click", () => {
      this.#export();
    });
  }

  #labels(): string[] {
    const labels = this.el("labels", HTMLInputElement)
      .value.split(",")
      .map((l) => l.trim())
      .filter(Boolean);
    return [...new Set(labels)];
  }

  async #loadBundled(): Promise<void> {
    const set = BUNDLED_IMAGES.emoji;
    this.showLoading("Loading the bundled emoji…");
    const response = await fetch(set.url);
    if (!response.ok) throw new Error(`The bundled images did not load (HTTP ${response.status}).`);
    const rows = parseCSV(await response.text()).rows;
    const base = set.url.slice(0, set.url.lastIndexOf("/") + 1);
    const blobs = await Promise.all(
      rows.map(async (row) => {
        const r = await fetch(`${base}${row[set.columns.image] ?? ""}`);
        if (!r.ok) throw new Error(`An image of the bundled set did not load (HTTP ${r.status}).`);
        return r.blob();
      }),
    );
    this.el("labels", HTMLInputElement).value = set.labels.join(", ");
    this.#source = set.name;
    await this.#setItems(
      rows.map((row, i) => ({
        id: row[set.columns.id] ?? String(i + 1),
        name: row[set.columns.name] ?? "",
        blob: blobs[i] as Blob,
        gold: row[set.columns.gold] ?? null,
      })),
      "",
    );
  }

  async #loadFiles(files: File[]): Promise<void> {
    const images = files.filter((f) => f.type.startsWith("image/") || f.type === "");
    const skipped = files.length - images.length;
    const over = Math.max(0, images.length - MAX_IMAGES);
    const notes = [
      skipped
        ? `${skipped} file${skipped > 1 ? "s are" : " is"} not an image and ${skipped > 1 ? "were" : "was"} skipped.`
        : "",
      over
        ? `Only the first ${MAX_IMAGES} images are read; ${over} more ${over > 1 ? "were" : "was"} left out.`
        : "",
    ].filter(Boolean);
    if (images.length === 0)
      throw new Error(notes[0] ?? "Pick one or more image files (JPEG, PNG, WebP, GIF).");
    this.#source = `your ${images.length > 1 ? `${Math.min(images.length, MAX_IMAGES)} images` : "image"}`;
    await this.#setItems(
      images.slice(0, MAX_IMAGES).map((f) => ({
        id: f.webkitRelativePath || f.name,
        name: f.name,
        blob: f,
        gold: null,
      })),
      notes.join(" "),
    );
  }

  async #setItems(
    loaded: { id: string; name: string; blob: Blob; gold: string | null }[],
    note: string,
  ): Promise<void> {
    this.clearError();
    const generation = ++this.#generation;
    for (const url of this.#urls) URL.revokeObjectURL(url);
    this.#urls = loaded.map((l) => URL.createObjectURL(l.blob));
    this.#items = loaded.map((l, i) => ({
      ...l,
      url: this.#urls[i] as string,
      hand: null,
      model: null,
      vector: null,
      problem: null,
      li: document.createElement("li"),
    }));
    this.el("evaluation").hidden = true;
    this.#renderGrid();
    const client = await visionWorker((label, fraction) => {
      this.showLoading(label, fraction);
    });
    this.showLoading(`Reading ${this.#items.length} images…`, 0);
    const { outcomes, ms } = await client.embed(
      this.#items.map((i) => i.blob),
      (done) => {
        this.showLoading(
          `Reading images: ${done} of ${this.#items.length}…`,
          done / this.#items.length,
        );
      },
    );
    if (generation !== this.#generation) return; // the learner loaded other images meanwhile
    this.hideLoading();
    // for the benchmark: decoding and embedding time in the worker
    this.dataset["embedMs"] = ms.toFixed(0);
    this.dataset["images"] = String(outcomes.length);
    outcomes.forEach((o, i) => {
      const item = this.#items[i] as Item;
      if (o.ok) item.vector = o.vector;
      else item.problem = o.message;
    });
    this.#renderGrid();
    this.#summarise(note);
  }

  #renderGrid(): void {
    const labels = this.#labels();
    const grid = this.el("grid");
    for (const item of this.#items) {
      const li = item.li;
      li.replaceChildren();
      li.dataset["id"] = item.id;
      li.dataset["source"] = item.hand ? "hand" : item.model ? "model" : "none";
      if (item.gold) li.dataset["gold"] = item.gold;
      const img = document.createElement("img");
      img.src = item.url;
      img.alt = item.name;
      img.loading = "lazy";
      const name = document.createElement("span");
      name.className = "il-name";
      name.textContent = item.name;
      name.title = item.name;
      li.append(img, name);
      if (item.problem) {
        const p = document.createElement("span");
        p.className = "il-failed";
        p.textContent = item.problem;
        li.append(p);
        continue;
      }
      const select = document.createElement("select");
      select.setAttribute("aria-label", `Hand label for ${item.name}`);
      for (const value of ["", ...labels]) {
        const option = document.createElement("option");
        option.value = value;
        option.textContent = value || "– hand label –";
        select.append(option);
      }
      select.value = item.hand && labels.includes(item.hand) ? item.hand : "";
      select.addEventListener("change", () => {
        item.hand = select.value || null;
        li.dataset["source"] = item.hand ? "hand" : item.model ? "model" : "none";
        this.#summarise();
      });
      li.append(select);
      if (item.model && !item.hand) {
        const m = document.createElement("span");
        m.className = "il-model";
        m.dataset["model"] = item.model;
        m.textContent = `model: ${item.model}`;
        li.append(m);
        if (item.gold && item.gold !== item.model) li.dataset["wrong"] = "";
        else delete li.dataset["wrong"];
      } else delete li.dataset["wrong"];
    }
    grid.replaceChildren(...this.#items.map((i) => i.li));
  }

  #summarise(note = ""): void {
    const labels = this.#labels();
    const readable = this.#items.filter((i) => i.vector);
    const hand = readable.filter((i) => i.hand);
    const failed = this.#items.length - readable.length;
    const counts = labels
      .map((l) => `${hand.filter((i) => i.hand === l).length} “${l}”`)
      .join(", ");
    const parts = [
      `${readable.length} images read from ${this.#source || "nowhere yet"}${failed ? `; ${failed} could not be read (each says why)` : ""}.`,
      `Hand-labelled: ${hand.length} (${counts}).`,
      note,
    ];
    this.el("summary").textContent = parts.filter(Boolean).join(" ");
    this.el("train", HTMLButtonElement).disabled = hand.length === 0 || labels.length < 2;
    this.el("export", HTMLButtonElement).disabled = readable.length === 0;
  }

  #train(): void {
    this.clearError();
    const labels = this.#labels();
    if (labels.length < 2)
      throw new LabelingError("Give at least two labels, separated by commas.");
    const method = this.el("method", HTMLSelectElement).value as FewShotMethod;
    const readable = this.#items.filter((i) => i.vector);
    const hand = readable.filter((i) => i.hand && labels.includes(i.hand));
    const fit = (examples: Item[]) =>
      trainFewShot(
        method,
        examples.map((i) => i.vector as Float32Array),
        examples.map((i) => i.hand as string),
        labels,
      );
    const model = fit(hand);
    const rest = readable.filter((i) => !hand.includes(i));
    // everything is computed before any item changes: a failure leaves the grid as it was
    const predicted = predictFewShot(
      model,
      rest.map((i) => i.vector as Float32Array),
    );

    // the check: the set's gold on what the model labelled, else a held-out quarter of the hand labels
    let check: { evaluation: Evaluation; n: number; against: string } | null = null;
    let unchecked = "";
    const withGold = rest.flatMap((item, k) => (item.gold === null ? [] : [k]));
    if (withGold.length > 0)
      check = {
        evaluation: evaluate(
          withGold.map((k) => (rest[k] as Item).gold as string),
          withGold.map((k) => predicted[k] ?? null),
          labels,
        ),
        n: withGold.length,
        against:
          "the bundled set's gold labels (Unicode's emoji subgroups) of the images the model labelled",
      };
    else if (hand.length >= MIN_HAND_LABELS_TO_HOLD_OUT) {
      const split = holdOutSplit(hand.map((i) => i.hand as string));
      const held = split.test.map((k) => hand[k] as Item);
      if (held.length > 0) {
        try {
          const { evaluation } = heldOutEvaluation(
            method,
            hand.map((i) => i.vector as Float32Array),
            hand.map((i) => i.hand as string),
            labels,
            split,
          );
          check = {
            evaluation,
            n: held.length,
            against: `${held.length} of your hand labels, held out: a model trained on the other ${split.train.length} labelled them`,
          };
        } catch (error) {
          // the model itself trained; only the check, on fewer examples, could not
          unchecked = error instanceof Error ? error.message : String(error);
        }
      }
    }
    rest.forEach((item, k) => {
      item.model = predicted[k] ?? null;
    });
    for (const item of hand) item.model = null;
    this.#showEvaluation(model.note, check, rest.length, unchecked);
    this.#renderGrid();
    this.#summarise();
  }

  #showEvaluation(
    note: string,
    check: { evaluation: Evaluation; n: number; against: string } | null,
    labelled: number,
    unchecked = "",
  ): void {
    const box = this.el("evaluation");
    box.hidden = false;
    box.replaceChildren();
    const p = document.createElement("p");
    p.textContent = `${note} It labelled the other ${labelled} images.`;
    box.append(p);
    const result = document.createElement("p");
    result.dataset["part"] = "metrics";
    if (check) {
      const e = check.evaluation;
      result.dataset["accuracy"] = String(e.accuracy.value ?? "");
      result.dataset["n"] = String(check.n);
      result.textContent = `Checked against ${check.against}: accuracy ${pct(e.accuracy)}, macro-F1 ${pct(e.macroF1)}, Cohen's κ ${pct(e.kappa)} on ${check.n} images.`;
    } else
      result.textContent = unchecked
        ? `Not checked: with a quarter of your hand labels held out, the model could not train (${unchecked})`
        : `Not checked: label at least ${MIN_HAND_LABELS_TO_HOLD_OUT} images by hand, and a quarter of them are held out to test the model.`;
    box.append(result);
  }

  #export(): void {
    const rows = this.#items.map((i) => ({
      id: i.id,
      file: i.name,
      label: i.hand ?? i.model ?? "",
      source: i.problem ? "unreadable" : i.hand ? "hand" : i.model ? "model" : "",
      gold: i.gold ?? "",
      note: i.problem ?? "",
    }));
    download(new Blob([safeCSV(rows)], { type: "text/csv" }), "image-labels.csv");
  }
}

customElements.define("image-labeler", ImageLabeler);
