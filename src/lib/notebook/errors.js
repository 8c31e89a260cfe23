// @ts-check
// Errors as the notebook shows them: a Swedish heading for the kind of error,
// a Swedish sentence saying what went wrong and where (src/lib/notebook/sqlError.js
// reads DuckDB's message), and DuckDB's own text kept verbatim for the
// curious: it names the column, the line and what it expected, and it is what
// a search engine or a colleague will recognise.
import {duckDBText, readDuckDBError, swedishMessage} from "./sqlError.js";

/** @type {Record<string, string>} headings by DuckDB's kind of error */
const KINDS = {
  Parser: "Syntaxfel: DuckDB kunde inte tolka frågan",
  Catalog: "Okänd tabell, kolumn eller funktion",
  Binder: "Frågan hänger inte ihop: en kolumn, ett alias eller en typ passar inte",
  Conversion: "Ett värde gick inte att omvandla till den typ som behövs",
  "Invalid Input": "Ogiltiga indata",
  "Out of Memory": "Minnet i webbläsaren räckte inte till frågan",
  Constraint: "En regel för tabellen bröts",
  "Not implemented": "Det stöds inte av DuckDB i webbläsaren",
  Dependency: "Något annat i databasen beror på objektet",
  IO: "DuckDB i webbläsaren kan bara läsa sidans egna tabeller, inte filer eller webbadresser",
  HTTP: "DuckDB i webbläsaren kan bara läsa sidans egna tabeller, inte filer eller webbadresser",
  Interrupt: "Frågan avbröts",
  "Out of Range": "Ett värde är för stort eller för litet för sin typ",
  Type: "Fel typ",
  Permission: "Det är inte tillåtet här"
};

/**
 * A query that tried to reach outside the page: a URL or file, ATTACH, COPY TO,
 * INSTALL/LOAD, or a function that lives in an extension DuckDB may not load.
 */
const OUTSIDE = /disabled (by|through) (the )?configuration|external access|enable_external_access|lock_configuration|configuration has been locked|exists in the \w+ extension|Extension Autoloading|autoload|INSTALL \w+|Installing extensions|Loading external extensions|Permission Error/i;
export const OUTSIDE_TITLE = "Anteckningsboken når inte utanför sidan";
export const OUTSIDE_DETAIL =
  "Frågorna kan bara läsa webbplatsens egna tabeller och cellernas resultat. Webbadresser (http://…), filer, ATTACH, COPY … TO och tillägg till DuckDB (INSTALL och LOAD) är avstängda, så att inget från en delad anteckningsbok kan hämta eller skicka data. Inställningarna går inte att ändra med SET.";

/** @typedef {import("./sqlError.js").Place} Place */
/**
 * What the cell shows: `title` a Swedish heading, `message` a Swedish sentence
 * (null when there is none beyond the heading: the cell then shows `detail`
 * openly), `detail` DuckDB's text (never JSON), `place` where in the cell the
 * error points (from the engine, see QueryError), `cancelled` for a query the
 * user stopped.
 * @typedef {{title: string, message: string | null, detail: string, cancelled: boolean, place: Place | null}} ErrorInfo
 */

/**
 * @param {any} error an Error (QueryError from the engine, with `place`) or a message
 * @returns {ErrorInfo}
 */
export function describeError(error) {
  const raw = String(error?.message ?? error ?? "").trim();
  /** @type {Place | null} */
  const place = error?.place ?? null;
  if (error?.name === "ParameterError" || error?.name === "ExpressionError") return {title: "Okänt namn i cellen", message: raw, detail: "", cancelled: false, place: null};
  const read = readDuckDBError(raw);
  const detail = duckDBText(read);
  if (/query was cancel+ed|interrupted/i.test(raw)) {
    return {title: "Frågan avbröts", message: "Den avbröts innan den var klar; inget resultat sparades.", detail: "", cancelled: true, place: null};
  }
  if (OUTSIDE.test(detail)) return {title: OUTSIDE_TITLE, message: OUTSIDE_DETAIL, detail, cancelled: false, place};
  const title = (read.kind && KINDS[read.kind]) ?? "Frågan kunde inte köras";
  return {title, message: swedishMessage(read, place), detail: detail || "DuckDB angav ingen orsak.", cancelled: false, place};
}
