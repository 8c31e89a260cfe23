// @ts-check
// How result values read on screen, the Swedish way: 1 234,5 with thin spaces,
// years as 2016 (not 2 016), dates as ISO dates, booleans in Swedish.
// Pure: node tests import it.
import {formatNumber} from "../format.js";

/** Up to three decimals, trailing zeros dropped: results mix counts, shares and rates. @param {number} value */
export function formatResultNumber(value) {
  if (value === Infinity) return "∞";
  if (value === -Infinity) return "−∞";
  return formatNumber(value, {decimals: 3, trim: true});
}

/**
 * Display text of one value of a column of the given kind ("year", "number", "time", "category"); null for SQL NULL.
 * @param {unknown} value
 * @param {string} kind
 * @returns {string | null}
 */
export function formatCell(value, kind) {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return kind === "year" ? String(value) : formatResultNumber(value);
  if (typeof value === "boolean") return value ? "sant" : "falskt";
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return "ogiltigt datum";
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace("T", " ").replace(/(\.000)?Z$/, "");
  }
  return String(value);
}

/** "1 rad", "21 rader", "31 721 rader". @param {number} n */
export function rowsText(n) {
  return `${formatNumber(n)} ${n === 1 ? "rad" : "rader"}`;
}

/** "0,4 ms", "12 ms", "1,2 s", "2 min 5 s". @param {number} ms */
export function durationText(ms) {
  if (ms < 10) return `${formatNumber(ms, {decimals: 1})} ms`;
  if (ms < 1000) return `${formatNumber(ms)} ms`;
  if (ms < 60000) return `${formatNumber(ms / 1000, {decimals: 1})} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** Column names that hold shares (percent), as the chart defaults read them. */
const SHARE_COLUMN = /(procent|andel|share|percent|pct)/i;

/**
 * How a column's numbers are written, the same in every row: "year" (2016),
 * "share" (one decimal: 80,0), "count" (integers: 1 234), "number" (the
 * decimals the column needs, at most two), or "text" for non-numbers.
 * @param {{name: string, type: string}} column
 * @param {Record<string, any>[]} rows
 * @param {string} kind the column's kind (chart.js columnKind)
 * @returns {{style: "year" | "share" | "count" | "number" | "text", decimals: number}}
 */
export function columnStyle(column, rows, kind) {
  if (kind === "year") return {style: "year", decimals: 0};
  if (kind !== "number") return {style: "text", decimals: 0};
  const values = rows.map((r) => r[column.name]).filter((v) => typeof v === "number" && Number.isFinite(v));
  const integers = values.every((v) => Number.isInteger(v));
  if (SHARE_COLUMN.test(column.name) && values.every((v) => v >= 0 && v <= 100)) return {style: "share", decimals: 1};
  if (integers) return {style: "count", decimals: 0};
  const needed = Math.max(0, ...values.map((v) => (String(Number(v.toPrecision(12))).split(".")[1] ?? "").length));
  return {style: "number", decimals: Math.min(2, needed)};
}

/**
 * The display function of a column: numbers with the column's fixed decimals.
 * @param {{style: string, decimals: number}} style
 * @param {string} kind
 * @returns {(value: any) => string | null}
 */
export function columnFormatter(style, kind) {
  if (style.style === "share" || style.style === "count" || style.style === "number") {
    return (value) => (typeof value === "number" ? (Number.isFinite(value) ? formatNumber(value, {decimals: style.decimals}) : formatResultNumber(value)) : formatCell(value, kind));
  }
  return (value) => formatCell(value, kind);
}
