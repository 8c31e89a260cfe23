// The same query gives the same rows through every path the site's tables can
// take into DuckDB-WASM in Chromium: Parquet decoded in the page (the path
// before the serving file), and the serving file fetched whole, read over
// Range requests in place, and read over Range requests and then copied into
// memory. Uses the sample tables and the project's real src/components/db.js
// (served unbundled by the benchmark's stage, bench/scale/harness.ts).
import {cpSync, readdirSync, statSync} from "node:fs";
import {join} from "node:path";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {prepareServing, routeStagePage, stage, type Stage} from "../../bench/scale/harness.js";
import {TABLES, type TableName} from "../../loaders/schema/tables.js";
import {quoteIdentifier} from "../../src/lib/sql.js";
import {tempDir} from "../helpers/dataDir.js";
import {sampleTablesDir} from "../helpers/sampleTables.js";
import {launchBrowser} from "./globalSetup.js";

const ordered = (name: TableName) => `SELECT * FROM ${quoteIdentifier(name)} ORDER BY ${TABLES[name].orderBy.map(quoteIdentifier).join(", ")}`;
/** What pages and notebooks ask: every table whole, lookups, joins, windows, aggregates, a scan without ORDER BY. */
const QUERIES = [
  ...(Object.keys(TABLES) as TableName[]).map(ordered),
  `SELECT area_code, value, status FROM observations WHERE indicator_id = 'bbic_ordinarie_licens' AND year = 2013 ORDER BY area_code`,
  `SELECT o.year, o.value, c.group_id FROM observations o JOIN comparability c ON c.indicator_id = o.indicator_id AND o.year BETWEEN c.first_year AND c.last_year WHERE o.area_code = '00' ORDER BY o.indicator_id, o.year`,
  `SELECT a.name, o.value, rank() OVER (ORDER BY o.value DESC NULLS LAST, a.name) AS r FROM observations o JOIN areas a ON a.code = o.area_code WHERE o.indicator_id = 'handlaggare_socionom_5ar' AND o.year = 2013 AND a.level = 'län' ORDER BY r, a.name`,
  `SELECT indicator_id, year, count(*) AS units, avg(value) AS mean, sum(numerator) AS yes FROM observations GROUP BY indicator_id, year ORDER BY indicator_id, year`,
  `SELECT indicator_id, area_code, year FROM observations WHERE indicator_id LIKE 'overenskommelse%' AND area_code IN ('0180', '1480')`,
  `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position`
];
const MODES = ["parquet", "whole", "range", "range+copy"];

let browser: Browser;
let base: Stage;
let bytes: number;
const answers: Record<string, {opened: {plan: string; inMemory: boolean; location: string}; rows: string[]}> = {};

async function run(mode: string): Promise<(typeof answers)[string]> {
  const context = await browser.newContext();
  try {
    await routeStagePage(context, "sample", bytes);
    const page: Page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${base.url}/scale.html`);
    await page.waitForFunction(() => (window as unknown as {__ready?: boolean}).__ready, null, {timeout: 60_000});
    const opened = await page.evaluate((m) => (window as unknown as {__open: (m: string) => Promise<{plan: string; inMemory: boolean; location: string}>}).__open(m), mode);
    const rows: string[] = [];
    for (const sql of QUERIES) rows.push(await page.evaluate((q) => (window as unknown as {__query: (q: string) => Promise<string>}).__query(q), sql));
    expect(errors).toEqual([]);
    return {opened, rows};
  } finally {
    await context.close();
  }
}

beforeAll(async () => {
  const dir = tempDir("oj-paths-");
  cpSync(await sampleTablesDir(), dir, {recursive: true});
  bytes = statSync(await prepareServing(dir)).size;
  expect(readdirSync(join(dir, "serving")).sort()).toEqual(["tables.duckdb", "tables.duckdb.br", "tables.duckdb.gz"]);
  base = await stage({sample: dir}, new URL("./servingPaths.page.js", import.meta.url));
  browser = await launchBrowser();
  for (const mode of MODES) answers[mode] = await run(mode);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await base?.close();
});

describe("the site's tables in DuckDB-WASM, every path", () => {
  it("each path is the one asked for: decoded in the page, in memory, in place, in place then in memory", () => {
    expect(MODES.map((m) => answers[m]!.opened)).toEqual([
      {plan: "parquet", inMemory: false, location: "page"},
      {plan: "whole", inMemory: true, location: "memory"},
      {plan: "range", inMemory: false, location: "range"},
      {plan: "range+copy", inMemory: true, location: "memory"}
    ]);
  });

  it.each(QUERIES.map((sql, i) => [sql.slice(0, 90), i] as const))("same rows through every path: %s…", (_, i) => {
    const reference = answers.parquet!.rows[i]!;
    expect(JSON.parse(reference).length).toBeGreaterThan(0);
    for (const mode of MODES.slice(1)) expect(answers[mode]!.rows[i], mode).toBe(reference);
  });
});
