// @ts-check
// "Omforma": pivot or fold a result without writing code. The choice becomes
// a JavaScript cell below (Arquero's pivot or fold on the result), so the
// reshaped table is a result like any other, kept with the notebook, and the
// code that made it is there to read. Column names enter that code only as
// JSON string literals, and the code runs in the sandbox.
import {el} from "./dom.js";

/**
 * Arquero code pivoting `name`: one row per value of `rows`, one column per value of `columns`, holding `values`.
 * @param {string} name @param {string} rows @param {string} columns @param {string} values
 */
export function pivotCode(name, rows, columns, values) {
  const q = JSON.stringify;
  return `// En rad per ${rows}, en kolumn per ${columns}, med värdena i ${values}.\n${name}.groupby(${q(rows)}).pivot(${q(columns)}, ${q(values)}).orderby(${q(rows)})`;
}

/**
 * Arquero code folding the `columns` of `name` into rows of (kolumn, värde).
 * @param {string} name @param {string[]} columns
 */
export function foldCode(name, columns) {
  return `// Kolumnerna ${columns.join(", ")} som rader: kolumn och värde.\n${name}.fold(${JSON.stringify(columns)}, {as: ["kolumn", "värde"]})`;
}

/**
 * @param {{name: string, columns: {name: string, type: string}[], onCode: (code: string, title: string) => void}} options
 */
export function reshapeMenu({name, columns, onCode}) {
  const select = (/** @type {string} */ label, /** @type {string} */ key, /** @type {number} */ pick) =>
    el("label", {}, label, el("select", {"data-reshape": key}, ...columns.map((c, i) => el("option", {value: c.name, selected: i === Math.min(pick, columns.length - 1)}, c.name))));
  const rows = select("Rader", "rows", 0);
  const cols = select("Kolumner", "columns", 1);
  const values = select("Värden", "values", columns.length - 1);
  const value = (/** @type {HTMLElement} */ label) => /** @type {HTMLSelectElement} */ (label.querySelector("select")).value;
  const foldList = el("select", {multiple: true, size: String(Math.min(6, columns.length)), "data-reshape": "fold", "aria-label": "Kolumner att vika till rader"}, ...columns.map((c) => el("option", {value: c.name}, c.name)));
  return el(
    "details",
    {class: "nb-menu nb-reshape"},
    el("summary", {"data-action": "reshape"}, "Omforma"),
    el(
      "div",
      {class: "nb-menu-body"},
      el("p", {class: "nb-muted"}, "Pivotera: en rad per värde i en kolumn och en kolumn per värde i en annan (t.ex. år som rader och indikatorer som kolumner)."),
      rows,
      cols,
      values,
      el("button", {type: "button", "data-action": "pivot", onclick: () => onCode(pivotCode(name, value(rows), value(cols), value(values)), `${name} pivoterad`)}, "Pivotera"),
      el("p", {class: "nb-muted"}, "Vik: valda kolumner blir rader med kolumnens namn och värde."),
      foldList,
      el(
        "button",
        {
          type: "button",
          "data-action": "fold",
          onclick: () => {
            const chosen = [...foldList.selectedOptions].map((o) => o.value);
            if (chosen.length) onCode(foldCode(name, chosen), `${name} vikt`);
          }
        },
        "Vik till rader"
      )
    )
  );
}
