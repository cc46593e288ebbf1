/**
 * The sandbox's images: files the learner picked (a folder or a multi-file
 * pick, read in this tab and never uploaded), the bundled emoji, or the
 * image column of a CSV (URLs, or file names matched to picked files). An
 * item keeps a reference (the file's path, or a URL), so a job's id does not
 * change when the same folder is picked again; the reference becomes pixels
 * only here, for thumbnails and for the offline image model.
 */
import {
  BUNDLED_IMAGES,
  type EmbedImages,
  LabelingError,
  parseCSV,
  type Table,
} from "@/lib/labeling";
import { visionWorker } from "@/scripts/vision-worker";

/** The most images read from one pick (more are left out, with a count). */
export const MAX_IMAGES = 2000;

const URL_LIKE = /^(https?:|data:|blob:|\/)/i;
/** Names of image files a browser may give no type (an empty `type`). */
const IMAGE_NAME = /\.(jpe?g|png|webp|gif|bmp|avif)$/i;

/** An image that may load if asked again (offline, a busy server): the job retries it. */
export class TransientImageError extends LabelingError {}

/** Is this picked file an image (not a hidden file such as .DS_Store)? */
export const isImageFile = (file: File): boolean =>
  !file.name.startsWith(".") &&
  (file.type.startsWith("image/") || (file.type === "" && IMAGE_NAME.test(file.name)));

/** A short fingerprint of picked files (paths, sizes, times), so another folder is another job. */
export function fingerprint(files: readonly File[]): string {
  let hash = 0x811c9dc5;
  for (const f of files)
    for (const ch of `${pathOf(f)}\0${f.size}\0${f.lastModified}\n`) {
      hash ^= ch.codePointAt(0) ?? 0;
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  return hash.toString(16).padStart(8, "0");
}

export class ImageSource {
  /** Picked files by their path in the folder and by their bare name. */
  #files = new Map<string, File>();
  #urls = new Map<string, string>();

  get size(): number {
    return new Set(this.#files.values()).size;
  }

  /** Keeps the image files of a pick; returns them and what was left out, in words. */
  pick(files: readonly File[]): { kept: File[]; note: string } {
    const images = files.filter(isImageFile);
    const skipped = files.length - images.length;
    const over = Math.max(0, images.length - MAX_IMAGES);
    const kept = images.slice(0, MAX_IMAGES);
    this.clear();
    for (const file of kept) {
      this.#files.set(pathOf(file), file);
      if (!this.#files.has(file.name)) this.#files.set(file.name, file);
    }
    const note = [
      skipped
        ? `${skipped} file${skipped > 1 ? "s are" : " is"} not an image and ${skipped > 1 ? "were" : "was"} skipped.`
        : "",
      over
        ? `Only the first ${MAX_IMAGES.toLocaleString("en")} images are read; ${over} more ${over > 1 ? "were" : "was"} left out.`
        : "",
    ]
      .filter(Boolean)
      .join(" ");
    return { kept, note };
  }

  /** Forgets the picked files and their thumbnails. */
  clear(): void {
    for (const url of this.#urls.values()) URL.revokeObjectURL(url);
    this.#urls.clear();
    this.#files.clear();
  }

  /** The picked file a reference names (its folder path, else its bare name). */
  file(ref: string): File | undefined {
    return this.#files.get(ref) ?? this.#files.get(ref.slice(ref.lastIndexOf("/") + 1));
  }

  /** Can this reference be read now (a picked file, or a URL)? */
  readable(ref: string): boolean {
    return this.file(ref) !== undefined || URL_LIKE.test(ref);
  }

  /** A URL to show a reference's thumbnail, or null when it cannot be shown. */
  thumbnail(ref: string): string | null {
    const file = this.file(ref);
    if (file) {
      let url = this.#urls.get(ref);
      if (!url) {
        url = URL.createObjectURL(file);
        this.#urls.set(ref, url);
      }
      return url;
    }
    return URL_LIKE.test(ref) ? ref : null;
  }

  /** A reference's bytes: a picked file, or what its URL serves. */
  async blob(ref: string): Promise<Blob> {
    const file = this.file(ref);
    if (file) return file;
    if (!URL_LIKE.test(ref))
      throw new LabelingError(
        "no picked file has this name: pick the folder or files again (a browser forgets picked files when the page reloads)",
      );
    let response: Response;
    try {
      response = await fetch(ref);
    } catch {
      throw new TransientImageError(
        "it could not be fetched (offline, or the server does not allow it): pick the file instead",
      );
    }
    if (!response.ok) {
      const again = response.status === 429 || response.status >= 500;
      throw new (again ? TransientImageError : LabelingError)(
        `the server answered ${response.status}`,
      );
    }
    return response.blob();
  }

  /** The offline image model over references: each read here, embedded in the vision worker. */
  embedder(onProgress: (label: string, fraction?: number) => void): EmbedImages {
    return async (refs) => {
      const client = await visionWorker(onProgress);
      const blobs = await Promise.all(
        refs.map((ref) =>
          this.blob(ref).then(
            (blob) => ({ ok: true as const, blob }),
            (error: unknown) => ({
              ok: false as const,
              message: error instanceof Error ? error.message : String(error),
              ...(error instanceof TransientImageError ? { transient: true } : {}),
            }),
          ),
        ),
      );
      const read = blobs.flatMap((b) => (b.ok ? [b.blob] : []));
      const { outcomes } = read.length ? await client.embed(read) : { outcomes: [] };
      let next = 0;
      return blobs.map((b) => {
        if (!b.ok) return b;
        const outcome = outcomes[next++];
        if (!outcome) return { ok: false, message: "the image model gave no answer" };
        return outcome.ok ? { ok: true, vector: outcome.vector } : outcome;
      });
    };
  }
}

/** A thumbnail (lazy, decorative: the row's text or file name says what it is). */
export function thumbnailImage(url: string | null): HTMLImageElement | null {
  if (!url) return null;
  const img = document.createElement("img");
  img.className = "ls-thumb";
  img.src = url;
  img.alt = "";
  img.loading = "lazy";
  img.decoding = "async";
  return img;
}

/** An image reference as a learner reads it: a file's name, not its whole URL. */
export const shortRef = (ref: string): string =>
  ref.startsWith("data:") ? "(an image in a data: URL)" : ref.slice(ref.lastIndexOf("/") + 1);

/** A file's path inside a picked folder, or its name. */
export const pathOf = (file: File): string => file.webkitRelativePath || file.name;

/** Picked images as a table: one row per file (its path is the id and the image reference). */
export function tableOfFiles(files: readonly File[]): Table {
  return {
    columns: ["file", "image"],
    rows: files.map((f) => ({ file: pathOf(f), image: pathOf(f) })),
  };
}

/** The bundled emoji as a table, each image column value made a URL the site serves. */
export async function bundledImageTable(): Promise<Table> {
  const set = BUNDLED_IMAGES.emoji;
  const response = await fetch(set.url);
  if (!response.ok)
    throw new LabelingError(
      `The bundled images did not load (${response.status}). Run npm run assets, then reload.`,
    );
  const table = parseCSV(await response.text());
  const base = set.url.slice(0, set.url.lastIndexOf("/") + 1);
  const column = set.columns.image;
  return {
    columns: table.columns,
    rows: table.rows.map((row) => ({ ...row, [column]: `${base}${row[column] ?? ""}` })),
  };
}
