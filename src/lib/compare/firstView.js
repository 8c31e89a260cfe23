// @ts-check
// The comparison tool's view as a function of its state, shared by the page
// (src/jamfor.md) and the build (publish/firstViews.ts, which records the
// answers for the state the page opens with, so its first view needs no
// database in the browser): which indicators and years a theme has, what the
// map shows, and the queries each part of the page runs, by name.
import {compareSv} from "../format.js";
import {pickYear} from "./state.js";
import {comparison, distribution, groupValues, kommunValues, trends} from "./queries.js";
import {slug, themesOf} from "./text.js";

/** @typedef {import("../sql.js").Query} Query */
/** @typedef {{indicators: ({id: string, theme: string, source: string, short_title: string} & Record<string, any>)[], years: Record<string, number[]>}} Meta */

/** What the tool shows without a state in the URL. */
export const DEFAULT_STATE = Object.freeze({unit: "0180", theme: slug("BBIC")});

/**
 * A theme's indicators as the tool lists them: survey first, then by short title.
 * @param {Meta} meta
 * @param {string} themeName
 */
export function themeIndicators(meta, themeName) {
  return meta.indicators
    .filter((d) => d.theme === themeName)
    .sort((a, b) => (a.source === b.source ? 0 : a.source === "enkät" ? -1 : 1) || compareSv(a.short_title, b.short_title));
}

/**
 * Years in which riket has a value for any of the indicators, ascending.
 * @param {Meta} meta
 * @param {string[]} indicatorIds
 * @returns {number[]}
 */
export function themeYears(meta, indicatorIds) {
  return [...new Set(indicatorIds.flatMap((id) => meta.years[id] ?? []))].sort((a, b) => a - b);
}

/**
 * The map's indicator: the one in the URL, else the theme's first measured that year, else its first.
 * @param {Record<string, any>[]} indicators the theme's, in order
 * @param {Meta} meta
 * @param {string | null} wanted
 * @param {number | null} year
 */
export function mapIndicatorOf(indicators, meta, wanted, year) {
  return indicators.find((d) => d.id === wanted) ?? indicators.find((d) => year !== null && (meta.years[d.id] ?? []).includes(year)) ?? indicators[0];
}

/**
 * The queries of the tool, by name: [name, params, compute] for each part of
 * the page (the page asks them one by one as its state changes).
 * @param {Query} query
 * @param {{indicatorIds: string[], year: number, codes: string[], trendCodes: string[], mapIndicatorId: string, mapYear: number}} state
 * @returns {[string, Record<string, unknown>, () => Promise<unknown>][]}
 */
export function compareQueries(query, {indicatorIds, year, codes, trendCodes, mapIndicatorId, mapYear}) {
  return [
    ["distribution", {indicatorIds, year}, () => distribution(query, {indicatorIds, year})],
    ["groupValues", {indicatorIds}, () => groupValues(query, {indicatorIds})],
    ["comparison", {indicatorIds, year, codes}, () => comparison(query, {indicatorIds, year, codes})],
    // The download holds every year of the theme, so the page's first view asks for it too.
    ["everyYear", {indicatorIds, codes}, () => comparison(query, {indicatorIds, year: "all", codes})],
    ["trends", {indicatorIds, codes: trendCodes}, () => trends(query, {indicatorIds, codes: trendCodes})],
    ["kommunValues", {indicatorId: mapIndicatorId, year: mapYear}, () => kommunValues(query, {indicatorId: mapIndicatorId, year: mapYear})],
    ["unitList", {indicatorId: mapIndicatorId, year: mapYear}, () => comparison(query, {indicatorIds: [mapIndicatorId], year: mapYear, codes: null})]
  ];
}

/**
 * The state the page opens with when its URL says nothing: its first view.
 * @param {{code: string, lan_code: string}[]} units
 * @param {Meta} meta
 */
export function defaultState(units, meta) {
  const themes = themesOf(meta.indicators);
  const theme = themes.find((t) => t.slug === DEFAULT_STATE.theme) ?? themes[0];
  if (!theme) throw new Error("Jämför: inga teman");
  const indicators = themeIndicators(meta, theme.name);
  const indicatorIds = indicators.map((d) => d.id);
  const year = pickYear(themeYears(meta, indicatorIds), null);
  const map = mapIndicatorOf(indicators, meta, null, year);
  const unit = units.find((u) => u.code === DEFAULT_STATE.unit);
  if (year === null || !map || !unit) throw new Error("Jämför: standardvyn saknar år, indikator eller enhet");
  const mapYear = pickYear(meta.years[map.id] ?? [], year) ?? year;
  return {indicatorIds, year, codes: [unit.code], trendCodes: [unit.code, unit.lan_code, "00"], mapIndicatorId: /** @type {string} */ (map.id), mapYear};
}
