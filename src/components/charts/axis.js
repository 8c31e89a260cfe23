// @ts-check
// Axes whose room comes from their labels. A value scale (src/lib/charts/scale.js)
// knows its printed tick labels; these helpers turn it into Plot scale options
// and into margins wide enough for those labels, so no axis cuts a digit.
import {textWidth} from "../../lib/charts/labels.js";

/** Plot's axis defaults: tick length and the gap between tick and label (px), label size. */
const TICK_SIZE = 6;
const TICK_PADDING = 3;
const FONT_SIZE = 10;

/** @typedef {import("../../lib/charts/scale.js").ValueScale} ValueScale */

/**
 * Plot options for a value scale: its domain, exactly its ticks and labels.
 * @param {ValueScale} scale
 * @param {Record<string, unknown>} [extra] further Plot scale options (grid, axis, label …)
 * @returns {Record<string, unknown>}
 */
export function scaleOptions(scale, extra = {}) {
  return {domain: scale.domain, ticks: scale.ticks, tickFormat: scale.tickFormat, label: scale.label, ...extra};
}

/**
 * The left margin a vertical axis needs for these tick labels (px).
 * @param {string[]} labels
 * @returns {number}
 */
export function verticalAxisMargin(labels) {
  return Math.ceil(TICK_SIZE + TICK_PADDING + Math.max(0, ...labels.map((label) => textWidth(label, {fontSize: FONT_SIZE}))) + 2);
}

/**
 * The room a horizontal axis needs beyond the frame on each side: half its
 * first and last tick labels, which are centred on the frame's edges (px).
 * @param {ValueScale} scale
 * @returns {[number, number]}
 */
export function horizontalAxisOverhang(scale) {
  const half = (/** @type {string | undefined} */ label) => (label === undefined ? 0 : Math.ceil(textWidth(label, {fontSize: FONT_SIZE}) / 2) + 1);
  const first = scale.ticks[0] === scale.domain[0] ? scale.labels[0] : undefined;
  const last = scale.ticks.at(-1) === scale.domain[1] ? scale.labels.at(-1) : undefined;
  return [half(first), half(last)];
}

/**
 * About how many ticks fit along `length` pixels with `spacing` pixels each (at least two).
 * @param {number} length
 * @param {number} spacing
 * @returns {number}
 */
export function tickCount(length, spacing) {
  return Math.max(2, Math.floor(length / spacing));
}
