// @ts-check
// Swedish narrative helpers: numbers as a journalist writes them. Every rule is
// explicit (tolerances in percentage points, rounding to nearest with halves
// away from zero) and covered by test/src/lib/narrative.test.ts, so a
// sentence changes exactly when the data does.
import {formatNumber} from "./format.js";

/**
 * Rounds to `decimals`, halves away from zero (49.5 → 50), free of binary noise (24.45 → 24.5).
 * @param {number} value
 * @param {number} [decimals]
 * @returns {number}
 */
export function round(value, decimals = 0) {
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  const rounded = Math.round(Number(scaled.toPrecision(12))) / factor;
  return Math.sign(value) * rounded;
}

/**
 * "95 procent", "24,5 procent" (one decimal only when asked for and not ,0).
 * @param {number} value
 * @param {{decimals?: number}} [options]
 * @returns {string}
 */
export function percentText(value, {decimals = 0} = {}) {
  const r = round(value, decimals);
  return `${formatNumber(r, {decimals, trim: true})} procent`;
}

const SMALL = ["noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"];
/**
 * Integers 0–12 in words ("ett" when counting things of neuter gender), others as digits.
 * @param {number} n
 * @param {{neuter?: boolean}} [options]
 * @returns {string}
 */
export function numberWord(n, {neuter = false} = {}) {
  const word = Number.isInteger(n) ? SMALL[n] : undefined;
  if (word !== undefined) return n === 1 && neuter ? "ett" : word;
  return formatNumber(n);
}

/** Fractions journalists use, in order of preference when two are equally near. */
export const FRACTIONS = [
  {share: 50, words: "hälften"},
  {share: 25, words: "var fjärde"},
  {share: 75, words: "tre av fyra"},
  {share: 100 / 3, words: "var tredje"},
  {share: 200 / 3, words: "två av tre"},
  {share: 20, words: "var femte"},
  {share: 80, words: "fyra av fem"},
  {share: 10, words: "var tionde"},
  {share: 90, words: "nio av tio"},
  {share: 40, words: "två av fem"},
  {share: 60, words: "tre av fem"}
];
/** Within this many percentage points of a fraction, the fraction is the words ("53 procent" is "hälften"). */
export const SHARE_EXACT_TOLERANCE = 3;
/** Further out, up to this, the words take "drygt" or "knappt" ("56 procent": "drygt hälften"). */
export const SHARE_APPROX_TOLERANCE = 6;

/**
 * A share in percent as words: 80 → "fyra av fem", 50 → "hälften",
 * 56 → "drygt hälften", 100 → "samtliga", 98 → "nästan alla", 0 → "ingen".
 * Returns null when no fraction is near enough: write the percent instead.
 * @param {number | null | undefined} percent
 * @returns {string | null}
 */
export function shareInWords(percent) {
  if (percent === null || percent === undefined || Number.isNaN(percent)) return null;
  const p = round(percent, 0);
  if (p >= 100) return percent >= 100 ? "samtliga" : "nästan alla";
  if (p <= 0) return percent <= 0 ? "ingen" : "nästan ingen";
  if (p >= 97) return "nästan alla";
  // The nearest fraction within the exact tolerance; failing that, the most
  // familiar one (FRACTIONS order) within reach, qualified.
  /** @type {{share: number, words: string, distance: number} | null} */
  let best = null;
  for (const f of FRACTIONS) {
    const distance = Math.abs(p - f.share);
    if (distance <= SHARE_EXACT_TOLERANCE && (!best || distance < best.distance - 1e-9)) best = {...f, distance};
  }
  if (best) return best.words;
  const near = FRACTIONS.find((f) => Math.abs(p - f.share) <= SHARE_APPROX_TOLERANCE);
  if (!near) return null;
  return `${p > near.share ? "drygt" : "knappt"} ${near.words}`;
}

/** Tolerance for a whole ratio ("två gånger så många") and the reach of "nästan"/"drygt". */
export const RATIO_EXACT_TOLERANCE = 0.05;
export const RATIO_APPROX_TOLERANCE = 0.35;

/**
 * How many times as many: 2.82 → "nästan tre gånger så många", 3.0 → "tre gånger
 * så många", 2.0 → "dubbelt så många", 3.2 → "drygt tre gånger så många",
 * 1.0 → "lika många", 1.3 → "30 procent fler", 0.5 → "hälften så många".
 * Counts are "många"/"fler"/"färre"; a rate or a level is compared with
 * {noun: "högt", more: "högre", less: "lägre"}: "40 procent högre", "dubbelt så högt".
 * @param {number} ratio
 * @param {{noun?: string, more?: string, less?: string}} [options]
 * @returns {string | null}
 */
export function ratioInWords(ratio, {noun = "många", more = "fler", less = "färre"} = {}) {
  if (!Number.isFinite(ratio) || ratio < 0) return null;
  if (Math.abs(ratio - 1) <= RATIO_EXACT_TOLERANCE) return `lika ${noun}`;
  if (Math.abs(ratio - 0.5) <= RATIO_EXACT_TOLERANCE / 2) return `hälften så ${noun}`;
  if (ratio < 1.7) {
    const change = round((ratio - 1) * 100, 0);
    return change > 0 ? `${change} procent ${more}` : `${-change} procent ${less}`;
  }
  const n = Math.round(ratio);
  const distance = ratio - n;
  const times = n === 2 ? null : `${numberWord(n)} gånger så ${noun}`;
  const whole = times ?? `dubbelt så ${noun}`;
  if (Math.abs(distance) <= RATIO_EXACT_TOLERANCE) return whole;
  if (Math.abs(distance) <= RATIO_APPROX_TOLERANCE) return `${distance < 0 ? "nästan" : "drygt"} ${whole}`;
  return `${formatNumber(round(ratio, 1), {decimals: 1, trim: true})} gånger så ${noun}`;
}

/** Below this many percentage points a change is "oförändrat". */
export const CHANGE_TOLERANCE = 1;

/**
 * One step: "ökar", "minskar" or "oförändrat".
 * @param {number} from
 * @param {number} to
 * @param {{tolerance?: number}} [options]
 * @returns {"ökar" | "minskar" | "oförändrat"}
 */
export function changeInWords(from, to, {tolerance = CHANGE_TOLERANCE} = {}) {
  const d = to - from;
  if (Math.abs(d) < tolerance) return "oförändrat";
  return d > 0 ? "ökar" : "minskar";
}

/**
 * A whole series: "ökar" when every step rises (by at least `tolerance`),
 * "minskar" when every step falls, "oförändrat" when first and last are within
 * tolerance, otherwise "varierar". Null, undefined and NaN are skipped; null with fewer than two values.
 * @param {readonly (number | null | undefined)[]} values
 * @param {{tolerance?: number}} [options]
 * @returns {"ökar" | "minskar" | "oförändrat" | "varierar" | null}
 */
export function trendInWords(values, {tolerance = CHANGE_TOLERANCE} = {}) {
  const v = values.filter(/** @returns {x is number} */ (x) => x !== null && x !== undefined && !Number.isNaN(x));
  const first = v[0];
  const last = v[v.length - 1];
  if (first === undefined || last === undefined || v.length < 2) return null;
  const steps = v.slice(1).map((x, i) => x - /** @type {number} */ (v[i]));
  if (steps.every((s) => s >= tolerance)) return "ökar";
  if (steps.every((s) => s <= -tolerance)) return "minskar";
  if (Math.abs(last - first) < tolerance) return "oförändrat";
  return "varierar";
}

/**
 * First letter upper-case, for words that open a sentence.
 * @template {string | null | undefined} T
 * @param {T} text
 * @returns {T}
 */
export function capitalize(text) {
  return /** @type {T} */ (text ? text.charAt(0).toLocaleUpperCase("sv-SE") + text.slice(1) : text);
}
