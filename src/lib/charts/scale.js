// @ts-check
// The value scale of a chart, decided once from the measure and the values:
// its domain, its ticks and their labels as they will be printed. Charts size
// their margins from these labels (labels.js), so an axis never cuts a label.
import {formatNumber} from "../format.js";
import {measureSpec} from "../vocabulary.js";

/**
 * @typedef {object} ValueScale
 * @property {[number, number]} domain
 * @property {number[]} ticks
 * @property {(value: number) => string} tickFormat the label printed at a tick
 * @property {string[]} labels the printed tick labels, in order
 * @property {string | null} label the axis label from the vocabulary ("procent", "antal", "per 1 000")
 */

/**
 * The scale for `values` of `measure`: shares on 0–100, anything else from
 * zero (or the lowest value, if negative) to a round number above the highest;
 * about `count` ticks, labelled with the decimals their step needs.
 * @param {string} measure
 * @param {Iterable<number | null | undefined>} values
 * @param {{count?: number}} [options]
 * @returns {ValueScale}
 */
export function valueScale(measure, values, {count = 5} = {}) {
  const spec = measureSpec(measure);
  const known = [...values].filter((v) => v !== null && v !== undefined && Number.isFinite(v)).map(Number);
  let domain = spec.share ? /** @type {[number, number]} */ ([0, 100]) : nice(extent(known), count);
  let step = tickStep(domain, count);
  // A count has no fractions to mark: its ticks fall on whole numbers.
  if (spec.integer && step < 1) {
    step = 1;
    domain = [Math.floor(domain[0]), Math.ceil(domain[1])];
  }
  const ticks = ticksOf(domain, step);
  const decimals = step >= 1 ? 0 : Math.ceil(-Math.log10(step) - 1e-9);
  /** @param {number} value */
  const tickFormat = (value) => formatNumber(value, {decimals});
  return {domain, ticks, tickFormat, labels: ticks.map(tickFormat), label: spec.axis};
}

/** @param {number[]} known @returns {[number, number]} */
function extent(known) {
  if (known.length === 0) return [0, 1];
  const lo = Math.min(0, ...known);
  const hi = Math.max(...known);
  return hi > lo ? [lo, hi] : [lo, lo + 1];
}

// The tick rule of d3-array (steps of 1, 2 or 5 times a power of ten, about
// `count` of them), written out here because src/lib stays free of untyped packages.

/** @param {[number, number]} domain @param {number} count @returns {number} */
function tickStep([lo, hi], count) {
  const raw = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  return power * (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1);
}

/** The domain widened to whole steps, until the step no longer changes. @param {[number, number]} domain @param {number} count @returns {[number, number]} */
function nice([lo, hi], count) {
  let previous = 0;
  for (let i = 0; i < 10; i++) {
    const step = tickStep([lo, hi], count);
    if (step === previous) break;
    [lo, hi] = [Math.floor(lo / step) * step, Math.ceil(hi / step) * step];
    previous = step;
  }
  return [lo, hi];
}

/** Multiples of `step` within the domain, computed by division so that 0.1 + 0.2 never shows. @param {[number, number]} domain @param {number} step @returns {number[]} */
function ticksOf([lo, hi], step) {
  const inverse = step < 1 ? Math.round(1 / step) : 0;
  const [first, last] = inverse ? [Math.ceil(lo * inverse), Math.floor(hi * inverse)] : [Math.ceil(lo / step), Math.floor(hi / step)];
  return Array.from({length: Math.max(0, last - first + 1)}, (_, i) => (inverse ? (first + i) / inverse : (first + i) * step));
}
