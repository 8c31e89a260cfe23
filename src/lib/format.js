// Swedish number formatting for pages, charts and tables. Intl's sv-SE groups
// thousands with a no-break space (U+00A0); Swedish typography uses a thin
// space, so we use the narrow no-break space U+202F, which also never breaks a
// number across lines. Minus is U+2212 (Intl's default for sv-SE).
import {STATUSES} from "./schema.js";

export const THIN_SPACE = "\u202f";
export const NBSP = "\u00a0";

const formatters = new Map();
function formatter(decimals, minimum = decimals) {
  const key = `${decimals}|${minimum}`;
  if (!formatters.has(key)) formatters.set(key, new Intl.NumberFormat("sv-SE", {maximumFractionDigits: decimals, minimumFractionDigits: minimum}));
  return formatters.get(key);
}

/** 1234567.8 → "1 234 568" (thin spaces); decimals fixed when given. */
export function formatNumber(value, {decimals = 0, trim = false} = {}) {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  return formatter(decimals, trim ? 0 : decimals).format(value).replace(/[\u00a0\u202f ]/g, THIN_SPACE);
}

/** 24.5 → "24,5 %" for tables and axes. */
export function formatPercent(value, {decimals = 0} = {}) {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  return `${formatNumber(value, {decimals})}${NBSP}%`;
}

/** A value in its indicator's unit, for tables and tooltips. */
export function formatValue(value, measure) {
  switch (measure) {
    case "share_yes":
    case "response_rate":
    case "percent":
      return formatPercent(value, {decimals: 1});
    case "rate_per_1000":
      return formatNumber(value, {decimals: 1});
    default:
      return formatNumber(value);
  }
}

/** Swedish text for each status ("" for ok), from the vocabulary. */
export const STATUS_TEXT = Object.fromEntries(Object.entries(STATUSES).map(([status, spec]) => [status, spec.text]));

/** Sorting the Swedish way: Åmål before Ängelholm before Örebro, after Z. */
export const collator = new Intl.Collator("sv");
export const compareSv = (a, b) => collator.compare(a, b);
