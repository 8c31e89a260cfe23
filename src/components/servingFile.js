// @ts-check
// The site's tables in DuckDB-WASM without decoding them in JavaScript: the
// serving file (a read-only DuckDB database built beside the Parquet tables,
// publish/serving/) is attached, and each table is a view over it
// (src/lib/servingLayout.js). How it is attached depends on its size:
//   - small (≤ WHOLE_BYTES): fetched whole, compressed on the wire, and
//     attached from memory: one request, every query at memory speed;
//   - larger: attached in place over HTTP Range requests, so the first query
//     reads only the blocks it needs (kilobytes to a few MB), and, up to
//     COPY_BYTES, fetched whole in the background once the first query has
//     its answer (db.js), so the two do not compete; when it has arrived the
//     views are moved onto the copy in memory, so later lookups and scans no
//     longer wait for the network. Beyond COPY_BYTES it stays
//     in place (the memory of the tab is worth more than the speed).
// Attaching happens before the lockdown (src/lib/duckdbLockdown.js), which
// forbids opening files; the in-memory copy is the one file it still allows,
// named in allowed_paths beforehand. That name is a buffer inside the
// worker, not a URL, so no query can use it to reach the network.
import * as duckdb from "@duckdb/duckdb-wasm";
import {sqlString} from "../lib/sql.js";
import {tableViewSql} from "../lib/servingLayout.js";

/** Fetched whole when at most this size (bytes): one request beats a dozen Range requests. */
export const WHOLE_BYTES = 24 * 2 ** 20;
/** Copied into memory in the background when at most this size (bytes). */
export const COPY_BYTES = 512 * 2 ** 20;

const RANGE_NAME = "served-range.duckdb";
const COPY_NAME = "served-copy.duckdb";
const RANGE_CATALOG = "served";
const COPY_CATALOG = "served_copy";

/** @typedef {{url: string, bytes: number}} ServingSource */
/** @typedef {"whole" | "range" | "range+copy"} ServingPlan */

/**
 * How a file of this size is attached (see the top of this file).
 * @param {number} bytes
 * @param {{whole?: number, copy?: number}} [limits]
 * @returns {ServingPlan}
 */
export function servingPlan(bytes, {whole = WHOLE_BYTES, copy = COPY_BYTES} = {}) {
  if (!(bytes > 0) || bytes <= whole) return "whole";
  return bytes <= copy ? "range+copy" : "range";
}

/** @param {string} url */
async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Kunde inte hämta ${url} (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

export class ServingFile {
  /**
   * @param {duckdb.AsyncDuckDB} db
   * @param {duckdb.AsyncDuckDBConnection} connection
   * @param {ServingSource} source
   * @param {string[]} tables the tables to show as views
   * @param {ServingPlan} plan
   */
  constructor(db, connection, source, tables, plan) {
    this.db = db;
    this.connection = connection;
    this.source = source;
    this.tables = tables;
    this.plan = plan;
    /** Where the views point now: "memory" or "range". */
    this.location = "";
    /** @type {(inMemory: boolean) => void} */
    let settle = () => {};
    /**
     * Resolves with true once the views read from memory (at once for "whole", when the copy has
     * arrived for "range+copy"), with false if they never will ("range", or a failed copy). Never rejects.
     * @type {Promise<boolean>}
     */
    this.inMemory = new Promise((resolve) => (settle = resolve));
    this.#settle = settle;
  }

  /** @type {(inMemory: boolean) => void} */
  #settle;

  /**
   * Attaches the file and creates the views. Run before the lockdown.
   * @returns {Promise<string[]>} the settings the lockdown must keep (allowed_paths for the background copy)
   */
  async attach() {
    if (this.plan !== "whole") {
      try {
        await this.db.registerFileURL(RANGE_NAME, new URL(this.source.url, location.href).href, duckdb.DuckDBDataProtocol.HTTP, false);
        await this.connection.query(`ATTACH ${sqlString(RANGE_NAME)} AS ${RANGE_CATALOG} (READ_ONLY)`);
        await this.#views(RANGE_CATALOG);
        this.location = "range";
        if (this.plan === "range") this.#settle(false);
        return this.plan === "range+copy" ? [`SET allowed_paths = [${sqlString(COPY_NAME)}, ${sqlString(`${COPY_NAME}.wal`)}]`] : [];
      } catch {
        // A host that does not answer Range requests: fall back to one whole download.
        await this.db.dropFile(RANGE_NAME).catch(() => {});
        this.plan = "whole";
      }
    }
    await this.db.registerFileBuffer(COPY_NAME, await fetchBytes(this.source.url));
    await this.connection.query(`ATTACH ${sqlString(COPY_NAME)} AS ${COPY_CATALOG} (READ_ONLY)`);
    await this.#views(COPY_CATALOG);
    this.location = "memory";
    this.#settle(true);
    return [];
  }

  /** Starts the background copy (plan "range+copy"; after the lockdown), once. */
  startCopy() {
    if (this.plan !== "range+copy" || this.location !== "range" || this.#copying) return this.inMemory;
    this.#copying = true;
    this.#copy().then(this.#settle, (error) => {
      console.warn(`Tabellerna läses fortsatt över nätet: ${error instanceof Error ? error.message : error}`);
      this.#settle(false);
    });
    return this.inMemory;
  }

  #copying = false;

  async #copy() {
    const bytes = await fetchBytes(this.source.url);
    await this.db.registerFileBuffer(COPY_NAME, bytes);
    await this.connection.query(`ATTACH ${sqlString(COPY_NAME)} AS ${COPY_CATALOG} (READ_ONLY)`);
    await this.#views(COPY_CATALOG);
    this.location = "memory";
    // A query still reading the ranged file keeps it alive until it ends; if DETACH is refused, it stays attached, unused.
    await this.connection
      .query(`DETACH ${RANGE_CATALOG}`)
      .then(() => this.db.dropFile(RANGE_NAME))
      .catch(() => {});
    return true;
  }

  /** @param {string} catalog */
  async #views(catalog) {
    for (const table of this.tables) await this.connection.query(tableViewSql(catalog, table));
  }
}
