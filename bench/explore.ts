// Utforska data (/utforska) in headless Chromium: how long until a first query
// result is on screen after opening the page, and how long a group-by over the
// largest table takes once the notebook is open.
//
//   npm run bench -- explore-load explore-query
import type {Page} from "playwright-core";
import {launchBrowser} from "../test/e2e/globalSetup.js";
import {pageLoadSection, type Milestone} from "./pageLoad.js";
import {fixed, median, type BenchRow, type BenchSection} from "./types.js";

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
    const context = await browser.newContext({viewport: {width: 1280, height: 900}, serviceWorkers: "block"});
    await context.route((u) => u.hostname !== "127.0.0.1" && (u.protocol === "http:" || u.protocol === "https:"), (route) => route.abort("blockedbyclient"));
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

export const sections: BenchSection[] = [pageLoadSection("/utforska", EXPLORE_MILESTONES, "explore-load"), query];
