// Charts of a cell's result. A chart is a small spec ({type, x, y, color} and
// what kind of values each channel holds); plotExpression turns it into
// Observable Plot code. The notebook draws a chart by compiling that very code,
// and the exported page contains it verbatim, so the chart an analyst sees is
// the chart the report page draws. Pure (no DOM): node tests import it.

/**
 * @typedef {"year" | "number" | "time" | "category"} Kind
 * @typedef {{type: "bar" | "line" | "dot", x: string, y: string, color: string | null, xKind: Kind, yKind: Kind, colorKind: Kind | null}} ChartSpec
 * @typedef {{name: string, type: string}} Column
 */

export const CHART_TYPES = ["bar", "line", "dot"];
export const CHART_TYPE_LABELS = {bar: "Stapel", line: "Linje", dot: "Punkt"};
export const KINDS = ["year", "number", "time", "category"];

const INTEGER_TYPES = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|INT\d*|UINT\d*)$/;
const NUMBER_TYPES = /^(FLOAT|REAL|DOUBLE|DECIMAL(\(.*\))?|NUMERIC(\(.*\))?|FLOAT\d*)$/;
const TIME_TYPES = /^(DATE|TIMESTAMP.*|TIMESTAMPTZ|DATETIME)$/;

/** A DuckDB type name → "integer", "number", "time" or "text" (everything else: VARCHAR, BOOLEAN, lists…). */
export function typeClass(type) {
  const t = String(type).toUpperCase().trim();
  if (INTEGER_TYPES.test(t)) return "integer";
  if (NUMBER_TYPES.test(t)) return "number";
  if (TIME_TYPES.test(t)) return "time";
  return "text";
}

/** Column names that say "year": year, first_year, population_year, år, ar. */
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
    if (values.length > 0 && values.every((v) => Number.isInteger(v) && v >= 1900 && v <= 2100) && new Set(values).size <= 60) return "year";
    return "number";
  }
  if (cls === "number") return "number";
  if (cls === "time") return "time";
  return "category";
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
  const of = (kind) => kinds.filter((k) => k.kind === kind);
  const numbers = of("number");
  const years = [...of("year"), ...of("time")];
  const categories = of("category");
  // A colour is only useful with few values; pick the category with the fewest (more than one).
  const colour = (exclude) =>
    categories
      .filter((c) => c.name !== exclude)
      .map((c) => ({...c, n: distinctCount(rows, c.name)}))
      .filter((c) => c.n > 1 && c.n <= 10)
      .sort((a, b) => a.n - b.n)[0] ?? null;
  const spec = (type, x, y, color) => ({type, x: x.name, y: y.name, color: color?.name ?? null, xKind: x.kind, yKind: y.kind, colorKind: color?.kind ?? null});

  if (years.length > 0 && numbers.length > 0) {
    const x = years[0];
    const y = numbers[0];
    const color = colour(null);
    const repeated = distinctCount(rows, x.name) < rows.length;
    return spec(repeated && !color ? "dot" : "line", x, y, color);
  }
  if (categories.length > 0 && numbers.length > 0) {
    const y = categories.map((c) => ({...c, n: distinctCount(rows, c.name)})).sort((a, b) => b.n - a.n)[0];
    const color = colour(y.name);
    return spec("bar", numbers[0], y, color);
  }
  if (numbers.length >= 2) return spec("dot", numbers[0], numbers[1], colour(null));
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
  if (!CHART_TYPES.includes(chart.type)) throw new Error(`okänd diagramtyp ${JSON.stringify(chart.type)} (bar, line eller dot)`);
  for (const channel of ["x", "y"]) {
    if (typeof chart[channel] !== "string" || chart[channel] === "") throw new Error(`kolumnen för ${channel} saknas`);
    if (!KINDS.includes(chart[`${channel}Kind`])) throw new Error(`${channel}Kind är ${JSON.stringify(chart[`${channel}Kind`])}, väntade ${KINDS.join(", ")}`);
  }
  const color = chart.color ?? null;
  if (color !== null && typeof color !== "string") throw new Error("color är varken text eller null");
  const colorKind = color === null ? null : chart.colorKind;
  if (color !== null && !KINDS.includes(colorKind)) throw new Error(`colorKind är ${JSON.stringify(chart.colorKind)}, väntade ${KINDS.join(", ")}`);
  return {type: chart.type, x: chart.x, y: chart.y, color, xKind: chart.xKind, yKind: chart.yKind, colorKind};
}

const quantitative = (kind) => kind === "number";

/**
 * Why a spec cannot be drawn from a result with these columns (Swedish), or null.
 * @param {ChartSpec} spec
 * @param {Column[]} columns
 * @returns {string | null}
 */
export function chartProblem(spec, columns) {
  const names = new Set(columns.map((c) => c.name));
  for (const channel of ["x", "y", "color"]) {
    const name = spec[channel];
    if (name !== null && name !== undefined && !names.has(name)) return `Resultatet har ingen kolumn ${name}. Välj en annan kolumn.`;
  }
  if (spec.type === "bar" && !quantitative(spec.xKind) && !quantitative(spec.yKind)) {
    return "Ett stapeldiagram behöver en numerisk kolumn på x- eller y-axeln.";
  }
  return null;
}

const field = (name) => JSON.stringify(name);
/** Marks without a colour column take the theme's accent, as the site's other charts do. */
const ACCENT = '"var(--theme-foreground-focus)"';
const paint = (channel, color) => `, ${channel}: ${color ? field(color) : ACCENT}`;
const NUMBER_FORMAT = "(d) => formatNumber(d, {decimals: 2, trim: true})";
const YEAR_FORMAT = "(d) => String(d)";
const formatFor = (kind) => (kind === "year" ? YEAR_FORMAT : kind === "number" ? NUMBER_FORMAT : null);

/** Plot scale options for one axis, as code. */
function axisCode(name, kind, {dataVar, continuous, extra = []}) {
  const parts = [`label: ${field(name)}`, ...extra];
  const format = formatFor(kind);
  if (format) parts.push(`tickFormat: ${format}`);
  // On a continuous year axis, ticks at the years in the data (every fifth beyond 20):
  // the default ticks would fall between years.
  if (kind === "year" && continuous) {
    parts.push(
      `ticks: [...new Set(${dataVar}.map((d) => d[${field(name)}]))].filter((v) => v != null).sort((a, b) => a - b).filter((v, i, all) => all.length <= 20 || v % 5 === 0)`
    );
  }
  return `{${parts.join(", ")}}`;
}

/** The tip's number formats, as code ({x: …, y: …, fill: …}), or null. */
function tipCode(spec, colorChannel) {
  const entries = [
    ["x", formatFor(spec.xKind)],
    ["y", formatFor(spec.yKind)],
    [colorChannel, spec.color ? formatFor(spec.colorKind) : null]
  ].filter(([, f]) => f);
  return entries.length ? `{format: {${entries.map(([k, f]) => `${k}: ${f}`).join(", ")}}}` : "true";
}

/**
 * Observable Plot code drawing `spec` from the rows in variable `dataVar`, with
 * `width` in scope and `formatNumber` from src/lib/format.js. One
 * expression (Plot.plot({…})), laid out to be read in an exported page.
 * @param {ChartSpec} spec
 * @param {string} [dataVar]
 * @returns {string}
 */
export function plotExpression(spec, dataVar = "data") {
  const {type, x, y, color, xKind, yKind} = spec;
  const options = ["width"];
  const marks = [];
  const categoryLike = (kind) => kind === "category" || kind === "year";
  if (type === "bar") {
    const horizontal = quantitative(xKind) && !quantitative(yKind);
    if (horizontal) {
      // Long names (kommuner, indikatorer) on the left, one row per category.
      options.push(`height: Math.max(160, 22 * new Set(${dataVar}.map((d) => d[${field(y)}])).size + 60)`);
      options.push(`marginLeft: Math.min(260, Math.max(60, 12 + 7 * Math.max(0, ...${dataVar}.map((d) => String(d[${field(y)}] ?? "").length))))`);
      options.push(`x: ${axisCode(x, xKind, {dataVar, continuous: true, extra: ["grid: true", 'axis: "top"']})}`);
      // The category names say what they are; a rotated label would collide with them.
      options.push(`y: ${axisCode(y, yKind, {dataVar, continuous: false}).replace(/^\{label: [^,}]+/, "{label: null")}`);
      const sort = yKind === "category" ? `, sort: {y: "-x"}` : "";
      marks.push(`Plot.barX(${dataVar}, {x: ${field(x)}, y: ${field(y)}${paint("fill", color)}${sort}, tip: ${tipCode(spec, "fill")}})`);
      marks.push("Plot.ruleX([0])");
    } else {
      options.push("marginLeft: 64");
      options.push(`x: ${axisCode(x, xKind, {dataVar, continuous: false})}`);
      options.push(`y: ${axisCode(y, yKind, {dataVar, continuous: true, extra: ["grid: true"]})}`);
      const sort = xKind === "category" ? `, sort: {x: "-y"}` : "";
      marks.push(`Plot.barY(${dataVar}, {x: ${field(x)}, y: ${field(y)}${paint("fill", color)}${sort}, tip: ${tipCode(spec, "fill")}})`);
      marks.push("Plot.ruleY([0])");
    }
  } else {
    options.push("marginLeft: 64");
    options.push(`x: ${axisCode(x, xKind, {dataVar, continuous: !categoryLike(xKind) || xKind === "year"})}`);
    options.push(`y: ${axisCode(y, yKind, {dataVar, continuous: !categoryLike(yKind) || yKind === "year", extra: ["grid: true"]})}`);
    if (type === "line") {
      if (quantitative(yKind)) marks.push("Plot.ruleY([0])");
      marks.push(`Plot.lineY(${dataVar}, {x: ${field(x)}, y: ${field(y)}${paint("stroke", color)}, sort: {channel: "x"}, strokeWidth: 2})`);
      marks.push(`Plot.dot(${dataVar}, {x: ${field(x)}, y: ${field(y)}${paint("fill", color)}, r: 3, tip: ${tipCode(spec, "fill")}})`);
    } else {
      marks.push(`Plot.dot(${dataVar}, {x: ${field(x)}, y: ${field(y)}${paint("stroke", color)}, tip: ${tipCode(spec, "stroke")}})`);
    }
  }
  if (color) options.push(`color: {legend: true${spec.colorKind === "category" || spec.colorKind === "year" ? ', type: "ordinal"' : ""}}`);
  options.push(`marks: [\n    ${marks.join(",\n    ")}\n  ]`);
  return `Plot.plot({\n  ${options.join(",\n  ")}\n})`;
}

/**
 * The chart as a function (Plot, formatNumber, data, width) → SVG/figure,
 * compiled from plotExpression so the notebook runs the code it exports.
 * @param {ChartSpec} spec
 * @returns {(Plot: any, formatNumber: any, data: Record<string, unknown>[], width: number) => unknown}
 */
export function compilePlot(spec) {
  // eslint-disable-next-line no-new-func
  return /** @type {any} */ (new Function("Plot", "formatNumber", "data", "width", `"use strict";\nreturn ${plotExpression(spec, "data")};`));
}
