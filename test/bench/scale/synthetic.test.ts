// The benchmark's synthetic tables keep the contract: the same columns, in the same order, with the same
// types as loaders/schema/tables.ts, so `npm run bench -- scale` measures the tables the site really serves.
import {rmSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {syntheticTables} from "../../../bench/scale/synthetic.js";
import {TABLES, type TableName} from "../../../loaders/schema/tables.js";
import {parquetColumns, readParquet} from "../../../publish/parquetQuery.js";
import {tempDir} from "../../helpers/dataDir.js";

describe("syntheticTables", () => {
  let cache: string;
  let dir: string;
  beforeAll(async () => {
    cache = tempDir();
    dir = await syntheticTables(20_000, cache);
  }, 120_000);
  afterAll(() => rmSync(cache, {recursive: true, force: true}));

  it.each(Object.keys(TABLES) as TableName[])("%s has the contract's columns and types", async (name) => {
    const columns = await parquetColumns(join(dir, `${name}.parquet`));
    expect(columns).toEqual(TABLES[name].columns.map((c) => ({name: c.name, type: c.type})));
  });

  it("observations: the row count asked for, sorted as the contract says, statuses and flags from the vocabulary", async () => {
    const rows = await readParquet(join(dir, "observations.parquet"));
    expect(rows).toHaveLength(20_000);
    const key = (r: Record<string, unknown>) => `${r.indicator_id}|${r.year}|${r.area_code}`;
    expect(rows.map(key)).toEqual(rows.map(key).sort());
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["ok", "no_answer", "suppressed", "missing", "suppressed_secondary"]));
    expect(new Set(rows.map((r) => r.flag))).toEqual(new Set([null, "preliminary"]));
  });
});
