// The one node reader of Parquet files (publish/parquetQuery.ts), used by
// publishing and by every test: tables named after their files, rows as plain
// objects with BIGINT as Number (as the pages' DuckDB-WASM client gives them).
import {join} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {parquetColumns, parquetFilesQuery, parquetQuery, readParquet} from "../../publish/parquetQuery.js";
import {sqlString} from "../../src/lib/sql.js";
import {tempDir} from "../helpers/dataDir.js";

let dir: string;
beforeAll(async () => {
  dir = tempDir("oj-parquet-");
  const writer = await parquetFilesQuery({});
  try {
    await writer.query(`COPY (SELECT * FROM (VALUES ('0180', 2013, 80.5), ('0114', 2013, NULL)) t(area_code, year, value)) TO ${sqlString(join(dir, "observations.parquet"))} (FORMAT parquet)`);
    await writer.query(`COPY (SELECT 'Åmål' AS name, ['a', 'b'] AS tags) TO ${sqlString(join(dir, "it's odd.parquet"))} (FORMAT parquet)`);
  } finally {
    writer.close();
  }
});

describe("parquetQuery", () => {
  it("opens every file of a folder as a table named after it, whatever the name holds", async () => {
    const {query, close} = await parquetQuery(dir);
    try {
      expect(await query(`SELECT count(*) AS n FROM observations`)).toEqual([{n: 2}]);
      expect(await query(`SELECT * FROM "it's odd"`)).toEqual([{name: "Åmål", tags: ["a", "b"]}]);
    } finally {
      close();
    }
  });

  it("opens only the tables asked for", async () => {
    const {query, close} = await parquetQuery(dir, {tables: ["observations"]});
    try {
      expect((await query(`SELECT table_name FROM information_schema.tables`)).map((r) => r.table_name)).toEqual(["observations"]);
    } finally {
      close();
    }
  });
});

describe("one file", () => {
  it("reads every row, in the order asked for", async () => {
    expect(await readParquet(join(dir, "observations.parquet"), "area_code")).toEqual([
      {area_code: "0114", year: 2013, value: null},
      {area_code: "0180", year: 2013, value: 80.5}
    ]);
  });

  it("lists the columns with their DuckDB types", async () => {
    expect(await parquetColumns(join(dir, "observations.parquet"))).toEqual([
      {name: "area_code", type: "VARCHAR"},
      {name: "year", type: "INTEGER"},
      {name: "value", type: "DECIMAL(3,1)"}
    ]);
  });

  it("names the file when it cannot be read", async () => {
    await expect(readParquet(join(dir, "missing.parquet"))).rejects.toThrow(/missing\.parquet/);
  });
});
