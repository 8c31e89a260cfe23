// @ts-check
// How the tables are laid out in the serving file (a read-only DuckDB
// database built from the published Parquet, publish/serving/), and the views
// that give a page the tables exactly as the Parquet contract declares them.
// The writer (publish/serving/servingDatabase.ts) and the reader
// (src/components/db.js) both take their SQL from here, so they cannot drift.
//
// Why a keyed column: DuckDB keeps min/max statistics of text columns to
// their first 8 bytes only, so row groups of `observations` (sorted by
// indicator_id) cannot be skipped when ids share a prefix such as
// "overenskommelse_…": a one-indicator query would read the whole column,
// which over HTTP Range requests means the whole file. Stored as an integer
// key (the id's rank in sort order) beside a small table of ids, the same
// filter becomes a join whose key range DuckDB pushes into the scan, and a
// lookup reads one row group. The view puts the id back in its place, with
// its type, so every query sees the contract's table.
import {quoteIdentifier} from "./sql.js";

/** The schema inside the serving file that holds the stored tables (so they never mix with a page's own). */
export const SERVING_SCHEMA = "serving";

/** Text columns stored as integer keys, per table: those whose values repeat over long sorted runs. */
export const KEYED_COLUMNS = Object.freeze({observations: Object.freeze(["indicator_id"])});

/**
 * The table of distinct values of a keyed column: (key INTEGER, value VARCHAR), key = rank in sort order.
 * @param {string} table
 * @param {string} column
 */
export const keyTableName = (table, column) => `${table}__${column}`;

/**
 * The keyed columns of a table (none for most).
 * @param {string} table
 * @returns {readonly string[]}
 */
export function keyedColumns(table) {
  return /** @type {Record<string, readonly string[]>} */ (KEYED_COLUMNS)[table] ?? [];
}

/**
 * A stored table of the serving file, qualified by the catalog it is attached as.
 * @param {string} catalog
 * @param {string} name
 */
export const storedTable = (catalog, name) => `${quoteIdentifier(catalog)}.${quoteIdentifier(SERVING_SCHEMA)}.${quoteIdentifier(name)}`;

/**
 * The SELECT that gives `table` as the contract declares it (columns, order,
 * types) from the serving file attached as `catalog`.
 * @param {string} catalog
 * @param {string} table
 */
export function tableSelect(catalog, table) {
  const keyed = keyedColumns(table);
  if (keyed.length === 0) return `SELECT * FROM ${storedTable(catalog, table)}`;
  // LEFT: a row is never lost to the join; a filter on the id makes it an inner join, which is what lets DuckDB push the key range into the scan.
  const joins = keyed.map((column, i) => `LEFT JOIN ${storedTable(catalog, keyTableName(table, column))} k${i} ON k${i}.key = t.${quoteIdentifier(column)}`);
  const replace = keyed.map((column, i) => `k${i}.value AS ${quoteIdentifier(column)}`).join(", ");
  return `SELECT t.* REPLACE (${replace}) FROM ${storedTable(catalog, table)} t ${joins.join(" ")}`;
}

/**
 * The view a page queries: `table` in the page's own schema, over the serving file attached as `catalog`.
 * @param {string} catalog
 * @param {string} table
 */
export function tableViewSql(catalog, table) {
  return `CREATE OR REPLACE VIEW main.${quoteIdentifier(table)} AS ${tableSelect(catalog, table)}`;
}

/**
 * Writer side: the statements that store `source` (a SELECT of the contract's
 * table, in its order) in the serving file attached as `catalog`.
 * @param {string} catalog
 * @param {string} table
 * @param {{columns: string[], orderBy: string[], source: string}} spec
 * @returns {string[]}
 */
export function storeTableSql(catalog, table, {columns, orderBy, source}) {
  const keyed = keyedColumns(table);
  const order = orderBy.map((column) => `s.${quoteIdentifier(column)}`).join(", ");
  const statements = keyed.map(
    (column) =>
      `CREATE TABLE ${storedTable(catalog, keyTableName(table, column))} AS SELECT (row_number() OVER (ORDER BY value))::INTEGER AS key, value FROM (SELECT DISTINCT ${quoteIdentifier(column)} AS value FROM (${source}) WHERE ${quoteIdentifier(column)} IS NOT NULL) ORDER BY key`
  );
  const select = columns.map((column) => {
    const i = keyed.indexOf(column);
    return i < 0 ? `s.${quoteIdentifier(column)}` : `k${i}.key AS ${quoteIdentifier(column)}`;
  });
  const joins = keyed.map((column, i) => `LEFT JOIN ${storedTable(catalog, keyTableName(table, column))} k${i} ON k${i}.value = s.${quoteIdentifier(column)}`);
  statements.push(`CREATE TABLE ${storedTable(catalog, table)} AS SELECT ${select.join(", ")} FROM (${source}) s ${joins.join(" ")} ORDER BY ${order}`);
  return statements;
}
