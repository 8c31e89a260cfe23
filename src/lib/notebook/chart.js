// @ts-check
// Charts of a cell's result. A chart is a small spec ({type, x, y, color,
// facet, labels} and what kind of values each channel holds); chartPlan turns
// it into Observable Plot options *as data* (mark names, column names, format
// names), which src/components/notebook/chartDraw.js hands to Plot. Nothing in
// a spec ever becomes code: a column name is only ever a field name or a
// label. The notebook and its exported pages draw through the same plan, so
// the chart an analyst sees is the chart the report page draws. Pure (no DOM).

import {AREA_CODES} from "../schema.js";

/**
 * @typedef {"year" | "number" | "time" | "category"} Kind
 * @typedef {"bar" | "stacked" | "grouped" | "line" | "dot" | "map"} ChartType
 * @typedef {{type: ChartType, x: string, y: string, color: string | null, xKind: Kind, yKind: Kind, colorKind: Kind | null,
 *   facet?: string | null, title?: string, xLabel?: string | null, yLabel?: string | null}} ChartSpec
 *   `facet`: small multiples, one panel per value of that column. `title`,
 *   `xLabel`, `yLabel`: text the analyst typed (null or absent: the column's name).
 *   A map's x is the area-code column and y the value that colours each kommun.
 * @typedef {{name: string, type: string}} Column
 */

/** @type {ChartType[]} */
export const CHART_TYPES = ["bar", "stacked", "grouped", "line", "dot", "map"];
/** @type {Record<ChartType, string>} */
export const CHART_TYPE_LABELS = {bar: "Stapel", stacked: "Staplade staplar", grouped: "Grupperade staplar", line: "Linje", dot: "Punkt", map: "Karta (kommuner)"};
/** Longest title or axis label a spec may carry. */
export const MAX_LABEL_LENGTH = 200;
export const KINDS = ["year", "number", "time", "category"];

const SHAPES = /** @type {Record<string, string>} */ (AREA_CODES);
const CODE_SHAPES = [new RegExp(`^${SHAPES.riket}$`), ...["län", "kommun", "stadsdel"].map((level) => new RegExp(SHAPES[level] ?? "^$"))];
const INTEGER_TYPES = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|INT\d*|UINT\d*)$/;
const NUMBER_TYPES = /^(FLOAT|REAL|DOUBLE|DECIMAL(\(.*\))?|NUMERIC(\(.*\))?|FLOAT\d*)$/;
const TIME_TYPES = /^(DATE|TIMESTAMP.*|TIMESTAMPTZ|DATETIME)$/;

/** A DuckDB type name → "integer", "number", "time" or "text" (everything else: VARCHAR, BOOLEAN, lists…). @param {string} type */
export function typeClass(type) {
  const t = String(type).toUpperCase().trim();
  if (INTEGER_TYPES.test(t)) return "integer";
  if (NUMBER_TYPES.test(t)) return "number";
  if (TIME_TYPES.test(t)) return "time";
  return "text";
}

/** Column names that say "year": year, first_year, population_year, år, ar. @param {string} name */
export function isYearName(name) {
  return /(^|_)(year|years|år|ar|aar)(_|$)/i.test(name);
}

/**
 * The kind of values a column holds, for charts and number formatting: "year"
 * (an integer column named like a year, or whose values all look like years),
 * "number", "time" or "category".
 */
/**
 * @param {Column} column
 * @param {Record<string, unknown>[]} [rows]
 * @returns {Kind}
 */
export function columnKind(column, rows = []) {
  const cls = typeClass(column.type);
  if (cls === "integer") {
    if (isYearName(column.name)) return "year";
    const values = rows.map((r) => r[column.name]).filter((v) => v !== null && v !== undefined);
    if (values.length > 0 && values.every((v) => typeof v === "number" && Number.isInteger(v) && v >= 1900 && v <= 2100) && new Set(values).size <= 60) return "year";
    return "number";
  }
  if (cls === "number") return "number";
  if (cls === "time") return "time";
  return "category";
}

/** Column names that hold a share (drawn before counts) and names that hold a count. */
const SHARE_NAME = /(procent|andel|share|percent|pct|rate|värde|value|medel|mean|avg)/i;
const COUNT_NAME = /(antal|count|^n$|_n$|^ja$|svarande|enheter|units|numerator|denominator|täljare|nämnare|population|barn|invånare)/i;

/**
 * 0 for a share-like column name, 2 for a count-like one, 1 otherwise.
 * @param {string} name
 */
export function measureRank(name) {
  if (SHARE_NAME.test(name)) return 0;
  if (COUNT_NAME.test(name)) return 2;
  return 1;
}

/**
 * True for a column of area codes (kommun "0180", län "01", riket "00"): by
 * name (area_code, kod, code, kommun_code…) or by values that are all 2- or
 * 4-digit codes.
 * @param {Column} column
 * @param {Record<string, unknown>[]} [rows]
 */
export function isAreaCodeColumn(column, rows = []) {
  if (typeClass(column.type) !== "text") return false;
  const values = rows.map((r) => r[column.name]).filter((v) => v !== null && v !== undefined);
  const codeLike = values.length > 0 && values.every((v) => typeof v === "string" && CODE_SHAPES.some((shape) => shape.test(v)));
  return codeLike && (/(^|_)(area_code|kod|code|kommun_code|kommunkod|area)$/i.test(column.name) || values.some((v) => String(v).length === 4));
}

/** @type {(rows: Record<string, unknown>[], name: string) => number} */
const distinctCount = (rows, name) => new Set(rows.map((r) => r[name])).size;

/**
 * The chart one click should draw for a result: a year (or date) and a number
 * make a line, with a category of at most 10 values as colour (several values per
 * year and no such category make dots instead, since a line would zigzag between
 * units); a category and a number make horizontal bars; two numbers make dots.
 * Null when the result has no numeric column.
 * @param {Column[]} columns
 * @param {Record<string, unknown>[]} [rows]
 * @returns {ChartSpec | null}
 */
export function defaultChart(columns, rows = []) {
  const kinds = columns.map((c) => ({name: c.name, kind: columnKind(c, rows)}));
  const of = (/** @type {Kind} */ kind) => kinds.filter((k) => k.kind === kind);
  // A share says more than the count it was computed from: draw it first.
  const numbers = of("number").sort((a, b) => measureRank(a.name) - measureRank(b.name));
  const years = [...of("year"), ...of("time")];
  const categories = of("category");
  // A colour is only useful with few values; pick the category with the fewest (more than one).
  const colour = (/** @type {string | null} */ exclude) =>
    categories
      .filter((c) => c.name !== exclude)
      .map((c) => ({...c, n: distinctCount(rows, c.name)}))
      .filter((c) => c.n > 1 && c.n <= 10)
      .sort((a, b) => a.n - b.n)[0] ?? null;
  /** @typedef {{name: string, kind: Kind}} Named */
  /** @type {(type: ChartType, x: Named, y: Named, color: Named | null) => ChartSpec} */
  const spec = (type, x, y, color) => ({type, x: x.name, y: y.name, color: color?.name ?? null, xKind: x.kind, yKind: y.kind, colorKind: color?.kind ?? null});

  const [x0] = years;
  const [n0, n1] = numbers;
  if (x0 && n0) {
    const x = x0;
    const y = n0;
    const color = colour(null);
    const repeated = distinctCount(rows, x.name) < rows.length;
    return spec(repeated && !color ? "dot" : "line", x, y, color);
  }
  const y = categories.map((c) => ({...c, n: distinctCount(rows, c.name)})).sort((a, b) => b.n - a.n)[0];
  if (y && n0) return spec("bar", n0, y, colour(y.name));
  if (n0 && n1) return spec("dot", n0, n1, colour(null));
  return null;
}

/**
 * Checks a chart spec read from a file or link; throws an Error (Swedish) saying what is wrong.
 * @param {any} chart
 * @returns {ChartSpec | null}
 */
export function normalizeChart(chart) {
  if (chart === null) return null;
  if (typeof chart !== "object" || Array.isArray(chart)) throw new Error("diagrammet är inte ett objekt");
  if (!CHART_TYPES.includes(chart.type)) throw new Error(`okänd diagramtyp ${JSON.stringify(chart.type)} (${CHART_TYPES.join(", ")})`);
  for (const channel of ["x", "y"]) {
    if (typeof chart[channel] !== "string" || chart[channel] === "") throw new Error(`kolumnen för ${channel} saknas`);
    if (!KINDS.includes(chart[`${channel}Kind`])) throw new Error(`${channel}Kind är ${JSON.stringify(chart[`${channel}Kind`])}, väntade ${KINDS.join(", ")}`);
  }
  const color = chart.color ?? null;
  if (color !== null && typeof color !== "string") throw new Error("color är varken text eller null");
  const colorKind = color === null ? null : chart.colorKind;
  if (color !== null && !KINDS.includes(colorKind)) throw new Error(`colorKind är ${JSON.stringify(chart.colorKind)}, väntade ${KINDS.join(", ")}`);
  const facet = chart.facet ?? null;
  if (facet !== null && typeof facet !== "string") throw new Error("facet är varken text eller null");
  /** @type {ChartSpec} */
  const spec = {type: chart.type, x: chart.x, y: chart.y, color, xKind: chart.xKind, yKind: chart.yKind, colorKind};
  if (facet !== null) spec.facet = facet;
  for (const key of /** @type {const} */ (["title", "xLabel", "yLabel"])) {
    const value = chart[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== "string") throw new Error(`${key} är inte text`);
    if (value.length > MAX_LABEL_LENGTH) throw new Error(`${key} är längre än ${MAX_LABEL_LENGTH} tecken`);
    spec[key] = value;
  }
  return spec;
}

const quantitative = (/** @type {Kind | null | undefined} */ kind) => kind === "number";

/**
 * Why a spec cannot be drawn from a result with these columns (Swedish), or null.
 * @param {ChartSpec} spec
 * @param {Column[]} columns
 * @returns {string | null}
 */
export function chartProblem(spec, columns) {
  const names = new Set(columns.map((c) => c.name));
  for (const channel of /** @type {const} */ (["x", "y", "color", "facet"])) {
    const name = spec[channel];
    if (name !== null && name !== undefined && !names.has(name)) return `Resultatet har ingen kolumn ${name}. Välj en annan kolumn.`;
  }
  const bars = spec.type === "bar" || spec.type === "stacked" || spec.type === "grouped";
  if (bars && !quantitative(spec.xKind) && !quantitative(spec.yKind)) {
    return "Ett stapeldiagram behöver en numerisk kolumn på x- eller y-axeln.";
  }
  if ((spec.type === "stacked" || spec.type === "grouped") && !spec.color) {
    return "Staplade och grupperade staplar delas upp efter en kolumn: välj en kolumn för färg.";
  }
  if (spec.type === "map") {
    const code = columns.find((c) => c.name === spec.x);
    if (!code || typeClass(code.type) !== "text") return "En karta behöver kommunkoder (text, t.ex. 0180) på x och ett tal på y.";
    if (!quantitative(spec.yKind)) return "En karta färgar kommunerna efter ett tal: välj en numerisk kolumn för y.";
  }
  return null;
}

