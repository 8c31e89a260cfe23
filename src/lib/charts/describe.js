// @ts-check
// What a chart shows, in words and as a table: the accessible description of
// each chart (its key figures, read by a screen reader) and the data behind its
// "Visa som tabell" alternative. Pure functions over the same rows the charts
// draw, so node tests pin them; src/components/charts/a11y.js attaches them.
import {compareSv, formatValue} from "../format.js";
import {hasValue} from "../compare/series.js";
import {statusText} from "../vocabulary.js";

/**
 * A chart's data as a table: header cells, then one row of text cells per line.
 * `numeric[i]` says whether column i holds numbers (right-aligned).
 * @typedef {{columns: string[], numeric: boolean[], rows: string[][]}} ChartTable
 * @typedef {{description: string, table: ChartTable}} ChartText
 */

/** What to write where a value is missing: the point's note, else its status's text. @param {{note?: string | null, status?: string | null}} d */
const missingText = (d) => d.note ?? statusText(d.status ?? "missing");

/** "2012", "2012 och 2014", "2010, 2012 och 2014". @param {readonly (string | number)[]} items */
function listAnd(items) {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} och ${items[items.length - 1]}`;
}

/** The median of numbers (sorted or not); NaN for none. @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return NaN;
  return sorted.length % 2 ? /** @type {number} */ (sorted[mid]) : (/** @type {number} */ (sorted[mid - 1]) + /** @type {number} */ (sorted[mid])) / 2;
}

/**
 * A trend chart: per series its first and latest value and the years without
 * one; the breaks in comparability. The table has a row per year and a column per series.
 * @param {{label: string, points: {year: number, value?: number | null, status?: string | null, note?: string | null}[]}[]} series
 * @param {{measure?: string, years?: number[], breaks?: number[]}} [options] breaks: the first year after each break
 * @returns {ChartText}
 */
export function trendText(series, {measure = "share_yes", years, breaks = []} = {}) {
  const axis = years ?? [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  const span = axis.length ? (axis.length === 1 ? `${axis[0]}` : `${axis[0]}–${axis[axis.length - 1]}`) : "";
  const parts = series.map((s) => {
    const valued = s.points.filter(hasValue).sort((a, b) => a.year - b.year);
    const gaps = s.points.filter((p) => !hasValue(p)).map((p) => p.year);
    const first = valued[0];
    const last = valued[valued.length - 1];
    const gapText = gaps.length ? `; inget värde ${listAnd(gaps)}` : "";
    if (!first || !last) return `${s.label}: inget värde${gaps.length ? ` (${listAnd(gaps)})` : ""}.`;
    if (first === last) return `${s.label}: ${formatValue(last.value, measure)} ${last.year}${gapText}.`;
    return `${s.label}: ${formatValue(first.value, measure)} ${first.year}, ${formatValue(last.value, measure)} ${last.year}${gapText}.`;
  });
  const breakText = breaks.length ? ` Jämförbarheten bryts ${listAnd(breaks)}: värdena före och efter kan inte jämföras.` : "";
  const description = `Linjediagram${span ? ` ${span}` : ""}. ${parts.join(" ")}${breakText}`;
  const rows = axis.map((year) => [
    String(year),
    ...series.map((s) => {
      const p = s.points.find((d) => d.year === year);
      if (!p) return "";
      return hasValue(p) ? formatValue(p.value, measure) : missingText(p);
    })
  ]);
  return {description, table: {columns: ["År", ...series.map((s) => s.label)], numeric: [false, ...series.map(() => true)], rows}};
}

/**
 * A bar chart: every bar when there are few, else the highest and the lowest;
 * the rows without a value and why; the reference line.
 * @param {{label: string, value: number | null, status?: string | null, note?: string | null, numerator?: number | null, denominator?: number | null}[]} rows in the order drawn
 * @param {{measure?: string, reference?: number | null, referenceLabel?: string, format?: (value: number) => string}} [options]
 * @returns {ChartText}
 */
export function barText(rows, {measure = "share_yes", reference, referenceLabel = "Riket", format} = {}) {
  const text = (/** @type {number} */ v) => (format ? format(v) : formatValue(v, measure));
  const valued = rows.filter(hasValue);
  const without = rows.filter((d) => !hasValue(d));
  const byValue = [...valued].sort((a, b) => Number(b.value) - Number(a.value) || compareSv(a.label, b.label));
  const bar = (/** @type {{label: string, value: number | null}} */ d) => `${d.label} ${text(Number(d.value))}`;
  let content;
  if (valued.length <= 8) content = `${valued.map(bar).join(", ")}.`;
  else content = `Högst ${bar(/** @type {typeof valued[number]} */ (byValue[0]))}, lägst ${bar(/** @type {typeof valued[number]} */ (byValue[byValue.length - 1]))}.`;
  const missing = without.length ? ` Utan värde: ${without.map((d) => `${d.label} (${missingText(d)})`).join(", ")}.` : "";
  const hasReference = reference !== null && reference !== undefined;
  const referenceText = hasReference ? ` Streckad linje: ${referenceLabel} ${formatValue(reference, measure)}.` : "";
  const description = `Stapeldiagram med ${rows.length} ${rows.length === 1 ? "stapel" : "staplar"}. ${valued.length ? content : ""}${missing}${referenceText}`.replace(/ {2,}/g, " ").trim();
  const basis = rows.some((d) => d.numerator !== null && d.numerator !== undefined && d.denominator);
  const tableRows = rows.map((d) => [
    d.label,
    hasValue(d) ? text(Number(d.value)) : missingText(d),
    ...(basis ? [d.numerator !== null && d.numerator !== undefined && d.denominator ? `${formatValue(d.numerator, "count")} av ${formatValue(d.denominator, "count")}` : ""] : [])
  ]);
  if (hasReference) tableRows.push([referenceLabel, formatValue(reference, measure), ...(basis ? [""] : [])]);
  return {description, table: {columns: ["Område", "Värde", ...(basis ? ["Underlag"] : [])], numeric: [false, true, ...(basis ? [false] : [])], rows: tableRows}};
}

/**
 * A dot strip: how many units, their range and median, the chosen units and the reference.
 * The table lists every unit, highest value first, the chosen ones marked.
 * @param {{code: string, name: string, value: number | null, status?: string | null}[]} rows
 * @param {{code: string, label: string, value: number | null}[]} chosen
 * @param {{measure?: string, reference?: number | null, referenceLabel?: string}} [options]
 * @returns {ChartText}
 */
export function stripText(rows, chosen, {measure = "share_yes", reference, referenceLabel = "Riket"} = {}) {
  const valued = rows.filter(hasValue);
  const values = valued.map((d) => Number(d.value));
  const range = values.length ? ` från ${formatValue(Math.min(...values), measure)} till ${formatValue(Math.max(...values), measure)}, median ${formatValue(median(values), measure)}` : "";
  const marked = chosen.filter(hasValue);
  const chosenText = marked.length ? ` Markerade: ${marked.map((d) => `${d.label} ${formatValue(d.value, measure)}`).join(", ")}.` : "";
  const referenceText = reference !== null && reference !== undefined ? ` ${referenceLabel}: ${formatValue(reference, measure)}.` : "";
  const description = `Punktdiagram med en punkt per enhet: ${valued.length} enheter med värde${range}.${chosenText}${referenceText}`;
  const chosenCodes = new Set(chosen.map((d) => d.code));
  const sorted = [...valued].sort((a, b) => Number(b.value) - Number(a.value) || compareSv(a.name, b.name));
  return {
    description,
    table: {
      columns: ["Enhet", "Värde"],
      numeric: [false, true],
      rows: sorted.map((d) => [chosenCodes.has(d.code) ? `${d.name} (vald)` : d.name, formatValue(d.value, measure)])
    }
  };
}

/**
 * A map of the kommuner: how many have a value, the highest and the lowest,
 * how many are grey. The table lists every kommun in Swedish order with its value or why it has none.
 * @param {{code: string, name: string}[]} kommuner
 * @param {Map<string, {value: number | null, status: string | null, note?: string | null}>} values
 * @param {{measure?: string}} [options]
 * @returns {ChartText}
 */
export function mapText(kommuner, values, {measure = "share_yes"} = {}) {
  const rows = kommuner.map((k) => ({...k, ...(values.get(k.code) ?? {value: null, status: "missing"})}));
  const valued = rows.filter(hasValue).sort((a, b) => Number(b.value) - Number(a.value) || compareSv(a.name, b.name));
  const top = valued[0];
  const bottom = valued[valued.length - 1];
  const extremes = top && bottom ? ` Högst ${top.name} (${formatValue(top.value, measure)}), lägst ${bottom.name} (${formatValue(bottom.value, measure)}).` : "";
  const grey = rows.length - valued.length;
  const description = `Karta över ${rows.length} kommuner, färgade efter värde: ${valued.length} med värde.${extremes}${grey ? ` ${grey} utan värde visas grå.` : ""}`;
  const sorted = [...rows].sort((a, b) => compareSv(a.name, b.name));
  return {
    description,
    table: {columns: ["Kommun", "Värde"], numeric: [false, true], rows: sorted.map((d) => [d.name, hasValue(d) ? formatValue(d.value, measure) : missingText(d)])}
  };
}
