// The pages' first views (publish/firstViews.ts) are what the pages would get
// from DuckDB-WASM for the same parameters: every recorded answer is asked
// again through DuckDB-WASM (the pages' package and version) over the serving
// file, with the pages' own row conversion, and must come out the same, so a
// page that moves from its build-time view to the engine changes nothing on
// screen. Numbers may differ in the last bits between DuckDB builds (order of
// summation), never more.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {TABLES} from "../../loaders/schema/tables.js";
import {ANSWERS, buildFirstViews, firstViewArchive} from "../../publish/firstViews.js";
import {writeServingDatabase} from "../../publish/serving/servingDatabase.js";
import {arrowToRows} from "../../src/lib/arrowRows.js";
import {compareQueries} from "../../src/lib/compare/firstView.js";
import type {Recorded} from "../../src/lib/firstView.js";
import {guideData} from "../../src/lib/guide.js";
import {DEFAULT_YEARS} from "../../src/lib/reportViews.js";
import {tableViewSql} from "../../src/lib/servingLayout.js";
import {tempDir} from "../helpers/dataDir.js";
import {useSampleTables} from "../helpers/sampleTables.js";
import {openWasm} from "../helpers/wasmDuckDB.js";

const sample = useSampleTables();
let views: Record<string, unknown>;
let wasmQuery: (sql: string) => Promise<Record<string, unknown>[]>;

/** Equal as JSON, numbers within a relative 1e-12. */
function same(actual: unknown, expected: unknown, path = "$"): string[] {
  if (typeof expected === "number" && typeof actual === "number") return Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected)) ? [] : [`${path}: ${actual} ≠ ${expected}`];
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return [`${path}: ${JSON.stringify(actual)?.slice(0, 80)} ≠ ${JSON.stringify(expected).slice(0, 80)}`];
    return expected.flatMap((e, i) => same(actual[i], e, `${path}[${i}]`));
  }
  if (expected && typeof expected === "object") {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual as object)])];
    return keys.flatMap((k) => same((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], `${path}.${k}`));
  }
  return Object.is(actual, expected) ? [] : [`${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`];
}

beforeAll(async () => {
  views = await buildFirstViews(sample.query);
  const file = join(tempDir("oj-views-"), "tables.duckdb");
  await writeServingDatabase(sample.dir, file);
  const wasm = await openWasm();
  wasm.db.registerFileBuffer("tables.duckdb", new Uint8Array(readFileSync(file)));
  wasm.connection.query("ATTACH 'tables.duckdb' AS served (READ_ONLY)");
  for (const name of Object.keys(TABLES)) wasm.connection.query(tableViewSql("served", name));
  wasmQuery = async (sql) => arrowToRows(wasm.connection.query(sql) as never) as Record<string, unknown>[];
}, 120_000);

describe("first views answered at build time", () => {
  it("hold every page's file: Översikt, the guide, both reports, Jämför", () => {
    expect(Object.keys(views).sort()).toEqual(["anvandarguide.json", "jamfor.json", "oversikt.json", "rapport-2014.json", "rapport-2016.json"]);
  });

  it("answer Översikt for every indicator with a national value, each for its newest year", async () => {
    const recorded = views["oversikt.json"] as Recorded[];
    expect(recorded.length).toBe(((await sample.query("SELECT count(DISTINCT indicator_id) AS n FROM observations WHERE area_code = '00' AND value IS NOT NULL"))[0] as {n: number}).n);
    expect(recorded.find((r) => r.params.indicatorId === "bbic_ordinarie_licens")?.params.year).toBe(2016);
  });

  it("answer the reports for the years the pages open on", () => {
    expect((views["rapport-2014.json"] as Recorded[]).map((r) => r.params)).toEqual([{year: DEFAULT_YEARS.report2014}]);
    expect((views["rapport-2016.json"] as Recorded[]).map((r) => r.params)).toEqual([{year: DEFAULT_YEARS.report2016}]);
  });

  it.each(["oversikt.json", "rapport-2014.json", "rapport-2016.json"])("%s: each answer is what DuckDB-WASM gives the page", async (file) => {
    for (const r of views[file] as Recorded[]) expect(same(await ANSWERS[r.name]!(wasmQuery, r.params), r.value), `${r.name} ${JSON.stringify(r.params)}`).toEqual([]);
  });

  it("jamfor.json: each of the tool's queries in its opening state is what DuckDB-WASM gives the page", async () => {
    const recorded = new Map((views["jamfor.json"] as Recorded[]).map((r) => [r.name, r]));
    expect([...recorded.keys()]).toEqual(["distribution", "groupValues", "comparison", "everyYear", "trends", "kommunValues", "unitList"]);
    const p = (name: string) => recorded.get(name)!.params as Record<string, any>;
    expect(p("comparison").codes).toEqual(["0180"]);
    expect(p("everyYear")).toEqual({indicatorIds: p("comparison").indicatorIds, codes: ["0180"]});
    const state = {indicatorIds: p("comparison").indicatorIds, year: p("comparison").year, codes: p("comparison").codes, trendCodes: p("trends").codes, mapIndicatorId: p("kommunValues").indicatorId, mapYear: p("kommunValues").year};
    for (const [name, params, compute] of compareQueries(wasmQuery, state)) {
      expect(params).toEqual(recorded.get(name)!.params);
      expect(same(await compute(), recorded.get(name)!.value), name).toEqual([]);
    }
  });

  it("anvandarguide.json: the guide's data, the same through DuckDB-WASM", async () => {
    expect(same(await guideData(wasmQuery), views["anvandarguide.json"])).toEqual([]);
  });

  it("come as one archive, byte-identical from one build to the next", async () => {
    expect((await firstViewArchive(views)).equals(await firstViewArchive(await buildFirstViews(sample.query)))).toBe(true);
  });
});
