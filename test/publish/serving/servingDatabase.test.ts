// The serving file (publish/serving/servingDatabase.ts) read as the pages read it:
// DuckDB-WASM, the same package and version, attaches it read-only from a
// buffer, and the views of src/lib/servingLayout.js give every table of the
// contract with the same columns, types and rows as its Parquet file.
import {readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {beforeAll, describe, expect, it} from "vitest";
import {TABLES, type TableName} from "../../../loaders/schema/tables.js";
import {STORAGE_VERSION, writeServingDatabase} from "../../../publish/serving/servingDatabase.js";
import {tableViewSql} from "../../../src/lib/servingLayout.js";
import {quoteIdentifier} from "../../../src/lib/sql.js";
import {tempDir} from "../../helpers/dataDir.js";
import {useSampleTables} from "../../helpers/sampleTables.js";
import {openWasm} from "../../helpers/wasmDuckDB.js";

const sample = useSampleTables();
const names = Object.keys(TABLES) as TableName[];
let wasm: Awaited<ReturnType<typeof openWasm>>;
let file: string;

/** Rows as JSON text, BIGINT as Number (as the pages' client gives them). */
const plain = (rows: Record<string, unknown>[]) => JSON.stringify(rows, (_, v) => (typeof v === "bigint" ? Number(v) : v));
const ordered = (name: TableName) => `SELECT * FROM ${quoteIdentifier(name)} ORDER BY ${TABLES[name].orderBy.map(quoteIdentifier).join(", ")}`;

beforeAll(async () => {
  file = join(tempDir("oj-serving-"), "tables.duckdb");
  expect(await writeServingDatabase(sample.dir, file)).toEqual(names);
  wasm = await openWasm();
  wasm.db.registerFileBuffer("tables.duckdb", new Uint8Array(readFileSync(file)));
  wasm.connection.query("ATTACH 'tables.duckdb' AS served (READ_ONLY)");
  for (const name of names) wasm.connection.query(tableViewSql("served", name));
}, 120_000);

describe("the serving file in DuckDB-WASM", () => {
  it.each(names)("%s: the same rows as its Parquet file, in the contract's order", async (name) => {
    const fromParquet = await sample.query(ordered(name));
    expect(fromParquet.length).toBeGreaterThan(0);
    expect(plain(wasm.rows(ordered(name)))).toBe(plain(fromParquet));
  });

  it.each(names)("%s: the contract's columns and types, in order", (name) => {
    const described = wasm.rows(`DESCRIBE ${quoteIdentifier(name)}`).map((r) => `${r.column_name} ${r.column_type}`);
    expect(described).toEqual(TABLES[name].columns.map((c) => `${c.name} ${c.type}`));
  });

  it("keeps observations' stored rows in the contract's order, so a scan without ORDER BY sees that order", () => {
    const unordered = wasm.rows("SELECT indicator_id, year, area_code FROM observations");
    const sorted = [...unordered].sort((a, b) => String(a.indicator_id).localeCompare(String(b.indicator_id), "en") || Number(a.year) - Number(b.year) || String(a.area_code).localeCompare(String(b.area_code), "en"));
    expect(plain(unordered)).toBe(plain(sorted));
  });

  it("answers the pages' kind of query through the keyed view (filter on the id, join, group)", async () => {
    const sql = `SELECT o.indicator_id, a.level, count(*) AS n, sum(o.value) AS total FROM observations o JOIN areas a ON a.code = o.area_code
      WHERE o.indicator_id IN ('bbic_ordinarie_licens', 'samverkan_bup') AND o.year BETWEEN 2012 AND 2016 GROUP BY ALL ORDER BY ALL`;
    expect(plain(wasm.rows(sql))).toBe(plain(await sample.query(sql)));
  });
});

describe("the storage version", () => {
  it(`is pinned to ${STORAGE_VERSION}, which DuckDB-WASM 1.32 (core v1.4.3) reads, and a newer one is refused`, async () => {
    const newer = join(tempDir("oj-serving-newer-"), "newer.duckdb");
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    await connection.run(`ATTACH '${newer}' AS x (STORAGE_VERSION 'v1.5.0')`);
    await connection.run("CREATE TABLE x.t AS SELECT 1 AS one");
    await connection.run("DETACH x");
    connection.closeSync();
    instance.closeSync();
    wasm.db.registerFileBuffer("newer.duckdb", new Uint8Array(readFileSync(newer)));
    expect(() => wasm.connection.query("ATTACH 'newer.duckdb' AS newer (READ_ONLY)")).toThrow(/newer version of DuckDB/);
    expect(wasm.rows("SELECT count(*)::INTEGER AS n FROM served.serving.observations__indicator_id")[0]!.n).toBeGreaterThan(10);
    rmSync(newer, {force: true});
  });

  it("is replaced, never half-written: a failed build leaves the previous file and no temporary one", async () => {
    const before = readFileSync(file);
    const broken = tempDir("oj-serving-broken-");
    writeFileSync(join(broken, "areas.parquet"), readFileSync(join(sample.dir, "areas.parquet")));
    writeFileSync(join(broken, "observations.parquet"), "PAR1 not really PAR1");
    await expect(writeServingDatabase(broken, file)).rejects.toThrow();
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dirname(file))).toEqual(["tables.duckdb"]);
    await expect(writeServingDatabase(join(broken, "none"), file)).rejects.toThrow(/no Parquet table/);
  });
});
