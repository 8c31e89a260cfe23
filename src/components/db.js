// @ts-check
// The one module that starts DuckDB-WASM and fills it with the project's
// Parquet tables. Everything resolves from node_modules (no CDN): the wasm and
// worker are located with import.meta.resolve, which Framework copies into
// dist/. DuckDB-WASM would fetch its Parquet extension from the internet, so
// Parquet is decoded here with hyparquet and handed over as Arrow tables.
//
// Nothing a query says may reach the network (a shared notebook is someone
// else's SQL): before any table is loaded, the database is opened with
// unsigned extensions refused and HTTP fallbacks off, and then locked down
// (src/lib/duckdbLockdown.js: no external access, no extension autoloading,
// configuration locked).
import * as duckdb from "@duckdb/duckdb-wasm";
import {Bool, Float32, Float64, Int32, Int64, Table, Utf8} from "apache-arrow";
import {parquetMetadata, parquetRead, parquetSchema} from "hyparquet";
import {arrowToRows} from "../lib/arrowRows.js";
import {arrowVector} from "../lib/arrowVector.js";
import {LOCKDOWN} from "../lib/duckdbLockdown.js";
import {sqlTemplate} from "../lib/sql.js";

const WASM = import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm");
const WORKER = import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js");

/** Arrow type for a Parquet leaf column, as hyparquet describes it. @param {any} element */
function arrowType(element) {
  const logical = element.logical_type?.type;
  switch (element.type) {
    case "BOOLEAN":
      return new Bool();
    case "INT32":
      return new Int32();
    case "INT64":
      return new Int64();
    case "FLOAT":
      return new Float32();
    case "DOUBLE":
      return new Float64();
    case "BYTE_ARRAY":
      if (element.converted_type === "UTF8" || logical === "STRING") return new Utf8();
  }
  throw new Error(`Kolumnen ${element.name} har en typ som inte stöds (${element.type})`);
}

/** Decodes a Parquet file (ArrayBuffer) into an Arrow table. @param {ArrayBuffer} buffer */
export async function parquetToArrow(buffer) {
  const metadata = parquetMetadata(buffer);
  const leaves = parquetSchema(metadata).children.map((c) => c.element);
  /** @type {Record<string, any[]>} */
  const columns = Object.fromEntries(leaves.map((e) => [e.name, new Array(Number(metadata.num_rows))]));
  await parquetRead({
    file: buffer,
    metadata,
    onChunk({columnName, columnData, rowStart}) {
      const target = /** @type {any[]} */ (columns[columnName]);
      for (let i = 0; i < columnData.length; i++) target[rowStart + i] = columnData[i] ?? null;
    }
  });
  return new Table(Object.fromEntries(leaves.map((e) => [e.name, arrowVector(columns[e.name] ?? [], arrowType(e))])));
}

/** Plain JS rows from an Arrow result, every DuckDB type converted (DECIMAL, HUGEINT, dates…): see arrowRows.js. */
export const toRows = arrowToRows;

export class Database {
  /**
   * @param {duckdb.AsyncDuckDB} db
   * @param {duckdb.AsyncDuckDBConnection} connection
   */
  constructor(db, connection) {
    this.db = db;
    this.connection = connection;
    this.sql = this.sql.bind(this);
  }

  /**
   * Starts DuckDB-WASM in a worker, locked down (src/lib/duckdbLockdown.js), and loads the
   * tables: {name: Parquet URL, ArrayBuffer or Blob}.
   * @param {Record<string, string | ArrayBuffer | Blob>} [tables]
   * @returns {Promise<Database>}
   */
  static async open(tables = {}) {
    const worker = new Worker(WORKER, {type: "module"});
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate(WASM);
    await db.open({path: ":memory:", allowUnsignedExtensions: false, filesystem: {allowFullHTTPReads: false, reliableHeadRequests: false}});
    const connection = await db.connect();
    for (const statement of LOCKDOWN) await connection.query(statement);
    const database = new Database(db, connection);
    await Promise.all(Object.entries(tables).map(([name, source]) => database.insertParquet(name, source)));
    return database;
  }

  /**
   * Adds a table from a Parquet URL (pass `FileAttachment("x.parquet").href`: a
   * bare FileAttachment of a .parquet file makes Framework preload its own
   * Parquet reader from a CDN), an ArrayBuffer or anything with arrayBuffer().
   * @param {string} name
   * @param {string | ArrayBuffer | Blob} source
   */
  async insertParquet(name, source) {
    const buffer = source instanceof ArrayBuffer ? source : typeof source === "string" ? await (await fetch(source)).arrayBuffer() : await source.arrayBuffer();
    const table = await parquetToArrow(buffer);
    await this.connection.insertArrowTable(table, {name, create: true});
  }

  /**
   * Runs SQL and returns plain rows (array of objects with a `columns` property); `params` bind to its ? placeholders.
   * @param {string} text
   * @param {unknown[]} [params]
   * @returns {Promise<import("../lib/sql.js").Rows>}
   */
  async query(text, params = []) {
    if (params.length === 0) return toRows(await this.connection.query(text));
    const statement = await this.connection.prepare(text);
    try {
      return toRows(await statement.query(...params));
    } finally {
      await statement.close();
    }
  }

  /**
   * Tagged template: sql`SELECT … WHERE year = ${year}`, values passed as parameters, never spliced.
   * @type {import("../lib/sql.js").SqlTag}
   */
  sql = sqlTemplate((text, params) => this.query(text, params));

  async describe() {
    return this.query("SELECT table_name, column_name, data_type FROM information_schema.columns ORDER BY table_name, ordinal_position");
  }
}
