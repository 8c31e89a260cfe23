// @ts-check
// The `${…}` of a Markdown cell: a tiny expression language, parsed and
// evaluated here, never by JavaScript. It reads results and inputs and formats
// them with the project's sv-SE helpers:
//
//   ${value("bbic", "andel")}          first row's value, formatted for its column
//   ${value("lan", "procent", 3)}      the fourth row's
//   ${bbic.rows[0].andel}              the same by path (formatted as a number)
//   ${percent(value("bbic", "andel"))} "24,5 procent"; also shareInWords, number,
//   ${kommun}                          an input's value; rowCount("lan") counts rows
//
// Anything else (a function not in the list, an assignment, a call on a path)
// is a syntax error shown in the cell.
import {formatNumber} from "../format.js";
import {capitalize, percentText, ratioInWords, shareInWords, trendInWords} from "../narrative.js";

/** @typedef {{type: "call", name: string, args: Node[]} | {type: "path", root: string, steps: (string | number)[]} | {type: "literal", value: string | number}} Node */
/** @typedef {{rows: Record<string, any>[], columns: {name: string, type: string}[], styles?: Record<string, string>}} ResultData */
/** @typedef {{results: Record<string, ResultData>, inputs: Record<string, any>, inputStyles?: Record<string, string>}} Scope */

export class ExpressionError extends Error {}

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|([A-Za-z_\u00c0-\uffff][\w\u00c0-\uffff]*)|(.))/gy;

/**
 * Parses one expression.
 * @param {string} text
 * @returns {Node}
 */
export function parseExpression(text) {
  /** @type {{kind: string, value: any}[]} */
  const tokens = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m || TOKEN.lastIndex === start) break;
    if (m[1] !== undefined) tokens.push({kind: "number", value: Number(m[1])});
    else if (m[2] !== undefined) tokens.push({kind: "string", value: JSON.parse(m[2][0] === "'" ? `"${m[2].slice(1, -1).replaceAll('"', '\\"')}"` : m[2])});
    else if (m[3] !== undefined) tokens.push({kind: "name", value: m[3]});
    else if (m[4] !== undefined && m[4].trim()) tokens.push({kind: "punct", value: m[4]});
  }
  let i = 0;
  const peek = () => tokens[i];
  /** @param {string} value */
  const expect = (value) => {
    const t = tokens[i++];
    if (!t || t.value !== value || t.kind !== "punct") throw new ExpressionError(`väntade ${value} i \${${text}}`);
  };
  /** @returns {Node} */
  const primary = () => {
    const t = tokens[i++];
    if (!t) throw new ExpressionError(`uttrycket \${${text}} tar slut för tidigt`);
    if (t.kind === "number" || t.kind === "string") return {type: "literal", value: t.value};
    if (t.kind !== "name") throw new ExpressionError(`oväntat tecken ${t.value} i \${${text}}`);
    if (peek()?.value === "(") {
      i++;
      /** @type {Node[]} */
      const args = [];
      if (peek()?.value !== ")") {
        args.push(primary());
        while (peek()?.value === ",") {
          i++;
          args.push(primary());
        }
      }
      expect(")");
      if (!Object.hasOwn(FUNCTIONS, t.value)) throw new ExpressionError(`okänd funktion ${t.value} (finns: ${Object.keys(FUNCTIONS).join(", ")})`);
      return {type: "call", name: t.value, args};
    }
    /** @type {(string | number)[]} */
    const steps = [];
    for (;;) {
      if (peek()?.value === ".") {
        i++;
        const n = tokens[i++];
        if (n?.kind !== "name") throw new ExpressionError(`väntade ett namn efter punkt i \${${text}}`);
        steps.push(n.value);
      } else if (peek()?.value === "[") {
        i++;
        const k = tokens[i++];
        if (k?.kind !== "number" && k?.kind !== "string") throw new ExpressionError(`väntade ett tal eller en text inom [ ] i \${${text}}`);
        steps.push(k.value);
        expect("]");
      } else break;
    }
    return {type: "path", root: t.value, steps};
  };
  const node = primary();
  if (i < tokens.length) throw new ExpressionError(`oväntat ${tokens[i]?.value} i \${${text}}`);
  return node;
}

/**
 * How a column's values read in prose: shares with one decimal and "procent",
 * counts as integers, years as 2016.
 * @param {any} value
 * @param {string | undefined} style
 */
function prose(value, style) {
  if (typeof value !== "number") return value === null || value === undefined ? "–" : String(value);
  if (style === "share") return percentText(value, {decimals: 1});
  if (style === "year") return String(value);
  if (style === "count") return formatNumber(value);
  return formatNumber(value, {decimals: 2, trim: true});
}

/** @param {any} v */
const num = (v) => {
  const n = typeof v === "object" && v !== null && "raw" in v ? v.raw : v;
  if (typeof n !== "number" || !Number.isFinite(n)) throw new ExpressionError(`väntade ett tal, fick ${JSON.stringify(n)}`);
  return n;
};

/** A formatted value that remembers its number, so percent(value(…)) works. */
class Formatted {
  /** @param {any} raw @param {string} text */
  constructor(raw, text) {
    this.raw = raw;
    this.text = text;
  }
  toString() {
    return this.text;
  }
}

/** @param {Scope} scope @param {unknown} cell @returns {ResultData} */
function resultOf(scope, cell) {
  const name = String(cell);
  if (!Object.hasOwn(scope.results, name)) throw new ExpressionError(`det finns inget resultat som heter ${name} ovanför`);
  return /** @type {ResultData} */ (scope.results[name]);
}

/** @type {Record<string, (scope: Scope, ...args: any[]) => any>} */
const FUNCTIONS = {
  value(scope, cell, column, row = 0) {
    const result = resultOf(scope, cell);
    if (!result.columns.some((c) => c.name === column)) throw new ExpressionError(`${cell} har ingen kolumn ${column}`);
    const index = Number(num(row));
    if (index < 0 || index >= result.rows.length) throw new ExpressionError(`${cell} har ingen rad ${index + 1} (den har ${result.rows.length})`);
    const raw = result.rows[index]?.[column];
    return new Formatted(raw, prose(raw, result.styles?.[column]));
  },
  rowCount: (scope, cell) => {
    const result = resultOf(scope, cell);
    return new Formatted(result.rows.length, formatNumber(result.rows.length));
  },
  percent: (_, v, decimals = 0) => percentText(num(v), {decimals: num(decimals)}),
  shareInWords: (_, v) => shareInWords(num(v)),
  ratioInWords: (_, v) => ratioInWords(num(v)),
  number: (_, v, decimals = 0) => formatNumber(num(v), {decimals: num(decimals)}),
  capitalize: (_, v) => capitalize(String(v)),
  trendInWords: (scope, cell, column) => {
    const result = resultOf(scope, cell);
    return trendInWords(result.rows.map((r) => r[column]).filter((v) => typeof v === "number"));
  }
};

/**
 * Evaluates a parsed expression against results and inputs.
 * @param {Node} node
 * @param {Scope} scope
 * @returns {any}
 */
export function evaluate(node, scope) {
  if (node.type === "literal") return node.value;
  if (node.type === "call") return /** @type {any} */ (FUNCTIONS)[node.name](scope, ...node.args.map((a) => evaluate(a, scope)));
  if (Object.hasOwn(scope.inputs, node.root) && node.steps.length === 0) {
    const raw = scope.inputs[node.root];
    return new Formatted(raw, prose(raw, scope.inputStyles?.[node.root]));
  }
  /** @type {any} */
  let value = Object.hasOwn(scope.results, node.root) ? scope.results[node.root] : undefined;
  if (value === undefined) throw new ExpressionError(`det finns inget resultat eller val som heter ${node.root} ovanför`);
  for (const step of node.steps) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, step)) throw new ExpressionError(`${node.root} saknar ${step}`);
    value = value[step];
  }
  return value;
}

/**
 * The text an expression shows in prose.
 * @param {string} source
 * @param {Scope} scope
 */
export function expressionText(source, scope) {
  const value = evaluate(parseExpression(source), scope);
  if (value instanceof Formatted) return value.text;
  return prose(value, undefined);
}

/**
 * Names (results and inputs) an expression reads: the roots of its paths and
 * the first argument of value/rowCount/trendInWords.
 * @param {string} source
 * @returns {string[]}
 */
export function expressionNames(source) {
  /** @type {string[]} */
  const names = [];
  /** @param {Node} node */
  const visit = (node) => {
    if (node.type === "path") names.push(node.root);
    if (node.type === "call") {
      const first = node.args[0];
      if (["value", "rowCount", "trendInWords"].includes(node.name) && first?.type === "literal") names.push(String(first.value));
      node.args.forEach(visit);
    }
  };
  try {
    visit(parseExpression(source));
  } catch {
    // A broken expression refers to nothing; the cell shows the error when it runs.
  }
  return names;
}
