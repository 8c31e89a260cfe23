// @ts-check
// The one module that starts DuckDB-WASM and gives it the project's tables.
// Everything resolves from node_modules (no CDN): the wasm and worker are
// located with import.meta.resolve, which Framework copies into dist/.
//
// Where the tables come from: a table whose source is the site's own Parquet
// file (src/components/siteTables.js) is read from the site's serving file, a
// read-only DuckDB database built from the same tables (servingFile.js:
// fetched whole when small, else attached over HTTP Range requests and copied
// into memory in the background), so nothing is decoded in JavaScript and a
// first query needs only the blocks it reads. Any other source (another URL,
// an ArrayBuffer, a Blob) is Parquet decoded in the page (parquetDecode.js).
//
// Nothing a query says may reach the network (a shared notebook is someone
// else's SQL): the serving file is attached first, then the database is locked
// down (src/lib/duckdbLockdown.js: no external access, no extension
// autoloading, configuration locked), and only then are other tables loaded
// and the database handed out.
import * as duckdb from "@duckdb/duckdb-wasm";
import {arrowToRows} from "../lib/arrowRows.js";
import {LOCKDOWN} from "../lib/duckdbLockdown.js";
import {sqlTemplate} from "../lib/sql.js";
import {parquetBytes, parquetToArrow} from "./parquetDecode.js";
import {ServingFile, servingPlan} from "./servingFile.js";
import {SITE_TABLES} from "./siteTables.js";

export {parquetToArrow} from "./parquetDecode.js";

const WASM = import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm");
const WORKER = import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js");

/** When no query comes first, the serving file's background copy starts this long after opening (ms). */
const COPY_AFTER_MS = 1500;

/** Plain JS rows from an Arrow result, every DuckDB type converted (DECIMAL, HUGEINT, dates…): see arrowRows.js. */
export const toRows = arrowToRows;

/**
 * A serving file and the Parquet files it holds: {url, bytes, parquet: {table: Parquet URL}}.
 * @typedef {{url: string, bytes: number, parquet: Record<string, string>}} Serving
 */

/**
 * How Database.open gets the tables: "auto" (the serving file for the site's
 * tables, attached as its size suggests: servingPlan), one of the plans
 * "whole", "range", "range+copy" whatever the size, or "parquet" (decode every
 * table in the page: the path before the serving file, kept for other sources
 * and for comparison in the benchmark).
 * @typedef {"auto" | import("./servingFile.js").ServingPlan | "parquet"} OpenMode
 */

export class Database {
  /**
   * @param {duckdb.AsyncDuckDB} db
   * @param {duckdb.AsyncDuckDBConnection} connection
   * @param {ServingFile | null} [serving]
   */
  constructor(db, connection, serving = null) {
    this.db = db;
    this.connection = connection;
    /** The serving file the site's tables are read from, if any (its `inMemory` resolves when they are read from memory). */
    this.serving = serving;
    this.sql = this.sql.bind(this);
  }

  /**
   * Starts DuckDB-WASM in a worker, locked down (src/lib/duckdbLockdown.js),
   * with the tables {name: Parquet URL, ArrayBuffer or Blob}.
   * @param {Record<string, string | ArrayBuffer | Blob>} [tables]
   * @param {{serving?: Serving | null, mode?: OpenMode, timings?: Record<string, number>}} [options]
   *   serving: the site's own by default; timings: filled with performance.now() at "up" (DuckDB started) and "ready" (for the benchmark)
   * @returns {Promise<Database>}
   */
  static async open(tables = {}, {serving = SITE_TABLES, mode = "auto", timings = {}} = {}) {
    const worker = new Worker(WORKER, {type: "module"});
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate(WASM);
    // Range requests only (no silent whole-file fallback inside DuckDB): servingFile.js decides.
    await db.open({path: ":memory:", allowUnsignedExtensions: false, filesystem: {forceFullHTTPReads: false, allowFullHTTPReads: false, reliableHeadRequests: false}});
    const connection = await db.connect();
    timings.up = performance.now();
    const served = mode === "parquet" || !serving ? [] : Object.keys(tables).filter((name) => serving.parquet[name] !== undefined && serving.parquet[name] === tables[name]);
    /** @type {ServingFile | null} */
    let file = null;
    /** @type {string[]} */
    let keep = [];
    if (served.length && serving) {
      const plan = mode === "auto" || mode === "parquet" ? servingPlan(serving.bytes) : mode;
      file = new ServingFile(db, connection, serving, served, plan);
      keep = await file.attach();
    }
    for (const statement of [...keep, ...LOCKDOWN]) await connection.query(statement);
    const database = new Database(db, connection, file);
    const decoded = Object.entries(tables).filter(([name]) => !served.includes(name));
    await Promise.all(decoded.map(([name, source]) => database.insertParquet(name, source)));
    // The copy into memory waits for the first answer (it would compete with it), or for a quiet moment.
    if (file) setTimeout(() => file.startCopy(), COPY_AFTER_MS);
    timings.ready = performance.now();
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
    const table = await parquetToArrow(await parquetBytes(source));
    await this.connection.insertArrowTable(table, {name, create: true});
  }

  /**
   * Runs SQL and returns plain rows (array of objects with a `columns` property); `params` bind to its ? placeholders.
   * @param {string} text
   * @param {unknown[]} [params]
   * @returns {Promise<import("../lib/sql.js").Rows>}
   */
  async query(text, params = []) {
    try {
      return await this.#query(text, params);
    } finally {
      this.serving?.startCopy();
    }
  }

  /** @param {string} text @param {unknown[]} params */
  async #query(text, params) {
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
