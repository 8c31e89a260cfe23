// @ts-check
// Runs notebook cells in DuckDB-WASM. The project's tables are loaded with
// src/components/db.js (Parquet decoded in the page, no extension needed);
// cells run on a connection of their own through DuckDB's pending-query API
// (connection.send), which polls the worker step by step, so a running query
// can be cancelled (connection.cancelSent). A query that does not stop is
// ended by restarting the worker. Each cell's result is kept as a table named
// after the cell: later cells can query it, and the result table on screen
// sorts and pages through it with SQL instead of holding every row in JS.
import {Table, tableToIPC} from "apache-arrow";
import {Database} from "../db.js";
import {arrowToRows} from "../../lib/arrowRows.js";
import {bindParameters} from "../../lib/notebook/params.js";
import {locateDuckDBError} from "../../lib/notebook/sqlError.js";
import {materializeParts, quoteIdentifier, refusedStatement, splitStatements, statementKind} from "../../lib/notebook/sqlText.js";

/** Rows shown on screen per result; the rest are in the CSV download. */
export const DISPLAY_LIMIT = 1000;
/** Rows a chart draws at most. */
export const CHART_LIMIT = 10000;
/** How long a cancelled query may take to stop before the worker is restarted. */
const CANCEL_GRACE_MS = 3000;

export class QueryError extends Error {
  /** @param {string} message @param {{cancelled?: boolean, place?: import("../../lib/notebook/sqlError.js").Place | null}} [options] */
  constructor(message, {cancelled = false, place = null} = {}) {
    super(message);
    this.name = "QueryError";
    this.cancelled = cancelled;
    /** Where in the cell the error points (offset, line, column), when DuckDB says. */
    this.place = place;
    /** True when the worker is being restarted to stop the query. */
    this.restarting = false;
  }
}

/** @typedef {{kind: "table", name: string, rowCount: number, columns: {name: string, type: string}[], ms: number}} TableRun */
/** @typedef {{kind: "statement", rows: Record<string, any>[], rowCount: number, columns: {name: string, type: string}[], ms: number}} StatementRun */

export class NotebookEngine {
  /** @param {Record<string, string>} tables {name: url} as for Database.open */
  static async open(tables) {
    const engine = new NotebookEngine(tables);
    await engine.#ready;
    return engine;
  }

  /** @type {Record<string, string>} */
  #tables;
  /** @type {any} the Database (db.js), once open */
  #database = null;
  /** @type {any} the cells' own connection */
  #cells = null;
  /** @type {Promise<TableRun | StatementRun> | null} */
  #running = null;
  /** @type {(() => void) | null} */
  #abort = null;
  /** @type {Promise<void>} */
  #ready;

  /** @param {Record<string, string>} tables */
  constructor(tables) {
    this.#tables = tables;
    this.#ready = this.#start();
  }

  get tableNames() {
    return Object.keys(this.#tables);
  }

  get running() {
    return this.#running !== null;
  }

  /** Resolves once no cell is running. */
  async idle() {
    await this.#running?.catch(() => {});
  }

  async #start() {
    const database = await Database.open(this.#tables);
    this.#cells = await database.db.connect();
    this.#database = database;
  }

  /** Plain rows from the metadata connection (schema, counts, paging). @param {string} text */
  async query(text) {
    await this.#ready;
    return arrowToRows(await this.#database.connection.query(text));
  }

  /** Row count of every project table. */
  async tableCounts() {
    const names = this.tableNames;
    if (names.length === 0) return {};
    const rows = await this.query(names.map((n) => `SELECT '${n.replaceAll("'", "''")}' AS name, count(*) AS n FROM ${quoteIdentifier(n)}`).join(" UNION ALL "));
    return Object.fromEntries(rows.map((r) => [r.name, r.n]));
  }

  /** {table: [{name, type}]} for every table and view in the database (project tables and cell results). */
  async catalog() {
    const rows = await this.query(
      "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position"
    );
    /** @type {Record<string, {name: string, type: string}[]>} */
    const catalog = {};
    for (const r of rows) (catalog[r.table_name] ??= []).push({name: r.column_name, type: r.data_type});
    return catalog;
  }

  /** [{name, type}] of a cell's result table. @param {string} name */
  async columns(name) {
    const rows = await this.query(`DESCRIBE ${quoteIdentifier(name)}`);
    return rows.map((r) => ({name: r.column_name, type: r.column_type}));
  }

  /**
   * Sends one statement on the cells' connection and collects the result as
   * an Arrow table. With parameters the statement is prepared and the values
   * bound to $1, $2, … (see src/lib/notebook/params.js). A DuckDB error
   * becomes a QueryError that points into the cell: `cell` is its text and
   * `origin` says where the statement came from (see sqlError.js).
   * @param {string} text
   * @param {{cell: string, origin: import("../../lib/notebook/sqlError.js").Origin}} from
   * @param {(string | number | null)[]} [params]
   */
  async #send(text, {cell, origin}, params = []) {
    /** @type {any} */
    let statement = null;
    try {
      let reader;
      if (params.length) {
        statement = await this.#cells.prepare(text);
        reader = await statement.send(...params);
      } else reader = await this.#cells.send(text);
      if (!reader) throw new QueryError("query was canceled", {cancelled: true});
      const batches = [];
      for await (const batch of reader) batches.push(batch);
      return new Table(reader.schema, batches);
    } catch (error) {
      if (error instanceof QueryError) throw error;
      const {text: message, place} = locateDuckDBError(/** @type {any} */ (error)?.message ?? String(error), {cell, sent: text, origin});
      throw new QueryError(message, {cancelled: /query was cancel+ed|interrupted/i.test(message), place});
    } finally {
      await statement?.close().catch(() => {});
    }
  }

  /**
   * Runs a cell: every statement in order; when the last one returns rows it is
   * kept as table `name`. Resolves {kind: "table", name, rowCount, columns, ms}
   * or, when the last statement is not a query, {kind: "statement", rows,
   * columns, rowCount, ms}. Rejects with QueryError (DuckDB's message, line
   * numbers pointing into the cell). `values` are the inputs' values by name,
   * bound wherever a statement says $name.
   * @param {string} name
   * @param {string} text
   * @param {Record<string, string | number | null>} [values]
   * @returns {Promise<TableRun | StatementRun>}
   */
  run(name, text, values = {}) {
    if (this.#running) return Promise.reject(new QueryError("En annan cell körs redan. Vänta tills den är klar eller avbryt den."));
    const statements = splitStatements(text);
    if (statements.length === 0) return Promise.reject(new QueryError("Cellen är tom. Skriv en fråga, till exempel SELECT * FROM indicators."));
    /** @type {Promise<never>} */
    const aborted = new Promise((_, reject) => {
      this.#abort = () => {
        const error = new QueryError("query was canceled; restarting DuckDB", {cancelled: true});
        error.restarting = true;
        reject(error);
      };
    });
    const work = (async () => {
      await this.#ready;
      const started = performance.now();
      for (const statement of statements) {
        const refused = refusedStatement(statement.text);
        if (refused) throw new QueryError(refused);
      }
      // `source` keeps the statement as written ($kommun), `text` is what DuckDB gets ($1).
      const bound = statements.map((s) => ({...s, source: s.text, ...bindParameters(s.text, values)}));
      const from = (/** @type {(typeof bound)[number]} */ s, prefix = "") => ({cell: text, origin: {start: s.start, source: s.source, prefix: prefix.length}});
      for (const statement of bound.slice(0, -1)) await this.#send(statement.text, from(statement), statement.params);
      const last = /** @type {(typeof bound)[number]} */ (bound[bound.length - 1]);
      const kind = statementKind(last.text);
      if (kind === "other") {
        const table = await this.#send(last.text, from(last), last.params);
        const ms = performance.now() - started;
        // A result from an earlier query of this cell would now be stale.
        await this.drop(name);
        const rows = arrowToRows(table.numRows > DISPLAY_LIMIT ? table.slice(0, DISPLAY_LIMIT) : table);
        return /** @type {StatementRun} */ ({kind: "statement", rows, rowCount: table.numRows, columns: table.schema.fields.map((f) => ({name: f.name, type: String(f.type)})), ms});
      }
      const {prefix, suffix} = materializeParts(name, kind);
      const counted = await this.#send(`${prefix}${last.text}${suffix}`, from(last, prefix), last.params);
      const ms = performance.now() - started;
      const count = counted.numRows > 0 ? counted.getChildAt(0)?.get(0) : null;
      const rowCount = count === null || count === undefined ? (await this.query(`SELECT count(*) AS n FROM ${quoteIdentifier(name)}`))[0]?.n : Number(count);
      return /** @type {TableRun} */ ({kind: "table", name, rowCount, columns: await this.columns(name), ms});
    })();
    const running = Promise.race([work, aborted]).finally(() => {
      this.#running = null;
      this.#abort = null;
    });
    this.#running = running;
    return running;
  }

  /**
   * Cancels the running cell and resolves "stopped" or "restarted". DuckDB
   * checks for cancellation between execution steps, but one step of a heavy
   * join can run for long, and the worker reads the cancel message only after
   * it; if the query has not stopped within a few seconds the worker is
   * restarted, which empties the database of cell results.
   */
  async cancel() {
    const running = this.#running;
    if (!running) return "stopped";
    const settled = running.then(
      () => true,
      () => true
    );
    // Not awaited: the worker answers only once the current step is done.
    this.#cells.cancelSent().catch(() => false);
    const stopped = await Promise.race([settled, new Promise((ok) => setTimeout(() => ok(false), CANCEL_GRACE_MS))]);
    if (stopped) return "stopped";
    await this.restart();
    return "restarted";
  }

  /** Ends the worker and loads the tables into a new one. Cell results are gone afterwards. */
  async restart() {
    const abort = this.#abort;
    const old = this.#database;
    this.#ready = this.#start();
    await old?.db.terminate();
    abort?.();
    await this.#ready;
  }

  /** One page of a result table: the first `limit` rows, optionally sorted by a column (nulls last). */
  /**
   * @param {string} name
   * @param {{sort?: string | null, descending?: boolean, limit?: number}} [options]
   */
  async page(name, {sort = null, descending = false, limit = DISPLAY_LIMIT} = {}) {
    const order = sort ? ` ORDER BY ${quoteIdentifier(sort)} ${descending ? "DESC" : "ASC"} NULLS LAST, rowid` : "";
    return this.query(`SELECT * FROM ${quoteIdentifier(name)}${order} LIMIT ${Number(limit)}`);
  }

  /**
   * Every row of a result table (for downloads), in the table's order.
   * @param {string} name
   */
  async rows(name) {
    return this.query(`SELECT * FROM ${quoteIdentifier(name)}`);
  }

  /**
   * A result table as Arrow IPC bytes (stream format), for the JavaScript sandbox.
   * @param {string} name
   */
  async arrowIPC(name) {
    await this.#ready;
    const table = await this.#database.connection.query(`SELECT * FROM ${quoteIdentifier(name)}`);
    return tableToIPC(table, "stream");
  }

  /**
   * Keeps Arrow IPC bytes (a JavaScript cell's result) as table `name`, so
   * later SQL can query it like any cell's result.
   * @param {string} name
   * @param {Uint8Array} ipc
   * @returns {Promise<{kind: "table", name: string, rowCount: number, columns: {name: string, type: string}[], ms: number}>}
   */
  async registerIPC(name, ipc) {
    await this.#ready;
    const started = performance.now();
    await this.drop(name);
    await this.#database.connection.insertArrowFromIPCStream(ipc, {name, create: true});
    const [counted] = await this.query(`SELECT count(*) AS n FROM ${quoteIdentifier(name)}`);
    return {kind: "table", name, rowCount: Number(counted?.n), columns: await this.columns(name), ms: performance.now() - started};
  }

  /** Renames a cell's result table. @param {string} from @param {string} to */
  async rename(from, to) {
    const exists = await this.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE' AND table_name = '${from.replaceAll("'", "''")}'`);
    if (exists.length) {
      await this.drop(to);
      await this.query(`ALTER TABLE ${quoteIdentifier(from)} RENAME TO ${quoteIdentifier(to)}`);
    }
  }

  /** Drops a cell's result table (never one of the project's tables). @param {string} name */
  async drop(name) {
    if (this.tableNames.includes(name)) return;
    const found = await this.query(`SELECT table_type FROM information_schema.tables WHERE table_schema = 'main' AND table_name = '${name.replaceAll("'", "''")}'`);
    if (!found.length) return;
    await this.query(`DROP ${found[0]?.table_type === "VIEW" ? "VIEW" : "TABLE"} IF EXISTS ${quoteIdentifier(name)}`);
  }

  async close() {
    const database = this.#database;
    this.#database = null;
    await database?.db.terminate();
  }
}
