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
 * {title, detail, cancelled}: a Swedish heading for an error from DuckDB-WASM
 * and DuckDB's message (without its "Kind Error: " prefix, which the title says).
 */
export function describeError(error) {
  const message = String(error?.message ?? error ?? "").trim();
  if (/query was cancel+ed|interrupted/i.test(message)) {
    return {title: "Frågan avbröts", detail: "Den avbröts innan den var klar; inget resultat sparades.", cancelled: true};
  }
  for (const [kind, title] of KINDS) {
    if (message.startsWith(`${kind}:`)) return {title, detail: message.slice(kind.length + 1).trim(), cancelled: false};
  }
  return {title: "Frågan kunde inte köras", detail: message || "DuckDB angav ingen orsak.", cancelled: false};
}
