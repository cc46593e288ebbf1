import { splitAtGap, type Prediction } from "@/lib/lm/index";
import { LabWidget } from "@/scripts/lab-widget";
import { lmClient, loadLm } from "@/scripts/lm-worker";

const TOP = 8;
const DEFAULT_TEXT = "John wants his bank to [MASK] the check.";

const pct = (p: number): string => `${(100 * p).toFixed(1)} %`;

class CausalVsMasked extends LabWidget {
  protected setup(): void {
    const input = this.el("text", HTMLInputElement);
    const saved = this.readState().get("t");
    if (saved !== undefined) input.value = saved;
    input.addEventListener("input", () => {
      this.writeState({ t: input.value === DEFAULT_TEXT ? null : input.value });
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") void this.guard(() => this.#run());
    });
    this.el("run", HTMLButtonElement).addEventListener(
      "click",
      () => void this.guard(() => this.#run()),
    );
  }

  async #run(): Promise<void> {
    this.clearError();
    const gap = splitAtGap(this.el("text", HTMLInputElement).value);
    const button = this.el("run", HTMLButtonElement);
    button.disabled = true;
    try {
      const infos = [];
      for (const model of ["gpt", "mlm"]) {
        infos.push(
          await loadLm(model, {
            onProgress: (what, fraction) => {
              this.showLoading(
                `Loading our ${model === "gpt" ? "GPT" : "masked LM"}: ${what}`,
                fraction ?? undefined,
              );
            },
          }),
        );
      }
      const size = Math.max(...infos.map((i) => i.training?.parameters ?? 0));
      this.showLoading("Asking both models…");
      const [next, fill] = await Promise.all([
        lmClient().predict("gpt", gap.before, TOP),
        lmClient().fill("mlm", gap.masked, TOP),
      ]);
      this.el("gpt-seen").textContent = `${gap.before} ▮`;
      this.el("gpt-unseen").textContent = gap.after.trim();
      this.el("gpt-unseen").title = "The causal model never sees these words";
      this.el("mlm-seen").textContent = gap.masked;
      this.#bars("gpt", next);
      this.#bars("mlm", fill);
      this.el("gpt-note").textContent =
        `Next token after “${gap.before.split(/\s+/).slice(-3).join(" ")}”: the words after the blank play no part.${next.truncated ? " The text was cut to the model's context." : ""}`;
      this.el("mlm-note").textContent =
        `The token at [MASK], read from both sides.${fill.truncated ? " The text was cut to the model's context." : ""}`;
      const a = next.top[0];
      const b = fill.top[0];
      this.el("verdict").textContent =
        a && b
          ? a.label === b.label
            ? `Both models put “${a.label}” first (${pct(a.probability)} and ${pct(b.probability)}): here the words after the blank did not change the top guess.`
            : `The GPT's first guess is “${a.label}” (${pct(a.probability)}); the masked LM's is “${b.label}” (${pct(b.probability)}). They differ because the masked LM also reads the words after the blank (and was trained apart from the GPT). Both are small (${(size / 1e6).toFixed(1)} million parameters each at most): expect a common word rather than the right one.`
          : "";
      this.el("results").hidden = false;
      this.dataset["gpt"] = next.top.map((c) => c.label).join("|");
      this.dataset["mlm"] = fill.top.map((c) => c.label).join("|");
      this.dataset["runs"] = String(Number(this.dataset["runs"] ?? 0) + 1);
    } finally {
      button.disabled = false;
      this.hideLoading();
    }
  }

  /** Bars as a list (HTML, so the theme's colours apply without a redraw and text keeps its size). */
  #bars(model: string, prediction: Prediction): void {
    const top = prediction.top[0]?.probability ?? 1;
    const list = document.createElement("ol");
    list.className = "cm-bars";
    list.setAttribute(
      "aria-label",
      `${model === "gpt" ? "GPT" : "Masked LM"}: the ${TOP} most likely tokens`,
    );
    for (const c of prediction.top) {
      const item = document.createElement("li");
      item.dataset["token"] = c.label;
      item.dataset["probability"] = String(c.probability);
      const label = document.createElement("span");
      label.className = "cm-label";
      label.textContent = c.label;
      const bar = document.createElement("span");
      bar.className = "cm-bar";
      bar.style.width = `${Math.max(1, (100 * c.probability) / top)}%`;
      const value = document.createElement("span");
      value.className = "cm-value";
      value.textContent = pct(c.probability);
      const track = document.createElement("span");
      track.className = "cm-track";
      track.append(bar);
      item.append(label, track, value);
      list.append(item);
    }
    this.el(`${model}-bars`).replaceChildren(list);
  }
}

customElements.define("causal-vs-masked", CausalVsMasked);
