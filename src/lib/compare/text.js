// @ts-check
// Words for the comparison tool and the unit pages: accent-insensitive search,
// unit labels, status texts and URL slugs. Pure functions, tested in
// test/compare/text.test.ts.
import {compareSv} from "../format.js";
import {statusText as vocabularyText} from "../vocabulary.js";

/**
 * "Göteborg" → "goteborg", "Spånga-Tensta" → "spanga tensta": case, accents, hyphens and spacing ignored.
 * @param {string | null | undefined} text
 * @returns {string}
 */
export function normalizeName(text) {
  return String(text ?? "")
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[-–\s]+/g, " ")
    .trim();
}

/**
 * "Barn och insatser (register)" → "barn-och-insatser-register", for the URL.
 * @param {string} text
 * @returns {string}
 */
export function slug(text) {
  return normalizeName(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** A unit code or the start of one: "1480", "0180-0", "14". */
const CODE_QUERY = /^\d{2,4}(?:-\d{0,2})?$/;

/**
 * How many typing mistakes `text` may hold and still find a name: none in a
 * short text, one from four letters ("stokholm" → Stockholm), two from eight.
 * @param {number} length
 */
export function typoAllowance(length) {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

/**
 * Edits between two texts: a letter added, dropped, changed, or two
 * neighbours swapped (optimal string alignment). Stops counting above `max`.
 * @param {string} a
 * @param {string} b
 * @param {number} [max]
 * @returns {number}
 */
export function typoDistance(a, b, max = 2) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  /** @type {number[][]} */
  const d = Array.from({length: a.length + 1}, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) /** @type {number[]} */ (d[0])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = /** @type {number[]} */ (d[i]);
    const above = /** @type {number[]} */ (d[i - 1]);
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(/** @type {number} */ (above[j]) + 1, /** @type {number} */ (row[j - 1]) + 1, /** @type {number} */ (above[j - 1]) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(/** @type {number} */ (row[j]), /** @type {number} */ (/** @type {number[]} */ (d[i - 2])[j - 2]) + 1);
    }
  }
  return Math.min(/** @type {number} */ (/** @type {number[]} */ (d[a.length])[b.length]), max + 1);
}

/**
 * How far a normalized query is from a unit's name, its words or its start,
 * within the typo allowance; null when further.
 * @param {string} q normalized
 * @param {UnitName} unit
 * @returns {number | null}
 */
function typoScore(q, unit) {
  const k = typoAllowance(q.length);
  if (k === 0) return null;
  const name = normalizeName(unit.name);
  const candidates = [name, ...name.split(" "), name.slice(0, q.length)];
  const best = Math.min(...candidates.map((c) => typoDistance(q, c, k)));
  return best <= k ? best : null;
}

/**
 * Units whose code starts with `text` ("1480": Göteborg and its stadsdelar), in code order.
 * @template {{code: string}} U
 * @param {readonly U[]} units
 * @param {string} text
 * @returns {U[] | null} null when the text is not a code
 */
function byCode(units, text) {
  const code = text.trim();
  if (!CODE_QUERY.test(code)) return null;
  return units.filter((u) => u.code.startsWith(code)).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * Units whose name (or code, or for a stadsdel its city's name) matches `text`,
 * best first: the code, then name starts with it, then a word of the name does,
 * then the name contains it, then the city's name matches (a city's
 * stadsdelar). Within each rank, Swedish alphabetical order. When nothing
 * matches, the names within a typing mistake or two (similarUnits).
 * @template {UnitName & {code: string}} U
 * @param {readonly U[]} units
 * @param {string} text
 * @param {{limit?: number}} [options]
 * @returns {U[]}
 */
export function searchUnits(units, text, {limit = 12} = {}) {
  const codes = byCode(units, text);
  if (codes) return codes.slice(0, limit);
  const q = normalizeName(text);
  if (!q) return [];
  /** @type {{unit: U, score: number}[]} */
  const scored = [];
  for (const unit of units) {
    const name = normalizeName(unit.name);
    let score = null;
    if (name.startsWith(q)) score = 1;
    else if (name.split(" ").some((word) => word.startsWith(q))) score = 2;
    else if (name.includes(q)) score = 3;
    else if (unit.kind === "stadsdel" && normalizeName(unit.kommun_name).startsWith(q)) score = 4;
    if (score !== null) scored.push({unit, score});
  }
  if (scored.length === 0) return similarUnits(units, text).slice(0, limit);
  scored.sort((a, b) => a.score - b.score || compareSv(a.unit.name, b.unit.name));
  return scored.slice(0, limit).map((d) => d.unit);
}

/**
 * Units matching `text` anywhere in their name, their city's name (stadsdelar)
 * or their län, accents and case ignored, in Swedish alphabetical order by name
 * (ties by city); or, for a code or the start of one, the units with that
 * code, in code order. Empty text: all units.
 * @template {UnitName & {code: string, lan_name?: string | null}} U
 * @param {readonly U[]} units
 * @param {string} text
 * @returns {U[]}
 */
export function filterUnits(units, text) {
  const codes = byCode(units, text);
  if (codes) return codes;
  const q = normalizeName(text);
  const hits = q ? units.filter((u) => [u.name, u.kind === "stadsdel" ? u.kommun_name : null, u.lan_name].some((s) => s && normalizeName(s).includes(q))) : [...units];
  return hits.sort((a, b) => compareSv(a.name, b.name) || compareSv(a.kommun_name ?? "", b.kommun_name ?? ""));
}

/**
 * Units whose name is within a typing mistake or two of `text` ("stokholm" →
 * Stockholm, "gotebrog" → Göteborg), nearest first, then in Swedish order:
 * what to offer when filterUnits finds nothing.
 * @template {UnitName} U
 * @param {readonly U[]} units
 * @param {string} text
 * @returns {U[]}
 */
export function similarUnits(units, text) {
  const q = normalizeName(text);
  return units
    .map((unit) => ({unit, score: typoScore(q, unit)}))
    .filter(/** @returns {d is {unit: U, score: number}} */ (d) => d.score !== null)
    .sort((a, b) => a.score - b.score || compareSv(a.unit.name, b.unit.name))
    .map((d) => d.unit);
}

/**
 * What names a unit: its kind ("kommun", "storstad", "stadsdel") and name, for a stadsdel its city's name.
 * @typedef {{kind: string, name: string, kommun_name?: string | null}} UnitName
 */

/**
 * "Vallentuna", "Angered (Göteborg)": a name that identifies the unit in lists and legends.
 * @param {UnitName} unit
 * @returns {string}
 */
export function unitLabel(unit) {
  return unit.kind === "stadsdel" ? `${unit.name} (${unit.kommun_name})` : unit.name;
}

/**
 * What kind of unit, in a few words: "kommun", "stadsdel i Göteborg", "storstad med 10 stadsdelar".
 * @param {UnitName & {stadsdelar?: number}} unit
 * @returns {string}
 */
export function unitKindText(unit) {
  if (unit.kind === "stadsdel") return `stadsdel i ${unit.kommun_name}`;
  if (unit.kind === "storstad") return `storstad med ${unit.stadsdelar} stadsdelar`;
  return "kommun";
}

/**
 * Why a value is not shown. `status` null means there is no row at all: the
 * indicator was not measured that year (`measured` false) or is not reported
 * for this kind of unit (register values for stadsdelar).
 */
/**
 * @param {string | null | undefined} status
 * @param {{year?: number, kind?: string, measured?: boolean}} [options]
 * @returns {string}
 */
export function statusText(status, {year, kind = "kommun", measured = true} = {}) {
  if (status === "ok") return "";
  if (status === "no_answer") return kind === "storstad" ? `ingen stadsdel besvarade enkäten ${year}` : `besvarade inte enkäten ${year}`;
  if (status === null || status === undefined) {
    if (!measured) return `mättes inte ${year}`;
    return kind === "stadsdel" ? "redovisas inte för stadsdelar" : vocabularyText("missing");
  }
  return vocabularyText(status);
}

/**
 * The indicators' themes, each once with its URL slug, in Swedish alphabetical order.
 * @param {readonly {theme: string}[]} indicators
 * @returns {{name: string, slug: string}[]}
 */
export function themesOf(indicators) {
  /** @type {Map<string, {name: string, slug: string}>} */
  const seen = new Map();
  for (const d of indicators) if (!seen.has(d.theme)) seen.set(d.theme, {name: d.theme, slug: slug(d.theme)});
  return [...seen.values()].sort((a, b) => compareSv(a.name, b.name));
}

/**
 * Indicators grouped by theme for a selector: the survey's themes first, then
 * the register's (by their measures: answers come from the survey), each
 * theme's indicators by full title, all in Swedish order.
 * @template {{theme: string, title: string, measure: string}} I
 * @param {readonly I[]} indicators
 * @param {(measure: string) => boolean} fromSurvey
 * @returns {{theme: string, indicators: I[]}[]}
 */
export function indicatorGroups(indicators, fromSurvey) {
  /** @type {Map<string, I[]>} */
  const byTheme = new Map();
  for (const d of indicators) byTheme.set(d.theme, [...(byTheme.get(d.theme) ?? []), d]);
  const survey = (/** @type {I[]} */ list) => (list.some((d) => fromSurvey(d.measure)) ? 0 : 1);
  return [...byTheme]
    .sort(([a, x], [b, y]) => survey(x) - survey(y) || compareSv(a, b))
    .map(([theme, list]) => ({theme, indicators: [...list].sort((a, b) => compareSv(a.title, b.title))}));
}

/** The year Sveriges Kommuner och Landsting (SKL) took the name Sveriges Kommuner och Regioner (SKR). */
export const SKR_SINCE = 2019;

/**
 * The name of Socialstyrelsen's partner in Öppna jämförelser as it was in `year`:
 * SKL until 2018, SKR from 2019.
 * @param {number} year
 * @returns {{short: "SKL" | "SKR", name: string}}
 */
export function organisationOf(year) {
  return year < SKR_SINCE ? {short: "SKL", name: "Sveriges Kommuner och Landsting"} : {short: "SKR", name: "Sveriges Kommuner och Regioner"};
}

/** Says once why the site writes both SKL and SKR. */
export const ORGANISATION_NOTE = `Sveriges Kommuner och Landsting (SKL) heter sedan ${SKR_SINCE} Sveriges Kommuner och Regioner (SKR). Uppgifter om ett år står under det namn organisationen hade då: SKL till och med ${SKR_SINCE - 1}, SKR därefter. Kommungrupperna är SKR:s indelning från 2023, använd för alla år.`;

/**
 * "Socialstyrelsen och SKL", for the years of a table ("Socialstyrelsen och SKL (från 2019 SKR)" when they span the change).
 * @param {readonly number[]} years
 * @returns {string}
 */
export function publishers(years) {
  const names = [...new Set(years.map((y) => organisationOf(y).short))];
  if (names.length === 0) return "Socialstyrelsen och SKR";
  return names.length === 1 ? `Socialstyrelsen och ${names[0]}` : `Socialstyrelsen och SKL (från ${SKR_SINCE} SKR)`;
}
