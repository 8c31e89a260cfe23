// @ts-check
// The figures behind the release texts, as SQL over the project's tables. The
// same functions run in the browser (DuckDB-WASM, src/components/db.js) and in
// tests (DuckDB in node over the Parquet files), so a test proves that a page's
// sentence follows the data. `query(sql)` returns plain row objects.
import {sqlIndicatorId, sqlYear} from "./sql.js";

/** @typedef {import("./sql.js").Query} Query */
/** @typedef {{value: number | null, numerator: number | null, denominator: number | null, status: string}} NationalValue */
/** @typedef {{year: number, value: number, numerator: number | null, denominator: number | null, group_id: string}} SeriesPoint */
/** @typedef {{id: string, title: string, short_title: string, theme: string, value: number}} IndicatorValue */

/**
 * Riket value, numerator and denominator of one indicator in one year; null without a row.
 * @param {Query} query
 * @param {string} indicatorId
 * @param {number} year
 * @returns {Promise<NationalValue | null>}
 */
export async function nationalValue(query, indicatorId, year) {
  const rows = await query(`SELECT value, numerator, denominator, status FROM observations
    WHERE indicator_id = ${sqlIndicatorId(indicatorId)} AND area_code = '00' AND year = ${sqlYear(year)}`);
  return /** @type {NationalValue | undefined} */ (rows[0]) ?? null;
}

/**
 * Riket values of an indicator by year, within the comparability group that holds `year`.
 * @param {Query} query
 * @param {string} indicatorId
 * @param {number} year
 * @returns {Promise<SeriesPoint[]>}
 */
export async function comparableSeries(query, indicatorId, year) {
  return /** @type {Promise<SeriesPoint[]>} */ (query(`SELECT o.year, o.value, o.numerator, o.denominator, c.group_id
    FROM observations o
    JOIN comparability c ON c.indicator_id = o.indicator_id AND o.year BETWEEN c.first_year AND c.last_year
    WHERE o.indicator_id = ${sqlIndicatorId(indicatorId)} AND o.area_code = '00' AND o.status = 'ok'
      AND c.group_id = (SELECT group_id FROM comparability WHERE indicator_id = ${sqlIndicatorId(indicatorId)} AND ${sqlYear(year)} BETWEEN first_year AND last_year)
      AND o.year <= ${sqlYear(year)}
    ORDER BY o.year`));
}

/**
 * Survey years present in the data, newest last.
 * @param {Query} query
 * @returns {Promise<number[]>}
 */
export async function surveyYears(query) {
  return (await query(`SELECT DISTINCT year FROM responses ORDER BY year`)).map((d) => d.year);
}

/**
 * Survey indicators of a year, riket values, lowest first.
 * @param {Query} query
 * @param {number} year
 * @returns {Promise<IndicatorValue[]>}
 */
export async function surveyIndicatorsByValue(query, year) {
  return /** @type {Promise<IndicatorValue[]>} */ (query(`SELECT i.id, i.title, i.short_title, i.theme, o.value
    FROM observations o JOIN indicators i ON i.id = o.indicator_id
    WHERE o.area_code = '00' AND o.year = ${sqlYear(year)} AND i.source = 'enkät' AND i.measure = 'share_yes' AND o.status = 'ok'
    ORDER BY o.value, i.id`));
}
