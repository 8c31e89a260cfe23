// The comparison tool and the per-unit pages: what the 319 unit pages cost the
// build, and how fast the tool answers a change of unit in headless Chromium.
//
//   npm run bench -- compare-build compare
//   BENCH_COMPARE_RUNS=20                      changes of unit measured per theme (default 20)
import {spawn} from "node:child_process";
import {existsSync, mkdtempSync, readdirSync, rmSync, statSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Browser, Page} from "playwright-core";
import {ensureTables} from "../publish/tables.js";
import {buildUnitReports, parquetQuery, unitArchive} from "../publish/units/unitReports.js";
import {launchBrowser} from "../test/e2e/globalSetup.js";
import {fixed, median, type BenchContext, type BenchRow, type BenchSection} from "./types.js";
import {localContext} from "./localOnly.js";

const RUNS = Number(process.env.BENCH_COMPARE_RUNS ?? 20);
const TIMEOUT = 120_000;

/** `npm run build` with extra environment; resolves with wall-clock ms. */
function build(root: string, env: Record<string, string>): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "build"], {cwd: root, env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", ...env}, stdio: ["ignore", "pipe", "pipe"]});
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`npm run build failed (exit ${code}):\n${output.slice(-4000)}`))));
  });
}

function sizeOf(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  return stat.isDirectory() ? readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0) : stat.size;
}

const MB = 1024 * 1024;

export const compareBuild: BenchSection = {
  name: "compare-build",
  title: "Per-unit pages in the build (319 pages /kommun/<kod>)",
  async run({root, distDir, log}: BenchContext): Promise<BenchRow[]> {
    const clearData = () => rmSync(join(root, "src", ".observablehq", "cache", "data"), {recursive: true, force: true});

    // The loader alone, in this process: tables (reused if cached) → reports → zip.
    const tables = await ensureTables();
    const loaderStart = performance.now();
    const {query, close} = await parquetQuery(tables);
    let archiveBytes = 0;
    try {
      archiveBytes = (await unitArchive(await buildUnitReports(query))).length;
    } finally {
      close();
    }
    const loaderMs = performance.now() - loaderStart;

    const without = mkdtempSync(join(tmpdir(), "oj-bench-nounits-"));
    try {
      log("compare-build: fresh build without unit pages (OJ_UNIT_PAGES=0)…");
      clearData();
      const withoutMs = await build(root, {OJ_UNIT_PAGES: "0", OJ_DIST: without});
      log(`compare-build: ${fixed(withoutMs / 1000)} s; fresh build with all unit pages…`);
      clearData();
      rmSync(distDir, {recursive: true, force: true});
      const withMs = await build(root, {});
      log(`compare-build: ${fixed(withMs / 1000)} s`);
      const pages = existsSync(join(distDir, "kommun")) ? readdirSync(join(distDir, "kommun")).filter((f) => f.endsWith(".html") && f !== "index.html").length : 0;
      const unitData = sizeOf(join(distDir, "_file", "data", "units"));
      const unitHtml = readdirSync(join(distDir, "kommun"))
        .filter((f) => f.endsWith(".html"))
        .reduce((sum, f) => sum + statSync(join(distDir, "kommun", f)).size, 0);
      const extra = withMs - withoutMs;
      return [
        {metric: "build, fresh, with every unit page", value: fixed(withMs / 1000), unit: "s", note: `npm run build, data cache cleared; ${pages} unit pages`},
        {metric: "build, fresh, without unit pages", value: fixed(withoutMs / 1000), unit: "s", note: "same, OJ_UNIT_PAGES=0"},
        {metric: "cost of the unit pages", value: fixed(extra / 1000), unit: "s", note: `${fixed(extra / Math.max(pages, 1), 0)} ms per page (page parse, archive extraction, render)`},
        {metric: "unit archive loader (in process)", value: fixed(loaderMs / 1000, 2), unit: "s", note: `queries for all units + zip, one process; ${fixed(archiveBytes / MB, 2)} MB zip`},
        {metric: "unit data in dist/ (data/units/*.json)", value: fixed(unitData / MB, 2), unit: "MB", note: `${fixed(unitData / 1024 / Math.max(pages, 1), 1)} kB per unit`},
        {metric: "unit page HTML in dist/kommun/", value: fixed(unitHtml / MB, 2), unit: "MB"}
      ];
    } finally {
      rmSync(without, {recursive: true, force: true});
    }
  }
};

/** Changes the tool's main unit through its combobox's value and resolves with ms until every chart of the new state is drawn. */
async function changeUnit(page: Page, code: string, state: string): Promise<number> {
  return page.evaluate(
    ({code, state, timeout}) =>
      new Promise<number>((resolve, reject) => {
        const picker = document.getElementById("enhet") as HTMLElement & {value: string};
        const started = performance.now();
        const timer = setTimeout(() => reject(new Error(`no results for ${state} after ${timeout} ms`)), timeout);
        const observer = new MutationObserver(() => {
          if (document.querySelector(`#compare-results[data-state="${state}"]`)) {
            observer.disconnect();
            clearTimeout(timer);
            resolve(performance.now() - started);
          }
        });
        observer.observe(document.body, {subtree: true, childList: true, attributes: true, attributeFilter: ["data-state"]});
        picker.value = code;
        picker.dispatchEvent(new Event("input", {bubbles: true}));
      }),
    {code, state, timeout: TIMEOUT}
  );
}

const UNITS = ["0114", "0115", "0180", "1480-01", "1280", "0380", "2584", "1880", "0581", "1480", "0180-05", "2480", "1290", "0862", "2281", "0127", "1780", "0484", "1980", "2080", "0685"];

async function coldMs(browser: Browser, url: string, selector: string): Promise<number> {
  const context = await localContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(url, {waitUntil: "load", timeout: TIMEOUT});
    await page.locator(selector).first().waitFor({state: "attached", timeout: TIMEOUT});
    // performance.now() counts from navigation start.
    return await page.evaluate(() => performance.now());
  } finally {
    await context.close();
  }
}

export const compareLatency: BenchSection = {
  name: "compare",
  title: `Comparison tool in headless Chromium (median of ${RUNS} changes of unit)`,
  async run({baseUrl, ensureBuilt, onCleanup, log}: BenchContext): Promise<BenchRow[]> {
    await ensureBuilt();
    const base = await baseUrl();
    const browser = await launchBrowser();
    onCleanup(() => browser.close());
    const rows: BenchRow[] = [];

    const themes = [
      {slug: "bbic", year: 2016, label: "BBIC, 1 indicator"},
      {slug: "barn-och-insatser-register", year: 2016, label: "register theme, 7 indicators"}
    ];
    for (const theme of themes) {
      const context = await localContext(browser);
      try {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on("pageerror", (e) => errors.push(e.message));
        page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
        await page.goto(`${base}/jamfor?enhet=0180&tema=${theme.slug}&ar=${theme.year}`, {waitUntil: "load", timeout: TIMEOUT});
        await page.locator(`#compare-results[data-state="0180|${theme.slug}|${theme.year}"]`).waitFor({state: "attached", timeout: TIMEOUT});
        // One change first so that every code path has been compiled.
        await changeUnit(page, "0117", `0117|${theme.slug}|${theme.year}`);
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const code = UNITS[i % UNITS.length]!;
          times.push(await changeUnit(page, code, `${code}|${theme.slug}|${theme.year}`));
        }
        if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
        log(`compare: ${theme.label}: ${times.map((t) => t.toFixed(0)).join(", ")} ms`);
        const sorted = [...times].sort((a, b) => a - b);
        rows.push({
          metric: `change of unit → all charts drawn (${theme.label})`,
          value: fixed(median(times), 0),
          unit: "ms",
          note: `min ${fixed(sorted[0]!, 0)}, max ${fixed(sorted.at(-1)!, 0)}; queries (DuckDB-WASM) + tables + charts`
        });
      } finally {
        await context.close();
      }
    }

    const cold = async (label: string, path: string, selector: string) => {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) times.push(await coldMs(browser, `${base}${path}`, selector));
      rows.push({metric: label, value: fixed(median(times), 0), unit: "ms", note: "median of 3 cold loads (new context), from navigation start"});
    };
    await cold("tool cold load → first results drawn", "/jamfor?enhet=0180&tema=bbic&ar=2016", '#compare-results[data-state="0180|bbic|2016"]');
    await cold("unit page cold load → narrative shown", "/kommun/1480", "#narrative li");
    await cold("unit page cold load → all sections drawn", "/kommun/1480", '#indikator-systematisk_uppfoljning svg.chart-main g[aria-label="line"]');
    return rows;
  }
};

export const sections: BenchSection[] = [compareBuild, compareLatency];
