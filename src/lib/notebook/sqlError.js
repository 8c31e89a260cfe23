// @ts-check
// DuckDB's errors, read: the kind ("Parser", "Binder", …), DuckDB's own text,
// where in the cell it points, and a sentence in Swedish. DuckDB-WASM hands
// over parser errors from its pending-query API as JSON
// ({"exception_type":"Parser","exception_message":…,"position":"15"}) and
// other errors as "Binder Error: …" with a "LINE n:" excerpt and a caret; both
// become the same shape here, so no JSON ever reaches the page. Pure: the
// notebook's engine and node tests import it.
import {parameterTokens} from "./params.js";
import {adjustErrorLines, lineAt, tokenize} from "./sqlText.js";

/** @typedef {{line: number, column: number, excerpt: string}} Caret where DuckDB's "LINE n:" excerpt points (column 0-based in the excerpt) */
/** @typedef {{kind: string | null, text: string, position: number | null, caret: Caret | null}} DuckDBError */
/** @typedef {{offset: number, line: number, column: number}} Place an offset in the cell and its 1-based line and column */

const LINE_CONTEXT = /\n*LINE (\d+): (.*)\n( *)\^/g;

/**
 * The parts of a DuckDB error message, whatever shape it came in. `text` is
 * DuckDB's message without its "Kind Error: " prefix and without the "LINE n:"
 * excerpts (which DuckDB-WASM sometimes repeats); `position` is the character
 * offset in the statement when DuckDB gave one; `caret` the first excerpt.
 * @param {unknown} raw
 * @returns {DuckDBError}
 */
export function readDuckDBError(raw) {
  let message = String(raw ?? "").trim();
  /** @type {string | null} */
  let kind = null;
  /** @type {number | null} */
  let position = null;
  const json = message.startsWith("{") ? readJson(message) : null;
  if (json) {
    kind = json.exception_type ?? null;
    message = String(json.exception_message ?? "");
    const at = Number.parseInt(String(json.position ?? ""), 10);
    position = Number.isFinite(at) && at >= 0 ? at : null;
  } else {
    const prefixed = /^([A-Za-z][A-Za-z ]*?) Error: ([\s\S]*)$/.exec(message);
    if (prefixed) [, kind = null, message = ""] = prefixed;
  }
  /** @type {Caret | null} */
  let caret = null;
  for (const [, line, excerpt = "", spaces = ""] of message.matchAll(LINE_CONTEXT)) {
    caret ??= {line: Number(line), column: spaces.length - `LINE ${line}: `.length, excerpt};
  }
  return {kind, text: message.replace(LINE_CONTEXT, "").trim(), position, caret};
}

/**
 * A JSON error object, or null. A message that looks like JSON but does not
 * parse still gives up its fields, read one by one.
 * @param {string} message
 * @returns {Record<string, string> | null}
 */
function readJson(message) {
  try {
    const value = JSON.parse(message);
    return value && typeof value === "object" && ("exception_message" in value || "exception_type" in value) ? value : null;
  } catch {
    /** @type {Record<string, string>} */
    const fields = {};
    for (const [, key = "", value = ""] of message.matchAll(/"(\w+)"\s*:\s*"((?:\\.|[^"\\])*)"/g)) {
      try {
        fields[key] = JSON.parse(`"${value}"`);
      } catch {
        fields[key] = value;
      }
    }
    return "exception_message" in fields || "exception_type" in fields ? fields : null;
  }
}

/**
 * DuckDB's text as a person reads it: "Kind Error: message" and the first
 * "LINE n:" excerpt, its line number moved by `lineDelta` so it counts lines
 * of the cell.
 * @param {DuckDBError} error
 * @param {number} [lineDelta]
 */
export function duckDBText({kind, text, caret}, lineDelta = 0) {
  const head = kind ? `${kind} Error: ${text}` : text;
  if (!caret) return head;
  const excerpt = `LINE ${caret.line}: `;
  return adjustErrorLines(`${head}\n\n${excerpt}${caret.excerpt}\n${" ".repeat(excerpt.length + caret.column)}^`, lineDelta);
}

/** The token DuckDB names as where it stopped: `near "X"`, or a quoted name the message is about. @param {DuckDBError} error */
function namedToken({text}) {
  const near = /at or near "((?:[^"]|"(?!\n|$))*)"(?:\n|$)/.exec(text);
  if (near) return near[1] ?? null;
  const named = /^(?:Referenced (?:column|table) "([^"]+)"|Table with name "?([^"\s!]+)"?|(?:\w+ )?Function with name "?([^"\s!]+)"?)/.exec(text);
  return named ? (named[1] ?? named[2] ?? named[3] ?? null) : null;
}

/**
 * Where in `sent` (the statement as DuckDB got it) the error points, as a
 * character offset, or null. The JSON position is exact; a caret is counted
 * in its excerpt, which DuckDB shortens with "..." on long lines and miscounts
 * after non-ASCII letters in parser errors, so it is found in the line and
 * moved to the nearest occurrence of the token the message names.
 * @param {DuckDBError} error
 * @param {string} sent
 * @returns {number | null}
 */
export function sentOffset(error, sent) {
  let offset = error.position;
  if (offset === null && error.caret) {
    const {line, column, excerpt} = error.caret;
    const lineStart = nthLineStart(sent, line);
    if (lineStart === null) return null;
    const lineText = sent.slice(lineStart, sent.indexOf("\n", lineStart) === -1 ? undefined : sent.indexOf("\n", lineStart));
    const shortened = excerpt.startsWith("...");
    const core = excerpt.replace(/^\.\.\./, "").replace(/\.\.\.$/, "");
    const found = shortened ? lineText.indexOf(core) : 0;
    offset = lineStart + Math.max(0, found) + column - (shortened ? 3 : 0);
  }
  if (offset === null) return null;
  offset = Math.min(Math.max(0, offset), sent.length);
  const token = namedToken(error);
  return token ? nearestOccurrence(sent, token, offset) : offset;
}

/** The offset where 1-based line `n` of `text` starts, or null. @param {string} text @param {number} n */
function nthLineStart(text, n) {
  let at = 0;
  for (let line = 1; line < n; line++) {
    const next = text.indexOf("\n", at);
    if (next === -1) return null;
    at = next + 1;
  }
  return at;
}

/** The occurrence of `token` on the line of `offset` closest to it (case-insensitive), else offset. @param {string} text @param {string} token @param {number} offset */
function nearestOccurrence(text, token, offset) {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  const end = text.indexOf("\n", offset) === -1 ? text.length : text.indexOf("\n", offset);
  const line = text.slice(start, end).toLowerCase();
  const needle = token.toLowerCase();
  let best = offset;
  for (let at = line.indexOf(needle); at !== -1; at = line.indexOf(needle, at + 1)) {
    if (best === offset || Math.abs(start + at - offset) < Math.abs(best - offset)) best = start + at;
  }
  return best;
}

/**
 * How the engine turned a statement of the cell into what DuckDB ran: the
 * statement starts at `start` in the cell, its text was `source` (with
 * `$name` parameters), and `prefix` characters of wrapper came before it.
 * @typedef {{start: number, source: string, prefix: number}} Origin
 */

/**
 * An offset in what DuckDB ran, mapped back to the cell: the wrapper is taken
 * off and the parameters put back ($1 → $kommun). An offset in the wrapper
 * points at the statement's start.
 * @param {number} offset
 * @param {Origin} origin
 */
export function cellOffset(offset, {start, source, prefix}) {
  const at = offset - prefix;
  if (at <= 0) return start;
  const tokens = parameterTokens(source);
  const order = [...new Set(tokens.map((t) => t.name))];
  let shift = 0;
  for (const token of tokens) {
    const bound = `$${order.indexOf(token.name) + 1}`.length;
    const boundStart = token.start - shift;
    if (at < boundStart) break;
    if (at < boundStart + bound) return start + token.start;
    shift += token.end - token.start - bound;
  }
  return start + Math.min(at + shift, source.length);
}

/**
 * A DuckDB error from a statement of a cell: DuckDB's text (its "LINE n:"
 * counting lines of the cell) and the place in the cell it points at, if any.
 * @param {unknown} raw DuckDB's message
 * @param {{cell: string, sent: string, origin: Origin}} context the cell's text, what DuckDB ran, and how one became the other
 * @returns {{text: string, place: Place | null}}
 */
export function locateDuckDBError(raw, {cell, sent, origin}) {
  const error = readDuckDBError(raw);
  const offset = sentOffset(error, sent);
  const lineDelta = lineAt(cell, origin.start) - lineAt(sent, origin.prefix);
  return {text: duckDBText(error, lineDelta), place: offset === null ? null : placeOf(cell, cellOffset(offset, origin))};
}

/** 1-based line and column of an offset in text. @param {string} text @param {number} offset @returns {Place} */
export function placeOf(text, offset) {
  const line = lineAt(text, offset);
  return {offset, line, column: offset - (text.lastIndexOf("\n", offset - 1) + 1) + 1};
}

/**
 * The characters to mark in the editor for an error at `offset`: the token
 * there (or the one it is inside), else the last token before it (an error at
 * the end of the input), else one character.
 * @param {string} text
 * @param {number} offset
 * @returns {{from: number, to: number}}
 */
export function errorSpan(text, offset) {
  const tokens = tokenize(text);
  const at = tokens.find((t) => t.start <= offset && offset < t.end) ?? tokens.find((t) => t.start >= offset && lineAt(text, t.start) === lineAt(text, offset));
  if (at) return {from: at.start, to: at.end};
  const before = tokens.filter((t) => t.end <= offset).pop();
  if (before) return {from: before.start, to: before.end};
  return {from: Math.max(0, Math.min(offset, text.length - 1)), to: Math.min(text.length, Math.max(offset, 0) + 1)};
}

/** "a", "b" eller "c": DuckDB's candidates, the first three. @param {string} list */
function candidates(list) {
  const names = [...list.matchAll(/"([^"]+)"/g)].map((m) => `"${m[1]}"`).slice(0, 3);
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} eller ${names[names.length - 1]}` : (names[0] ?? "");
}

/** @typedef {{what: string, hint?: string, near?: boolean}} Sentence near: the place reads "på rad …" rather than "(rad …)" */

/** @type {[string, RegExp, (m: RegExpExecArray) => Sentence][]} DuckDB's messages (kind, pattern) in Swedish */
const SENTENCES = [
  ["Parser", /^syntax error at or near "([\s\S]*)"$/, (m) => ({what: `Syntaxfel nära "${m[1]}"`, near: true})],
  ["Parser", /^syntax error at end of input/, () => ({what: "Syntaxfel: frågan tar slut för tidigt", hint: "Något saknas i slutet, till exempel ett uttryck efter en operator eller en avslutande parentes."})],
  ["Parser", /^unterminated quoted string/, () => ({what: "En text inom apostrofer ('…') avslutas aldrig", hint: "Lägg till den avslutande apostrofen."})],
  ["Parser", /^unterminated quoted identifier/, () => ({what: 'Ett namn inom citattecken ("…") avslutas aldrig', hint: "Lägg till det avslutande citattecknet."})],
  ["Catalog", /^Table with name "?([^"\s!]+)"? does not exist!(?:\s*Did you mean "([^"]+)"\?)?/, (m) => ({what: `Tabellen "${m[1]}" finns inte`, hint: m[2] ? `Menade du "${m[2]}"?` : undefined})],
  ["Catalog", /^(?:\w+ )?Function with name "?([^"\s!]+)"? does not exist!(?:\s*Did you mean "([^"]+)"\?)?/, (m) => ({what: `Funktionen "${m[1]}" finns inte`, hint: m[2] ? `Menade du "${m[2]}"?` : undefined})],
  ["Binder", /^Referenced column "([^"]+)" not found in FROM clause!(?:\s*Candidate bindings: (.*))?/, (m) => ({what: `Kolumnen "${m[1]}" finns inte`, hint: m[2] && candidates(m[2]) ? `Menade du ${candidates(m[2])}?` : undefined})],
  ["Binder", /^Referenced column "([^"]+)" was not found because the FROM clause is missing/, (m) => ({what: `Kolumnen "${m[1]}" finns inte, eftersom frågan saknar FROM`, hint: "Ange tabellen med FROM, eller skriv texten inom apostrofer ('…') om den är en text."})],
  ["Binder", /^Referenced table "([^"]+)" not found!(?:\s*Candidate tables: (.*))?/, (m) => ({what: `Tabellen eller aliaset "${m[1]}" finns inte i frågan`, hint: m[2] && candidates(m[2]) ? `Menade du ${candidates(m[2])}?` : undefined})],
  ["Binder", /^column "?([^"\s]+)"? must appear in the GROUP BY clause/, (m) => ({what: `Kolumnen "${m[1]}" måste stå i GROUP BY eller ingå i en mängdfunktion`, hint: "Lägg till den i GROUP BY, eller sammanfatta den med till exempel sum, count eller any_value."})],
  ["Binder", /^Column "([^"]+)" does not exist on (left|right) side of join!/, (m) => ({what: `Kolumnen "${m[1]}" finns inte på ${m[2] === "left" ? "vänstra" : "högra"} sidan av JOIN`})],
  ["Binder", /^Could not choose a best candidate function for the function call "([^(]+)\(/, (m) => ({what: `"${m[1]}" passar inte för de här typerna`, hint: "Omvandla värdena till samma typ, till exempel med CAST(x AS INTEGER) eller x::VARCHAR."})],
  ["Binder", /^No function matches the given name and argument types '([^(]+)\(([^)]*)\)'/, (m) => ({what: `Funktionen "${m[1]}" tar inte emot typerna ${m[2]}`, hint: "Omvandla värdena, till exempel med CAST(x AS DOUBLE)."})],
  ["Conversion", /^Could not convert string '([^']*)' to (\w+)/, (m) => ({what: `Texten '${m[1]}' går inte att omvandla till typen ${m[2]}`})],
  ["Conversion", /^Type (\w+) with value (\S+) can't be cast because the value is out of range for the destination type (\w+)/, (m) => ({what: `Värdet ${m[2]} ryms inte i typen ${m[3]}`})],
  ["Conversion", /^date field value out of range: "([^"]*)"/, (m) => ({what: `"${m[1]}" är inget giltigt datum`})],
  ["Conversion", /^Unimplemented type for cast \((\w+) -> (\w+)\)/, (m) => ({what: `Typen ${m[1]} går inte att omvandla till ${m[2]}`})],
  ["Out of Memory", /^/, () => ({what: "Begränsa frågan med WHERE eller LIMIT, eller sammanfatta med GROUP BY, och kör igen"})]
];

/**
 * DuckDB's message as a Swedish sentence, with where it points when known:
 * "Syntaxfel nära "FROMM" på rad 2, kolumn 5.", "Tabellen "x" finns inte
 * (rad 1, kolumn 15). Menade du "y"?". Null for a message it does not know.
 * @param {DuckDBError} error
 * @param {Place | null} [place]
 * @returns {string | null}
 */
export function swedishMessage(error, place = null) {
  for (const [kind, pattern, sentence] of SENTENCES) {
    if (error.kind !== kind) continue;
    const match = pattern.exec(error.text);
    if (!match) continue;
    const {what, hint, near} = sentence(match);
    const where = place ? (near ? ` på rad ${place.line}, kolumn ${place.column}` : ` (rad ${place.line}, kolumn ${place.column})`) : "";
    return `${what}${where}.${hint ? ` ${hint}` : ""}`;
  }
  return null;
}
