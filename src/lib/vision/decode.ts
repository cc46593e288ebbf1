/**
 * Decoding an image file in a Worker or page with the browser's own decoders
 * (createImageBitmap, OffscreenCanvas): pixels drawn over white (the model
 * never saw transparency), opaque RGBA out. A file that is not an image the
 * browser can read gets a clear message. A very large photo is first reduced
 * by the browser to MAX_SIDE on its long side (the model sees 224 × 224
 * anyway); below that, nsfwjs's exact resize applies.
 */
import { ImageInputError, type Pixels } from "./preprocess";

/** Larger files are refused before decoding (a 50-megapixel JPEG is about 20 MB). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Images with more pixels are reduced by the browser first. */
export const MAX_PIXELS = 4096 * 4096;
export const MAX_SIDE = 2048;

export interface Decoded {
  pixels: Pixels;
  /** The browser reduced the image before the model's own resize. */
  reduced: boolean;
}

const nameOf = (blob: Blob): string => ("name" in blob ? String(blob.name) : "the file");

/** The browser APIs used, typed here: the library is built without the DOM's types. */
interface Bitmap {
  readonly width: number;
  readonly height: number;
  close(): void;
}
interface Context2D {
  fillStyle: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  drawImage(image: Bitmap, x: number, y: number): void;
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
}
interface ImageApis {
  createImageBitmap(
    source: Blob | Bitmap,
    options?: { resizeWidth: number; resizeHeight: number; resizeQuality: "high" },
  ): Promise<Bitmap>;
  OffscreenCanvas: new (
    width: number,
    height: number,
  ) => { getContext(type: "2d", options: { willReadFrequently: boolean }): Context2D | null };
}

function browserApis(): ImageApis {
  const g = globalThis as unknown as Partial<ImageApis>;
  if (typeof g.createImageBitmap !== "function" || typeof g.OffscreenCanvas !== "function")
    throw new ImageInputError("Decoding image files needs a browser (in Node, decode with sharp).");
  return g as ImageApis;
}

export async function decodeImage(blob: Blob): Promise<Decoded> {
  if (blob.size === 0) throw new ImageInputError(`${nameOf(blob)} is empty.`);
  if (blob.size > MAX_FILE_BYTES)
    throw new ImageInputError(
      `${nameOf(blob)} is ${(blob.size / 1e6).toFixed(0)} MB; images up to ${MAX_FILE_BYTES / 1024 / 1024} MB are read.`,
    );
  const apis = browserApis();
  let bitmap: Bitmap;
  try {
    bitmap = await apis.createImageBitmap(blob);
  } catch {
    throw new ImageInputError(
      `${nameOf(blob)} is not an image this browser can read (a damaged file, or a format such as HEIC or RAW): export it as JPEG or PNG.`,
    );
  }
  let reduced = false;
  // the bitmap holds decoded pixels outside the JS heap: closed however this ends
  try {
    if (bitmap.width * bitmap.height > MAX_PIXELS) {
      const scale = MAX_SIDE / Math.max(bitmap.width, bitmap.height);
      const smaller = await apis.createImageBitmap(bitmap, {
        resizeWidth: Math.max(1, Math.round(bitmap.width * scale)),
        resizeHeight: Math.max(1, Math.round(bitmap.height * scale)),
        resizeQuality: "high",
      });
      bitmap.close();
      bitmap = smaller;
      reduced = true;
    }
    const { width, height } = bitmap;
    const canvas = new apis.OffscreenCanvas(width, height);
    const context = canvas.getContext("2d", { willReadFrequently: true });
    if (!context) throw new ImageInputError("This browser cannot draw images off screen.");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, width, height);
    context.drawImage(bitmap, 0, 0);
    const data = context.getImageData(0, 0, width, height).data;
    return { pixels: { width, height, channels: 4, data }, reduced };
  } finally {
    bitmap.close();
  }
}
