// One register cell in SQL: which cells are numbers or markers, and what they become.
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {cellSql} from "../../../../loaders/register/csv/cellSql.js";
import {sqlString} from "../../../../loaders/write/sql.js";

let instance: DuckDBInstance;
let connection: DuckDBConnection;
beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:");
  connection = await instance.connect();
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

const cells = cellSql({"..": "missing", X: "suppressed", "-": "zero", "": "missing"});
async function read(raw: string | null): Promise<{valid: boolean; value: number | null; status: string}> {
  const c = raw === null ? "NULL::VARCHAR" : sqlString(raw);
  const sql = `SELECT ${cells.valid("raw")} AS valid, ${cells.value("t", "n")} AS value, ${cells.status("t")} AS status
    FROM (SELECT raw, ${cells.markerText("raw", "s")} AS t, ${cells.numberText("raw", "s")} AS n FROM (SELECT raw, ${cells.slow("raw")} AS s FROM (SELECT ${c} AS raw)))`;
  return (await connection.runAndReadAll(sql)).getRowObjectsJS()[0] as {valid: boolean; value: number | null; status: string};
}

describe("cellSql", () => {
  it.each([
    ["12", 12],
    ["12,5", 12.5],
    ["12.5", 12.5],
    ["-3", -3],
    ["\u22124,25", -4.25],
    ["1 234", 1234],
    ["1\u00a0234,5", 1234.5],
    ["1\u202f234\u202f567", 1234567],
    ["1\u2009234", 1234],
    [" 42 ", 42]
  ])("reads %j as the number %d", async (raw, value) => {
    expect(await read(raw)).toEqual({valid: true, value, status: "ok"});
  });

  it.each([
    ["..", null, "missing"],
    ["X", null, "suppressed"],
    ["-", 0, "ok"],
    [" .. ", null, "missing"],
    ["", null, "missing"],
    [null, null, "missing"]
  ])("reads the marker %j through the legend", async (raw, value, status) => {
    expect(await read(raw)).toEqual({valid: true, value, status});
  });

  it.each(["1e3", "+5", "12%", "1 2", "1.234,5", "12 345 6", "abc", "0x1F", "1,2,3"])("refuses %j", async (raw) => {
    expect((await read(raw)).valid).toBe(false);
  });

  it("refuses a blank cell when the legend gives blank no meaning", async () => {
    const strict = cellSql({"..": "missing"});
    const [row] = (await connection.runAndReadAll(`SELECT ${strict.valid("raw")} AS valid FROM (SELECT NULL::VARCHAR AS raw)`)).getRowObjectsJS();
    expect(row!.valid).toBe(false);
  });
});
