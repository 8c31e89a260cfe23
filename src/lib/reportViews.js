// @ts-check
// Everything the two release pages show for their survey year, as one
// function of a `query(sql)` each: the figures behind the sentences
// (releaseTexts.js), the survey round and the rows of every chart. The same
// functions run at build time (DuckDB in node, publish/firstViews.ts: the
// page is drawn from that answer, before DuckDB-WASM is even fetched) and, for
// a year the build did not answer, in the page with DuckDB-WASM.
import {facts2014, facts2016} from "./releaseTexts.js";
import {sqlYear} from "./sql.js";

/** @typedef {import("./sql.js").Query} Query */

/** The survey year of each release page (the 2014 release reports the survey of November 2013). */
export const DEFAULT_YEARS = Object.freeze({report2014: 2013, report2016: 2016});

/**
 * What both pages show besides their charts: the comparability groups and the survey round (period, units, answered).
 * @param {Query} query
 * @param {string} y the year as a literal
 */
async function common(query, y) {
  const [comparability, surveys] = await Promise.all([
    query("SELECT * FROM comparability ORDER BY indicator_id, first_year"),
    query(`SELECT period, units, answered FROM surveys WHERE year = ${y}`)
  ]);
  return {comparability, survey: surveys[0] ?? null};
}

/**
 * "Barnens behov allt mer i centrum" (2014) for a survey year.
 * @param {Query} query
 * @param {number} year
 */
export async function report2014View(query, year) {
  const y = sqlYear(year);
  const [base, facts, collaboration, bbic, competenceByLan] = await Promise.all([
    common(query, y),
    facts2014(query, year),
    query(`SELECT o.year, o.value, i.short_title AS area_name, c.group_id
  FROM observations o JOIN indicators i ON i.id = o.indicator_id
  JOIN comparability c ON c.indicator_id = o.indicator_id AND o.year BETWEEN c.first_year AND c.last_year
  WHERE o.indicator_id IN ('samverkan_bup', 'samverkan_bhv', 'barns_delaktighet') AND o.area_code = '00' AND o.year <= ${y}
  AND c.group_id = (SELECT group_id FROM comparability WHERE indicator_id = o.indicator_id AND ${y} BETWEEN first_year AND last_year)
  ORDER BY o.year, i.short_title`),
    query(`SELECT o.year, o.value, o.numerator, o.denominator FROM observations o
  JOIN comparability c ON c.indicator_id = o.indicator_id AND o.year BETWEEN c.first_year AND c.last_year
  WHERE o.indicator_id = 'bbic_ordinarie_licens' AND o.area_code = '00' AND o.year <= ${y}
  AND c.group_id = (SELECT group_id FROM comparability WHERE indicator_id = 'bbic_ordinarie_licens' AND ${y} BETWEEN first_year AND last_year)
  ORDER BY o.year`),
    query(`SELECT a.name, o.value, o.status, o.numerator, o.denominator FROM observations o JOIN areas a ON a.code = o.area_code
  WHERE o.indicator_id = 'handlaggare_socionom_5ar' AND o.year = ${y} AND a.level = 'län' ORDER BY a.code`)
  ]);
  return {year, ...base, facts, collaboration, bbic, competenceByLan};
}

/**
 * "Några resultat i korthet" (2016) for a survey year.
 * @param {Query} query
 * @param {number} year
 */
export async function report2016View(query, year) {
  const y = sqlYear(year);
  const [base, facts, headline, bbicTrend] = await Promise.all([
    common(query, y),
    facts2016(query, year),
    query(`SELECT i.short_title, o.value, o.numerator, o.denominator FROM observations o JOIN indicators i ON i.id = o.indicator_id
  WHERE o.area_code = '00' AND o.year = ${y} AND o.indicator_id IN ('bbic_ordinarie_licens', 'samlad_kompetensplan', 'overenskommelse_primarvard', 'overenskommelse_skola', 'overenskommelse_forskola') AND o.status = 'ok'
  ORDER BY o.value DESC, i.short_title`),
    query(`SELECT o.year, o.value, c.group_id FROM observations o
  JOIN comparability c ON c.indicator_id = o.indicator_id AND o.year BETWEEN c.first_year AND c.last_year
  WHERE o.indicator_id = 'bbic_ordinarie_licens' AND o.area_code = '00' AND o.year <= ${y} ORDER BY o.year`)
  ]);
  return {year, ...base, facts, headline, bbicTrend};
}
