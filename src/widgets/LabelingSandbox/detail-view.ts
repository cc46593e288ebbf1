/** The chosen item: its full text, gold label, result, each vote's raw answer and notes (all as text). */
import type { ItemResult, LabelItem } from "@/lib/labeling";

export function renderDetail(
  host: HTMLElement,
  item: LabelItem,
  result: ItemResult | undefined,
  gold: string | undefined,
  /** The item's image as a URL this page can show (null: none, or not readable here). */
  imageUrl: string | null = null,
): void {
  const dl = document.createElement("dl");
  const add = (term: string, value: string, pre = false): void => {
    const dt = document.createElement("dt");
    dt.textContent = term;
    const dd = document.createElement("dd");
    if (pre) {
      const p = document.createElement("pre");
      p.textContent = value;
      dd.append(p);
    } else dd.textContent = value;
    dl.append(dt, dd);
  };
  add("Item", item.id);
  add("Text", item.text, true);
  if (item.image) {
    add("Image", item.image.length > 200 ? `${item.image.slice(0, 200)}…` : item.image);
    if (imageUrl) {
      const img = document.createElement("img");
      img.className = "ls-detail-image";
      img.src = imageUrl;
      img.alt = `The image of item ${item.id}`;
      dl.lastElementChild?.append(img);
    }
  }
  add("Gold label", gold ?? "(none)");
  if (!result) add("Result", "Not labelled yet.");
  else {
    add(
      "Label",
      result.status === "flagged"
        ? "flagged: no valid answer (never guessed)"
        : result.labels.join(", "),
    );
    result.raw.forEach((raw, v) => {
      add(`Raw answer, vote ${v + 1}`, raw || "(no answer)", true);
    });
    add("Requests sent", String(result.requests));
    if (result.usage.input)
      add("Tokens billed", `${result.usage.input} in, ${result.usage.output} out`);
    if (result.notes.length) add("Notes", result.notes.join("\n"), true);
  }
  host.replaceChildren(dl);
  host.hidden = false;
  host.dataset["item"] = item.id;
  host.focus();
}
