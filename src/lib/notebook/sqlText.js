// @ts-check
// Just enough SQL lexing for the notebook: split a cell into statements, tell a
// query from other statements, and find the names a cell refers to, without
// being fooled by strings, quoted identifiers and comments. Pure: node tests
// import it, and so does the exporter.

/** @typedef {{type: string, value: string, start: number, end: number}} Token */

/**
 * Tokens of a SQL text: {type, value, start, end}, type one of "word" (keyword
 * or bare identifier, value as written), "quoted" (a "quoted identifier", value
 * unquoted), "string", "comment", "semicolon", "punct", "number".
 * Whitespace is skipped.
 * @param {string} text
 * @returns {Token[]}
 */
export function tokenize(text) {
  /** @type {Token[]} */
  const tokens = [];
  const n = text.length;
  let i = 0;
  const push = (/** @type {string} */ type, /** @type {string} */ value, /** @type {number} */ start, /** @type {number} */ end) => tokens.push({type, value, start, end});
  while (i < n) {
    const c = text.charAt(i);
    const start = i;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "-" && text[i + 1] === "-") {
      const end = text.indexOf("\n", i);
      i = end === -1 ? n : end;
      push("comment", text.slice(start, i), start, i);
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end === -1 ? n : end + 2;
      push("comment", text.slice(start, i), start, i);
    } else if (c === "'" || ((c === "e" || c === "E") && text[i + 1] === "'")) {
      // E'…' strings honour backslash escapes; plain ones only double their quotes.
      const escapes = c !== "'";
      i += escapes ? 2 : 1;
      while (i < n) {
        if (escapes && text[i] === "\\") i += 2;
        else if (text[i] === "'" && text[i + 1] === "'") i += 2;
        else if (text[i] === "'") {
          i++;
          break;
        } else i++;
      }
      push("string", text.slice(start, i), start, i);
    } else if (c === '"') {
      i++;
      let value = "";
      while (i < n) {
        if (text[i] === '"' && text[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else value += text[i++];
      }
      push("quoted", value, start, i);
    } else if (c === "$" && /^\$([A-Za-z_]\w*)?\$/.test(text.slice(i))) {
      const tag = /** @type {string} */ (/** @type {RegExpMatchArray} */ (text.slice(i).match(/^\$([A-Za-z_]\w*)?\$/))[0]);
      const end = text.indexOf(tag, i + tag.length);
      i = end === -1 ? n : end + tag.length;
      push("string", text.slice(start, i), start, i);
    } else if (/[A-Za-z_\u00c0-\uffff]/.test(c)) {
      while (i < n && /[\w$\u00c0-\uffff]/.test(text.charAt(i))) i++;
      push("word", text.slice(start, i), start, i);
    } else if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(text[i + 1] ?? ""))) {
      while (i < n && /[\w.]/.test(text.charAt(i))) i++;
      push("number", text.slice(start, i), start, i);
    } else if (c === ";") {
      i++;
      push("semicolon", ";", start, i);
    } else {
      i++;
      push("punct", c, start, i);
    }
  }
  return tokens;
}

/** 1-based line of a character offset. @param {string} text @param {number} offset */
export function lineAt(text, offset) {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * The statements of a cell, in order: [{text, start, line}] where text runs from
 * the statement's first token (a leading comment included) to its last, without
 * the semicolon, and line is the 1-based line it starts on. Statements holding
 * nothing but comments are dropped.
 * @param {string} text
 * @returns {{text: string, start: number, line: number}[]}
 */
export function splitStatements(text) {
  /** @type {{text: string, start: number, line: number}[]} */
  const statements = [];
  /** @type {Token[]} */
  let current = [];
  const flush = () => {
    if (current.some((t) => t.type !== "comment")) {
      const start = /** @type {Token} */ (current[0]).start;
      const end = /** @type {Token} */ (current[current.length - 1]).end;
      statements.push({text: text.slice(start, end), start, line: lineAt(text, start)});
    }
    current = [];
  };
  for (const token of tokenize(text)) {
    if (token.type === "semicolon") flush();
    else current.push(token);
  }
  flush();
  return statements;
}

const QUERY_WORDS = new Set(["select", "with", "from", "values", "table", "pivot", "unpivot"]);
const DESCRIBE_WORDS = new Set(["describe", "desc", "show", "summarize"]);

/**
 * What a single statement is: "query" (returns rows and can be kept as a table
 * with CREATE TABLE … AS), "describe" (returns rows, kept through a subquery:
 * DESCRIBE, SHOW, SUMMARIZE) or "other" (DDL, INSERT, SET, EXPLAIN, …).
 * @param {string} statement
 * @returns {"query" | "describe" | "other"}
 */
export function statementKind(statement) {
  const first = tokenize(statement).find((t) => t.type !== "comment" && !(t.type === "punct" && t.value === "("));
  if (!first || first.type !== "word") return "other";
  const word = first.value.toLowerCase();
  if (QUERY_WORDS.has(word)) return "query";
  if (DESCRIBE_WORDS.has(word)) return "describe";
  return "other";
}

/** The lower-cased names (bare or quoted identifiers) a SQL text mentions outside strings and comments. @param {string} text */
export function identifiers(text) {
  /** @type {Set<string>} */
  const names = new Set();
  for (const token of tokenize(text)) {
    if (token.type === "word" || token.type === "quoted") names.add(token.value.toLowerCase());
  }
  return names;
}

/** Which of `names` a SQL text refers to (case-insensitive, as DuckDB resolves them). @param {string} text @param {string[]} names */
export function referencedNames(text, names) {
  const found = identifiers(text);
  return names.filter((name) => found.has(name.toLowerCase()));
}

/** "a\"b" → "\"a\"\"b\"": a DuckDB identifier, quoted. @param {string} name */
export function quoteIdentifier(name) {
  return `"${String(name).replaceAll('"', '""')}"`;
}

/**
 * What goes before and after a query to keep its result as table `name`. The
 * query goes on a line of its own, so DuckDB's line numbers in errors are off
 * by the prefix's line breaks (see adjustErrorLines) and its offsets by the
 * prefix's length (see cellOffset in sqlError.js).
 * @param {string} name
 * @param {string} kind statementKind of the query
 */
export function materializeParts(name, kind) {
  const head = `CREATE OR REPLACE TABLE ${quoteIdentifier(name)} AS\n`;
  return kind === "describe" ? {prefix: `${head}SELECT * FROM (\n`, suffix: "\n)"} : {prefix: head, suffix: ""};
}

/**
 * The statement that keeps a query's result as table `name`.
 * @param {string} name
 * @param {string} statement
 * @param {string} [kind]
 */
export function materializeSql(name, statement, kind = statementKind(statement)) {
  const {prefix, suffix} = materializeParts(name, kind);
  return `${prefix}${statement}${suffix}`;
}

/**
 * DuckDB reports positions as "LINE n:" of the text it was given; shifts them by
 * `delta` so they point into the cell the user wrote.
 * @param {string} message
 * @param {number} delta
 */
export function adjustErrorLines(message, delta) {
  if (!delta) return message;
  return String(message).replace(/\bLINE (\d+):/g, (_, line) => `LINE ${Math.max(1, Number(line) + delta)}:`);
}

/**
 * Statements the notebook refuses before DuckDB sees them: installing or
 * loading an extension. DuckDB-WASM's settings already stop LOAD, but INSTALL
 * is accepted there without an error; refusing both here gives one clear
 * message. Returns DuckDB-style error text, or null when the statement may run.
 * @param {string} statement
 * @returns {string | null}
 */
export function refusedStatement(statement) {
  const words = tokenize(statement)
    .filter((t) => t.type !== "comment")
    .slice(0, 2)
    .map((t) => String(t.value).toLowerCase());
  if (words[0] === "install" || words[0] === "load" || (words[0] === "force" && words[1] === "install") || (words[0] === "update" && words[1] === "extensions")) {
    return `Permission Error: ${words[0] === "load" ? "LOAD" : "INSTALL"} is disabled: extensions cannot be installed or loaded in the notebook`;
  }
  return null;
}
