// SQL literals for the comparison queries. The `query(sql)` contract (DuckDB-WASM
// in pages, DuckDB in node for tests and loaders) takes text only, so every value
// spliced into SQL goes through these functions: codes and ids are checked against
// the shapes the schema allows, and strings are quoted with '' doubling.

const AREA_CODE = /^(00|\d{2}|\d{4}|\d{4}-\d{2})$/;
const INDICATOR_ID = /^[a-z0-9_]+$/;

/** 'text' with embedded quotes doubled. */
export function sqlString(value) {
  return `'${String(value).replaceAll("'", "''")}'`;
}

/** An area code (00, län 01, kommun 0180, stadsdel 0180-01) as a literal; anything else throws. */
export function sqlAreaCode(code) {
  if (typeof code !== "string" || !AREA_CODE.test(code)) throw new Error(`Ogiltig områdeskod: ${JSON.stringify(code)} (väntade t.ex. 0180 eller 0180-01)`);
  return `'${code}'`;
}

/** An indicator id as a literal; anything else throws. */
export function sqlIndicatorId(id) {
  if (typeof id !== "string" || !INDICATOR_ID.test(id)) throw new Error(`Ogiltigt indikator-id: ${JSON.stringify(id)}`);
  return `'${id}'`;
}

/** A year as an integer literal; anything else throws. */
export function sqlYear(year) {
  const n = Number(year);
  if (!Number.isInteger(n) || n < 1900 || n > 2100) throw new Error(`Ogiltigt år: ${JSON.stringify(year)}`);
  return String(n);
}

/** (a, b, c) for IN; an empty list gives (NULL), which matches nothing. */
export function sqlList(values, literal) {
  return values.length ? `(${values.map(literal).join(", ")})` : "(NULL)";
}
