// @ts-check
// Swedish number formatting for pages, charts and tables. Intl's sv-SE groups
// thousands with a no-break space (U+00A0); Swedish typography uses a thin
// space, so we use the narrow no-break space U+202F, which also never breaks a
// number across lines. Minus is U+2212 (Intl's default for sv-SE).
import {STATUSES} from "./schema.js";
import {isShare, measureSpec} from "./vocabulary.js";

export const THIN_SPACE = "\u202f";
export const NBSP = "\u00a0";

/** @type {Map<string, Intl.NumberFormat>} */
const formatters = new Map();
/** @param {number} decimals @param {number} [minimum] */
function formatter(decimals, minimum = decimals) {
  const key = `${decimals}|${minimum}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.NumberFormat("sv-SE", {maximumFractionDigits: decimals, minimumFractionDigits: minimum})));
  return format;
}

/**
 * 1234567.8 → "1 234 568" (thin spaces); decimals fixed when given, trailing zeros dropped with `trim`; "–" for no value.
 * @param {number | null | undefined} value
 * @param {{decimals?: number, trim?: boolean}} [options]
 * @returns {string}
 */
export function formatNumber(value, {decimals = 0, trim = false} = {}) {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  return formatter(decimals, trim ? 0 : decimals).format(value).replace(/[\u00a0\u202f ]/g, THIN_SPACE);
}

/**
 * 24.5 → "24,5 %" for tables and axes; "–" for no value.
 * @param {number | null | undefined} value
 * @param {{decimals?: number}} [options]
 * @returns {string}
 */
export function formatPercent(value, {decimals = 0} = {}) {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  return `${formatNumber(value, {decimals})}${NBSP}%`;
}

/**
 * A value in its indicator's measure, for tables and tooltips: shares in percent, with the measure's decimals.
 * @param {number | null | undefined} value
 * @param {string} measure
 * @returns {string}
 */
export function formatValue(value, measure) {
  const {decimals} = measureSpec(measure);
  return isShare(measure) ? formatPercent(value, {decimals}) : formatNumber(value, {decimals});
}

/**
 * Swedish text for each status ("" for ok), from the vocabulary.
 * @type {Record<string, string>}
 */
export const STATUS_TEXT = Object.fromEntries(Object.entries(STATUSES).map(([status, spec]) => [status, spec.text]));

/** Sorting the Swedish way: Åmål before Ängelholm before Örebro, after Z. The one collator of the project (pages, charts, release files). */
export const collator = new Intl.Collator("sv");

/** @param {string} a @param {string} b */
export const compareSv = (a, b) => collator.compare(a, b);
