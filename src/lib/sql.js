// @ts-check
// SQL text, written one way for the whole browser and publishing side. Two
// paths into a query: the `sql` tagged template binds its values as parameters
// (DuckDB-WASM prepared statements), never splicing them into the text; the
// shared query modules (src/lib/compare/, src/lib/releaseFacts.js) run over a
// `query(sql)` function that takes text only, so every value they splice goes
// through a literal below: codes and ids are checked against the shapes the
// vocabulary allows, and any other text is quoted with '' doubling.
import {isAreaCode} from "./vocabulary.js";

const INDICATOR_ID = /^[a-z0-9_]+$/;

/**
 * 'text' with embedded quotes doubled: a string literal for any text.
 * @param {unknown} value
 * @returns {string}
 */
export function sqlString(value) {
  return `'${String(value).replaceAll("'", "''")}'`;
}

/**
 * "name" with embedded double quotes doubled: an identifier (table, column) for any name.
 * @param {unknown} name
 * @returns {string}
 */
export function quoteIdentifier(name) {
  return `"${String(name).replaceAll('"', '""')}"`;
}

/**
 * An area code (00, län 01, kommun 0180, stadsdel 0180-01) as a literal; anything else throws.
 * @param {unknown} code
 * @returns {string}
 */
export function sqlAreaCode(code) {
  if (typeof code !== "string" || !isAreaCode(code)) throw new Error(`Ogiltig områdeskod: ${JSON.stringify(code)} (väntade t.ex. 0180 eller 0180-01)`);
  return `'${code}'`;
}

/**
 * An indicator id as a literal; anything else throws.
 * @param {unknown} id
 * @returns {string}
 */
export function sqlIndicatorId(id) {
  if (typeof id !== "string" || !INDICATOR_ID.test(id)) throw new Error(`Ogiltigt indikator-id: ${JSON.stringify(id)}`);
  return `'${id}'`;
}

/**
 * A year as an integer literal; anything else throws.
 * @param {unknown} year
 * @returns {string}
 */
export function sqlYear(year) {
  const n = Number(year);
  if (!Number.isInteger(n) || n < 1900 || n > 2100) throw new Error(`Ogiltigt år: ${JSON.stringify(year)}`);
  return String(n);
}

/**
 * (a, b, c) for IN; an empty list gives (NULL), which matches nothing.
 * @template T
 * @param {readonly T[]} values
 * @param {(value: T) => string} literal
 * @returns {string}
 */
export function sqlList(values, literal) {
  return values.length ? `(${values.map(literal).join(", ")})` : "(NULL)";
}

/** @typedef {Record<string, any>} Row A result row: column name → value. */
/** @typedef {Row[] & {columns?: string[]}} Rows */
/**
 * The query contract of the shared modules: SQL text in, plain rows out (DuckDB-WASM
 * in pages, DuckDB in node at build time and in tests).
 * @typedef {(sql: string) => Promise<Row[]>} Query
 */
/** @typedef {(text: string, params?: unknown[]) => Promise<Rows>} ParameterQuery */
/** @typedef {(strings: TemplateStringsArray | readonly string[], ...values: unknown[]) => Promise<Rows>} SqlTag */

/**
 * A `sql` tagged template over a query that binds parameters:
 * sql`SELECT … WHERE year = ${year}` runs "SELECT … WHERE year = ?" with [year].
 * @param {ParameterQuery} query
 * @returns {SqlTag}
 */
export function sqlTemplate(query) {
  return (strings, ...values) => query(strings.join("?"), values);
}

/**
 * The `sql` tag bound to a Database from src/components/db.js, for pages
 * (Framework's ```sql blocks call whatever `sql` is in scope). Exported
 * notebook pages import it from src/lib/arrowRows.js, which re-exports it.
 * @param {{query: ParameterQuery}} database
 * @returns {SqlTag}
 */
export function sqlTag(database) {
  return sqlTemplate((text, params) => database.query(text, params));
}
