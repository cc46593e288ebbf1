/**
 * A chart's legend as an HTML list under the SVG (styled by .chart-legend in
 * global.css): it wraps on a phone, takes the page's theme and grows in
 * Present mode, which labels drawn inside the SVG do not.
 */
export function chartLegend(
  entries: readonly { label: string; color: string }[],
): HTMLUListElement {
  const legend = document.createElement("ul");
  legend.className = "chart-legend";
  for (const { label, color } of entries) {
    const item = document.createElement("li");
    const swatch = document.createElement("span");
    swatch.className = "chart-swatch";
    swatch.style.background = color;
    item.append(swatch, label);
    legend.append(item);
  }
  return legend;
}
