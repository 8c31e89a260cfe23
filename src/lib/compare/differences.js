// @ts-check
// Two register values compared in words, by the rules of uncertainty.js: a
// unit against riket ("26 procent högre än i riket (7,2)", "ungefär som i
// riket"), a unit's first and last year, and two chosen units side by side in
// the comparison tool. A difference is named only where the data carry it;
// otherwise the text says that the basis is small, or that the difference may
// be chance. Tested in test/src/lib/compare/differences.test.ts and through
// the sentences of the unit pages.
import {formatNumber, formatValue} from "../format.js";
import {ratioInWords, round} from "../narrative.js";
import {compareEstimates, countBehind, estimateOf, smallCount} from "./uncertainty.js";

/** @typedef {import("../sql.js").Row} Row */
/** @typedef {import("./sentences.js").Point} Point */

/** A rate is higher or lower than another, never "more": "40 procent högre än", "lika högt som", "dubbelt så högt som". */
const LEVEL_WORDS = {noun: "högt", more: "högre", less: "lägre"};

/** How a rate compares: "26 procent högre än", "dubbelt så högt som". @param {number} value @param {number} reference */
function comparedWith(value, reference) {
  if (!(reference > 0)) return null;
  const words = ratioInWords(value / reference, LEVEL_WORDS);
  if (!words) return null;
  return /högre$|lägre$/.test(words) ? `${words} än` : `${words} som`;
}

/** "6 barn", "ett barn". @param {number} n */
export const children = (n) => (n === 1 ? "ett barn" : `${formatNumber(n)} barn`);

/**
 * How a register rate stands against riket's: "26 procent högre än i riket
 * (7,2)", "ungefär som i riket (7,2); skillnaden kan vara slumpmässig",
 * "underlaget är litet (6 barn), så skillnaden mot riket (7,2) kan vara
 * slumpmässig"; for a rate without a count behind it, that the difference
 * cannot be judged. `row` is a comparison row (value, numerator, ci_low,
 * ci_high, and riket_… beside them).
 * @param {Row} row @param {string} measure
 * @returns {{text: string, lead: string}} text, and what joins it to the value: ", ", "; " or " "
 */
export function againstRiket(row, measure) {
  const riket = formatValue(row.riket_value, measure);
  const reference = estimateOf({value: row.riket_value, ci_low: row.riket_ci_low, ci_high: row.riket_ci_high, numerator: row.riket_numerator}, measure);
  const {verdict, count} = compareEstimates(estimateOf(row, measure), reference);
  if (verdict === "small") return {lead: "; ", text: `underlaget är litet (${children(Number(count))}), så skillnaden mot riket (${riket}) kan vara slumpmässig`};
  if (verdict === "unknown") return {lead: " ", text: `(riket ${riket}); antalet barn bakom talen redovisas inte, så skillnaden kan inte bedömas`};
  const words = comparedWith(round(row.value, 1), round(row.riket_value, 1));
  // "ungefär som" whenever the difference may be chance; why, where the words would otherwise have named a difference.
  if (verdict === "similar") return {lead: ", ", text: `ungefär som i riket (${riket})${words && !/^lika/.test(words) ? "; skillnaden kan vara slumpmässig" : ""}`};
  return words ? {lead: ", ", text: `${words} i riket (${riket})`} : {lead: " ", text: `(riket ${riket})`};
}

/**
 * "2010–2016 ökade värdet (5,8 → 7,2)", unless the first and the last value
 * may not be said to differ: "2011–2016 gick värdet från 7,9 till 5,9;
 * underlaget är litet (8 barn 2011, 6 barn 2016)", "…; skillnaden kan vara
 * slumpmässig". Values without intervals (survey shares, Kolada rates) keep
 * the trend word.
 * @param {Point & {value: number}} first @param {Point & {value: number}} last @param {string} measure
 * @param {{noun: string, moved: string, from: string, to: string}} words
 */
export function changeText(first, last, measure, {noun, moved, from, to}) {
  const span = `${first.year}–${last.year}`;
  const {verdict} = compareEstimates(estimateOf(last, measure), estimateOf(first, measure));
  const went = `${span} gick ${noun} från ${from} till ${to}`;
  if (verdict === "small") {
    const counts = [first, last].flatMap((p) => {
      const count = countBehind(p, measure);
      return count === null ? [] : [`${children(count)} ${p.year}`];
    });
    return `${went}; underlaget är litet (${counts.join(", ")})`;
  }
  if (verdict === "similar") return `${went}; skillnaden kan vara slumpmässig`;
  return `${span} ${moved} (${from} → ${to})`;
}

/**
 * Two chosen units' register rates, for the comparison tool: "Värdet i
 * Vallentuna (6,4) är 40 procent högre än i Aneby (4,6).", or why that cannot
 * be said: "Aneby (5,9) och Vallentuna (6,4): underlaget i Aneby är litet (6
 * barn), så skillnaden kan vara slumpmässig." Null when either has no value.
 * @param {{label: string, row: Row}} a
 * @param {{label: string, row: Row}} b
 * @param {{measure: string}} indicator
 * @returns {string | null}
 */
export function pairSentence(a, b, {measure}) {
  if (a.row.status !== "ok" || b.row.status !== "ok") return null;
  const [va, vb] = [formatValue(a.row.value, measure), formatValue(b.row.value, measure)];
  const both = `${a.label} (${va}) och ${b.label} (${vb})`;
  const {verdict, count} = compareEstimates(estimateOf(a.row, measure), estimateOf(b.row, measure));
  if (verdict === "small") {
    const which = smallCount(a.row, measure) === count ? a.label : b.label;
    return `${both}: underlaget i ${which} är litet (${children(Number(count))}), så skillnaden kan vara slumpmässig.`;
  }
  if (verdict === "unknown") return `${both}: antalet barn bakom talen redovisas inte, så skillnaden kan inte bedömas.`;
  const words = comparedWith(round(a.row.value, 1), round(b.row.value, 1));
  if (verdict === "similar") return `${both}: ungefär lika höga${words && !/^lika/.test(words) ? "; skillnaden kan vara slumpmässig" : ""}.`;
  return words ? `Värdet i ${a.label} (${va}) är ${words} i ${b.label} (${vb}).` : `${both}.`;
}
