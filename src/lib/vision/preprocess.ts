/**
 * The image as MobileNetV2 (nsfwjs) takes it, computed exactly as nsfwjs does
 * on TF.js: RGB bytes divided by 255 (in float32), then resized to 224 × 224
 * bilinearly with aligned corners (TF.js's resizeBilinear, alignCorners true,
 * no half-pixel centres), batched NHWC. No DOM: pixels come in as bytes, from
 * a canvas in the browser or from sharp in Node.
 */

/** Decoded pixels, row-major, `channels` bytes per pixel (RGB or RGBA, unpremultiplied). */
export interface Pixels {
  width: number;
  height: number;
  channels: 3 | 4;
  data: Uint8Array | Uint8ClampedArray;
}

export const INPUT_SIZE = 224;

export class ImageInputError extends Error {
  override name = "ImageInputError";
}

/**
 * RGB values in [0, 1] (float32, as TF.js's `toFloat().div(255)`). Transparent
 * pixels are shown over white, as a browser shows them: the model never saw an
 * alpha channel, and TF.js would read a transparent pixel's hidden colour.
 */
export function normalizedRGB(image: Pixels): Float32Array {
  const { width, height, channels, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1)
    throw new ImageInputError(`An image must be at least 1 × 1 pixels, not ${width} × ${height}.`);
  if (data.length !== width * height * channels)
    throw new ImageInputError(
      `The pixels do not fill a ${width} × ${height} image with ${channels} channels.`,
    );
  const out = new Float32Array(width * height * 3);
  for (let p = 0, o = 0; p < data.length; p += channels, o += 3) {
    const alpha = channels === 4 ? (data[p + 3] as number) : 255;
    for (let c = 0; c < 3; c++) {
      const v = data[p + c] as number;
      // opaque pixels take the exact TF.js path; others are composited over white first
      out[o + c] = alpha === 255 ? v / 255 : (v * alpha + 255 * (255 - alpha)) / 255 / 255;
    }
  }
  return out;
}

/** TF.js's resizeBilinear(…, alignCorners = true) of an HWC float image, written into `out` at `offset`. */
export function resizeBilinearAligned(
  input: Float32Array,
  height: number,
  width: number,
  size: number,
  out: Float32Array,
  offset = 0,
): void {
  const scaleY = size > 1 ? (height - 1) / (size - 1) : height / size;
  const scaleX = size > 1 ? (width - 1) / (size - 1) : width / size;
  let o = offset;
  for (let r = 0; r < size; r++) {
    const fy = scaleY * r;
    const y0 = Math.max(0, Math.floor(fy));
    const y1 = Math.min(height - 1, Math.ceil(fy));
    const dy = fy - y0;
    for (let col = 0; col < size; col++) {
      const fx = scaleX * col;
      const x0 = Math.max(0, Math.floor(fx));
      const x1 = Math.min(width - 1, Math.ceil(fx));
      const dx = fx - x0;
      const tl = (y0 * width + x0) * 3;
      const tr = (y0 * width + x1) * 3;
      const bl = (y1 * width + x0) * 3;
      const br = (y1 * width + x1) * 3;
      for (let c = 0; c < 3; c++) {
        const top =
          (input[tl + c] as number) + ((input[tr + c] as number) - (input[tl + c] as number)) * dx;
        const bottom =
          (input[bl + c] as number) + ((input[br + c] as number) - (input[bl + c] as number)) * dx;
        out[o++] = top + (bottom - top) * dy;
      }
    }
  }
}

/** A batch for the model: [n, 224, 224, 3] float32, NHWC. */
export function modelInput(images: readonly Pixels[]): Float32Array {
  const per = INPUT_SIZE * INPUT_SIZE * 3;
  const out = new Float32Array(images.length * per);
  images.forEach((image, i) => {
    const rgb = normalizedRGB(image);
    if (image.width === INPUT_SIZE && image.height === INPUT_SIZE) out.set(rgb, i * per);
    else resizeBilinearAligned(rgb, image.height, image.width, INPUT_SIZE, out, i * per);
  });
  return out;
}
