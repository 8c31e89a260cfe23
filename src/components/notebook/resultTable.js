// @ts-check
// A result as an HTML table: column names with their DuckDB types, numbers
// right-aligned and written the Swedish way, NULL as a dash, and (when
// sortable) header buttons that ask for the whole result sorted by a column.
// Each number column is written with one number of decimals throughout: one
// for shares, none for counts, what the column needs (at most two) otherwise.
import {columnKind} from "../../lib/notebook/chart.js";
import {columnFormatter, columnStyle, formatCell} from "../../lib/notebook/display.js";
import {el} from "./dom.js";

/** @typedef {{name: string, type: string}} Column */

/**
 * @param {Record<string, any>[]} rows
 * @param {Column[]} columns
 * @param {{label: string, sort?: string | null, descending?: boolean, onSort?: ((column: string) => void) | null, formats?: Record<string, (value: any) => string | null>}} options
 *   `formats` overrides the display of a column (per-column number formats).
 * @returns {HTMLElement}
 */
export function resultTable(rows, columns, {label, sort = null, descending = false, onSort = null, formats = {}}) {
  const kinds = Object.fromEntries(columns.map((c) => [c.name, columnKind(c, rows)]));
  /** @type {Record<string, (value: any) => string | null>} */
  const formatters = Object.fromEntries(columns.map((c) => [c.name, formats[c.name] ?? columnFormatter(columnStyle(c, rows, /** @type {string} */ (kinds[c.name])), /** @type {string} */ (kinds[c.name]))]));
  const numeric = (/** @type {string} */ name) => kinds[name] === "number" || kinds[name] === "year";
  const head = el(
    "tr",
    {},
    ...columns.map((c) => {
      const sorted = sort === c.name ? (descending ? "descending" : "ascending") : "none";
      const name = el("span", {class: "nb-col-name", "data-style": columnStyle(c, rows, /** @type {string} */ (kinds[c.name])).style}, c.name);
      const type = el("span", {class: "nb-type"}, c.type);
      return el(
        "th",
        {scope: "col", class: numeric(c.name) ? "nb-num" : "", "aria-sort": onSort ? sorted : null},
        onSort
          ? el(
              "button",
              {type: "button", class: "nb-sort", title: "Sortera hela resultatet efter kolumnen", onclick: () => onSort(c.name)},
              name,
              el("span", {class: "nb-sort-mark", "aria-hidden": "true"}, sorted === "ascending" ? "▲" : sorted === "descending" ? "▼" : ""),
              type
            )
          : [name, type]
      );
    })
  );
  const body = rows.map((row) =>
    el(
      "tr",
      {},
      ...columns.map((c) => {
        const format = formatters[c.name];
        const text = format ? format(row[c.name]) : formatCell(row[c.name], /** @type {string} */ (kinds[c.name]));
        const num = numeric(c.name) ? " nb-num" : "";
        return text === null ? el("td", {class: `nb-null${num}`, title: "NULL (värde saknas)"}, "–") : el("td", {class: num.trim()}, text);
      })
    )
  );
  return el("div", {class: "nb-table-wrap", tabindex: "0", role: "region", "aria-label": label}, el("table", {class: "nb-result"}, el("thead", {}, head), el("tbody", {}, ...body)));
}
