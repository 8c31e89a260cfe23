// @ts-check
// The comparison queries: one unit (kommun or stadsdel) against its kommungrupp,
// its län and riket, its place among all units, and trends. Every function takes
// a `query(sql)` function returning plain row objects, so the same SQL runs in
// the browser (DuckDB-WASM, src/components/db.js), in the build (DuckDB in node,
// publish/units/unitReports.ts) and in tests (test/src/lib/compare/).
//
// Definitions (also shown on the pages, see GROUP_DEFINITION):
// - Units compared ("jämförelseenheter"): for survey indicators, the units that
//   answer the survey themselves (kommuner except Stockholm, Göteborg and Malmö,
//   plus the stadsdelar of those three); for register indicators, the 290
//   kommuner. Storstäder, län and riket are aggregates, not units.
// - Kommungrupp of a stadsdel: its city's group (A1 Storstäder).
// - Kommungruppens värde: for survey shares, the group's share computed from the
//   unit answers (yes answers / units that answered the question, the rule the
//   loader uses for län and riket); for register values, the median of the
//   group's kommuner (each kommun counts once; for an even count, the mean of the
//   two middle values).
// - Rank: 1 is the highest value among units with a value that year; equal
//   values share a rank.
import {sqlAreaCode, sqlIndicatorId, sqlList, sqlString, sqlYear} from "../sql.js";
import {MEASURES} from "../schema.js";
import {isAnswer} from "../vocabulary.js";

/** @typedef {import("../sql.js").Query} Query */
/** @typedef {import("../sql.js").Row} Row */

/**
 * A kommun or stadsdel as the comparison tool and the unit pages know it. Every
 * kommun and stadsdel has a län, a kommun (itself, for a kommun) and a kommungrupp.
 * @typedef {{code: string, name: string, level: "kommun" | "stadsdel", lan_code: string, lan_name: string, kommun_code: string, kommun_name: string,
 *   kommungrupp: string, kommungrupp_name: string, survey_unit: boolean, population_0_17: number | null, population_year: number | null,
 *   kind: "kommun" | "storstad" | "stadsdel", stadsdelar: number}} Unit
 */

/** Measures whose group value is a share computed from unit answers (a unit's value is its answer); the rest use the median. */
export const SHARE_MEASURES = Object.keys(MEASURES).filter(isAnswer);

/**
 * "andel" or "median": how the kommungrupp value of an indicator is computed.
 * @param {string} measure
 * @returns {"andel" | "median"}
 */
export function groupMethod(measure) {
  return isAnswer(measure) ? "andel" : "median";
}

export const GROUP_DEFINITION = {
  andel: "Kommungruppens andel räknas fram ur enheternas svar: antal enheter i gruppen som svarat ja delat med antal som besvarat frågan, samma regel som för län och riket.",
  median:
    "Kommungruppens värde är medianen av gruppens kommuner: varje kommun räknas en gång, oavsett storlek (vid jämnt antal medelvärdet av de två mittersta)."
};

/** SQL condition: the area (alias a) is a compared unit for the indicator (alias i). */
const COMPARED_UNIT = "CASE WHEN i.source = 'enkät' THEN a.survey_unit ELSE a.level = 'kommun' END";

const IS_SHARE = `b.measure IN ${sqlList(SHARE_MEASURES, sqlString)}`;
const GROUP_NUMERATOR = `CASE WHEN ${IS_SHARE} THEN sum(b.numerator) FILTER (WHERE b.status = 'ok') END`;
const GROUP_DENOMINATOR = `CASE WHEN ${IS_SHARE} THEN sum(b.denominator) FILTER (WHERE b.status = 'ok') END`;
const GROUP_VALUE = `CASE WHEN ${IS_SHARE}
    THEN 100 * sum(b.numerator) FILTER (WHERE b.status = 'ok') / nullif(sum(b.denominator) FILTER (WHERE b.status = 'ok'), 0)
    ELSE median(b.value) FILTER (WHERE b.status = 'ok') END`;
/** The group columns: value, and for shares the yes answers and answering units behind it. */
const GROUP_COLUMNS = `${GROUP_VALUE} AS value, ${GROUP_NUMERATOR} AS numerator, ${GROUP_DENOMINATOR} AS denominator,
    count(*) FILTER (WHERE b.status = 'ok') AS n, count(*) AS units`;

/**
 * Observations of the compared units, with their kommungrupp and län. `yearsSql`
 * is a SQL condition on o.year (e.g. "o.year = 2016" or "TRUE").
 * @param {readonly string[]} indicatorIds
 * @param {string} [yearsSql]
 */
function comparedUnitsSql(indicatorIds, yearsSql = "TRUE") {
  return `SELECT o.indicator_id, o.year, o.area_code, o.value, o.numerator, o.denominator, o.status, a.kommungrupp, a.lan_code, i.measure
    FROM observations o
    JOIN indicators i ON i.id = o.indicator_id
    JOIN areas a ON a.code = o.area_code
    WHERE o.indicator_id IN ${sqlList(indicatorIds, sqlIndicatorId)} AND (${yearsSql}) AND ${COMPARED_UNIT}`;
}

/**
 * Every kommun and stadsdel with its län, kommun (for a stadsdel), kommungrupp
 * and kind: "kommun", "storstad" (answers through its stadsdelar) or "stadsdel".
 */
/** @param {Query} query @returns {Promise<Unit[]>} */
export async function loadUnits(query) {
  return /** @type {Promise<Unit[]>} */ (query(`WITH parts AS (SELECT kommun_code, count(*) AS n FROM areas WHERE level = 'stadsdel' GROUP BY kommun_code)
    SELECT a.code, a.name, a.level, a.lan_code, l.name AS lan_name, a.kommun_code, k.name AS kommun_name,
      a.kommungrupp, a.kommungrupp_name, a.survey_unit, a.population_0_17, a.population_year,
      CASE WHEN a.level = 'stadsdel' THEN 'stadsdel' WHEN p.n > 0 THEN 'storstad' ELSE 'kommun' END AS kind,
      coalesce(p.n, 0) AS stadsdelar
    FROM areas a
    LEFT JOIN areas l ON l.code = a.lan_code
    LEFT JOIN areas k ON k.code = a.kommun_code
    LEFT JOIN parts p ON p.kommun_code = a.code AND a.level = 'kommun'
    WHERE a.level IN ('kommun', 'stadsdel')
    ORDER BY a.code`));
}

/** Indicator metadata and comparability groups. */
/** @param {Query} query @returns {Promise<{indicators: Row[], comparability: Row[]}>} */
export async function loadIndicators(query) {
  const [indicators, comparability] = await Promise.all([
    query(`SELECT id, title, short_title, description, theme, source, measure, unit, higher_is_better, first_year, last_year FROM indicators ORDER BY id`),
    query(`SELECT indicator_id, group_id, first_year, last_year, note FROM comparability ORDER BY indicator_id, first_year`)
  ]);
  return {indicators, comparability};
}

/** Years in which riket has a value for at least one of the indicators, ascending. */
/** @param {Query} query @param {string[]} indicatorIds @returns {Promise<number[]>} */
export async function indicatorYears(query, indicatorIds) {
  const rows = await query(`SELECT DISTINCT year FROM observations
    WHERE indicator_id IN ${sqlList(indicatorIds, sqlIndicatorId)} AND area_code = '00' AND status = 'ok' ORDER BY year`);
  return rows.map((d) => d.year);
}

/**
 * Kommungrupp values: one row per indicator, year and kommungrupp with
 * value (see GROUP_DEFINITION), method ("andel"/"median"), for a share its
 * numerator (yes answers) and denominator (units that answered the question),
 * n (units with a value) and units (the group's units with a row that year,
 * whatever its status). `year` limits to one year.
 */
/**
 * @param {Query} query
 * @param {{indicatorIds: string[], year?: number | null}} options
 * @returns {Promise<Row[]>}
 */
export async function groupValues(query, {indicatorIds, year}) {
  const years = year === undefined || year === null ? "TRUE" : `o.year = ${sqlYear(year)}`;
  const rows = await query(`SELECT b.indicator_id, b.year, b.kommungrupp, ${GROUP_COLUMNS}, b.measure
    FROM (${comparedUnitsSql(indicatorIds, years)}) b
    GROUP BY b.indicator_id, b.year, b.kommungrupp, b.measure
    ORDER BY b.indicator_id, b.year, b.kommungrupp`);
  return rows.map(({measure, ...d}) => ({...d, method: groupMethod(measure)}));
}

/**
 * Ranks of the compared units for one year: rank (1 = highest value), n (units
 * with a value), ties (units with exactly this value, itself included).
 */
/** @param {Query} query @param {{indicatorIds: string[], year: number}} options @returns {Promise<Row[]>} */
export async function unitRanks(query, {indicatorIds, year}) {
  return query(`SELECT indicator_id, year, area_code, value,
      rank() OVER (PARTITION BY indicator_id ORDER BY value DESC) AS rank,
      count(*) OVER (PARTITION BY indicator_id) AS n,
      count(*) OVER (PARTITION BY indicator_id, value) AS ties
    FROM (${comparedUnitsSql(indicatorIds, `o.year = ${sqlYear(year)}`)}) b
    WHERE status = 'ok'
    ORDER BY indicator_id, rank, area_code`);
}

/**
 * The comparison table: for each indicator, year and unit, the unit's value
 * with status, numerator and denominator, its rank among the compared units,
 * and the values of its kommungrupp, län and riket. `year`: one year;
 * "latest", each indicator's newest year with a value for riket; "all", every
 * year with a value for riket (a download of every year). `codes`: the units
 * (kommun or stadsdel codes); null for every kommun and stadsdel. A unit with
 * no row for the indicator (a stadsdel for most register indicators) has status null.
 */
/** SQL for an indicator's (alias i) newest year with a value for riket: "latest" on the pages. */
const LATEST_YEAR = "(SELECT max(r.year) FROM observations r WHERE r.indicator_id = i.id AND r.area_code = '00' AND r.status = 'ok')";
/** SQL for the years of an indicator (alias i) with a value for riket. */
const RIKET_YEARS = "(SELECT r.year FROM observations r WHERE r.indicator_id = i.id AND r.area_code = '00' AND r.status = 'ok')";

/**
 * @param {Query} query
 * @param {{indicatorIds: string[], year?: number | "latest" | "all", codes?: string[] | null}} options
 * @returns {Promise<Row[]>}
 */
export async function comparison(query, {indicatorIds, year = "latest", codes = null}) {
  const yearSql = year === "all" ? `IN ${RIKET_YEARS}` : `= ${year === "latest" ? LATEST_YEAR : sqlYear(year)}`;
  const units = codes === null ? "level IN ('kommun', 'stadsdel')" : `code IN ${sqlList(codes, sqlAreaCode)}`;
  return query(`WITH yr AS (
      SELECT i.id AS indicator_id, i.measure, y.year FROM indicators i
      JOIN (SELECT DISTINCT year FROM observations) y ON y.year ${yearSql}
      WHERE i.id IN ${sqlList(indicatorIds, sqlIndicatorId)}
    ), b AS (
      SELECT o.indicator_id, o.year, o.area_code, o.value, o.numerator, o.denominator, o.status, a.kommungrupp, i.measure
      FROM observations o
      JOIN yr ON yr.indicator_id = o.indicator_id AND yr.year = o.year
      JOIN indicators i ON i.id = o.indicator_id
      JOIN areas a ON a.code = o.area_code
      WHERE ${COMPARED_UNIT}
    ), ranked AS (
      SELECT indicator_id, year, area_code,
        rank() OVER (PARTITION BY indicator_id, year ORDER BY value DESC) AS rank,
        count(*) OVER (PARTITION BY indicator_id, year) AS rank_n,
        count(*) OVER (PARTITION BY indicator_id, year, value) AS ties
      FROM b WHERE status = 'ok'
    ), grp AS (
      SELECT b.indicator_id, b.year, b.kommungrupp, ${GROUP_COLUMNS}
      FROM b GROUP BY b.indicator_id, b.year, b.kommungrupp, b.measure
    ), u AS (
      SELECT code, kommungrupp, lan_code FROM areas WHERE ${units}
    )
    SELECT yr.indicator_id, yr.year, yr.measure, u.code,
      o.value, o.status, o.numerator, o.denominator,
      r.rank, r.rank_n, r.ties,
      u.kommungrupp AS group_code, g.value AS group_value, g.numerator AS group_numerator, g.denominator AS group_denominator, g.n AS group_n, g.units AS group_units,
      u.lan_code, l.value AS lan_value, l.status AS lan_status, l.numerator AS lan_numerator, l.denominator AS lan_denominator,
      rk.value AS riket_value, rk.status AS riket_status, rk.numerator AS riket_numerator, rk.denominator AS riket_denominator
    FROM yr CROSS JOIN u
    LEFT JOIN observations o ON o.indicator_id = yr.indicator_id AND o.year = yr.year AND o.area_code = u.code
    LEFT JOIN ranked r ON r.indicator_id = yr.indicator_id AND r.year = yr.year AND r.area_code = u.code
    LEFT JOIN grp g ON g.indicator_id = yr.indicator_id AND g.year = yr.year AND g.kommungrupp = u.kommungrupp
    LEFT JOIN observations l ON l.indicator_id = yr.indicator_id AND l.year = yr.year AND l.area_code = u.lan_code
    LEFT JOIN observations rk ON rk.indicator_id = yr.indicator_id AND rk.year = yr.year AND rk.area_code = '00'
    ORDER BY yr.indicator_id, yr.year, u.code`).then((rows) => rows.map((d) => ({...d, group_method: groupMethod(d.measure)})));
}

/**
 * Values over all years for the given areas (units, län, riket: any codes),
 * each with its comparability group_id (null for a year outside every group).
 */
/** @param {Query} query @param {{indicatorIds: string[], codes: string[]}} options @returns {Promise<Row[]>} */
export async function trends(query, {indicatorIds, codes}) {
  return query(`SELECT o.indicator_id, o.area_code, o.year, o.value, o.status, o.numerator, o.denominator, c.group_id
    FROM observations o
    LEFT JOIN comparability c ON c.indicator_id = o.indicator_id AND o.year BETWEEN c.first_year AND c.last_year
    WHERE o.indicator_id IN ${sqlList(indicatorIds, sqlIndicatorId)} AND o.area_code IN ${sqlList(codes, sqlAreaCode)}
    ORDER BY o.indicator_id, o.area_code, o.year`);
}

/** Every compared unit's value for one year (the dot strip): code, name, kind, value. */
/** @param {Query} query @param {{indicatorIds: string[], year: number}} options @returns {Promise<Row[]>} */
export async function distribution(query, {indicatorIds, year}) {
  return query(`SELECT b.indicator_id, b.area_code AS code, a.name, a.level, b.value, b.status
    FROM (${comparedUnitsSql(indicatorIds, `o.year = ${sqlYear(year)}`)}) b
    JOIN areas a ON a.code = b.area_code
    WHERE b.status = 'ok'
    ORDER BY b.indicator_id, b.value, b.area_code`);
}

/**
 * One row per kommun (all 290, for the map): value, status, numerator,
 * denominator. Storstäder carry their kommun row (computed from their
 * stadsdelar for survey indicators). A kommun without a row has status null.
 */
/** @param {Query} query @param {{indicatorId: string, year: number}} options @returns {Promise<Row[]>} */
export async function kommunValues(query, {indicatorId, year}) {
  return query(`SELECT a.code, a.name, a.lan_code, o.value, o.status, o.numerator, o.denominator
    FROM areas a
    LEFT JOIN observations o ON o.area_code = a.code AND o.indicator_id = ${sqlIndicatorId(indicatorId)} AND o.year = ${sqlYear(year)}
    WHERE a.level = 'kommun'
    ORDER BY a.code`);
}

/** Stadsdelar of the given storstäder with their values for one year. */
/**
 * @param {Query} query
 * @param {{indicatorIds: string[], year: number | "latest", kommunCodes: string[]}} options
 * @returns {Promise<Row[]>}
 */
export async function stadsdelValues(query, {indicatorIds, year, kommunCodes}) {
  const yearSql = year === "latest" ? LATEST_YEAR : sqlYear(year);
  return query(`SELECT o.indicator_id, a.kommun_code, a.code, a.name, o.year, o.value, o.status
    FROM areas a
    JOIN observations o ON o.area_code = a.code
    JOIN indicators i ON i.id = o.indicator_id AND o.year = ${yearSql}
    WHERE a.level = 'stadsdel' AND a.kommun_code IN ${sqlList(kommunCodes, sqlAreaCode)} AND o.indicator_id IN ${sqlList(indicatorIds, sqlIndicatorId)}
    ORDER BY o.indicator_id, a.code`);
}
