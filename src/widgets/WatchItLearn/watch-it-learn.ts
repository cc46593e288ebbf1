/**
 * WatchItLearn: the loss curve of our GPT (its training.json) and, for one
 * prompt, every shipped checkpoint's top-5 next tokens and a seeded sample,
 * computed by src/lib/lm in the page's shared lm worker.
 */
import { checkpointId, type TrainingRecord } from "@/lib/lm/index";
import { LabWidget } from "@/scripts/lab-widget";
import { lmClient, loadLm } from "@/scripts/lm-worker";
import { drawLossChart } from "./loss-chart";
import { ASSETS } from "../../lib/assets/paths";

const SAMPLE = { tokens: 12, temperature: 0.8, topK: 0, topP: 1, seed: 1 };

const fmt = (n: number): string => n.toLocaleString("en-US");

class WatchItLearn extends LabWidget {
  #record: TrainingRecord | null = null;

  protected async setup(): Promise<void> {
    const state = this.readState();
    const prompt = this.el("prompt", HTMLInputElement);
    const saved = state.get("p");
    if (saved !== undefined) prompt.value = saved;
    prompt.addEventListener("input", () => {
      this.writeState({ p: prompt.value });
    });
    prompt.addEventListener("keydown", (event) => {
      if (event.key === "Enter") void this.guard(() => this.#run());
    });
    this.el("run", HTMLButtonElement).addEventListener("click", () => {
      void this.guard(() => this.#run());
    });
    document.addEventListener("llmlab:theme", () => {
      if (this.#record) drawLossChart(this.el("chart"), this.#record);
    });
    const response = await fetch(ASSETS.gptTraining);
    if (!response.ok) throw new Error(`Could not load the training log (HTTP ${response.status}).`);
    this.#record = (await response.json()) as TrainingRecord;
    drawLossChart(this.el("chart"), this.#record);
    const last = this.#record.checkpoints.at(-1);
    const first = this.#record.checkpoints[0];
    const vocab = Number(this.#record.meta.arch["vocab"]);
    if (last && first)
      this.el("facts").textContent =
        `Validation loss (nats per token, on text the model never trained on) fell from ${first.valid_loss.toFixed(2)} before training to ${last.valid_loss.toFixed(2)} after ${fmt(last.step)} steps and ${fmt(last.tokens)} tokens. A model that guessed uniformly among its ${fmt(vocab)} tokens would score ${Math.log(vocab).toFixed(2)}.`;
    if (saved !== undefined) void this.guard(() => this.#run());
  }

  async #run(): Promise<void> {
    this.clearError();
    const record = this.#record;
    if (!record) throw new Error("The training log has not loaded yet.");
    const text = this.el("prompt", HTMLInputElement).value;
    if (text.trim() === "")
      throw new Error("Type a prompt first, such as “John wants his bank to cash the”.");
    const run = this.el("run", HTMLButtonElement);
    run.disabled = true;
    this.el("results").hidden = true;
    try {
      const rows: HTMLTableRowElement[] = [];
      for (const [i, checkpoint] of record.checkpoints.entries()) {
        const model = checkpoint.file === "model.onnx" ? "gpt" : checkpointId(checkpoint.step);
        const label = `Checkpoint ${i + 1} of ${record.checkpoints.length}`;
        await loadLm(model, {
          onProgress: (what, fraction) => {
            this.showLoading(`${label}: ${what}`, fraction ?? undefined);
          },
        });
        this.showLoading(`${label}: predicting…`, i / record.checkpoints.length);
        const prediction = await lmClient().predict(model, text, 5);
        const sample = await lmClient().generate(model, text, SAMPLE);
        const tr = document.createElement("tr");
        tr.dataset["step"] = String(checkpoint.step);
        const name = document.createElement("th");
        name.scope = "row";
        name.textContent = `after ${fmt(checkpoint.step)} steps (${fmt(checkpoint.tokens)} tokens; validation loss ${checkpoint.valid_loss.toFixed(2)})`;
        const top = document.createElement("td");
        top.dataset["top"] = prediction.top.map((c) => c.label).join("|");
        top.textContent = prediction.top
          .map((c) => `${c.label} ${(100 * c.probability).toFixed(1)}%`)
          .join(", ");
        const out = document.createElement("td");
        out.dataset["sample"] = sample.continuation;
        out.textContent = `…${sample.continuation}${sample.stoppedAtEnd ? " (end of text)" : ""}`;
        tr.append(name, top, out);
        rows.push(tr);
      }
      this.el("body").replaceChildren(...rows);
      this.el("results").hidden = false;
    } finally {
      run.disabled = false;
      this.hideLoading();
    }
  }
}

customElements.define("watch-it-learn", WatchItLearn);
