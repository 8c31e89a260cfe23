// @ts-check
// All kommuner (and, for a survey indicator, the storstäder's stadsdelar) for
// one indicator and year: the rows of the sortable, filterable table on
// /jamfor, its filters, its order and its download. Pure functions over rows
// of comparison() (src/lib/compare/queries.js) with codes null; tested in
// test/src/lib/compare/unitList.test.ts.
import {compareSv} from "../format.js";
import {statusText} from "./text.js";
import {isOwnAnswer} from "../vocabulary.js";
import {basisText, valueText} from "./views.js";

/**
 * One unit in the list.
 * @typedef {{code: string, name: string, kind: string, kind_text: string, lan_code: string, lan_name: string, kommungrupp: string, kommungrupp_name: string,
 *   value: number | null, text: string | null, status: string | null, note: string | null, basis: string, numerator: number | null, denominator: number | null,
 *   rank: number | null, rank_n: number | null}} ListRow
 * @typedef {{lan?: string | null, grupp?: string | null, stadsdelar?: boolean}} ListFilter
 * @typedef {"name" | "code" | "lan" | "grupp" | "value" | "rank"} ListKey
 */

const KIND_TEXT = {kommun: "Kommun", storstad: "Storstad", stadsdel: "Stadsdel"};

/**
 * The list's rows: every unit of `units` (index.json rows) with its value that year.
 * @param {import("./views.js").IndicatorInfo & {source?: string}} indicator
 * @param {readonly import("../sql.js").Row[]} comparisonRows this indicator's rows of comparison(), one per unit
 * @param {readonly (import("./views.js").SelectedUnit & {code: string})[]} units
 * @param {{year: number}} options
 * @returns {ListRow[]}
 */
export function listRows(indicator, comparisonRows, units, {year}) {
  const byCode = new Map(comparisonRows.map((r) => [r.code, r]));
  return units.map((unit) => {
    const r = byCode.get(unit.code) ?? {};
    const ok = r.status === "ok";
    const row = {role: /** @type {const} */ ("unit"), code: unit.code, unit, label: unit.name, color: "", value: ok ? r.value : null, status: r.status ?? null, note: null, numerator: r.numerator ?? null, denominator: r.denominator ?? null};
    // A unit's own yes or no is "Ja"/"Nej" and has no place: 300 units share the first.
    const own = isOwnAnswer(indicator.measure, unit);
    return {
      code: unit.code,
      name: unit.kind === "stadsdel" ? `${unit.name} (${unit.kommun_name})` : unit.name,
      kind: unit.kind,
      kind_text: KIND_TEXT[/** @type {keyof typeof KIND_TEXT} */ (unit.kind)] ?? unit.kind,
      lan_code: unit.lan_code,
      lan_name: unit.lan_name,
      kommungrupp: unit.kommungrupp,
      kommungrupp_name: unit.kommungrupp_name,
      value: row.value,
      text: valueText(row, indicator),
      status: row.status,
      note: ok ? null : statusText(r.status ?? null, {year, kind: unit.kind}),
      basis: ok ? basisText(row, indicator) : "",
      numerator: row.numerator,
      denominator: row.denominator,
      rank: own ? null : r.rank ?? null,
      rank_n: own ? null : r.rank_n ?? null
    };
  });
}

/**
 * The rows a filter keeps: one län, one kommungrupp, with or without the
 * stadsdelar (kommuner always).
 * @param {readonly ListRow[]} rows
 * @param {ListFilter} filter
 * @returns {ListRow[]}
 */
export function filterList(rows, {lan = null, grupp = null, stadsdelar = false} = {}) {
  return rows.filter((r) => (!lan || r.lan_code === lan) && (!grupp || r.kommungrupp === grupp) && (stadsdelar || r.kind !== "stadsdel"));
}

/** @type {Record<ListKey, (a: ListRow, b: ListRow) => number>} */
const ORDER = {
  name: (a, b) => compareSv(a.name, b.name),
  code: (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  lan: (a, b) => compareSv(a.lan_name, b.lan_name),
  grupp: (a, b) => compareSv(a.kommungrupp, b.kommungrupp),
  value: (a, b) => Number(a.value) - Number(b.value),
  rank: (a, b) => Number(a.rank) - Number(b.rank)
};

/**
 * The rows in the order of one column, ascending or descending; rows without a
 * value (or without a place) come last either way, in Swedish order.
 * @param {readonly ListRow[]} rows
 * @param {ListKey} key
 * @param {"ascending" | "descending"} direction
 * @returns {ListRow[]}
 */
export function sortList(rows, key, direction) {
  const blank = (/** @type {ListRow} */ r) => (key === "value" && r.value === null) || (key === "rank" && r.rank === null);
  const sign = direction === "ascending" ? 1 : -1;
  // Equal values stay in Swedish order by name whichever way the column runs.
  const filled = rows.filter((r) => !blank(r)).sort((a, b) => sign * ORDER[key](a, b) || compareSv(a.name, b.name));
  const empty = rows.filter(blank).sort(ORDER.name);
  return [...filled, ...empty];
}

/** The län and kommungrupper present in the rows, each once, in Swedish order (for the filters). @param {readonly ListRow[]} rows */
export function listChoices(rows) {
  /** @param {(r: ListRow) => [string, string]} pick */
  const unique = (pick) => [...new Map(rows.map((r) => pick(r))).entries()].map(([code, name]) => ({code, name}));
  return {
    lan: unique((r) => [r.lan_code, r.lan_name]).sort((a, b) => compareSv(a.name, b.name)),
    grupp: unique((r) => [r.kommungrupp, `${r.kommungrupp} ${r.kommungrupp_name}`]).sort((a, b) => compareSv(a.code, b.code))
  };
}

/**
 * The rows as rows of the downloaded table (EXPORT_COLUMNS of views.js).
 * @param {import("./views.js").IndicatorInfo} indicator
 * @param {readonly ListRow[]} rows
 * @param {number} year
 */
export function listExport(indicator, rows, year) {
  return rows.map((r) => ({
    indicator_id: indicator.id,
    indicator: indicator.title,
    year,
    role: r.kind_text,
    code: r.code,
    name: r.name,
    value: r.value,
    unit: indicator.unit,
    status: r.value === null ? r.note ?? "" : "",
    numerator: r.numerator,
    denominator: r.denominator,
    method: "",
    rank: r.rank,
    rank_n: r.rank_n
  }));
}
