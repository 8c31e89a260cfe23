// @ts-check
// Which cells depend on which: a cell depends on an earlier cell when it
// names it (SQL querying its result table or `$name` parameter, JavaScript
// using the variable, Markdown `${…}` reading it). Changing one cell re-runs
// exactly the cells downstream of it, in notebook order, as Observable does.
import {markdownReferences} from "./markdown.js";
import {parameterNames} from "./params.js";
import {identifiers} from "./sqlText.js";

/** @typedef {import("./model.js").Cell} Cell */

const JS_NOISE = /\/\/[^\n]*|\/\*[\s\S]*?\*\/|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g;

/**
 * The identifiers a JavaScript text uses as variables (not after a dot, not in
 * strings or comments). Template literals count whole: their `${…}` parts are code.
 * @param {string} code
 * @returns {Set<string>}
 */
export function jsIdentifiers(code) {
  const names = new Set();
  const text = code.replace(JS_NOISE, " ");
  for (const match of text.matchAll(/(?<![.\w$\u00c0-\uffff])([A-Za-z_$\u00c0-\uffff][\w$\u00c0-\uffff]*)/g)) names.add(match[1]);
  return names;
}

/**
 * The names of earlier cells that `cell` refers to.
 * @param {Cell} cell
 * @param {string[]} earlier names of the cells above it
 * @returns {string[]}
 */
export function cellReferences(cell, earlier) {
  /** @type {Set<string>} */
  let used;
  if (cell.type === "js") used = jsIdentifiers(cell.code ?? "");
  else if (cell.type === "markdown") used = markdownReferences(cell.text ?? "");
  else if (cell.type === "input") used = new Set();
  else used = new Set([...identifiers(cell.sql ?? ""), ...parameterNames(cell.sql ?? "")]);
  const lower = cell.type === "sql";
  return earlier.filter((name) => used.has(lower ? name.toLowerCase() : name));
}

/**
 * Each cell's direct dependencies (names of earlier cells), keyed by name.
 * @param {Cell[]} cells
 * @returns {Map<string, string[]>}
 */
export function dependencyGraph(cells) {
  /** @type {Map<string, string[]>} */
  const graph = new Map();
  cells.forEach((cell, i) => graph.set(cell.name, cellReferences(cell, cells.slice(0, i).map((c) => c.name))));
  return graph;
}

/**
 * The cells downstream of `name` (directly or through others), in notebook
 * order, without `name` itself: what to re-run after it changed.
 * @param {Cell[]} cells
 * @param {string} name
 * @returns {string[]}
 */
export function dependentsOf(cells, name) {
  const graph = dependencyGraph(cells);
  const changed = new Set([name]);
  /** @type {string[]} */
  const out = [];
  for (const cell of cells) {
    if (changed.has(cell.name)) continue;
    if ((graph.get(cell.name) ?? []).some((dep) => changed.has(dep))) {
      changed.add(cell.name);
      out.push(cell.name);
    }
  }
  return out;
}
