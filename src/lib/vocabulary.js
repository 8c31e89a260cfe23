// Questions about measures and statuses, answered from the one vocabulary
// (src/lib/schema.js, published from loaders/schema/vocabulary.ts), so that no
// module keeps its own list of which measures are shares or what a status says.
import {MEASURES, STATUSES} from "./schema.js";

/**
 * The declaration of a measure; an unknown measure reads as a plain number (count-like, no range).
 * @param {string} measure
 * @returns {{unit: string, axis: string | null, share: boolean, answer: boolean, decimals: number, min: number, max: number | null, integer: boolean}}
 */
export function measureSpec(measure) {
  return MEASURES[/** @type {keyof typeof MEASURES} */ (measure)] ?? {unit: "", axis: null, share: false, answer: false, decimals: 0, min: -Infinity, max: null, integer: false};
}

/** A share in percent, drawn on a 0–100 scale (share_yes, response_rate, percent). @param {string} measure */
export const isShare = (measure) => measureSpec(measure).share;

/** A survey unit's own value is its answer, 100 or 0 (share_yes, response_rate). @param {string} measure */
export const isAnswer = (measure) => measureSpec(measure).answer;

/** Swedish text for a status that is not "ok" ("uppgift saknas" for an unknown one). @param {string | null | undefined} status */
export function statusText(status) {
  return STATUSES[/** @type {keyof typeof STATUSES} */ (status)]?.text ?? STATUSES.missing.text;
}

/** The marker a published file shows in place of a value of this status. @param {string} status */
export function markerOf(status) {
  const spec = STATUSES[/** @type {keyof typeof STATUSES} */ (status)];
  if (!spec || !spec.marker) throw new Error(`no marker for status "${status}" (expected one of ${Object.keys(STATUSES).filter((s) => STATUSES[/** @type {keyof typeof STATUSES} */ (s)].marker).join(", ")})`);
  return spec.marker;
}
