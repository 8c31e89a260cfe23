// How result values read on screen, the Swedish way: 1 234,5 with thin spaces,
// years as 2016 (not 2 016), dates as ISO dates, booleans in Swedish.
// Pure: node tests import it.
import {formatNumber} from "../format.js";

/** Up to three decimals, trailing zeros dropped: results mix counts, shares and rates. */
export function formatResultNumber(value) {
  if (value === Infinity) return "∞";
  if (value === -Infinity) return "−∞";
  return formatNumber(value, {decimals: 3, trim: true});
}

/** Display text of one value of a column of the given kind ("year", "number", "time", "category"); null for SQL NULL. */
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

/** "1 rad", "21 rader", "31 721 rader". */
export function rowsText(n) {
  return `${formatNumber(n)} ${n === 1 ? "rad" : "rader"}`;
}

/** "0,4 ms", "12 ms", "1,2 s", "2 min 5 s". */
export function durationText(ms) {
  if (ms < 10) return `${formatNumber(ms, {decimals: 1})} ms`;
  if (ms < 1000) return `${formatNumber(ms)} ms`;
  if (ms < 60000) return `${formatNumber(ms / 1000, {decimals: 1})} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
