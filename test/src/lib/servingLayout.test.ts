// src/lib/servingLayout.js: how tables are stored in the serving file and
// viewed again, checked with DuckDB in node on a table whose ids share a long
// prefix (what defeats DuckDB's 8-byte text statistics).
import {DuckDBInstance} from "@duckdb/node-api";
import {describe, expect, it} from "vitest";
import {keyedColumns, keyTableName, storeTableSql, tableSelect, tableViewSql} from "../../../src/lib/servingLayout.js";

describe("the serving layout", () => {
  it("keys observations' indicator_id and nothing else", () => {
    expect(keyedColumns("observations")).toEqual(["indicator_id"]);
    expect(keyedColumns("areas")).toEqual([]);
    expect(keyTableName("observations", "indicator_id")).toBe("observations__indicator_id");
    expect(tableSelect("served", "areas")).toBe('SELECT * FROM "served"."serving"."areas"');
    expect(tableViewSql("served", "areas")).toBe('CREATE OR REPLACE VIEW main."areas" AS SELECT * FROM "served"."serving"."areas"');
  });

  it("stores a keyed table and views it back with the same columns, types, order and rows", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const c = await instance.connect();
    const rows = async (sql: string) => (await c.runAndReadAll(sql)).getRowObjectsJS();
    try {
      await c.run("ATTACH ':memory:' AS served");
      await c.run("CREATE SCHEMA served.serving");
      const source = `SELECT * FROM (VALUES ('overenskommelse_skola', '0180', 2016, 53.0), ('overenskommelse_forskola', '0180', 2016, 52.0),
        ('overenskommelse_forskola', '0114', 2016, NULL), ('bbic_ordinarie_licens', '0180', 2013, 80.0)) t(indicator_id, area_code, year, value)`;
      for (const sql of storeTableSql("served", "observations", {columns: ["indicator_id", "area_code", "year", "value"], orderBy: ["indicator_id", "year", "area_code"], source})) await c.run(sql);
      expect(await rows("SELECT * FROM served.serving.observations__indicator_id")).toEqual([
        {key: 1, value: "bbic_ordinarie_licens"},
        {key: 2, value: "overenskommelse_forskola"},
        {key: 3, value: "overenskommelse_skola"}
      ]);
      expect((await rows("DESCRIBE served.serving.observations")).map((r) => `${r.column_name} ${r.column_type}`)).toEqual(["indicator_id INTEGER", "area_code VARCHAR", "year INTEGER", "value DECIMAL(3,1)"]);
      await c.run(tableViewSql("served", "observations"));
      expect((await rows("DESCRIBE observations")).map((r) => `${r.column_name} ${r.column_type}`)).toEqual(["indicator_id VARCHAR", "area_code VARCHAR", "year INTEGER", "value DECIMAL(3,1)"]);
      expect((await rows("SELECT indicator_id, area_code FROM observations")).map((r) => `${r.indicator_id} ${r.area_code}`)).toEqual([
        "bbic_ordinarie_licens 0180",
        "overenskommelse_forskola 0114",
        "overenskommelse_forskola 0180",
        "overenskommelse_skola 0180"
      ]);
      expect(await rows("SELECT area_code FROM observations WHERE indicator_id = 'overenskommelse_forskola' AND value IS NULL")).toEqual([{area_code: "0114"}]);
    } finally {
      c.closeSync();
      instance.closeSync();
    }
  });
});
