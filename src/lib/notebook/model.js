// @ts-check
// The notebook as data: a title and an ordered list of cells, each with a name
// (its result becomes a DuckDB table of that name, and the variable of the
// same name in an exported page), an optional heading, its SQL and an optional
// chart. Pure: the page, the file/URL/markdown serializers and node tests share it.
import {normalizeChart} from "./chart.js";

/** @typedef {import("./chart.js").ChartSpec} ChartSpec */
/** @typedef {"sql" | "markdown" | "js" | "input"} CellType */
/**
 * An input cell's control: a select over fixed options, a search-select over
 * kommuner and stadsdelar ("unit", value an area code), a year, or a number.
 * @typedef {{kind: "select" | "unit" | "year" | "number", label: string, value: string | number | null, options?: string[], min?: number, max?: number, step?: number}} InputSpec
 */
/**
 * A cell. `id` exists at run time only (the page keys its DOM on it). SQL
 * cells hold `sql` (and a chart), JavaScript cells `code` (and a chart),
 * Markdown cells `text`, input cells `input`. `collapsed` hides the code or
 * the output on screen.
 * @typedef {{id?: string, type: CellType, name: string, title?: string, sql: string, code?: string, text?: string, input?: InputSpec,
 *   chart?: ChartSpec | null, collapsed?: {code?: boolean, output?: boolean}}} Cell
 */
/** @typedef {{title: string, cells: Cell[]}} Notebook */
/** @typedef {{type?: CellType, sql?: string, code?: string, text?: string, input?: InputSpec, name?: string, title?: string, chart?: ChartSpec | null, collapsed?: {code?: boolean, output?: boolean}}} CellInit */

export const FORMAT = "oj-utforska-anteckningsbok";
export const VERSION = 2;
/** Versions this page reads: 1 had SQL cells only. */
export const READABLE_VERSIONS = [1, 2];
export const CELL_TYPES = ["sql", "markdown", "js", "input"];
export const INPUT_KINDS = ["select", "unit", "year", "number"];
/** Longest text a cell (SQL, code, Markdown) may hold: 200 000 characters. */
export const MAX_SOURCE_LENGTH = 200_000;
export const MAX_CELLS = 200;
export const MAX_OPTIONS = 1000;
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
main temp information_schema pg_catalog plot inputs value format results rows columns __proto__ prototype constructor`;
export const RESERVED_NAMES = new Set([SQL_RESERVED, JS_RESERVED, PAGE_NAMES].join(" ").split(/\s+/));

let nextId = 1;
/** A session-unique id for a cell (the UI keys DOM nodes on it; it is never saved). */
export const cellId = () => `cell-${nextId++}`;

/** The prefix of a new cell's name, per type. */
export const NAME_PREFIX = {sql: "resultat", js: "tabell", markdown: "text", input: "val"};

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
 * A cell's source text: its SQL, code or Markdown ("" for an input).
 * @param {Cell} cell
 */
export function sourceOf(cell) {
  if (cell.type === "js") return cell.code ?? "";
  if (cell.type === "markdown") return cell.text ?? "";
  if (cell.type === "input") return "";
  return cell.sql ?? "";
}

/**
 * @param {{name: string}[]} cells the notebook's cells (for a free name)
 * @param {CellInit} [init]
 * @returns {Cell & {id: string}}
 */
export function newCell(cells, init = {}) {
  const type = init.type ?? "sql";
  const name = init.name ?? nextCellName(cells, NAME_PREFIX[type]);
  /** @type {Cell & {id: string}} */
  const cell = {id: cellId(), type, name, title: init.title ?? "", sql: init.sql ?? "", chart: init.chart ?? null};
  if (type === "js") cell.code = init.code ?? "";
  if (type === "markdown") cell.text = init.text ?? "";
  if (type === "input") cell.input = init.input ?? {kind: "number", label: name, value: 0};
  if (init.collapsed) cell.collapsed = {...init.collapsed};
  return cell;
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
 * One cell as saved: only the fields of its type.
 * @param {Cell} c
 */
function cellData(c) {
  /** @type {Record<string, any>} */
  const data = {type: c.type ?? "sql", name: c.name, title: c.title ?? ""};
  if (data.type === "sql") Object.assign(data, {sql: c.sql, chart: c.chart ?? null});
  if (data.type === "js") Object.assign(data, {code: c.code ?? "", chart: c.chart ?? null});
  if (data.type === "markdown") data.text = c.text ?? "";
  if (data.type === "input") data.input = c.input;
  if (c.collapsed && (c.collapsed.code || c.collapsed.output)) data.collapsed = {code: Boolean(c.collapsed.code), output: Boolean(c.collapsed.output)};
  return data;
}

/**
 * The notebook as saved (file, URL, localStorage, markdown): no runtime ids.
 * @param {Notebook} notebook
 */
export function toData(notebook) {
  return {format: FORMAT, version: VERSION, title: notebook.title, cells: notebook.cells.map(cellData)};
}

/** An error whose message is meant for the user (Swedish, names where the problem is). */
export class NotebookError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "NotebookError";
  }
}

/**
 * Checks an input cell's control; returns it clean or throws an Error (Swedish).
 * @param {any} input
 * @returns {InputSpec}
 */
export function normalizeInput(input) {
  if (input === null || typeof input !== "object" || Array.isArray(input)) throw new Error("input är inte ett objekt");
  if (!INPUT_KINDS.includes(input.kind)) throw new Error(`okänd sorts inmatning ${JSON.stringify(input.kind)} (${INPUT_KINDS.join(", ")})`);
  if (typeof input.label !== "string" || input.label.length > 200) throw new Error("input.label saknas, är inte text eller är längre än 200 tecken");
  /** @type {InputSpec} */
  const spec = {kind: input.kind, label: input.label, value: null};
  const value = input.value ?? null;
  if (input.kind === "select") {
    if (!Array.isArray(input.options) || input.options.length > MAX_OPTIONS || !input.options.every((/** @type {unknown} */ o) => typeof o === "string" && o.length <= 200)) {
      throw new Error(`input.options ska vara en lista med högst ${MAX_OPTIONS} texter`);
    }
    spec.options = [...input.options];
    if (value !== null && !spec.options.includes(value)) throw new Error(`värdet ${JSON.stringify(value)} finns inte bland alternativen`);
    spec.value = value;
  } else if (input.kind === "unit") {
    if (value !== null && (typeof value !== "string" || !/^\d{4}(-\d{2})?$/.test(value))) throw new Error(`värdet ${JSON.stringify(value)} är ingen kommun- eller stadsdelskod (t.ex. 0180 eller 0180-01)`);
    spec.value = value;
  } else {
    if (value !== null && (typeof value !== "number" || !Number.isFinite(value))) throw new Error(`värdet ${JSON.stringify(value)} är inget tal`);
    if (input.kind === "year" && value !== null && !(Number.isInteger(value) && value >= 1900 && value <= 2100)) throw new Error(`värdet ${value} är inget år`);
    spec.value = value;
    for (const key of /** @type {const} */ (["min", "max", "step"])) {
      if (input[key] === undefined || input[key] === null) continue;
      if (typeof input[key] !== "number" || !Number.isFinite(input[key])) throw new Error(`input.${key} är inget tal`);
      spec[key] = input[key];
    }
  }
  return spec;
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
  if (!READABLE_VERSIONS.includes(data.version)) {
    if (typeof data.version === "number" && data.version > VERSION) fail(`den är sparad med version ${data.version} av formatet, och den här sidan läser version ${VERSION}`);
    fail(`fältet version saknas eller är inte ${READABLE_VERSIONS.join(" eller ")}`);
  }
  if (data.title !== undefined && (typeof data.title !== "string" || data.title.length > 500)) fail("fältet title är inte text (högst 500 tecken)");
  if (!Array.isArray(data.cells)) fail("fältet cells saknas eller är inte en lista");
  if (data.cells.length > MAX_CELLS) fail(`den har ${data.cells.length} celler, högst ${MAX_CELLS} går att öppna`);
  /** @type {(Cell & {id: string})[]} */
  const cells = [];
  data.cells.forEach((/** @type {any} */ cell, /** @type {number} */ i) => {
    const at = `cells[${i}]`;
    if (cell === null || typeof cell !== "object" || Array.isArray(cell)) fail(`${at} är inte ett objekt`);
    const type = cell.type ?? "sql";
    if (!CELL_TYPES.includes(type)) fail(`${at}.type är ${JSON.stringify(cell.type)}, väntade ${CELL_TYPES.join(", ")}`);
    const field = type === "js" ? "code" : type === "markdown" ? "text" : type === "sql" ? "sql" : null;
    if (field && typeof cell[field] !== "string") fail(`${at}.${field} saknas eller är inte text`);
    if (field && cell[field].length > MAX_SOURCE_LENGTH) fail(`${at}.${field} är längre än ${MAX_SOURCE_LENGTH} tecken`);
    if (cell.title !== undefined && (typeof cell.title !== "string" || cell.title.length > 500)) fail(`${at}.title är inte text (högst 500 tecken)`);
    const problem = cellNameProblem(cell.name, {cells, tableNames});
    if (problem) fail(`${at}.name (${JSON.stringify(cell.name)}): ${problem}`);
    let chart = null;
    /** @type {InputSpec | undefined} */
    let input;
    try {
      chart = type === "sql" || type === "js" ? normalizeChart(cell.chart ?? null) : null;
    } catch (error) {
      fail(`${at}.chart: ${/** @type {Error} */ (error).message}`);
    }
    if (type === "input") {
      try {
        input = normalizeInput(cell.input);
      } catch (error) {
        fail(`${at}.input: ${/** @type {Error} */ (error).message}`);
      }
    }
    const collapsed = cell.collapsed && typeof cell.collapsed === "object" ? {code: cell.collapsed.code === true, output: cell.collapsed.output === true} : undefined;
    cells.push(newCell(cells, {type, name: cell.name, title: cell.title ?? "", sql: type === "sql" ? cell.sql : "", code: cell.code, text: cell.text, input, chart, collapsed}));
  });
  return {title: data.title?.trim() ? data.title : DEFAULT_TITLE, cells};
}

/** @param {string} text */
function capitalizeFirst(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
