// @ts-check
// Översikt: the values per län of one indicator in one year, and the year the
// page shows for an indicator (the newest with a national value). Run at build
// time for every indicator (publish/firstViews.ts), and by DuckDB-WASM in the
// page only for an indicator the build did not know.
import {sqlIndicatorId, sqlYear} from "./sql.js";

/** @typedef {import("./sql.js").Query} Query */

/**
 * Län rows of one indicator and year, highest value first.
 * @param {Query} query
 * @param {{indicatorId: string, year: number}} params
 */
export function lanTable(query, {indicatorId, year}) {
  return query(`SELECT a.code AS kod, a.name AS län, o.value, o.numerator, o.denominator
  FROM observations o JOIN areas a ON a.code = o.area_code
  WHERE o.indicator_id = ${sqlIndicatorId(indicatorId)} AND o.year = ${sqlYear(year)} AND a.level = 'län'
  ORDER BY o.value DESC NULLS LAST, a.name`);
}

/**
 * The newest year with a national value in a series of riket points (riket.json), or null.
 * @param {{year: number, value: number | null}[]} series
 */
export function latestYear(series) {
  return series.filter((d) => d.value !== null).at(-1)?.year ?? null;
}

/**
 * The national series of every indicator with its comparability groups: what
 * Översikt draws its chart from (data/riket.json) and picks its year by.
 * @param {Query} query
 */
export async function riketSeries(query) {
  const [indicators, comparability, series] = await Promise.all([
    query(`SELECT id, title, short_title, theme, measure, unit FROM indicators ORDER BY theme, title`),
    query(`SELECT indicator_id, group_id, first_year, last_year, note FROM comparability ORDER BY indicator_id, first_year`),
    query(`SELECT o.indicator_id, o.year, o.value, o.status, c.group_id
  FROM observations o JOIN comparability c ON c.indicator_id = o.indicator_id AND o.year BETWEEN c.first_year AND c.last_year
  WHERE o.area_code = '00' ORDER BY o.indicator_id, o.year`)
  ]);
  return {indicators, comparability, series};
}
