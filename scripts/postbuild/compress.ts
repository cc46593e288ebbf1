/**
 * Post-build step "compress": a Brotli (.br) and a gzip (.gz) copy of every
 * text, script, WebAssembly and model file of the built site, for servers
 * that send them as they are (src/server/static-site.ts, or any host that
 * serves pre-compressed files). A copy that saves less than a tenth is not
 * written: fp32 weights hardly compress.
 */
import { readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, brotliDecompressSync, constants, gzip } from "node:zlib";

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

const COMPRESSIBLE =
  /\.(html|js|mjs|css|json|svg|txt|xml|webmanifest|wasm|onnx|bin|csv|pf_meta|pf_index|pf_fragment)$/;
/** Smaller files gain too little to be worth a second request path. */
const MIN_SIZE = 1024;
/** Brotli's best quality is slow on big files (33 s for the 14 MB runtime); 9 is within 15 % of it. */
const BEST_QUALITY_LIMIT = 1_000_000;

export interface CompressReport {
  files: number;
  bytes: number;
  brotliBytes: number;
  gzipBytes: number;
}

/** A .br copy already there (an asset step made it with more care) if it decodes to the file. */
function existingBrotli(path: string, bytes: Buffer): Buffer | null {
  if (!statSafe(`${path}.br`)) return null;
  try {
    const kept = readFileSync(`${path}.br`);
    return brotliDecompressSync(kept).equals(bytes) ? kept : null;
  } catch {
    return null;
  }
}

async function compressOne(path: string, report: CompressReport): Promise<void> {
  const bytes = readFileSync(path);
  const quality = bytes.length <= BEST_QUALITY_LIMIT ? 11 : 9;
  const [br, gzipped] = await Promise.all([
    existingBrotli(path, bytes) ??
      brotli(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: quality,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }),
    gz(bytes, { level: 9 }),
  ]);
  report.files++;
  report.bytes += bytes.length;
  for (const [ext, out] of [
    [".br", br],
    [".gz", gzipped],
  ] as const) {
    const worth = out.length <= bytes.length * 0.9;
    if (worth) writeFileSync(path + ext, out);
    else if (statSafe(path + ext)) unlinkSync(path + ext);
    if (ext === ".br") report.brotliBytes += worth ? out.length : bytes.length;
    else report.gzipBytes += worth ? out.length : bytes.length;
  }
}

function statSafe(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export async function compressSite(dir: string, concurrency = 2): Promise<CompressReport> {
  const report: CompressReport = { files: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0 };
  const paths = readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => COMPRESSIBLE.test(name))
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile() && statSync(path).size >= MIN_SIZE);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length) await compressOne(paths[next++] as string, report);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return report;
}
