// The DuckDB-WASM client's lockdown and its Arrow conversion, checked with the
// same DuckDB-WASM package in node: every setting that keeps a query inside
// the page is honoured, and none can be set back.
import {tableFromIPC, tableToIPC, Table, Int32, Int64, Float64, Utf8, Bool} from "apache-arrow";
import * as aq from "arquero";
import {beforeAll, describe, expect, it} from "vitest";
import {arrowVector} from "../../../src/lib/arrowVector.js";
import {LOCKDOWN} from "../../../src/lib/duckdbLockdown.js";
import {describeError, OUTSIDE_TITLE} from "../../../src/lib/notebook/errors.js";
import {refusedStatement} from "../../../src/lib/notebook/sqlText.js";
import {openWasm} from "../../helpers/wasmDuckDB.js";

let shared: Awaited<ReturnType<typeof openWasm>>;
// One database for the file: instantiating DuckDB-WASM takes seconds.
beforeAll(async () => {
  shared = await openWasm();
  for (const statement of LOCKDOWN) shared.connection.query(statement);
}, 60_000);
const lockedDown = async () => shared;

/** The error a query gives, introduced in Swedish as the notebook shows it. */
function failure(run: () => unknown) {
  try {
    run();
  } catch (error) {
    return describeError(error);
  }
  throw new Error("the query ran");
}

describe("DuckDB-WASM locked down", () => {
  it.each([
    ["read_csv over http", "SELECT * FROM read_csv('http://127.0.0.1:9/x.csv')", /file system operations are disabled/],
    ["read_csv of a local path", "SELECT * FROM read_csv('/etc/passwd')", /file system operations are disabled/],
    ["read_json (an extension it may not fetch)", "SELECT * FROM read_json('http://127.0.0.1:9/x.json')", /exists in the json extension/],
    ["LOAD", "LOAD httpfs", /Loading external extensions is disabled/],
    ["ATTACH over http", "ATTACH 'http://127.0.0.1:9/x.db' AS x", /file system operations are disabled/],
    ["COPY … TO", "COPY (SELECT 1) TO 'x.csv'", /file system operations are disabled/],
    ["turning access back on", "SET enable_external_access = true", /configuration has been locked/],
    ["turning autoload back on", "SET autoload_known_extensions = true", /configuration has been locked/]
  ])("refuses %s, with the notebook's Swedish message", async (_, sql, message) => {
    const db = await lockedDown();
    const info = failure(() => db.connection.query(sql));
    expect(info.title).toBe(OUTSIDE_TITLE);
    expect(info.detail).toMatch(message);
  });

  it("still answers queries over tables in memory", async () => {
    const db = await lockedDown();
    expect(db.rows("SELECT 40 + 2 AS svar")).toEqual([{svar: 42}]);
  });

  it("refuses INSTALL and LOAD before DuckDB sees them (DuckDB-WASM accepts INSTALL silently)", async () => {
    const db = await lockedDown();
    expect(() => db.connection.query("INSTALL json")).not.toThrow();
    for (const sql of ["INSTALL json", "  -- x\nforce install httpfs", "LOAD json", "UPDATE EXTENSIONS"]) {
      expect(describeError(new Error(refusedStatement(sql)!)).title).toBe(OUTSIDE_TITLE);
    }
    expect(refusedStatement("SELECT 'install'")).toBeNull();
  });
});

describe("Arrow in and out", () => {
  it("builds vectors without Arrow's builders (which compile code), nulls kept", async () => {
    const table = new Table({
      kod: arrowVector(["0180", null, "Åmål"], new Utf8()),
      n: arrowVector([1, null, -3], new Int32()),
      stor: arrowVector([12345678901n, 2n, null], new Int64()),
      v: arrowVector([0.5, null, 2], new Float64()),
      ja: arrowVector([true, false, null], new Bool())
    });
    const db = await lockedDown();
    db.connection.insertArrowFromIPCStream(tableToIPC(table, "stream"), {name: "t", create: true});
    expect(db.rows("SELECT * FROM t")).toEqual([
      {kod: "0180", n: 1, stor: 12345678901n, v: 0.5, ja: true},
      {kod: null, n: null, stor: 2n, v: null, ja: false},
      {kod: "Åmål", n: -3, stor: null, v: 2, ja: null}
    ]);
  });

  it("takes an Arquero table of 100 000 rows into DuckDB and back, codes as text, numbers as numbers", async () => {
    const n = 100_000;
    const table = aq.table({kod: Array.from({length: n}, (_, i) => String(i % 290).padStart(4, "0")), år: Array.from({length: n}, (_, i) => 2010 + (i % 7)), värde: Array.from({length: n}, (_, i) => (i % 13 === 0 ? null : i / 7))});
    const db = await lockedDown();
    db.connection.insertArrowFromIPCStream(aq.toArrowIPC(table, {format: "stream"}), {name: "från_js", create: true});
    const [summary] = db.rows("SELECT count(*)::INTEGER AS n, count(värde)::INTEGER AS med_värde, min(kod) AS minsta, max(år) AS sista FROM från_js");
    expect(summary).toEqual({n, med_värde: n - Math.ceil(n / 13), minsta: "0000", sista: 2016});
    const back = aq.fromArrow(tableToIPC(tableFromIPC(aq.toArrowIPC(table, {format: "stream"})), "stream"));
    expect(back.numRows()).toBe(n);
    expect(back.get("kod", 1)).toBe("0001");
  });
});
