// @ts-check
// From comparison rows to what the tool shows and exports: one list of rows per
// indicator (the chosen units, then their kommungrupper, län and riket), the
// same list for the table, the bars and the downloaded file.
import {formatNumber, formatValue} from "../format.js";
import {REFERENCE_STYLE, UNIT_COLORS} from "./palette.js";
import {GROUP_DEFINITION} from "./queries.js";
import {ORGANISATION_NOTE, statusText, unitLabel} from "./text.js";
import {isAnswer, isOwnAnswer} from "../vocabulary.js";

/**
 * A chosen unit: what names it, and its kommungrupp and län.
 * @typedef {import("./text.js").UnitName & {kommungrupp: string, kommungrupp_name: string, lan_code: string, lan_name: string, survey_unit?: boolean, stadsdelar?: number}} SelectedUnit
 */
/** @typedef {{id: string, title: string, measure: string, unit: string}} IndicatorInfo */
/**
 * One row of an indicator's comparison: a chosen unit, a kommungrupp, a län or riket.
 * @typedef {{role: "unit" | "grupp" | "län" | "riket", code: string, label: string, color: string, value: number | null, status: string | null, note: string | null,
 *   numerator: number | null, denominator: number | null, unit?: SelectedUnit, rank?: number | null, rank_n?: number | null, ties?: number | null,
 *   shortLabel?: string, name?: string, method?: "andel" | "median", n?: number | null, units?: number | null}} DisplayRow
 */

/** A chosen unit's row whose value is the unit's own yes/no answer. @param {DisplayRow} row @param {IndicatorInfo} indicator */
const isOwnAnswerRow = (row, indicator) => row.role === "unit" && row.unit !== undefined && isOwnAnswer(indicator.measure, row.unit);

/**
 * "Ja"/"Nej" for a unit's own survey answer, the value in its unit otherwise; null without a value.
 * @param {DisplayRow} row
 * @param {IndicatorInfo} indicator
 * @returns {string | null}
 */
export function valueText(row, indicator) {
  if (row.value === null || row.value === undefined) return null;
  if (isOwnAnswerRow(row, indicator)) {
    if (indicator.measure === "response_rate") return row.value >= 50 ? "Svarade" : "Svarade inte";
    return row.value >= 50 ? "Ja" : "Nej";
  }
  return formatValue(row.value, indicator.measure);
}

/**
 * The basis of a value: "8 av 10 stadsdelar", "41 av 42 enheter", "median av 43 kommuner", "1 682 av 185 462".
 * @param {DisplayRow} row
 * @param {IndicatorInfo} indicator
 * @returns {string}
 */
export function basisText(row, indicator) {
  if (row.value === null || row.value === undefined) return "";
  const share = isAnswer(indicator.measure);
  if (row.role === "grupp") {
    return row.method === "andel" ? `${formatNumber(row.numerator)} av ${formatNumber(row.denominator)} enheter` : `median av ${formatNumber(row.n)} kommuner`;
  }
  if (isOwnAnswerRow(row, indicator)) return "";
  if (row.numerator === null || row.numerator === undefined || row.denominator === null || row.denominator === undefined) return "";
  if (share) {
    const what = row.role === "unit" && row.unit?.kind === "storstad" ? "stadsdelar" : "enheter";
    return `${formatNumber(row.numerator)} av ${formatNumber(row.denominator)} ${what}`;
  }
  if (indicator.measure === "rate_per_1000") return `${formatNumber(row.numerator)} av ${formatNumber(row.denominator)} barn`;
  return "";
}

/**
 * Where the unit stands among the compared units: "plats 46 av 277", "304 av 310 svarade ja".
 * @param {DisplayRow} row
 * @param {IndicatorInfo} indicator
 * @returns {string}
 */
export function placeText(row, indicator) {
  if (row.role !== "unit" || !row.rank || !row.rank_n) return "";
  if (isOwnAnswerRow(row, indicator)) {
    const yes = (row.value ?? 0) >= 50;
    const answer = indicator.measure === "response_rate" ? (yes ? "svarade" : "svarade inte") : yes ? "svarade ja" : "svarade nej";
    return `${formatNumber(row.ties)} av ${formatNumber(row.rank_n)} ${answer}`;
  }
  return `plats ${formatNumber(row.rank)} av ${formatNumber(row.rank_n)}${(row.ties ?? 0) > 1 ? " (delad)" : ""}`;
}

/**
 * The rows shown for one indicator: each chosen unit (in the order chosen),
 * then each distinct kommungrupp, län and riket. `comparisonRows` are this
 * indicator's rows of comparison(); `selection` is [{code, unit}];
 * `measured` says whether riket has a value that year (else "mättes inte").
 */
/**
 * @param {IndicatorInfo} indicator
 * @param {import("../sql.js").Row[]} comparisonRows
 * @param {readonly {code: string, unit: SelectedUnit}[]} selection
 * @param {{year?: number, measured?: boolean, lanNames?: Map<string, string>}} [options]
 * @returns {DisplayRow[]}
 */
export function displayRows(indicator, comparisonRows, selection, {year, measured = true, lanNames = new Map()} = {}) {
  const byCode = new Map(comparisonRows.map((r) => [r.code, r]));
  /** @type {DisplayRow[]} */
  const rows = selection.map(({code, unit}, i) => {
    const r = byCode.get(code) ?? {};
    const ok = r.status === "ok";
    return {
      role: /** @type {const} */ ("unit"),
      code,
      unit,
      label: unitLabel(unit),
      color: /** @type {string} */ (UNIT_COLORS[i % UNIT_COLORS.length]),
      value: ok ? r.value : null,
      status: r.status ?? null,
      note: ok ? null : statusText(r.status ?? null, {year, kind: unit.kind, measured}),
      numerator: r.numerator ?? null,
      denominator: r.denominator ?? null,
      rank: r.rank ?? null,
      rank_n: r.rank_n ?? null,
      ties: r.ties ?? null
    };
  });
  const first = comparisonRows[0];
  const seenGroups = new Set();
  const seenLan = new Set();
  for (const {code, unit} of selection) {
    const r = byCode.get(code);
    if (!r) continue;
    if (!seenGroups.has(unit.kommungrupp)) {
      seenGroups.add(unit.kommungrupp);
      const method = r.group_method;
      rows.push({
        role: "grupp",
        code: unit.kommungrupp,
        label: `Kommungrupp ${unit.kommungrupp} ${unit.kommungrupp_name}`,
        shortLabel: `Kommungrupp ${unit.kommungrupp}`,
        name: unit.kommungrupp_name,
        color: REFERENCE_STYLE.grupp.color,
        value: r.group_value ?? null,
        status: r.group_value === null || r.group_value === undefined ? "missing" : "ok",
        note: r.group_value === null || r.group_value === undefined ? statusText(null, {year, measured}) : null,
        method,
        numerator: r.group_numerator ?? null,
        denominator: r.group_denominator ?? null,
        n: r.group_n ?? null,
        units: r.group_units ?? null
      });
    }
    if (!seenLan.has(unit.lan_code)) {
      seenLan.add(unit.lan_code);
      rows.push({
        role: "län",
        code: unit.lan_code,
        label: lanNames.get(unit.lan_code) ?? unit.lan_name,
        color: REFERENCE_STYLE.län.color,
        value: r.lan_status === "ok" ? r.lan_value : null,
        status: r.lan_status ?? null,
        note: r.lan_status === "ok" ? null : statusText(r.lan_status ?? null, {year, measured}),
        numerator: r.lan_numerator ?? null,
        denominator: r.lan_denominator ?? null
      });
    }
  }
  if (first) {
    rows.push({
      role: "riket",
      code: "00",
      label: "Riket",
      color: REFERENCE_STYLE.riket.color,
      value: first.riket_status === "ok" ? first.riket_value : null,
      status: first.riket_status ?? null,
      note: first.riket_status === "ok" ? null : statusText(first.riket_status ?? null, {year, measured}),
      numerator: first.riket_numerator ?? null,
      denominator: first.riket_denominator ?? null
    });
  }
  return rows;
}

const ROLE_TEXT = {unit: "Vald enhet", grupp: "Kommungrupp", län: "Län", riket: "Riket"};

/** Columns of the downloaded table (codes as text, values as numbers). */
export const EXPORT_COLUMNS = [
  {key: "indicator_id", label: "Indikator-id", type: "text"},
  {key: "indicator", label: "Indikator", type: "text"},
  {key: "year", label: "År", type: "number", numFmt: "0"},
  {key: "role", label: "Jämförelse", type: "text"},
  {key: "code", label: "Kod", type: "text"},
  {key: "name", label: "Område", type: "text"},
  {key: "value", label: "Värde", type: "number", numFmt: "0.0"},
  {key: "unit", label: "Enhet", type: "text"},
  {key: "status", label: "Status", type: "text"},
  {key: "numerator", label: "Täljare", type: "number", numFmt: "#,##0"},
  {key: "denominator", label: "Nämnare", type: "number", numFmt: "#,##0"},
  {key: "method", label: "Beräkning", type: "text"},
  {key: "rank", label: "Placering", type: "number", numFmt: "0"},
  {key: "rank_n", label: "Antal enheter med värde", type: "number", numFmt: "0"}
];

/**
 * Display rows of one indicator as rows of the downloaded table.
 * @param {IndicatorInfo} indicator
 * @param {readonly DisplayRow[]} rows
 * @param {number} year
 */
export function exportRows(indicator, rows, year) {
  return rows.map((r) => ({
    indicator_id: indicator.id,
    indicator: indicator.title,
    year,
    role: ROLE_TEXT[r.role],
    code: r.code,
    name: r.role === "grupp" ? r.label.replace(/^Kommungrupp /, "") : r.label,
    value: r.value ?? null,
    unit: indicator.unit,
    status: r.value === null || r.value === undefined ? r.note ?? statusText("missing") : "",
    numerator: r.numerator ?? null,
    denominator: r.denominator ?? null,
    method: r.role === "grupp" ? (r.method === "andel" ? "andel av enheternas svar" : `median av ${r.n} kommuner`) : r.role === "unit" ? "" : "andel/summa för området",
    rank: r.role === "unit" ? r.rank ?? null : null,
    rank_n: r.role === "unit" ? r.rank_n ?? null : null
  }));
}

/**
 * @typedef {{year: number, value: number | null, status: string | null, numerator?: number | null, denominator?: number | null, n?: number | null}} YearPoint
 * @typedef {{unit: YearPoint[], group: YearPoint[], lan: YearPoint[], riket: YearPoint[]}} UnitTrends
 */

/**
 * A unit page's value of one indicator (a value of data/units/<kod>.json: the
 * latest year's comparison row and the trends of the unit, its kommungrupp,
 * län and riket) as comparison rows, one per year, for the download of every
 * year. The latest year is the row itself, with its rank; earlier years have
 * no rank (the pages rank only the latest year).
 * @param {import("../sql.js").Row & {trend: UnitTrends}} value
 * @param {string} code the unit's code
 * @returns {import("../sql.js").Row[]}
 */
export function comparisonRowsByYear(value, code) {
  /** @param {YearPoint[]} list */
  const byYear = (list) => new Map(list.map((p) => [p.year, p]));
  const [unit, group, lan, riket] = [byYear(value.trend.unit), byYear(value.trend.group), byYear(value.trend.lan), byYear(value.trend.riket)];
  const years = [...new Set([...unit.keys(), ...riket.keys(), value.year])].sort((a, b) => a - b);
  return years.map((year) => {
    if (year === value.year) return {...value, code};
    const [u, g, l, r] = [unit.get(year), group.get(year), lan.get(year), riket.get(year)];
    return {
      code,
      year,
      value: u?.value ?? null,
      status: u?.status ?? null,
      numerator: u?.numerator ?? null,
      denominator: u?.denominator ?? null,
      rank: null,
      rank_n: null,
      ties: null,
      group_method: value.group_method,
      group_value: g?.status === "ok" ? g.value : null,
      group_numerator: g?.numerator ?? null,
      group_denominator: g?.denominator ?? null,
      group_n: g?.n ?? null,
      lan_value: l?.value ?? null,
      lan_status: l?.status ?? null,
      lan_numerator: l?.numerator ?? null,
      lan_denominator: l?.denominator ?? null,
      riket_value: r?.value ?? null,
      riket_status: r?.status ?? null,
      riket_numerator: r?.numerator ?? null,
      riket_denominator: r?.denominator ?? null
    };
  });
}

/** The definitions shown under the tool, from the same constants the queries use. */
export const DEFINITIONS = [
  ["Jämförelseenheter", "För enkätindikatorer: de enheter som själva besvarar enkäten, det vill säga kommunerna utom Stockholm, Göteborg och Malmö samt dessa tre städers stadsdelar. För registerindikatorer: de 290 kommunerna."],
  ["Storstäderna", "Stockholm, Göteborg och Malmö besvarar enkäten genom sina stadsdelar. Stadens värde är andelen av stadsdelarna som svarat ja; staden ingår inte själv bland jämförelseenheterna."],
  ["Kommungrupp", "SKR:s kommungruppsindelning 2023 (A1–C9), använd för alla år. En stadsdel tillhör sin stads grupp, A1 Storstäder."],
  ["Kommungruppens värde, enkät", GROUP_DEFINITION.andel],
  ["Kommungruppens värde, register", GROUP_DEFINITION.median],
  ["Län och riket", "Andelen av alla enheter i länet respektive landet som svarat ja (enkät), eller områdets eget registervärde. För antal är det länets och rikets summa."],
  ["Placering", "Plats 1 har det högsta värdet bland jämförelseenheterna med värde samma år. Lika värden delar plats. För ja/nej-frågor visas hur många som svarat likadant."],
  ["Brott i tidsserien", "När frågan eller enkäten ändrats kan värdena inte jämföras: linjen bryts vid den streckade markeringen."],
  ["SKL och SKR", ORGANISATION_NOTE]
];
