/** Step 4's table: every item with its gold label and result, as it arrives; a row opens its detail. */
import type { ItemResult, LabelItem } from "@/lib/labeling";
import { shortRef, thumbnailImage } from "./image-source";
import { VirtualTable } from "./virtual-table";

export function resultsTable(source: {
  result: (id: string) => ItemResult | undefined;
  gold: (id: string) => string | undefined;
  pick: (item: LabelItem) => void;
  /** A thumbnail URL for an image reference (null: none to show); absent: no image column. */
  thumbnail?: (ref: string) => string | null;
}): VirtualTable<LabelItem> {
  const thumbnail = source.thumbnail;
  const label = (id: string): string => {
    const result = source.result(id);
    if (!result) return "…";
    return result.status === "flagged" ? "flagged" : result.labels.join(", ");
  };
  return new VirtualTable<LabelItem>({
    label: "Results",
    columns: [
      { title: "Item", width: "6.5rem", text: (item) => item.id },
      ...(thumbnail
        ? [
            {
              title: "Image",
              width: "3rem",
              text: (item: LabelItem) => item.image ?? "",
              render: (item: LabelItem) =>
                thumbnailImage(item.image ? thumbnail(item.image) : null),
            },
          ]
        : []),
      {
        title: "Text",
        width: "minmax(0, 1fr)",
        text: (item) => (item.text === "" && item.image ? shortRef(item.image) : item.text),
      },
      { title: "Gold", width: "4.5rem", text: (item) => source.gold(item.id) ?? "" },
      { title: "Label", width: "5.5rem", className: "vt-label", text: (item) => label(item.id) },
    ],
    onPick: source.pick,
    rowData: (item) => {
      const result = source.result(item.id);
      const gold = source.gold(item.id);
      return {
        status: result?.status ?? "pending",
        match: result && gold !== undefined ? String(result.labels[0] === gold) : "",
      };
    },
  });
}
