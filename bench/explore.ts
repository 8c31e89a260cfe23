// Utforska data (/utforska) in headless Chromium: how long until a first query
// result is on screen after opening the page, how long a group-by over the
// largest table takes once the notebook is open, and (section "explore") how
// long a parameter change takes to redraw the chart that depends on it and an
// Arquero table of 100 000 rows takes into DuckDB-WASM and back.
//
//   npm run bench -- explore explore-load explore-query
import type {Page} from "playwright-core";
import {deflateRawSync} from "node:zlib";
import {launchBrowser} from "../test/e2e/globalSetup.js";
import {pageLoadSection, type Milestone} from "./pageLoad.js";
import {fixed, median, type BenchRow, type BenchSection} from "./types.js";
import {localContext} from "./localOnly.js";

const QUERY_RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 10);

/** What a first-time visitor sees, in order; the starter cell runs by itself once DuckDB has the tables. */
export const EXPLORE_MILESTONES: Milestone[] = [
  {key: "editor", label: "notebook shown (first SQL editor)", test: `() => !!document.querySelector(".nb-cell .cm-editor")`},
  {key: "ready", label: "DuckDB ready, all 7 tables loaded", test: `() => document.querySelector(".nb-db-state")?.dataset.state === "ready"`},
  {
    key: "result",
    label: "first query result on screen (starter cell, 21 rows)",
    test: `() => !!document.querySelector('.nb-cell[data-state="done"] table.nb-result tbody tr')`
  }
];

export const GROUP_BY_SQL = `SELECT indicator_id, year, count(*) AS units, avg(value) AS mean, sum(numerator) AS yes
FROM observations
GROUP BY indicator_id, year
ORDER BY indicator_id, year`;

/** Clicks a cell's run button and waits for that run's result; returns the UI's and the engine's time. */
async function timedRun(page: Page, cellName: string): Promise<{ui: number; engine: number; rows: number}> {
  return page.evaluate(async (name) => {
    const node = document.querySelector<HTMLElement>(`.nb-cell[data-cell="${name}"]`)!;
    const before = Number(node.dataset.runs ?? 0);
    const done = new Promise<void>((resolve, reject) => {
      const observer = new MutationObserver(() => {
        if (node.dataset.state === "error") reject(new Error(node.querySelector(".nb-error")?.textContent ?? "query failed"));
        if (Number(node.dataset.runs ?? 0) > before && node.dataset.state === "done") {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(node, {attributes: true});
    });
    const started = performance.now();
    node.querySelector<HTMLButtonElement>('[data-action="run"]')!.click();
    await done;
    const ui = performance.now() - started;
    const summary = node.querySelector<HTMLElement>(".nb-summary")!;
    return {ui, engine: Number(summary.dataset.ms), rows: Number(summary.dataset.rows)};
  }, cellName);
}

export const query: BenchSection = {
  name: "explore-query",
  title: `Utforska: GROUP BY indicator_id, year over observations in the notebook (DuckDB-WASM in headless Chromium, median of ${QUERY_RUNS} after one warm-up)`,
  async run({baseUrl, ensureBuilt, onCleanup, log}) {
    await ensureBuilt();
    const browser = await launchBrowser();
    onCleanup(() => browser.close());
    const context = await localContext(browser);
    const page = await context.newPage();
    await page.goto(new URL("/utforska", `${await baseUrl()}/`).href, {waitUntil: "load"});
    await page.waitForSelector('.nb-cell[data-cell="resultat1"][data-state="done"]', {timeout: 120_000});
    const observations = await page.locator('.nb-table-info[data-table="observations"] .nb-count').textContent();
    await page.click('[data-action="add-cell"]');
    await page.keyboard.type(GROUP_BY_SQL.replaceAll("\n", " "));
    await timedRun(page, "resultat2"); // warm-up
    const samples: {ui: number; engine: number; rows: number}[] = [];
    for (let i = 0; i < QUERY_RUNS; i++) {
      const sample = await timedRun(page, "resultat2");
      log(`explore-query: run ${i + 1}/${QUERY_RUNS}: query ${fixed(sample.engine)} ms, on screen ${fixed(sample.ui)} ms`);
      samples.push(sample);
    }
    await context.close();
    const spread = (values: number[]) => `min ${fixed(Math.min(...values))}, max ${fixed(Math.max(...values))}`;
    const engine = samples.map((s) => s.engine);
    const ui = samples.map((s) => s.ui);
    return [
      {metric: "query time shown in the cell", value: fixed(median(engine)), unit: "ms", note: `${spread(engine)}; CREATE TABLE resultat2 AS <group-by> on the cells' connection`},
      {metric: "click on Kör → result table on screen", value: fixed(median(ui)), unit: "ms", note: `${spread(ui)}; adds DESCRIBE, first page of rows, rendering`},
      {metric: "rows grouped → rows out", value: `${observations?.replace(/\s*rader$/, "").trim()} → ${samples[0]?.rows}`, note: "observations, sample data"}
    ] satisfies BenchRow[];
  }
};

const PARAMETER_RUNS = Number(process.env.BENCH_PARAMETER_RUNS ?? 20);
const ROUND_TRIP_RUNS = Number(process.env.BENCH_ROUND_TRIP_RUNS ?? 5);
export const ROUND_TRIP_ROWS = 100_000;

/** A notebook with an input, a query that uses it and its chart, and an Arquero table of 100 000 rows that SQL and JavaScript read back. */
export const BENCH_NOTEBOOK = {
  format: "oj-utforska-anteckningsbok",
  version: 2,
  title: "Mätning",
  cells: [
    {type: "input", name: "kommun", input: {kind: "unit", label: "Kommun", value: "0180"}},
    {
      type: "sql",
      name: "varden",
      sql: "SELECT year, indicator_id, value FROM observations WHERE area_code = $kommun AND value IS NOT NULL ORDER BY year",
      chart: {type: "line", x: "year", y: "value", color: "indicator_id", xKind: "year", yKind: "number", colorKind: "category"}
    },
    {type: "js", name: "stor", code: `const n = ${ROUND_TRIP_ROWS};\nreturn aq.table({i: d3.range(n), kod: d3.range(n).map((i) => String(i % 290).padStart(4, "0")), v: d3.range(n).map((i) => i / 7)})`},
    {type: "sql", name: "i_duckdb", sql: "SELECT count(*) AS n, sum(v) AS summa FROM stor"},
    {type: "js", name: "tillbaka", code: "stor.rollup({n: aq.op.count(), summa: aq.op.sum('v')})"}
  ]
};

/** The notebook as a link's hash, as the page's "Dela länk" writes it (deflate-raw, base64url). */
const shareHash = (notebook: object) => `#anteckningsbok=${deflateRawSync(Buffer.from(JSON.stringify(notebook))).toString("base64url")}`;

/** Runs cell `name` by its button and resolves with the UI's time and the cell's own (data-ms). */
function timedCell(page: Page, name: string) {
  return page.evaluate(async (cellName) => {
    const node = document.querySelector<HTMLElement>(`.nb-cell[data-cell="${cellName}"]`)!;
    const before = Number(node.dataset.runs ?? 0);
    const started = performance.now();
    node.querySelector<HTMLButtonElement>('[data-action="run"]')!.click();
    // Polled every 2 ms (no named function in here: tsx would wrap it in a helper the page lacks).
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (node.dataset.state === "error") {
          clearInterval(timer);
          reject(new Error(node.querySelector(".nb-error")?.textContent ?? "failed"));
        } else if (Number(node.dataset.runs ?? 0) > before && node.dataset.state === "done") {
          clearInterval(timer);
          resolve();
        }
      }, 2);
    });
    return {ui: performance.now() - started, cell: Number(node.querySelector<HTMLElement>(".nb-summary")?.dataset.ms ?? NaN)};
  }, name);
}

export const explore: BenchSection = {
  name: "explore",
  title: `Utforska: a parameter change until the dependent chart is redrawn (median of ${PARAMETER_RUNS}), and Arquero ↔ DuckDB-WASM with ${ROUND_TRIP_ROWS.toLocaleString("en")} rows (median of ${ROUND_TRIP_RUNS}), headless Chromium`,
  async run({baseUrl, ensureBuilt, onCleanup, log}) {
    await ensureBuilt();
    const browser = await launchBrowser();
    onCleanup(() => browser.close());
    const context = await localContext(browser);
    const page = await context.newPage();
    await page.goto(new URL(`/utforska${shareHash(BENCH_NOTEBOOK)}`, `${await baseUrl()}/`).href, {waitUntil: "load"});
    await page.click('[data-action="trust-run"]');
    await page.waitForSelector('.nb-cell[data-cell="tillbaka"][data-state="done"]', {timeout: 180_000});
    await page.waitForSelector('.nb-cell[data-cell="varden"] .nb-chart g[aria-label="line"] path', {timeout: 60_000});

    const parameter: number[] = [];
    for (let i = 0; i < PARAMETER_RUNS; i++) {
      const ms = await page.evaluate(async (value) => {
        const cell = document.querySelector<HTMLElement>('.nb-cell[data-cell="varden"]')!;
        // The plot's line group (a colour legend adds swatch svgs before the plot's own).
        const old = cell.querySelector('.nb-chart g[aria-label="line"]');
        const input = document.querySelector<HTMLInputElement>('.nb-cell[data-cell="kommun"] .nb-unit-search input')!;
        const started = performance.now();
        input.value = value;
        input.dispatchEvent(new Event("change", {bubbles: true}));
        await new Promise<void>((resolve) => {
          const timer = setInterval(() => {
            const lines = cell.querySelector('.nb-chart g[aria-label="line"]');
            if (lines && lines !== old && lines.querySelector("path")) {
              clearInterval(timer);
              resolve();
            }
          }, 2);
        });
        return performance.now() - started;
      }, i % 2 ? "0180" : "1480");
      log(`explore: parameter change ${i + 1}/${PARAMETER_RUNS}: ${fixed(ms)} ms`);
      parameter.push(ms);
    }

    const toDuckDB: number[] = [];
    const query: number[] = [];
    const back: number[] = [];
    for (let i = 0; i < ROUND_TRIP_RUNS; i++) {
      const a = await timedCell(page, "stor");
      const b = await timedCell(page, "i_duckdb");
      const c = await timedCell(page, "tillbaka");
      log(`explore: round trip ${i + 1}/${ROUND_TRIP_RUNS}: Arquero → DuckDB ${fixed(a.ui)} ms, SQL ${fixed(b.ui)} ms, DuckDB → Arquero ${fixed(c.ui)} ms`);
      toDuckDB.push(a.ui);
      query.push(b.ui);
      back.push(c.ui);
    }
    const rows = await page.locator('.nb-cell[data-cell="i_duckdb"] table.nb-result tbody td').first().textContent();
    await context.close();
    const spread = (values: number[]) => `min ${fixed(Math.min(...values))}, max ${fixed(Math.max(...values))}`;
    return [
      {metric: "input changed → dependent query re-run and its chart redrawn", value: fixed(median(parameter)), unit: "ms", note: `${spread(parameter)}; kommun 0180 ↔ 1480, a line chart per indicator`},
      {metric: `Arquero table of ${ROUND_TRIP_ROWS.toLocaleString("en")} rows → DuckDB-WASM table`, value: fixed(median(toDuckDB)), unit: "ms", note: `${spread(toDuckDB)}; built in the sandbox, Arrow IPC by postMessage, insertArrowFromIPCStream, first page shown`},
      {metric: "SQL over it (count, sum)", value: fixed(median(query)), unit: "ms", note: `${spread(query)}; ${rows?.replace(/\s/g, "")} rows counted`},
      {metric: "DuckDB-WASM table → Arquero in the sandbox (rollup)", value: fixed(median(back)), unit: "ms", note: `${spread(back)}; Arrow IPC out of DuckDB, aq.fromArrow in the sandbox`}
    ] satisfies BenchRow[];
  }
};

export const sections: BenchSection[] = [explore, pageLoadSection("/utforska", EXPLORE_MILESTONES, "explore-load"), query];
