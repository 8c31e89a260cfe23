// @ts-check
// Parameters in SQL: an input cell named `kommun` is written `$kommun` in a
// query. Its value is bound to the prepared statement, never spliced into the
// SQL text: the names are rewritten to DuckDB's positional $1, $2, … (outside
// strings, quoted identifiers and comments) and the values passed alongside.
import {tokenize} from "./sqlText.js";

/**
 * The `$name` references of a SQL text, in order of first use.
 * @param {string} sql
 * @returns {{name: string, start: number, end: number}[]}
 */
export function parameterTokens(sql) {
  const tokens = tokenize(sql);
  /** @type {{name: string, start: number, end: number}[]} */
  const found = [];
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    if (token.type === "punct" && token.value === "$" && next?.type === "word" && next.start === token.end) {
      found.push({name: next.value.toLowerCase(), start: token.start, end: next.end});
    }
  });
  return found;
}

/**
 * The distinct parameter names a SQL text uses.
 * @param {string} sql
 */
export function parameterNames(sql) {
  return [...new Set(parameterTokens(sql).map((t) => t.name))];
}

/** An unknown parameter: its message is Swedish and names it. */
export class ParameterError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "ParameterError";
  }
}

/**
 * SQL with `$name` rewritten to `$1`, `$2`, … and the values in that order.
 * `values` maps input names to their values (string, number or null).
 * @param {string} sql
 * @param {Record<string, string | number | null>} values
 * @returns {{text: string, params: (string | number | null)[]}}
 */
export function bindParameters(sql, values) {
  const tokens = parameterTokens(sql);
  const order = [...new Set(tokens.map((t) => t.name))];
  for (const name of order) {
    if (!Object.hasOwn(values, name)) {
      throw new ParameterError(`Okänd parameter $${name}: det finns ingen inmatningscell som heter ${name} ovanför den här cellen.`);
    }
  }
  let text = "";
  let at = 0;
  for (const token of tokens) {
    text += `${sql.slice(at, token.start)}$${order.indexOf(token.name) + 1}`;
    at = token.end;
  }
  text += sql.slice(at);
  return {text, params: order.map((name) => values[name] ?? null)};
}
