import type { Element, Root, RootContent } from "hast";

/**
 * Wraps every Markdown table in a focusable, labelled scroll region, so a wide
 * table scrolls sideways on a phone (and by keyboard) instead of widening the page.
 */
function textOf(node: RootContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "element") return node.children.map(textOf).join("");
  return "";
}

/** "Table: word, royalty, femaleness" from the header cells, for the region's name. */
function tableLabel(table: Element): string {
  const headers: string[] = [];
  const collect = (node: RootContent): void => {
    if (node.type !== "element") return;
    if (node.tagName === "th") headers.push(textOf(node).trim());
    else node.children.forEach(collect);
  };
  table.children.filter((c) => c.type === "element" && c.tagName === "thead").forEach(collect);
  const named = headers.filter(Boolean);
  return named.length > 0 ? `Table: ${named.join(", ")}` : "Table";
}

export function rehypeScrollableTables() {
  return (tree: Root): void => {
    const used = new Map<string, number>();
    const unique = (label: string): string => {
      const n = (used.get(label) ?? 0) + 1;
      used.set(label, n);
      return n === 1 ? label : `${label} (${n})`;
    };
    const visit = (parent: Root | Element): void => {
      parent.children = parent.children.map((child): RootContent => {
        if (child.type !== "element") return child;
        if (child.tagName !== "table") {
          visit(child);
          return child;
        }
        return {
          type: "element",
          tagName: "div",
          properties: {
            className: ["table-scroll"],
            tabIndex: 0,
            role: "region",
            ariaLabel: unique(tableLabel(child)),
          },
          children: [child],
        };
      });
    };
    visit(tree);
  };
}
