// The notebook as data: a title and an ordered list of cells, each with a name
// (its result becomes a DuckDB table of that name, and the variable of the
// same name in an exported page), an optional heading, its SQL and an optional
// chart. Pure: the page, the file/URL/markdown serializers and node tests share it.
import {normalizeChart} from "./chart.js";

/** @typedef {import("./chart.js").ChartSpec} ChartSpec */
/**
 * A cell. `id` exists at run time only (the page keys its DOM on it).
 * @typedef {{id?: string, name: string, title?: string, sql: string, chart?: ChartSpec | null}} Cell
 */
/** @typedef {{title: string, cells: Cell[]}} Notebook */
/** @typedef {{sql?: string, name?: string, title?: string, chart?: ChartSpec | null}} CellInit */

export const FORMAT = "oj-utforska-anteckningsbok";
export const VERSION = 1;
export const DEFAULT_TITLE = "Namnlös anteckningsbok";
export const MAX_NAME_LENGTH = 40;
export const NAME_PATTERN = /^[a-zåäö_][a-zåäö0-9_]*$/;

// A cell name is a DuckDB table name and a JavaScript variable in the exported
// page, so it may be neither a SQL keyword DuckDB reserves, nor a JavaScript
// reserved word, nor a name the exported page or Framework already binds.
const SQL_RESERVED = `all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create default
deferrable desc describe distinct do else end except false fetch for foreign from grant group having in initially intersect into
lateral leading limit not null offset on only or order pivot pivot_longer pivot_wider placing primary qualify references returning
select show some summarize symmetric table then to trailing true union unique unpivot using variadic when where window with`;
const JS_RESERVED = `await break case catch class const continue debugger default delete do else enum export extends false finally for
function if implements import in instanceof interface let new null package private protected public return static super switch this
throw true try typeof var void while with yield arguments eval undefined`;
const PAGE_NAMES = `db sql display view resize width invalidation visibility now md html svg tex dot mermaid d3 htl aq duckdb
main temp information_schema pg_catalog`;
export const RESERVED_NAMES = new Set([SQL_RESERVED, JS_RESERVED, PAGE_NAMES].join(" ").split(/\s+/));

let nextId = 1;
/** A session-unique id for a cell (the UI keys DOM nodes on it; it is never saved). */
export const cellId = () => `cell-${nextId++}`;

/**
 * "resultat1", "resultat2", …: the first free one.
 * @param {{name: string}[]} cells
 * @param {string} [prefix]
 */
export function nextCellName(cells, prefix = "resultat") {
  const taken = new Set(cells.map((c) => c.name));
  for (let i = 1; ; i++) if (!taken.has(`${prefix}${i}`)) return `${prefix}${i}`;
}

/**
 * @param {{name: string}[]} cells the notebook's cells (for a free name)
 * @param {CellInit} [init]
 * @returns {Cell & {id: string}}
 */
export function newCell(cells, {sql = "", name = nextCellName(cells), title = "", chart = null} = {}) {
  return {id: cellId(), name, title, sql, chart};
}

/**
 * @param {{title?: string, cells?: CellInit[]}} [init]
 * @returns {Notebook}
 */
export function newNotebook({title = DEFAULT_TITLE, cells = []} = {}) {
  /** @type {Notebook} */
  const notebook = {title, cells: []};
  for (const cell of cells) notebook.cells.push(newCell(notebook.cells, cell));
  return notebook;
}

/**
 * Why `name` cannot name cell number `index` (Swedish, for the UI), or null if
 * it can. `tableNames` are the project's tables, which a cell must not replace.
 * @param {unknown} name
 * @param {{cells?: {name: string}[], index?: number, tableNames?: string[]}} [context]
 * @returns {string | null}
 */
export function cellNameProblem(name, {cells = [], index = -1, tableNames = []} = {}) {
  if (typeof name !== "string" || name === "") return "Cellen behöver ett namn.";
  if (name.length > MAX_NAME_LENGTH) return `Namnet får vara högst ${MAX_NAME_LENGTH} tecken.`;
  if (!NAME_PATTERN.test(name)) return "Namnet får bara innehålla små bokstäver (a–ö), siffror och understreck och får inte börja med en siffra.";
  if (tableNames.some((t) => t.toLowerCase() === name)) return `${name} är redan namnet på en av datatabellerna.`;
  if (RESERVED_NAMES.has(name)) return `${name} är ett reserverat ord i SQL eller JavaScript.`;
  const other = cells.findIndex((c, i) => i !== index && c.name === name);
  if (other !== -1) return `Cell ${other + 1} heter redan ${name}.`;
  return null;
}

/**
 * Moves cell `from` to position `to` (clamped), returning a new array.
 * @template T
 * @param {T[]} cells
 * @param {number} from
 * @param {number} to
 * @returns {T[]}
 */
export function moveCell(cells, from, to) {
  const result = [...cells];
  const target = Math.max(0, Math.min(result.length - 1, to));
  const [cell] = result.splice(from, 1);
  if (cell) result.splice(target, 0, cell);
  return result;
}

/**
 * The notebook as saved (file, URL, localStorage, markdown): no runtime ids.
 * @param {Notebook} notebook
 */
export function toData(notebook) {
  return {
    format: FORMAT,
    version: VERSION,
    title: notebook.title,
    cells: notebook.cells.map((c) => ({name: c.name, title: c.title ?? "", sql: c.sql, chart: c.chart ?? null}))
  };
}

/** An error whose message is meant for the user (Swedish, names where the problem is). */
export class NotebookError extends Error {
  constructor(message) {
    super(message);
    this.name = "NotebookError";
  }
}

/**
 * Checks saved data from `source` (e.g. "filen analys.json" or "länken") and
 * returns a notebook with fresh ids; throws NotebookError naming the field.
 * @param {any} data
 * @param {{source?: string, tableNames?: string[]}} [options]
 * @returns {Notebook & {cells: (Cell & {id: string})[]}}
 */
export function fromData(data, {source = "anteckningsboken", tableNames = []} = {}) {
  /** @type {(what: string) => never} */
  const fail = (what) => {
    throw new NotebookError(`${capitalizeFirst(source)} är ingen giltig anteckningsbok: ${what}.`);
  };
  if (data === null || typeof data !== "object" || Array.isArray(data)) fail("innehållet är inte ett JSON-objekt");
  if (data.format !== undefined && data.format !== FORMAT) fail(`fältet format är ${JSON.stringify(data.format)}, väntade ${JSON.stringify(FORMAT)}`);
  if (data.version !== VERSION) {
    if (typeof data.version === "number" && data.version > VERSION) fail(`den är sparad med version ${data.version} av formatet, och den här sidan läser version ${VERSION}`);
    fail(`fältet version saknas eller är inte ${VERSION}`);
  }
  if (data.title !== undefined && typeof data.title !== "string") fail("fältet title är inte text");
  if (!Array.isArray(data.cells)) fail("fältet cells saknas eller är inte en lista");
  /** @type {(Cell & {id: string})[]} */
  const cells = [];
  data.cells.forEach((/** @type {any} */ cell, /** @type {number} */ i) => {
    const at = `cells[${i}]`;
    if (cell === null || typeof cell !== "object" || Array.isArray(cell)) fail(`${at} är inte ett objekt`);
    if (typeof cell.sql !== "string") fail(`${at}.sql saknas eller är inte text`);
    if (cell.title !== undefined && typeof cell.title !== "string") fail(`${at}.title är inte text`);
    const problem = cellNameProblem(cell.name, {cells, tableNames});
    if (problem) fail(`${at}.name (${JSON.stringify(cell.name)}): ${problem}`);
    let chart = null;
    try {
      chart = normalizeChart(cell.chart ?? null);
    } catch (error) {
      fail(`${at}.chart: ${error.message}`);
    }
    cells.push({id: cellId(), name: cell.name, title: cell.title ?? "", sql: cell.sql, chart});
  });
  return {title: data.title?.trim() ? data.title : DEFAULT_TITLE, cells};
}

function capitalizeFirst(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
