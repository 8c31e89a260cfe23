// @ts-check
// The short narrative at the top of a unit's report page ("I korthet"):
// participation in the survey, how the unit answered the latest survey, BBIC,
// its unusual answers and, for a kommun, the rate of children in out-of-home
// care. Each fact is said once. Tested in test/src/lib/compare/highlights.test.ts.
import {numberWord, round} from "../narrative.js";
import {indicatorSentence, listYears, subject, subjectMid} from "./sentences.js";

/** @typedef {import("../sql.js").Row} Row */
/** @typedef {import("./sentences.js").SentenceUnit} SentenceUnit */
/** @typedef {import("./sentences.js").IndicatorMeta} IndicatorMeta */
/** @typedef {import("./sentences.js").Survey} Survey */

/**
 * Survey participation over the years. surveys: [{year, answered, units}] where
 * units is 1 for a kommun or stadsdel, the number of stadsdelar for a storstad.
 * @param {import("./text.js").UnitName} unit
 * @param {readonly Survey[]} surveys
 * @returns {string | null}
 */
export function participationSentence(unit, surveys) {
  const list = [...surveys].sort((a, b) => a.year - b.year);
  const [first] = list;
  const last = list[list.length - 1];
  if (!first || !last) return null;
  const span = `${first.year}–${last.year}`;
  if (unit.kind === "storstad") {
    const partial = list.filter((s) => s.answered < s.units);
    if (partial.length === 0) return `Samtliga stadsdelar i ${unit.name} besvarade enkäten varje år ${span}.`;
    const counts = list.map((s) => s.answered);
    const [lo, hi] = [Math.min(...counts), Math.max(...counts)];
    const total = last.units;
    // "tolv av 14" mixes words and digits: words only when every number is twelve or less.
    const words = [lo, hi, total, last.answered, last.units].every((x) => x <= 12);
    /** @param {number} x */
    const f = (x) => (words ? numberWord(x) : String(x));
    const range = lo === hi ? `${f(lo)} av ${f(total)}` : `mellan ${f(lo)} och ${f(hi)} av ${f(total)}`;
    const lastText = last.answered === last.units ? "samtliga" : `${f(last.answered)} av ${f(last.units)}`;
    return `Varje år ${span} besvarade ${range} stadsdelar i ${unit.name} enkäten; ${last.year} svarade ${lastText}.`;
  }
  const missed = list.filter((s) => s.answered === 0).map((s) => s.year);
  const took = list.filter((s) => s.answered > 0).map((s) => s.year);
  const who = subject(unit);
  if (missed.length === 0) return `${who} besvarade enkäten alla ${numberWord(list.length, {neuter: true})} år ${span}.`;
  if (took.length === 0) return `${who} besvarade inte enkäten något år ${span}.`;
  // Name the shorter list: the years answered when they are fewer than those missed.
  if (took.length < missed.length) return `${who} besvarade enkäten ${listYears(took)} men inget annat år ${span}.`;
  return `${who} besvarade enkäten ${span} utom ${listYears(missed)}.`;
}

/** How far from an even split riket must be for a unit's answer to count as unusual. */
export const UNUSUAL_SHARE = 75;

/**
 * "högre än i riket för två, lägre för fem och lika hög för en": a storstad's
 * shares against riket's, leaving out what is none.
 * @param {number} above @param {number} below @param {number} equal
 */
function againstRiket(above, below, equal) {
  const parts = /** @type {[number, string, string][]} */ ([
    [above, "högre", "än"],
    [below, "lägre", "än"],
    [equal, "lika hög", "som"]
  ]).filter(([n]) => n > 0);
  const count = (/** @type {number} */ n) => (parts.length === 1 && n > 1 ? (n === 2 ? "båda" : `alla ${numberWord(n)}`) : numberWord(n));
  const texts = parts.map(([n, word, than], i) => (i === 0 ? `${word} ${than} i riket för ${count(n)}` : `${word} för ${count(n)}`));
  return texts.length > 1 ? `${texts.slice(0, -1).join(", ")} och ${texts[texts.length - 1]}` : texts.join("");
}

/**
 * The short narrative of a unit page, from its report (data/units/<kod>.json):
 * participation in the survey, how many of the latest survey's indicators the
 * unit answered yes to (for a storstad: how often its share is above riket's),
 * the BBIC sentence, answers that differ from at least UNUSUAL_SHARE percent of
 * all units, and for a kommun the rate of children in out-of-home care. A
 * sentence that would only repeat that the unit did not answer is left out.
 * @param {{unit: SentenceUnit & {kommungrupp_name?: string | null}, values: readonly Row[], indicators: readonly IndicatorMeta[], surveys: readonly Survey[]}} report
 * @returns {{id: string, text: string}[]}
 */
export function highlights(report) {
  const {unit, values, indicators, surveys} = report;
  const meta = new Map(indicators.map((d) => [d.id, d]));
  /** @type {{id: string, text: string}[]} */
  const out = [];
  const participation = participationSentence(unit, surveys);
  if (participation) out.push({id: "svarsfrekvens", text: participation});

  const surveyYear = Math.max(...values.filter((v) => meta.get(v.id)?.source === "enkät").map((v) => v.year));
  const latest = values.filter((v) => meta.get(v.id)?.measure === "share_yes" && v.year === surveyYear);
  const answered = latest.filter((v) => v.status === "ok");
  if (answered.length > 0) {
    if (unit.kind === "storstad") {
      const compared = answered.filter((v) => v.riket_status === "ok");
      const above = compared.filter((v) => round(v.value, 0) > round(v.riket_value, 0)).length;
      const below = compared.filter((v) => round(v.value, 0) < round(v.riket_value, 0)).length;
      out.push({
        id: "sammanfattning",
        text: `Av ${numberWord(latest.length)} enkätindikatorer ${surveyYear} är andelen stadsdelar i ${unit.name} som svarat ja ${againstRiket(above, below, compared.length - above - below)}.`
      });
    } else {
      const yes = answered.filter((v) => v.value >= 50).length;
      out.push({id: "sammanfattning", text: `Av ${numberWord(latest.length)} enkätindikatorer ${surveyYear} svarade ${subjectMid(unit)} ja på ${numberWord(yes)}.`});
    }
  }

  /** @param {Row} v */
  const sentenceFor = (v) =>
    indicatorSentence(v, unit, /** @type {IndicatorMeta} */ (meta.get(v.id)), {groupName: unit.kommungrupp_name, parts: v.stadsdelar, latestYear: surveyYear});
  const bbic = values.find((v) => v.id === "bbic_ordinarie_licens");
  // A unit that did not answer: the participation sentence has already said so.
  if (bbic && meta.get("bbic_ordinarie_licens") && bbic.status !== "no_answer") out.push({id: bbic.id, text: sentenceFor(bbic)});

  if (unit.kind !== "storstad") {
    const unusual = latest
      .filter((v) => v.id !== "bbic_ordinarie_licens" && v.status === "ok" && v.riket_status === "ok")
      .filter((v) => (v.value >= 50 ? 100 - v.riket_value : v.riket_value) >= UNUSUAL_SHARE)
      .sort((a, b) => Math.abs(b.riket_value - 50) - Math.abs(a.riket_value - 50) || a.id.localeCompare(b.id))
      .slice(0, 3);
    for (const v of unusual) out.push({id: v.id, text: sentenceFor(v)});
  }

  const care = values.find((v) => v.id === "heldygnsinsats_per_1000");
  if (care && unit.kind !== "stadsdel" && meta.get(care.id)) out.push({id: care.id, text: sentenceFor(care)});
  return out;
}
