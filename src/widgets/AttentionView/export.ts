/**
 * Exports a drawn view: the SVG serialised as a self-contained file (colours
 * are already plain values), and a PNG made by drawing that SVG onto an
 * offscreen canvas. No library needed.
 */
const SVG_NS = "http://www.w3.org/2000/svg";

/** Interaction-only attributes that mean nothing in a file. */
const STRIP = ["tabindex", "role", "aria-pressed", "aria-label", "aria-hidden", "focusable"];

export interface SerializedSvg {
  text: string;
  width: number;
  height: number;
}

/** A standalone copy of `svg`: namespace, pixel size from its viewBox, no interaction attributes. */
export function serializeSvg(svg: SVGSVGElement, title: string): SerializedSvg {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const box = svg.viewBox.baseVal;
  const width = Math.round(box.width || svg.clientWidth || 600);
  const height = Math.round(box.height || svg.clientHeight || 400);
  clone.setAttribute("xmlns", SVG_NS);
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height));
  clone.removeAttribute("class");
  clone.removeAttribute("style");
  for (const el of [clone, ...clone.querySelectorAll("*")])
    for (const name of STRIP) el.removeAttribute(name);
  const heading = document.createElementNS(SVG_NS, "title");
  heading.textContent = title;
  clone.prepend(heading);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
  return { text, width, height };
}

/** The serialised SVG drawn on a canvas `scale` times its size, as a PNG. */
export async function svgToPng(svg: SerializedSvg, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg.text], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.decoding = "sync";
    await new Promise<void>((resolve, reject) => {
      image.onload = () => {
        resolve();
      };
      image.onerror = () => {
        reject(new Error("The picture could not be drawn for the PNG export."));
      };
      image.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.ceil(svg.width * scale);
    canvas.height = Math.ceil(svg.height * scale);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("This browser cannot draw the PNG export.");
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob((blob) => {
        if (blob) resolve(blob);
        else reject(new Error("The PNG export failed."));
      }, "image/png");
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}
