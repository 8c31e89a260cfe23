// @ts-check
// The comparison tool's state in the URL, so a link reproduces the view:
//   /jamfor?enhet=1480&med=0114,1480-01&tema=bbic&ar=2016&karta=bbic_ordinarie_licens
// enhet: the chosen kommun or stadsdel; med: up to four more to compare with;
// tema: the theme's slug; ar: the year; karta: the indicator on the map.
// Unknown or malformed values fall back to the defaults, never to an error page,
// and the page says what was wrong (`problems`), so a mistyped link does not
// silently show another kommun.

import {numberWord} from "../narrative.js";

export const MAX_UNITS = 5;

/** @typedef {{param: string, value: string, text: string}} StateProblem What was wrong with a value in the URL, in Swedish. */

/**
 * Reads the state from a query string. `known` has sets/lists to validate
 * against: units (codes), themes (slugs); years and indicators are validated
 * later, when the theme's are known (yearProblem, mapProblem). `names` gives
 * the Swedish names of units and themes for the problems' texts.
 * @param {string} search
 * @param {{units: Iterable<string>, themes: readonly string[], defaults?: {unit?: string | null, theme?: string | null},
 *   names?: {unit?: (code: string) => string | undefined, theme?: (slug: string) => string | undefined}}} known
 * @returns {{unit: string | null, others: string[], theme: string | null, year: number | null, mapIndicator: string | null, problems: StateProblem[]}}
 */
export function readState(search, {units, themes, defaults = {}, names = {}}) {
  const params = new URLSearchParams(search);
  const unitSet = new Set(units);
  /** @type {StateProblem[]} */
  const problems = [];
  const unitName = (/** @type {string | null | undefined} */ code) => (code ? names.unit?.(code) ?? code : "");
  const enhet = params.get("enhet");
  const unit = enhet !== null && unitSet.has(enhet) ? enhet : defaults.unit ?? null;
  if (enhet !== null && !unitSet.has(enhet)) {
    problems.push({param: "enhet", value: enhet, text: `Det finns ingen kommun eller stadsdel med koden ”${enhet}”. Sidan visar ${unitName(unit)} i stället.`});
  }
  /** @type {string[]} */
  const others = [];
  const unknown = [];
  const tooMany = [];
  for (const code of (params.get("med") ?? "").split(",").map((c) => c.trim()).filter(Boolean)) {
    if (!unitSet.has(code)) unknown.push(code);
    else if (code === unit || others.includes(code)) continue;
    else if (others.length < MAX_UNITS - 1) others.push(code);
    else tooMany.push(code);
  }
  if (unknown.length) {
    problems.push({param: "med", value: unknown.join(","), text: `Det finns ingen kommun eller stadsdel med ${unknown.length === 1 ? "koden" : "koderna"} ${unknown.map((c) => `”${c}”`).join(", ")}; ${unknown.length === 1 ? "den är utelämnad" : "de är utelämnade"}.`});
  }
  if (tooMany.length) {
    problems.push({param: "med", value: tooMany.join(","), text: `Högst ${numberWord(MAX_UNITS - 1)} enheter kan jämföras med ${unitName(unit)}: ${tooMany.map(unitName).join(", ")} ${tooMany.length === 1 ? "är utelämnad" : "är utelämnade"}.`});
  }
  const tema = params.get("tema");
  const theme = tema !== null && themes.includes(tema) ? tema : defaults.theme ?? themes[0] ?? null;
  if (tema !== null && !themes.includes(tema)) {
    problems.push({param: "tema", value: tema, text: `Det finns inget tema ”${tema}”. Sidan visar temat ${theme ? names.theme?.(theme) ?? theme : ""} i stället.`});
  }
  const ar = params.get("ar");
  const year = /^\d{4}$/.test(ar ?? "") ? Number(ar) : null;
  if (ar !== null && year === null) problems.push({param: "ar", value: ar, text: `”${ar}” är inte ett årtal. Sidan visar det senaste året.`});
  const karta = params.get("karta");
  const mapIndicator = /^[a-z0-9_]+$/.test(karta ?? "") ? karta : null;
  if (karta !== null && mapIndicator === null) problems.push({param: "karta", value: karta, text: `”${karta}” är inte en indikator. Kartan visar temats första indikator.`});
  return {unit, others, theme, year, mapIndicator, problems};
}

/**
 * A year asked for in the URL that the theme has no values for; null when it has.
 * @param {number | null} wanted
 * @param {readonly number[]} available
 * @param {{theme: string, shown: number | null}} context
 * @returns {StateProblem | null}
 */
export function yearProblem(wanted, available, {theme, shown}) {
  if (wanted === null || available.includes(wanted)) return null;
  return {param: "ar", value: String(wanted), text: `Temat ${theme} har inga värden för ${wanted}. Sidan visar ${shown ?? "inget år"} i stället.`};
}

/**
 * An indicator asked for on the map that the theme does not have; null when it has.
 * @param {string | null} wanted
 * @param {readonly {id: string}[]} indicators
 * @param {{theme: string, shown: string}} context
 * @returns {StateProblem | null}
 */
export function mapProblem(wanted, indicators, {theme, shown}) {
  if (wanted === null || indicators.some((d) => d.id === wanted)) return null;
  return {param: "karta", value: wanted, text: `Temat ${theme} har ingen indikator ”${wanted}”. Kartan visar ${shown} i stället.`};
}

/**
 * The query string for a state (keys in a fixed order, empty ones left out).
 * @param {{unit?: string | null, others?: string[], theme?: string | null, year?: number | null, mapIndicator?: string | null}} state
 * @returns {string}
 */
export function stateSearch({unit, others = [], theme, year, mapIndicator}) {
  const params = new URLSearchParams();
  if (unit) params.set("enhet", unit);
  if (others.length) params.set("med", others.join(","));
  if (theme) params.set("tema", theme);
  if (year) params.set("ar", String(year));
  if (mapIndicator) params.set("karta", mapIndicator);
  return `?${params.toString().replaceAll("%2C", ",")}`;
}

/**
 * Picks `wanted` if it is among `available`, else the last (newest) available; null when none is.
 * @param {readonly number[]} available
 * @param {number | null | undefined} wanted
 * @returns {number | null}
 */
export function pickYear(available, wanted) {
  if (wanted !== null && wanted !== undefined && available.includes(wanted)) return wanted;
  return available[available.length - 1] ?? null;
}
