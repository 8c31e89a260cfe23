// Writes precompressed copies (<file>.br and <file>.gz) beside every file of
// the built site worth compressing, so a static server sends DuckDB-WASM's
// 34 MB wasm, its worker, the scripts and the data files compressed without
// compressing them per request (scripts/serve.mjs serves them with sirv; see
// README, "Hosting"). A copy is written only when it saves at least a tenth.
// Compressing is slow at the best settings, so results are cached by content
// (.cache/compress/<sha-256>.br|.gz): the wasm, which never changes between
// builds, is compressed once.
//
// Usage: node scripts/compress.mjs [dir]   (npm `postbuild`; default $OJ_DIST or dist/)
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {promisify} from "node:util";
import {brotliCompress, constants, gzip} from "node:zlib";

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Extensions whose files are compressed (text, wasm, and data files that compress further). */
export const COMPRESSIBLE = /\.(html|js|mjs|css|json|geojson|svg|wasm|txt|md|csv|map|duckdb|parquet|xml)$/i;
/** Below this size a copy saves less than a request costs. */
const MIN_BYTES = 1024;
/** A copy must save at least this share of the original. */
const MIN_SAVING = 0.1;

/**
 * Brotli quality by size (any quality decodes the same). Measured here: 11 is
 * 15–50× slower than 9 for 5–10 % less, too slow for 300 pages and a 34 MB
 * wasm in every build; 9 gains ~4 % over 5 on the wasm and large scripts, and
 * nothing worth its time on a 30 KB page.
 * @param {number} size
 */
export const brotliQuality = (size) => (size >= 2 ** 20 && size < 64 * 2 ** 20 ? 9 : 5);

/**
 * The compressed bytes of `data`, from the cache when this content was compressed before.
 * @param {Buffer} data
 * @param {"br" | "gz"} kind
 * @param {string} cacheDir
 */
async function compressed(data, kind, cacheDir) {
  const key = createHash("sha256").update(data).digest("hex");
  const cached = join(cacheDir, `${key}.${kind}`);
  if (existsSync(cached)) return readFileSync(cached);
  const out =
    kind === "br"
      ? await brotli(data, {params: {[constants.BROTLI_PARAM_QUALITY]: brotliQuality(data.length), [constants.BROTLI_PARAM_SIZE_HINT]: data.length, [constants.BROTLI_PARAM_LGWIN]: 24}})
      : await gz(data, {level: 6});
  mkdirSync(cacheDir, {recursive: true});
  const temp = `${cached}.${process.pid}.tmp`;
  writeFileSync(temp, out);
  renameSync(temp, cached);
  return out;
}

/** @param {string} dir @returns {string[]} */
function filesUnder(dir) {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
  });
}

/**
 * Compresses every eligible file under `dir`; returns what was written.
 * @param {string} dir
 * @param {{cacheDir?: string, concurrency?: number}} [options]
 * @returns {Promise<{file: string, bytes: number, br: number | null, gz: number | null}[]>}
 */
export async function compressTree(dir, {cacheDir = fileURLToPath(new URL("../.cache/compress/", import.meta.url)), concurrency = 2} = {}) {
  const files = filesUnder(dir).filter((f) => COMPRESSIBLE.test(f) && statSync(f).size >= MIN_BYTES);
  // Largest first, so the long ones start early and the pool stays busy.
  files.sort((a, b) => statSync(b).size - statSync(a).size);
  /** @type {{file: string, bytes: number, br: number | null, gz: number | null}[]} */
  const report = [];
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = /** @type {string} */ (files[next++]);
      const data = readFileSync(file);
      const entry = {file, bytes: data.length, br: /** @type {number | null} */ (null), gz: /** @type {number | null} */ (null)};
      for (const kind of /** @type {const} */ (["br", "gz"])) {
        const out = await compressed(data, kind, cacheDir);
        if (out.length <= data.length * (1 - MIN_SAVING)) {
          writeFileSync(`${file}.${kind}`, out);
          entry[kind] = out.length;
        }
      }
      report.push(entry);
    }
  };
  await Promise.all(Array.from({length: concurrency}, worker));
  return report;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? process.env.OJ_DIST ?? "dist");
  const started = performance.now();
  const report = await compressTree(dir);
  const sum = (/** @type {(e: typeof report[number]) => number} */ f) => report.reduce((a, e) => a + f(e), 0);
  const mb = (/** @type {number} */ n) => (n / 2 ** 20).toFixed(1);
  console.log(
    `compress: ${report.length} files, ${mb(sum((e) => e.bytes))} MB → ${mb(sum((e) => e.br ?? e.bytes))} MB brotli, ${mb(sum((e) => e.gz ?? e.bytes))} MB gzip, in ${((performance.now() - started) / 1000).toFixed(1)} s`
  );
}

