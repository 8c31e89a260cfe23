// @ts-check
// DuckDB's error messages, introduced in Swedish. DuckDB's own text is kept
// verbatim below the heading: it names the column, the line and what it
// expected, and it is what a search engine or a colleague will recognise.

const KINDS = [
  ["Parser Error", "Syntaxfel: DuckDB kunde inte tolka frågan"],
  ["Catalog Error", "Okänd tabell, kolumn eller funktion"],
  ["Binder Error", "Frågan hänger inte ihop: en kolumn, ett alias eller en typ passar inte"],
  ["Conversion Error", "Ett värde gick inte att omvandla till den typ som behövs"],
  ["Invalid Input Error", "Ogiltiga indata"],
  ["Out of Memory Error", "Minnet i webbläsaren räckte inte till frågan"],
  ["Constraint Error", "En regel för tabellen bröts"],
  ["Not implemented Error", "Det stöds inte av DuckDB i webbläsaren"],
  ["Dependency Error", "Något annat i databasen beror på objektet"],
  ["IO Error", "DuckDB i webbläsaren kan bara läsa sidans egna tabeller, inte filer eller webbadresser"],
  ["HTTP Error", "DuckDB i webbläsaren kan bara läsa sidans egna tabeller, inte filer eller webbadresser"],
  ["Interrupt Error", "Frågan avbröts"],
  ["Out of Range Error", "Ett värde är för stort eller för litet för sin typ"],
  ["Type Error", "Fel typ"],
  ["Permission Error", "Det är inte tillåtet här"]
];

/**
 * A query that tried to reach outside the page: a URL or file, ATTACH, COPY TO,
 * INSTALL/LOAD, or a function that lives in an extension DuckDB may not load.
 */
const OUTSIDE = /disabled (by|through) (the )?configuration|external access|enable_external_access|lock_configuration|exists in the \w+ extension|Extension Autoloading|autoload|INSTALL \w+|Installing extensions|Loading external extensions|Permission Error/i;
export const OUTSIDE_TITLE = "Anteckningsboken når inte utanför sidan";
export const OUTSIDE_DETAIL =
  "Frågorna kan bara läsa webbplatsens egna tabeller och cellernas resultat. Webbadresser (http://…), filer, ATTACH, COPY … TO och tillägg till DuckDB (INSTALL och LOAD) är avstängda, så att inget från en delad anteckningsbok kan hämta eller skicka data. Inställningarna går inte att ändra med SET.";

/**
 * {title, detail, cancelled}: a Swedish heading for an error from DuckDB-WASM
 * and DuckDB's message (without its "Kind Error: " prefix, which the title says).
 * @param {any} error
 * @returns {{title: string, detail: string, cancelled: boolean}}
 */
export function describeError(error) {
  const message = String(error?.message ?? error ?? "").trim();
  if (error?.name === "ParameterError" || error?.name === "ExpressionError") return {title: "Okänt namn i cellen", detail: message, cancelled: false};
  if (OUTSIDE.test(message)) {
    return {title: OUTSIDE_TITLE, detail: `${OUTSIDE_DETAIL}\n\nDuckDB: ${message}`, cancelled: false};
  }
  if (/query was cancel+ed|interrupted/i.test(message)) {
    return {title: "Frågan avbröts", detail: "Den avbröts innan den var klar; inget resultat sparades.", cancelled: true};
  }
  for (const [kind, title] of KINDS) {
    if (message.startsWith(`${kind}:`)) return {title: /** @type {string} */ (title), detail: message.slice(/** @type {string} */ (kind).length + 1).trim(), cancelled: false};
  }
  return {title: "Frågan kunde inte köras", detail: message || "DuckDB angav ingen orsak.", cancelled: false};
}
