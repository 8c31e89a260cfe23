// @ts-check
// Generated sentences for a unit's report page: how a kommun, storstad or
// stadsdel stands against riket, its kommungrupp and its län, written from the
// comparison rows with the narrative helpers. Every rule is here and tested in
// test/compare/sentences.test.ts; the wording never hides a missing value.
import {formatValue} from "../format.js";
import {capitalize, numberWord, percentText, ratioInWords, round, trendInWords} from "../narrative.js";
import {statusText} from "./text.js";
import {isAnswer} from "../vocabulary.js";

/** @typedef {import("../sql.js").Row} Row */
/** @typedef {import("./text.js").UnitName & {stadsdelar: number}} SentenceUnit A unit row (loadUnits or a unit page's report). */
/** @typedef {{id: string, short_title: string, description?: string | null, source?: string, measure: string}} IndicatorMeta */
/** @typedef {{year: number, value: number | null, status: string | null, group_id?: string | null}} Point */
/** @typedef {{year: number, answered: number, units: number}} Survey */

// Shorter, year-aware wording where the indicator's description is too long for
// a sentence. Everything else is derived from the description (see predicate()).
/** @type {Record<string, (year?: number) => string>} */
const PREDICATES = {
  bbic_ordinarie_licens: () => "har ordinarie BBIC-licens",
  samverkan_bup: (year) =>
    year !== undefined && year <= 2015 ? "har en aktuell rutin för samverkan med barn- och ungdomspsykiatrin (BUP)" : "har en överenskommelse om samverkan med barn- och ungdomspsykiatrin (BUP)",
  samverkan_bhv: () => "har en aktuell rutin för samverkan med barnhälsovården (BHV)"
};

const SHARE_PREFIX = /^Andel (?:av de )?kommuner och stadsdelar som /;

/**
 * What a unit that answered yes does, as a verb phrase: from the description
 * "Andel kommuner och stadsdelar som har en rutin för …, …" → "har en rutin för …".
 * The phrase ends at the first comma or full stop outside parentheses.
 * @param {IndicatorMeta} indicator
 * @param {number} [year]
 * @returns {string}
 */
export function predicate(indicator, year) {
  const own = PREDICATES[indicator.id];
  if (own) return own(year);
  const description = String(indicator.description ?? "");
  if (!SHARE_PREFIX.test(description)) return `har svarat ja om ${indicator.short_title.toLocaleLowerCase("sv-SE")}`;
  const rest = description.replace(SHARE_PREFIX, "");
  let depth = 0;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (depth === 0 && (c === "," || (c === "." && (i === rest.length - 1 || rest[i + 1] === " ")))) return rest.slice(0, i);
  }
  return rest;
}

/**
 * "har X" → "har inte X"; "följer upp X" → "följer inte upp X": inte goes after the finite verb.
 * @param {string} phrase
 * @returns {string}
 */
export function negate(phrase) {
  const [verb, ...rest] = phrase.split(" ");
  return [verb, "inte", ...rest].join(" ");
}

/** The pro-verb that stands in for the phrase: "det har 98 procent", "det gör 98 procent". @param {string} phrase */
function proVerb(phrase) {
  return phrase.split(" ")[0] === "har" ? "har" : "gör";
}

const LANDET = "av landets kommuner och stadsdelar";

/**
 * The subject of a sentence about the unit, sentence-initial.
 * @param {import("./text.js").UnitName} unit
 * @returns {string}
 */
export function subject(unit) {
  return unit.kind === "stadsdel" ? `Stadsdelen ${unit.name} i ${unit.kommun_name}` : unit.name;
}

/** A share as text: "98 procent" (whole percent; one decimal below 1 so 0,4 is not "0 procent"). @param {number} value */
function pct(value) {
  return percentText(value, {decimals: value > 0 && value < 1 ? 1 : 0});
}

/**
 * One sentence about one indicator for one unit. `row` is a row of
 * comparison() (value, status, numerator, denominator, rank, group and riket
 * values); `unit` a row of loadUnits(); `indicator` the metadata row;
 * `groupName` the kommungrupp's name.
 * @param {Row} row
 * @param {SentenceUnit} unit
 * @param {IndicatorMeta} indicator
 * @param {{groupName?: string | null}} [options]
 * @returns {string}
 */
export function indicatorSentence(row, unit, indicator, {groupName} = {}) {
  const year = row.year;
  const who = subject(unit);
  if (row.status !== "ok") {
    if (row.status === "no_answer") {
      if (unit.kind === "storstad") return `Ingen av stadsdelarna i ${unit.name} besvarade enkäten ${year}.`;
      return `${who} besvarade inte enkäten ${year}.`;
    }
    if (row.status === "missing" && indicator.source === "enkät") return `${who} lämnade frågan obesvarad ${year}.`;
    if (row.status === "suppressed") return `${indicator.short_title}, ${year}: uppgiften för ${unit.name} är skyddad av sekretess eftersom antalet är litet.`;
    const reason = statusText(row.status ?? null, {year, kind: unit.kind});
    return `${indicator.short_title}, ${year}: ${reason}${unit.kind === "stadsdel" && row.status == null ? `; se ${unit.kommun_name}` : ""}.`;
  }
  if (indicator.measure === "response_rate") return responseSentence(row, unit);
  if (indicator.measure === "share_yes") return shareSentence(row, unit, indicator);
  return registerSentence(row, unit, indicator, {groupName});
}

/** @param {Row} row @param {SentenceUnit} unit @param {IndicatorMeta} indicator */
function shareSentence(row, unit, indicator) {
  const phrase = predicate(indicator, row.year);
  const riket = row.riket_status === "ok" ? row.riket_value : null;
  if (unit.kind === "storstad") {
    // The storstad's value is the share of its stadsdelar: say how many.
    const yes = row.numerator;
    const answered = row.denominator;
    const silent = unit.stadsdelar - answered;
    // "tolv av 14" mixes words and digits: words only when every count is twelve or less.
    const words = [yes, answered, unit.stadsdelar].every((x) => x <= 12);
    /** @param {number} x */
    const f = (x) => (words ? numberWord(x) : String(x));
    const some = answered < unit.stadsdelar ? " som svarade" : "";
    const aside = silent > 0 ? ` (${f(silent)} ${silent === 1 ? "stadsdel" : "stadsdelar"} svarade inte)` : "";
    if (yes === answered) {
      const all = some ? `Alla ${f(answered)} stadsdelar i ${unit.name}${some}` : `Samtliga ${f(answered)} stadsdelar i ${unit.name}`;
      return `${all} ${phrase}${aside}${riket === null ? "" : `, liksom ${pct(riket)} ${LANDET}`}.`;
    }
    if (yes === 0) {
      return `Ingen av de ${f(answered)} stadsdelarna i ${unit.name}${some} ${phrase}${aside}${riket === null ? "" : `; det ${proVerb(phrase)} ${pct(riket)} ${LANDET}`}.`;
    }
    const [verb, ...rest] = phrase.split(" ");
    return `I ${unit.name} ${verb} ${f(yes)} av ${f(answered)} stadsdelar${some} ${rest.join(" ")} (${pct(row.value)})${aside}${
      riket === null ? "" : `; i landet som helhet är andelen ${pct(riket)}`
    }.`;
  }
  const yes = row.value >= 50;
  const said = `${subject(unit)} ${yes ? phrase : negate(phrase)}`;
  if (riket === null) return `${said}.`;
  // "liksom" when most units answered as this one did, otherwise how many did what it did not.
  if (yes === riket >= 50) return `${said}, liksom ${pct(yes ? riket : 100 - riket)} ${LANDET}.`;
  return `${said}; det ${proVerb(phrase)} ${pct(riket)} ${LANDET}.`;
}

/** @param {Row} row @param {SentenceUnit} unit */
function responseSentence(row, unit) {
  const year = row.year;
  const riket = row.riket_status === "ok" ? ` ${pct(row.riket_value)} av de kommuner och stadsdelar som fick den` : null;
  if (unit.kind === "storstad") {
    return `${capitalize(numberWord(row.numerator))} av ${numberWord(row.denominator)} stadsdelar i ${unit.name} besvarade enkäten ${year}${riket ? `; i hela landet svarade${riket}` : ""}.`;
  }
  const who = subject(unit);
  if (row.value >= 50) return `${who} besvarade enkäten ${year}${riket ? `, liksom${riket}` : ""}.`;
  return `${who} besvarade inte enkäten ${year}${riket ? `; det gjorde${riket}` : ""}.`;
}

/** "lika många som", "26 procent fler än", "dubbelt så många som" + the comparison. @param {number} value @param {number} reference */
function comparedWith(value, reference) {
  if (!(reference > 0)) return null;
  const words = ratioInWords(value / reference);
  if (!words) return null;
  return /fler$|färre$/.test(words) ? `${words} än` : `${words} som`;
}

/**
 * "det högsta", "det näst högsta", "det 12:e högsta", "det lägsta".
 * @param {number} rank
 * @param {number} n
 * @returns {string}
 */
export function rankWords(rank, n) {
  if (rank === 1) return "det högsta";
  if (rank === n) return "det lägsta";
  if (rank === 2) return "det näst högsta";
  if (rank === n - 1) return "det näst lägsta";
  return rank <= n / 2 ? `det ${rank}:e högsta` : `det ${n - rank + 1}:e lägsta`;
}

/** @param {Row} row @param {SentenceUnit} unit @param {IndicatorMeta} indicator @param {{groupName?: string | null}} options */
function registerSentence(row, unit, indicator, {groupName}) {
  const value = formatValue(row.value, indicator.measure);
  const parts = [`${indicator.short_title}, ${row.year}: ${value} i ${unit.name}`];
  if (indicator.measure === "rate_per_1000" && row.riket_status === "ok") {
    const words = comparedWith(round(row.value, 1), round(row.riket_value, 1));
    if (words) parts[0] += `, ${words} i riket (${formatValue(row.riket_value, indicator.measure)})`;
  }
  let sentence = `${parts[0]}.`;
  if (row.group_value !== null && row.group_value !== undefined) {
    sentence += ` Medianen i kommungruppen${groupName ? ` ${groupName}` : ""} är ${formatValue(row.group_value, indicator.measure)}.`;
  }
  if (row.rank && row.rank_n) {
    const tie = row.ties > 1 ? ` (delat med ${numberWord(row.ties - 1)} ${row.ties - 1 === 1 ? "annan" : "andra"})` : "";
    sentence += ` ${unit.name} har ${rankWords(row.rank, row.rank_n)} värdet av ${row.rank_n} kommuner med uppgift${tie}.`;
  }
  return sentence;
}

/**
 * How a series moved within its latest comparability group that has at least
 * two values: "2010–2016 ökar värdet (5,8 → 7,2)." When a break follows that
 * group, the verb is in the past and the sentence says the series was cut:
 * "2010–2015 ökade andelen (16,7 % → 91,7 %); 2016 ändrades frågan och värdena
 * kan inte jämföras." points: [{year, value, status, group_id}]. Null when no
 * group has two values, or when the values are a single unit's yes/no answers
 * (0 or 100), for which a trend word says nothing.
 * @param {readonly Point[]} points
 * @param {IndicatorMeta} indicator
 * @param {{binary?: boolean}} [options]
 * @returns {string | null}
 */
export function trendSentence(points, indicator, {binary = false} = {}) {
  if (binary) return null;
  const withValue = points
    .filter(/** @returns {d is Point & {value: number}} */ (d) => d.status === "ok" && d.value !== null && d.value !== undefined)
    .sort((a, b) => a.year - b.year);
  const groups = [...new Set(points.map((d) => d.group_id ?? null))];
  for (let g = groups.length - 1; g >= 0; g--) {
    const series = withValue.filter((d) => (d.group_id ?? null) === groups[g]);
    if (series.length < 2) continue;
    const tolerance = indicator.measure === "rate_per_1000" ? 0.5 : 1;
    const words = direction(series.map((d) => d.value), tolerance);
    if (!words) return null;
    const first = /** @type {Point & {value: number}} */ (series[0]);
    const last = /** @type {Point & {value: number}} */ (series[series.length - 1]);
    const share = isAnswer(indicator.measure);
    const noun = share ? "andelen" : indicator.measure === "count" ? "antalet" : "värdet";
    const past = g < groups.length - 1;
    // Verb second: "2010–2016 ökar värdet", "2010–2016 är andelen i stort sett oförändrad"
    // ("andelen" is common gender, "antalet" and "värdet" neuter).
    const clause =
      words === "oförändrat"
        ? `${past ? "var" : "är"} ${noun} i stort sett ${share ? "oförändrad" : "oförändrat"}`
        : `${{ökar: past ? "ökade" : "ökar", minskar: past ? "minskade" : "minskar", varierar: past ? "varierade" : "varierar"}[words]} ${noun}`;
    const text = `${first.year}–${last.year} ${clause} (${formatValue(first.value, indicator.measure)} → ${formatValue(last.value, indicator.measure)})`;
    if (!past) return `${text}.`;
    const breakYear = Math.min(...points.filter((d) => (d.group_id ?? null) === groups[g + 1]).map((d) => d.year));
    return `${text}; ${breakYear} ändrades frågan och senare värden kan inte jämföras med dessa.`;
  }
  return null;
}

/**
 * trendInWords, except that a series which never falls (or never rises) by a
 * noticeable step is "ökar" ("minskar") when it moved overall: 20, 20, 40, 70,
 * 70, 70 rose, it did not vary.
 * @param {number[]} values
 * @param {number} tolerance
 */
function direction(values, tolerance) {
  const steps = values.slice(1).map((v, i) => v - /** @type {number} */ (values[i]));
  const net = /** @type {number} */ (values[values.length - 1]) - /** @type {number} */ (values[0]);
  if (steps.length && steps.every((d) => d > -tolerance) && net >= tolerance) return "ökar";
  if (steps.length && steps.every((d) => d < tolerance) && net <= -tolerance) return "minskar";
  return trendInWords(values, {tolerance});
}

/**
 * "2012", "2012 och 2014", "2010, 2012 och 2014".
 * @param {readonly number[]} years
 * @returns {string}
 */
export function listYears(years) {
  if (years.length <= 1) return years.join("");
  return `${years.slice(0, -1).join(", ")} och ${years[years.length - 1]}`;
}

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
  const who = subject(unit);
  if (missed.length === 0) return `${who} besvarade enkäten alla ${numberWord(list.length, {neuter: true})} år ${span}.`;
  if (missed.length === list.length) return `${who} besvarade inte enkäten något år ${span}.`;
  return `${who} besvarade enkäten ${span} utom ${listYears(missed)}.`;
}

/** The unit mid-sentence: "Vallentuna", "stadsdelen Angered". @param {import("./text.js").UnitName} unit */
function subjectMid(unit) {
  return unit.kind === "stadsdel" ? `stadsdelen ${unit.name}` : unit.name;
}

/** How far from an even split riket must be for a unit's answer to count as unusual. */
export const UNUSUAL_SHARE = 75;

/**
 * The short narrative of a unit page, from its report (data/units/<kod>.json):
 * participation in the survey, how many of the latest survey's indicators the
 * unit answered yes to (for a storstad: how often its share is above riket's),
 * the BBIC sentence, answers that differ from at least UNUSUAL_SHARE percent of
 * all units, and for a kommun the rate of children in out-of-home care.
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
      const above = answered.filter((v) => v.riket_status === "ok" && round(v.value, 0) > round(v.riket_value, 0)).length;
      const below = answered.filter((v) => v.riket_status === "ok" && round(v.value, 0) < round(v.riket_value, 0)).length;
      out.push({
        id: "sammanfattning",
        text: `Av ${numberWord(latest.length)} enkätindikatorer ${surveyYear} är andelen stadsdelar i ${unit.name} som svarat ja högre än i riket för ${numberWord(above)} och lägre för ${numberWord(below)}.`
      });
    } else {
      const yes = answered.filter((v) => v.value >= 50).length;
      out.push({id: "sammanfattning", text: `Av ${numberWord(latest.length)} enkätindikatorer ${surveyYear} svarade ${subjectMid(unit)} ja på ${numberWord(yes)}.`});
    }
  }

  /** @param {Row} v */
  const sentenceFor = (v) => indicatorSentence({...v, year: v.year}, unit, /** @type {IndicatorMeta} */ (meta.get(v.id)), {groupName: unit.kommungrupp_name});
  const bbic = values.find((v) => v.id === "bbic_ordinarie_licens");
  if (bbic && meta.get("bbic_ordinarie_licens")) out.push({id: bbic.id, text: sentenceFor(bbic)});

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
