// The stage of `npm run bench -- scale`: a folder served by the site's own
// server (scripts/serve.mjs: Range requests, precompressed copies) holding the
// project's src/ and node_modules/ (linked, so the page runs the real
// src/components/db.js unbundled through an import map), the generated tables
// of one size with their serving file and compressed copies, and the driver
// bench/scale/page.js. One measurement = one fresh Chromium (cold HTTP and
// wasm caches, its own renderer process, whose peak resident memory is read
// from /proc when the page is done).
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {BrowserContext} from "playwright-core";
import {launchBrowser, loadServe, root} from "../../test/e2e/globalSetup.js";
import {writeServingDatabase} from "../../publish/serving/servingDatabase.js";
import {compressTree} from "../../scripts/compress.mjs";
import {syntheticTables} from "./synthetic.js";
import {keepLocal} from "../localOnly.js";

export const CACHE = join(root, ".cache", "bench", "scale");

const IMPORTS = {
  "@duckdb/duckdb-wasm": "/node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser.mjs",
  "@duckdb/duckdb-wasm/": "/node_modules/@duckdb/duckdb-wasm/",
  "apache-arrow": "/node_modules/apache-arrow/Arrow.dom.mjs",
  tslib: "/node_modules/tslib/tslib.es6.mjs",
  flatbuffers: "/node_modules/flatbuffers/mjs/flatbuffers.js",
  hyparquet: "/node_modules/hyparquet/src/index.js",
  "observablehq:stdlib": "/stub/stdlib.js"
};

/** Framework's FileAttachment as src/components/siteTables.js uses it, reading the page's list of files. */
const STDLIB_STUB = `export function FileAttachment(name) {
  const file = window.__siteFiles[name];
  if (!file) throw new Error("File not found: " + name);
  return file;
}`;

/** The serving file of the tables in `dir` (dir/serving/tables.duckdb) and its compressed copies, written when missing. */
export async function prepareServing(dir: string, log: (m: string) => void = () => {}): Promise<string> {
  const serving = join(dir, "serving", "tables.duckdb");
  if (!existsSync(serving)) {
    log(`${dir}: writing the serving file…`);
    await writeServingDatabase(dir, serving);
  }
  if (!existsSync(`${serving}.br`)) {
    log(`${dir}: compressing…`);
    await compressTree(join(dir, "serving"));
  }
  return serving;
}

/** Generated tables of `rows` rows, their serving file and compressed copies (each built once, cached under .cache/bench/scale). */
export async function prepareSize(rows: number, log: (m: string) => void): Promise<string> {
  const dir = await syntheticTables(rows, CACHE, log);
  await prepareServing(dir, log);
  return dir;
}

export interface Stage {
  url: string;
  close(): Promise<void>;
}

/** Serves a driver (default: the benchmark's page.js), the project's code and the prepared tables ({key: folder}, at /data/<key>/). */
export async function stage(sizes: Record<string, string>, driver: URL = new URL("./page.js", import.meta.url)): Promise<Stage> {
  const dir = mkdtempSync(join(tmpdir(), "oj-scale-"));
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
  symlinkSync(join(root, "src"), join(dir, "src"));
  mkdirSync(join(dir, "stub"));
  writeFileSync(join(dir, "stub", "stdlib.js"), STDLIB_STUB);
  writeFileSync(join(dir, "page.js"), readFileSync(driver));
  mkdirSync(join(dir, "data"));
  for (const [rows, folder] of Object.entries(sizes)) symlinkSync(folder, join(dir, "data", rows));
  writeFileSync(join(dir, "favicon.ico"), "");
  const server = await (await loadServe())(dir);
  return {
    url: server.url,
    async close() {
      await server.close();
      rmSync(dir, {recursive: true, force: true});
    }
  };
}

/** The page: import map, the files siteTables.js names for the tables at /data/<key>/, the driver. */
export function pageHtml(key: string | number, bytes: number): string {
  const files: Record<string, {href: string; size?: number}> = {"../data/serving/tables.duckdb": {href: `/data/${key}/serving/tables.duckdb`, size: bytes}};
  for (const name of ["observations", "areas", "population", "indicators", "comparability", "responses", "surveys"]) files[`../data/${name}.parquet`] = {href: `/data/${key}/${name}.parquet`};
  return `<!DOCTYPE html><meta charset="utf-8"><title>scale</title>
<script type="importmap">${JSON.stringify({imports: IMPORTS})}</script>
<script>window.__siteFiles = ${JSON.stringify(files)};</script>
<script type="module" src="/page.js"></script>`;
}

export interface Measurement {
  up: number;
  ready: number;
  first: number;
  inMemory: number | null;
  lookups: number[];
  groupBy: number;
  groupRows: number;
  groupSum: number;
  firstRows: unknown[][];
  plan: string;
  rendererMb: number;
  dataBytes: number;
  allBytes: number;
  requests: number;
}

/** The processes this one started directly. */
function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Peak resident memory (VmHWM, MB) of the browser's renderer processes: the page and its workers live there. */
function rendererPeakMb(browserPid: number): number {
  const all: number[] = [];
  const walk = (pid: number) => children(pid).forEach((child) => (all.push(child), walk(child)));
  walk(browserPid);
  let peak = 0;
  for (const pid of all) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("--type=renderer")) continue;
      peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024);
    } catch {
      // the process ended meanwhile
    }
  }
  return peak;
}

/** Serves pageHtml(key, bytes) as /scale.html in this context (the page of the stage). */
export async function routeStagePage(context: BrowserContext, key: string | number, bytes: number): Promise<void> {
  await keepLocal(context);
  await context.route(/\/scale\.html/, (route) => route.fulfill({contentType: "text/html; charset=utf-8", body: pageHtml(key, bytes)}));
}

/** One cold measurement of `mode` at `rows` rows in a fresh Chromium. */
export async function measure(base: Stage, rows: number, mode: string, {timeout = 300_000, bytes}: {timeout?: number; bytes: number}): Promise<Measurement> {
  const before = new Set(children(process.pid));
  const browser = await launchBrowser();
  const browserPid = children(process.pid).find((pid) => !before.has(pid));
  try {
    const context = await browser.newContext({serviceWorkers: "block"});
    await routeStagePage(context, rows, bytes);
    const sizes: Promise<{url: string; bytes: number}>[] = [];
    context.on("requestfinished", (request) => sizes.push(request.sizes().then((s) => ({url: request.url(), bytes: s.responseBodySize + s.responseHeadersSize}), () => ({url: request.url(), bytes: 0}))));
    const page = await context.newPage();
    await page.goto(`${base.url}/scale.html?rows=${rows}&mode=${encodeURIComponent(mode)}`);
    await page.waitForFunction(() => (window as unknown as {__scale?: {done: boolean}}).__scale?.done, null, {timeout, polling: 250});
    const out = await page.evaluate(() => (window as unknown as {__scale: Record<string, any>}).__scale);
    if (out.error) throw new Error(out.error);
    const transferred = await Promise.all(sizes);
    const data = transferred.filter((t) => new URL(t.url).pathname.startsWith("/data/"));
    const up = out.marks.up as number;
    return {
      up,
      ready: out.marks.ready - up,
      first: out.marks.first - up,
      inMemory: out.marks.inMemory === undefined || !out.inMemory ? null : out.marks.inMemory - up,
      lookups: out.lookups,
      groupBy: out.groupBy,
      groupRows: out.groupRows,
      groupSum: out.groupSum,
      firstRows: out.firstRows,
      plan: out.plan,
      rendererMb: browserPid ? rendererPeakMb(browserPid) : NaN,
      dataBytes: data.reduce((a, t) => a + t.bytes, 0),
      allBytes: transferred.reduce((a, t) => a + t.bytes, 0),
      requests: data.length
    };
  } finally {
    await browser.close();
  }
}
