// @ts-check
// Questions about measures and statuses, answered from the one vocabulary
// (src/lib/schema.js, published from loaders/schema/vocabulary.ts), so that no
// module keeps its own list of which measures are shares or what a status says.
import {AREA_CODES, MEASURES, STATUSES} from "./schema.js";

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

/**
 * A unit's value is its own yes/no answer (100 or 0): the measure is an answer,
 * and the unit answers the survey itself (`survey_unit` where the row has it,
 * else its kind: a kommun or a stadsdel, not a storstad answering through its
 * stadsdelar, a län or riket).
 * @param {string} measure
 * @param {{kind?: string, survey_unit?: boolean}} unit
 */
export const isOwnAnswer = (measure, unit) => isAnswer(measure) && (unit.survey_unit ?? (unit.kind === "kommun" || unit.kind === "stadsdel"));

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

const AREA_SHAPES = [AREA_CODES.län, AREA_CODES.kommun, AREA_CODES.stadsdel].map((shape) => new RegExp(shape));

/** Whether a text has the shape of an area code: riket "00", län "01", kommun "0180", stadsdel "0180-01". @param {string} code */
export const isAreaCode = (code) => code === AREA_CODES.riket || AREA_SHAPES.some((shape) => shape.test(code));
