// @ts-check
// Arrow results from DuckDB-WASM as plain rows, with every DuckDB type a user's
// query can produce turned into something a table, a chart or a CSV can use.
// src/components/db.js reads every query result through here too; an ad
// hoc query also yields DECIMAL (1.5, round(x, 1)), HUGEINT (sum of an INTEGER),
// dates, lists and structs, which Arrow hands over as objects. The notebook and
// the pages it exports both read results through here, so they show the same values.
import {DataType} from "apache-arrow";
import {sqlString} from "./sql.js";

/**
 * Text for a nested value (list, struct, map), written the way DuckDB prints them.
 * @param {any} value an Arrow vector, array, Map, struct row or scalar
 * @returns {string}
 */
export function nestedText(value) {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "string") return sqlString(value);
  if (typeof value === "bigint") return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value?.toArray === "function" && typeof value?.length === "number" && !(value instanceof Map)) {
    return `[${Array.from(value.toArray(), nestedText).join(", ")}]`;
  }
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return `[${Array.from(/** @type {Iterable<unknown>} */ (value), nestedText).join(", ")}]`;
  if (value instanceof Map) return `{${[...value].map(([k, v]) => `${nestedText(k)}=${nestedText(v)}`).join(", ")}}`;
  if (typeof value === "object") {
    const entries = typeof value.toJSON === "function" ? Object.entries(value.toJSON()) : Object.entries(value);
    return `{${entries.map(([k, v]) => `'${k}': ${nestedText(v)}`).join(", ")}}`;
  }
  return String(value);
}

/** @typedef {(value: any) => unknown} Converter */

/**
 * How to turn one Arrow column's values into plain JS values.
 * @param {import("apache-arrow").DataType} type
 * @returns {Converter}
 */
export function converterFor(type) {
  if (DataType.isInt(type)) return (v) => (typeof v === "bigint" ? Number(v) : v);
  if (DataType.isDecimal(type)) {
    const scale = /** @type {import("apache-arrow").Decimal} */ (type).scale;
    // Arrow's BigNum: valueOf(scale) divides by 10^scale.
    return (v) => (v === null || v === undefined ? null : Number(v.valueOf(scale)));
  }
  if (DataType.isDate(type) || DataType.isTimestamp(type)) return (v) => (v === null || v === undefined ? null : new Date(typeof v === "bigint" ? Number(v) : v));
  if (DataType.isBool(type) || DataType.isUtf8(type) || DataType.isLargeUtf8(type) || DataType.isFloat(type) || DataType.isDictionary(type) || DataType.isNull(type)) {
    return (v) => (typeof v === "bigint" ? Number(v) : v);
  }
  if (DataType.isInterval(type) || DataType.isTime(type) || DataType.isDuration(type)) {
    return (v) => (v === null || v === undefined ? null : typeof v === "object" ? Array.from(v).join(" ") : String(v));
  }
  return (v) => (v === null || v === undefined ? null : nestedText(v));
}

/**
 * Plain rows (objects) from an Arrow table, with `columns` listing the field names in order.
 * @param {import("apache-arrow").Table} table
 * @returns {Record<string, any>[] & {columns: string[]}}
 */
export function arrowToRows(table) {
  const fields = table.schema.fields;
  const names = fields.map((f) => f.name);
  const vectors = names.map((_, j) => table.getChildAt(j));
  const convert = fields.map((f) => converterFor(f.type));
  const rows = /** @type {Record<string, any>[] & {columns: string[]}} */ (new Array(table.numRows));
  for (let i = 0; i < table.numRows; i++) {
    /** @type {Record<string, any>} */
    const row = {};
    names.forEach((name, j) => {
      row[name] = /** @type {Converter} */ (convert[j])(vectors[j]?.get(i));
    });
    rows[i] = row;
  }
  rows.columns = names;
  return rows;
}

// Exported notebook pages import the `sql` tag by this path (src/lib/sql.js holds it).
export {sqlTag} from "./sql.js";
