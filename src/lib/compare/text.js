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

/**
 * Units whose name (or code, or for a stadsdel its city's name) matches `text`,
 * best first: name starts with it, then a word of the name does, then the name
 * contains it, then the city's name matches (a city's stadsdelar). Within each
 * rank, Swedish alphabetical order.
 * @template {UnitName & {code: string}} U
 * @param {readonly U[]} units
 * @param {string} text
 * @param {{limit?: number}} [options]
 * @returns {U[]}
 */
export function searchUnits(units, text, {limit = 12} = {}) {
  const q = normalizeName(text);
  if (!q) return [];
  /** @type {{unit: U, score: number}[]} */
  const scored = [];
  for (const unit of units) {
    const name = normalizeName(unit.name);
    let score = null;
    if (unit.code === text.trim()) score = 0;
    else if (name.startsWith(q)) score = 1;
    else if (name.split(" ").some((word) => word.startsWith(q))) score = 2;
    else if (name.includes(q)) score = 3;
    else if (unit.kind === "stadsdel" && normalizeName(unit.kommun_name).startsWith(q)) score = 4;
    if (score !== null) scored.push({unit, score});
  }
  scored.sort((a, b) => a.score - b.score || compareSv(a.unit.name, b.unit.name));
  return scored.slice(0, limit).map((d) => d.unit);
}

/**
 * Units matching `text` anywhere in their name, their city's name (stadsdelar)
 * or their län, accents and case ignored, in Swedish alphabetical order by name
 * (ties by city). Empty text: all units.
 * @template {UnitName & {lan_name?: string | null}} U
 * @param {readonly U[]} units
 * @param {string} text
 * @returns {U[]}
 */
export function filterUnits(units, text) {
  const q = normalizeName(text);
  const hits = q ? units.filter((u) => [u.name, u.kind === "stadsdel" ? u.kommun_name : null, u.lan_name].some((s) => s && normalizeName(s).includes(q))) : [...units];
  return hits.sort((a, b) => compareSv(a.name, b.name) || compareSv(a.kommun_name ?? "", b.kommun_name ?? ""));
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
