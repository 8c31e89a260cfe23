// @ts-check
// When may a text, a table or a chart say that two values differ? The rules of
// honest comparison, in one place for the unit pages, the comparison tool, the
// release texts and the charts (documented in the user guide's method
// appendix, "Osäkerhetsintervall"):
//
// 1. A register value resting on fewer than MIN_COUNT children is not compared
//    at all: the text says that the basis is small, and how small.
// 2. Otherwise two values differ only when the 95 % interval of their
//    difference leaves out 0. That interval is built from the two stored
//    intervals (observations.ci_low, ci_high) by Newcombe's MOVER method
//    (Method of Variance Estimates Recovery; Newcombe 1998, Zou & Donner 2008),
//    so the browser needs no distribution functions.
// 3. A value that carries no interval and no count (a Kolada rate) cannot be
//    judged; a survey share is a census of the units and exact (its interval
//    is the value itself), so the difference between two shares is real.
// 4. A rank is a range: a unit's place runs from one more than the number of
//    units clearly above it to the number of units not clearly below it.
// Tested with hand-computed values in test/src/lib/compare/uncertainty.test.ts.
import {formatNumber} from "../format.js";
import {measureSpec} from "../vocabulary.js";

/**
 * Fewer children than this behind a value: the basis is small. Below 20 a
 * Poisson count's relative standard error exceeds 22 % (1/√20) and its 95 %
 * interval runs from about −40 % to +55 % of the count (20: 12,2–30,9), the
 * limit below which, e.g., the US National Center for Health Statistics calls
 * a rate unreliable.
 */
export const MIN_COUNT = 20;

/**
 * A value and what is known of its precision: its 95 % interval (low, high)
 * and the count of children behind it. An exact value (a census) has
 * low = high = value and no count; a value with neither is of unknown precision.
 * @typedef {{value: number, low?: number | null, high?: number | null, count?: number | null}} Estimate
 */

/**
 * The verdict on a comparison: "different" (the interval of the difference
 * leaves out 0), "similar" (it holds 0), "small" (a value rests on fewer than
 * MIN_COUNT children: `count` says how many), "unknown" (a value has no interval).
 * @typedef {{verdict: "different" | "similar" | "small" | "unknown", count: number | null, interval: {low: number, high: number} | null}} Comparison
 */

/** @param {unknown} x @returns {x is number} */
const isNumber = (x) => typeof x === "number" && Number.isFinite(x);

/**
 * The count of children behind a register value: a count is itself, a rate
 * per 1 000 rests on its numerator. Null where the count is not published
 * (Kolada's rates) or the value is no count of children (survey shares).
 * @param {{value?: number | null, numerator?: number | null, ci_low?: number | null, ci_high?: number | null}} row
 * @param {string} measure
 * @returns {number | null}
 */
export function countBehind(row, measure) {
  // Only values with an interval are counts of events: the survey's shares also have numerators (yes answers).
  if (!isNumber(row.ci_low)) return null;
  if (measure === "count") return isNumber(row.value) ? row.value : null;
  if (measure === "rate_per_1000") return isNumber(row.numerator) ? row.numerator : null;
  return null;
}

/**
 * A row of observations (value, ci_low, ci_high, numerator) as an Estimate:
 * `exact` for a census value (a survey share), whose interval is the value itself.
 * @param {{value?: number | null, ci_low?: number | null, ci_high?: number | null, numerator?: number | null}} row
 * @param {string} measure
 * @param {{exact?: boolean}} [options]
 * @returns {Estimate}
 */
export function estimateOf(row, measure, {exact = false} = {}) {
  const value = Number(row.value);
  if (exact) return census(value);
  return {value, low: row.ci_low ?? null, high: row.ci_high ?? null, count: countBehind(row, measure)};
}

/**
 * An exact value (a census: the survey's shares and counts of kommuner): its interval is itself.
 * @param {number} value
 * @returns {Estimate}
 */
export function census(value) {
  return {value, low: value, high: value, count: null};
}

/**
 * The 95 % interval of a − b by MOVER from the two values' own intervals:
 *   low  = d − √((a − a.low)² + (b.high − b)²)
 *   high = d + √((a.high − a)² + (b − b.low)²),  d = a − b.
 * Null when either value lacks an interval.
 * @param {Estimate} a
 * @param {Estimate} b
 * @returns {{low: number, high: number} | null}
 */
export function differenceInterval(a, b) {
  const {low: aLow, high: aHigh} = a;
  const {low: bLow, high: bHigh} = b;
  if (!isNumber(a.value) || !isNumber(aLow) || !isNumber(aHigh) || !isNumber(b.value) || !isNumber(bLow) || !isNumber(bHigh)) return null;
  const d = a.value - b.value;
  return {low: d - Math.hypot(a.value - aLow, bHigh - b.value), high: d + Math.hypot(aHigh - a.value, b.value - bLow)};
}

/**
 * May a text say that `a` differs from `b`? See the rules at the top.
 * @param {Estimate} a
 * @param {Estimate} b
 * @returns {Comparison}
 */
export function compareEstimates(a, b) {
  const interval = differenceInterval(a, b);
  const counts = [a.count, b.count].filter(isNumber);
  const smallest = counts.length ? Math.min(...counts) : null;
  if (smallest !== null && smallest < MIN_COUNT) return {verdict: "small", count: smallest, interval};
  if (!interval) return {verdict: "unknown", count: smallest, interval: null};
  return {verdict: interval.low > 0 || interval.high < 0 ? "different" : "similar", count: smallest, interval};
}

/**
 * SQL: whether the value of row alias `a` is clearly above that of `b` (the
 * MOVER interval of a − b lies above 0), from the columns value, ci_low and
 * ci_high; the same formula as differenceInterval.
 * @param {string} a
 * @param {string} b
 * @returns {string}
 */
export function clearlyAboveSql(a, b) {
  return `(${a}.value - ${b}.value) - sqrt(pow(${a}.value - ${a}.ci_low, 2) + pow(${b}.ci_high - ${b}.value, 2)) > 0`;
}

/**
 * A place as text: "plats 46 av 277", and as a range where the intervals
 * leave it open, "plats 12–85 av 290".
 * @param {{rank?: number | null, rank_low?: number | null, rank_high?: number | null, rank_n?: number | null}} row
 * @param {(n: number | null | undefined) => string} format
 * @returns {string}
 */
export function placeRange(row, format) {
  const span = rankSpan(row);
  const place = span ? `${format(span[0])}–${format(span[1])}` : format(row.rank);
  return `plats ${place} av ${format(row.rank_n)}`;
}

/**
 * The range of places a unit may hold, or null when its place is one number
 * (no interval, or every other unit clearly above or below it).
 * @param {{rank?: number | null, rank_low?: number | null, rank_high?: number | null}} row
 * @returns {[number, number] | null}
 */
export function rankSpan(row) {
  return isNumber(row.rank_low) && isNumber(row.rank_high) && row.rank_low < row.rank_high ? [row.rank_low, row.rank_high] : null;
}

/**
 * The 95 % interval of a value: "2,2–12,9" (one decimal at least, so a count's
 * interval shows where between whole numbers it lies); "" without one.
 * @param {{value?: number | null, ci_low?: number | null, ci_high?: number | null}} row
 * @param {{measure: string}} indicator
 * @returns {string}
 */
export function intervalText(row, indicator) {
  if (!isNumber(row.value) || !isNumber(row.ci_low) || !isNumber(row.ci_high)) return "";
  const decimals = Math.max(1, measureSpec(indicator.measure).decimals);
  return `${formatNumber(row.ci_low, {decimals})}–${formatNumber(row.ci_high, {decimals})}`;
}

/**
 * The caution on a value that rests on few children: "litet underlag (6 barn)"; "" otherwise.
 * @param {{value?: number | null, numerator?: number | null, ci_low?: number | null, ci_high?: number | null}} row
 * @param {{measure: string}} indicator
 * @returns {string}
 */
export function cautionText(row, indicator) {
  const count = smallCount(row, indicator.measure);
  return count === null ? "" : `litet underlag (${formatNumber(count)} barn)`;
}

/**
 * The count of children behind a value when it is below MIN_COUNT, else null.
 * @param {{value?: number | null, numerator?: number | null, ci_low?: number | null, ci_high?: number | null}} row
 * @param {string} measure
 * @returns {number | null}
 */
export function smallCount(row, measure) {
  if (!isNumber(row.value)) return null;
  const count = countBehind(row, measure);
  return count !== null && count < MIN_COUNT ? count : null;
}
