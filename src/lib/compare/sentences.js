// @ts-check
// Generated sentences for a unit's report page: how a kommun, storstad or
// stadsdel stands against riket, its kommungrupp and its län, and how its
// values moved, written from the comparison rows with the narrative helpers.
// Every rule is here and tested in test/src/lib/compare/sentences.test.ts; the
// wording never hides a missing value, never dates a value it does not name the
// year of, and compares rates, not the counts of units of different size.
import {formatValue} from "../format.js";
import {capitalize, numberWord, percentText, ratioInWords, round, trendInWords} from "../narrative.js";
import {statusText} from "./text.js";
import {isAnswer} from "../vocabulary.js";
import {negate, pastTense, predicate, proVerb} from "./verbs.js";

/** @typedef {import("../sql.js").Row} Row */
/** @typedef {import("./text.js").UnitName & {stadsdelar: number}} SentenceUnit A unit row (loadUnits or a unit page's report). */
/** @typedef {{id: string, short_title: string, description?: string | null, source?: string, measure: string}} IndicatorMeta */
/** @typedef {{year: number, value: number | null, status: string | null, group_id?: string | null}} Point */
/** @typedef {{year: number, answered: number, units: number}} Survey */

const LANDET = "av landets kommuner och stadsdelar";

/**
 * The subject of a sentence about the unit, sentence-initial.
 * @param {import("./text.js").UnitName} unit
 * @returns {string}
 */
export function subject(unit) {
  return unit.kind === "stadsdel" ? `Stadsdelen ${unit.name} i ${unit.kommun_name}` : unit.name;
}

/** The unit mid-sentence: "Vallentuna", "stadsdelen Angered i Göteborg". @param {import("./text.js").UnitName} unit */
export function subjectMid(unit) {
  return unit.kind === "stadsdel" ? `stadsdelen ${unit.name} i ${unit.kommun_name}` : unit.name;
}

/** A share as text: "98 procent" (whole percent; one decimal below 1 so 0,4 is not "0 procent"). @param {number} value */
function pct(value) {
  return percentText(value, {decimals: value > 0 && value < 1 ? 1 : 0});
}

/**
 * A clause from its subject and verb phrase, straight ("Vallentuna har inte X")
 * or, after a leading adverbial, with the verb second ("År 2015 hade Vallentuna
 * inte X", "I Göteborg har åtta av tio stadsdelar X").
 * @param {{lead?: string, subject: string, phrase: string, negative?: boolean}} parts
 */
function clause({lead, subject: who, phrase, negative = false}) {
  const [verb, ...rest] = (negative ? negate(phrase) : phrase).split(" ");
  return lead ? `${lead} ${verb} ${who} ${rest.join(" ")}` : `${capitalize(who)} ${verb} ${rest.join(" ")}`;
}

/**
 * Options of indicatorSentence.
 * @typedef {object} SentenceOptions
 * @property {string | null} [groupName] the kommungrupp's name
 * @property {readonly {status: string | null}[]} [parts] a storstad's stadsdelar that year, each with its status: says whether a silent stadsdel did not answer the survey or left the question blank
 * @property {number | null} [latestYear] the newest year of the indicator's source on the page (the latest survey): a value from an earlier year is told in the past tense, with its year
 */

/**
 * One sentence about one indicator for one unit. `row` is a row of
 * comparison() (value, status, numerator, denominator, rank, group and riket
 * values); `unit` a row of loadUnits(); `indicator` the metadata row.
 * @param {Row} row
 * @param {SentenceUnit} unit
 * @param {IndicatorMeta} indicator
 * @param {SentenceOptions} [options]
 * @returns {string}
 */
export function indicatorSentence(row, unit, indicator, {groupName, parts, latestYear} = {}) {
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
  if (indicator.measure === "share_yes") return shareSentence(row, unit, indicator, {parts, latestYear});
  return registerSentence(row, unit, indicator, {groupName});
}

/** "tolv av 14" mixes words and digits: words only when every count is twelve or less. @param {number[]} counts */
function counter(counts) {
  const words = counts.every((x) => x <= 12);
  return (/** @type {number} */ x) => (words ? numberWord(x) : String(x));
}

/**
 * Why some stadsdelar of a storstad have no answer to the question, as whole
 * sentences: "En stadsdel besvarade inte enkäten 2015.", "Två stadsdelar
 * lämnade frågan obesvarad." Without the stadsdelar's statuses, only that they lack an answer.
 * @param {Row} row @param {SentenceUnit} unit @param {readonly {status: string | null}[] | undefined} parts
 */
function silentStadsdelar(row, unit, parts) {
  const silent = unit.stadsdelar - row.denominator;
  if (!(silent > 0)) return "";
  // A sentence of its own, so it starts with a word ("En stadsdel"), not a digit.
  const many = (/** @type {number} */ n) => `${capitalize(n <= 12 ? numberWord(n) : String(n))} ${n === 1 ? "stadsdel" : "stadsdelar"}`;
  if (!parts) return ` ${many(silent)} saknar svar på frågan.`;
  const count = (/** @type {string} */ status) => parts.filter((p) => p.status === status).length;
  const [noAnswer, blank] = [count("no_answer"), count("missing")];
  const other = silent - noAnswer - blank;
  return [
    noAnswer ? `${many(noAnswer)} besvarade inte enkäten ${row.year}.` : "",
    blank ? `${many(blank)} lämnade frågan obesvarad.` : "",
    other > 0 ? `${many(other)} saknar svar på frågan.` : ""
  ]
    .filter(Boolean)
    .map((t) => ` ${t}`)
    .join("");
}

/** @param {Row} row @param {SentenceUnit} unit @param {IndicatorMeta} indicator @param {SentenceOptions} options */
function shareSentence(row, unit, indicator, {parts, latestYear}) {
  const present = predicate(indicator, row.year);
  const earlier = latestYear !== undefined && latestYear !== null && row.year < latestYear;
  const past = earlier ? pastTense(present) : null;
  const phrase = past ?? present;
  // A value from an earlier survey: "År 2015 hade …", or, for a verb without a known past, "Enligt enkäten 2015 har …".
  const when = earlier ? (past ? `År ${row.year}` : `Enligt enkäten ${row.year}`) : undefined;
  const notAsked = earlier ? ` Frågan ställdes inte i enkäten ${latestYear}.` : "";
  const pro = proVerb(phrase, {past: past !== null});
  const riket = row.riket_status === "ok" ? row.riket_value : null;
  if (unit.kind === "storstad") {
    // The storstad's value is the share of its stadsdelar: say how many.
    const yes = row.numerator;
    const answered = row.denominator;
    const f = counter([yes, answered, unit.stadsdelar]);
    // "svarande" when some stadsdelar have no answer: "alla 12 svarande stadsdelar", "6 av 13 svarande stadsdelar".
    const some = answered < unit.stadsdelar ? "svarande " : "";
    const silence = silentStadsdelar(row, unit, parts);
    if (yes === answered) {
      const all = some ? `alla ${f(answered)} ${some}stadsdelar i ${unit.name}` : `samtliga ${f(answered)} stadsdelar i ${unit.name}`;
      return `${clause({lead: when, subject: all, phrase})}${riket === null ? "" : `, liksom ${pct(riket)} ${LANDET}`}.${silence}${notAsked}`;
    }
    if (yes === 0) {
      const none = `ingen av de ${f(answered)} ${some}stadsdelarna i ${unit.name}`;
      return `${clause({lead: when, subject: none, phrase})}${riket === null ? "" : `; det ${pro} ${pct(riket)} ${LANDET}`}.${silence}${notAsked}`;
    }
    const share = `${pct(row.value)}${riket === null ? "" : ` mot ${pct(riket)} i landet som helhet`}`;
    const partial = when
      ? clause({lead: when, subject: `${f(yes)} av ${f(answered)} ${some}stadsdelar i ${unit.name}`, phrase})
      : clause({lead: `I ${unit.name}`, subject: `${f(yes)} av ${f(answered)} ${some}stadsdelar`, phrase});
    return `${partial}, ${share}.${silence}${notAsked}`;
  }
  const yes = row.value >= 50;
  const said = clause({lead: when, subject: when ? subjectMid(unit) : subject(unit), phrase, negative: !yes});
  if (riket === null) return `${said}.${notAsked}`;
  // "liksom" when most units answered as this one did, otherwise how many did what it did not.
  if (yes === riket >= 50) return `${said}, liksom ${pct(yes ? riket : 100 - riket)} ${LANDET}.${notAsked}`;
  return `${said}; det ${pro} ${pct(riket)} ${LANDET}.${notAsked}`;
}

/** @param {Row} row @param {SentenceUnit} unit */
function responseSentence(row, unit) {
  const year = row.year;
  const riket = row.riket_status === "ok" ? ` ${pct(row.riket_value)} av de kommuner och stadsdelar som fick den` : null;
  if (unit.kind === "storstad") {
    const f = counter([row.numerator, row.denominator]);
    const who = row.numerator === row.denominator ? `Samtliga ${f(row.denominator)} stadsdelar i ${unit.name}` : `I ${unit.name} besvarade ${f(row.numerator)} av ${f(row.denominator)} stadsdelar`;
    const verb = row.numerator === row.denominator ? " besvarade" : "";
    return `${who}${verb} enkäten ${year}${riket ? `; i hela landet svarade${riket}` : ""}.`;
  }
  const who = subject(unit);
  if (row.value >= 50) return `${who} besvarade enkäten ${year}${riket ? `, liksom${riket}` : ""}.`;
  return `${who} besvarade inte enkäten ${year}${riket ? `; det gjorde${riket}` : ""}.`;
}

/** A rate is higher or lower than another, never "more": "40 procent högre än", "lika högt som", "dubbelt så högt som". */
const LEVEL_WORDS = {noun: "högt", more: "högre", less: "lägre"};

/** How a rate compares: "26 procent högre än", "dubbelt så högt som". @param {number} value @param {number} reference */
function comparedWith(value, reference) {
  if (!(reference > 0)) return null;
  const words = ratioInWords(value / reference, LEVEL_WORDS);
  if (!words) return null;
  return /högre$|lägre$/.test(words) ? `${words} än` : `${words} som`;
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

/**
 * A register value: the value and year; for a rate, how it compares with riket,
 * the kommungrupp's median and the unit's rank. A count is only stated: the
 * counts of kommuner of different size say nothing about one another.
 * @param {Row} row @param {SentenceUnit} unit @param {IndicatorMeta} indicator @param {{groupName?: string | null}} options
 */
function registerSentence(row, unit, indicator, {groupName}) {
  const value = formatValue(row.value, indicator.measure);
  let first = `${indicator.short_title}, ${row.year}: ${value} i ${unit.name}`;
  if (indicator.measure === "count") return `${first}.`;
  if (row.riket_status === "ok") {
    const words = comparedWith(round(row.value, 1), round(row.riket_value, 1));
    if (words) first += `, ${words} i riket (${formatValue(row.riket_value, indicator.measure)})`;
  }
  let sentence = `${first}.`;
  if (row.group_value !== null && row.group_value !== undefined) {
    sentence += ` Medianen i kommungruppen${groupName ? ` ${groupName}` : ""} är ${formatValue(row.group_value, indicator.measure)}.`;
  }
  if (row.rank && row.rank_n) {
    const tie = row.ties > 1 ? ` (delat med ${numberWord(row.ties - 1)} ${row.ties - 1 === 1 ? "annan" : "andra"})` : "";
    sentence += ` ${unit.name} har ${rankWords(row.rank, row.rank_n)} värdet av ${row.rank_n} kommuner med uppgift${tie}.`;
  }
  return sentence;
}

/** The past tense of trendInWords' verbs. */
const PAST_TREND = {ökar: "ökade", minskar: "minskade", varierar: "varierade"};

/**
 * How a series moved within its latest comparability group that has at least
 * two values, in the past tense like everything that happened over a span of
 * years: "2010–2016 ökade värdet (5,8 → 7,2)." When a break follows that
 * group, the sentence says the series was cut: "2010–2015 ökade andelen
 * (16,7 % → 91,7 %); 2016 ändrades frågan och senare värden kan inte jämföras
 * med dessa." points: [{year, value, status, group_id}]. Null when no group has
 * two values, or when the values are a single unit's yes/no answers (0 or
 * 100), for which a trend word says nothing.
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
    const cut = g < groups.length - 1;
    // Verb second: "2010–2016 ökade värdet", "2010–2016 var andelen i stort sett oförändrad"
    // ("andelen" is common gender, "antalet" and "värdet" neuter).
    const moved = words === "oförändrat" ? `var ${noun} i stort sett ${share ? "oförändrad" : "oförändrat"}` : `${PAST_TREND[words]} ${noun}`;
    const text = `${first.year}–${last.year} ${moved} (${formatValue(first.value, indicator.measure)} → ${formatValue(last.value, indicator.measure)})`;
    if (!cut) return `${text}.`;
    const breakYear = Math.min(...points.filter((d) => (d.group_id ?? null) === groups[g + 1]).map((d) => d.year));
    // The response rate has no question of its own: the survey was remade.
    const changed = indicator.measure === "response_rate" ? "gjordes enkäten om" : "ändrades frågan";
    return `${text}; ${breakYear} ${changed} och senare värden kan inte jämföras med dessa.`;
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
