/**
 * Colours for drawing, read from the site's CSS variables at draw time and
 * written into the SVG as plain values, so an exported file looks the same
 * outside the page. Heads get Okabe–Ito colours (colour-blind safe); past six
 * heads the colours repeat with a dash pattern, so every head stays distinct.
 */
const HEAD_COLORS = [
  "--cb-blue",
  "--cb-orange",
  "--cb-green",
  "--cb-purple",
  "--cb-vermillion",
  "--cb-sky",
] as const;
const DASHES = ["", "7 3", "2 3"] as const;

export interface HeadStyle {
  color: string;
  /** SVG stroke-dasharray; "" for a solid line. */
  dash: string;
}

export interface Theme {
  bg: string;
  fg: string;
  muted: string;
  border: string;
  accentSoft: string;
  font: string;
}

function reader(el: Element): (name: string, fallback: string) => string {
  const styles = getComputedStyle(el);
  return (name, fallback) => styles.getPropertyValue(name).trim() || fallback;
}

export function readTheme(el: Element): Theme {
  const css = reader(el);
  return {
    bg: css("--bg-raised", "#ffffff"),
    fg: css("--fg", "#1b1f24"),
    muted: css("--fg-muted", "#4f5761"),
    border: css("--border", "#d3d9e0"),
    accentSoft: css("--accent-soft", "#e3eefa"),
    font: css("--font-sans", "system-ui, sans-serif"),
  };
}

export function headStyles(el: Element, heads: number): HeadStyle[] {
  const css = reader(el);
  const colors = HEAD_COLORS.map((name) => css(name, "#0072b2"));
  return Array.from({ length: heads }, (_, h) => ({
    color: colors[h % colors.length] ?? "#0072b2",
    dash: DASHES[Math.floor(h / colors.length) % DASHES.length] ?? "",
  }));
}
