// DuckDB's errors read and said in Swedish (src/lib/notebook/sqlError.js), on
// messages captured from DuckDB itself: test/fixtures/duckdb-errors/ holds
// them, and the first test checks they are still what this DuckDB says.
import {describe, expect, it} from "vitest";
import captured from "../../../fixtures/duckdb-errors/messages.json" with {type: "json"};
import {errorCapture, type ErrorCase} from "../../../helpers/duckdbErrors.js";
import {describeError, OUTSIDE_TITLE} from "../../../../src/lib/notebook/errors.js";
import {cellOffset, errorSpan, locateDuckDBError, readDuckDBError} from "../../../../src/lib/notebook/sqlError.js";
import {bindParameters} from "../../../../src/lib/notebook/params.js";
import {materializeParts, splitStatements} from "../../../../src/lib/notebook/sqlText.js";

const cases = captured as (ErrorCase & {message: string})[];
const byId = (id: string) => cases.find((c) => c.id === id)!;

/** What the notebook shows for a captured error, the cell holding just the statement. */
function shown(id: string) {
  const {sql, message} = byId(id);
  const {text, place} = locateDuckDBError(message, {cell: sql, sent: sql, origin: {start: 0, source: sql, prefix: 0}});
  return describeError(Object.assign(new Error(text), {place}));
}

describe("the captured messages", () => {
  it("are what DuckDB-WASM and @duckdb/node-api say now", async () => {
    const capture = errorCapture();
    for (const errorCase of cases) expect(await capture(errorCase), errorCase.id).toBe(errorCase.message);
  }, 60_000);

  it("include the JSON DuckDB-WASM gives for parser errors, which the page must never show", () => {
    expect(byId("syntax-near-token").message).toMatch(/^\{"exception_type":"Parser"/);
    for (const {id} of cases) {
      const {title, message, detail} = shown(id);
      expect(`${title} ${message} ${detail}`, id).not.toMatch(/exception_type|exception_message|\{"/);
    }
  });
});

describe("a Swedish sentence with the place in the cell", () => {
  it.each([
    ["syntax-near-token", 'Syntaxfel nära "observations" på rad 2, kolumn 7.'],
    ["syntax-node", 'Syntaxfel nära "observations" på rad 2, kolumn 7.'],
    ["syntax-non-ascii", 'Syntaxfel nära "observations" på rad 1, kolumn 25.'],
    // The prepared path only has a caret, which DuckDB places two columns early after "Å" and "Ö".
    ["syntax-prepared-non-ascii", 'Syntaxfel nära "observations" på rad 1, kolumn 25.'],
    ["syntax-prepared", 'Syntaxfel nära "FROMM" på rad 2, kolumn 17.'],
    // DuckDB shortens a long line to "... part of it": the column counts from the line's start.
    ["syntax-long-line", 'Syntaxfel nära "FROMM" på rad 1, kolumn 101.'],
    ["syntax-end-of-input", /^Syntaxfel: frågan tar slut för tidigt \(rad 2, kolumn 9\)\. Något saknas/],
    ["syntax-unterminated-string", /^En text inom apostrofer \('…'\) avslutas aldrig \(rad 1, kolumn 8\)/],
    ["syntax-unterminated-identifier", /^Ett namn inom citattecken \("…"\) avslutas aldrig \(rad 1, kolumn 8\)/],
    ["catalog-table", 'Tabellen "observationer" finns inte (rad 2, kolumn 6). Menade du "observations"?'],
    ["catalog-function", 'Funktionen "nofunc" finns inte (rad 1, kolumn 8). Menade du "count"?'],
    ["binder-column", 'Kolumnen "kommunn" finns inte (rad 1, kolumn 8). Menade du "kommun"?'],
    ["binder-column-long-line", 'Kolumnen "kommunn" finns inte (rad 1, kolumn 156). Menade du "kommun"?'],
    ["binder-column-prepared", 'Kolumnen "kommunn" finns inte (rad 1, kolumn 48). Menade du "kommun"?'],
    ["binder-no-from", /^Kolumnen "selekt" finns inte, eftersom frågan saknar FROM \(rad 1, kolumn 25\)/],
    ["binder-group-by", /^Kolumnen "kommun" måste stå i GROUP BY eller ingå i en mängdfunktion/],
    ["binder-table", 'Tabellen eller aliaset "p" finns inte i frågan (rad 1, kolumn 47). Menade du "o"?'],
    ["binder-function-types", /^"\+" passar inte för de här typerna \(rad 1, kolumn 45\)/],
    ["conversion-string", "Texten 'abc' går inte att omvandla till typen INT32 (rad 1, kolumn 8)."],
    ["conversion-range", /^Värdet 300 ryms inte i typen INT8/],
    ["out-of-memory", /^Begränsa frågan med WHERE eller LIMIT/]
  ])("%s", (id, expected) => {
    const {message, detail} = shown(id);
    if (typeof expected === "string") expect(message).toBe(expected);
    else expect(message).toMatch(expected);
    // DuckDB's own text stays, for the curious.
    expect(detail).toMatch(/^[A-Z][A-Za-z ]+ Error: /);
  });

  it("points at the token the sentence names", () => {
    for (const [id, token] of [
      ["syntax-long-line", "FROMM"],
      ["syntax-prepared-non-ascii", "observations"],
      ["binder-column-long-line", "kommunn"],
      ["catalog-table", "observationer"]
    ] as const) {
      const {sql} = byId(id);
      const {place} = shown(id);
      expect(sql.slice(place!.offset, place!.offset + token.length), id).toBe(token);
    }
  });

  it("has headings for each kind, and the lockdown's refusals say the notebook cannot reach outside the page", () => {
    expect(shown("syntax-near-token").title).toBe("Syntaxfel: DuckDB kunde inte tolka frågan");
    expect(shown("binder-column").title).toMatch(/^Frågan hänger inte ihop/);
    expect(shown("conversion-string").title).toMatch(/^Ett värde gick inte att omvandla/);
    expect(shown("out-of-memory").title).toBe("Minnet i webbläsaren räckte inte till frågan");
    for (const id of ["permission-url", "permission-load", "permission-copy", "invalid-input-locked", "catalog-extension"]) {
      expect(shown(id).title, id).toBe(OUTSIDE_TITLE);
    }
  });

  it("shows DuckDB's text when it has no sentence for it, and never an unreadable message", () => {
    expect(shown("invalid-input-error-function")).toMatchObject({title: "Ogiltiga indata", message: null, detail: "Invalid Input Error: hej"});
    expect(shown("out-of-range")).toMatchObject({title: "Ett värde är för stort eller för litet för sin typ", message: null});
    expect(describeError("something odd")).toEqual({title: "Frågan kunde inte köras", message: null, detail: "something odd", cancelled: false, place: null});
    // An unknown kind, and JSON cut short: still read field by field.
    expect(describeError('{"exception_type":"Fatal","exception_message":"it broke"}')).toMatchObject({title: "Frågan kunde inte köras", detail: "Fatal Error: it broke"});
    const cut = describeError('{"exception_type":"Parser","exception_message":"syntax error at or near \\"FROMM\\"","position":"9');
    expect(cut).toMatchObject({title: "Syntaxfel: DuckDB kunde inte tolka frågan", message: 'Syntaxfel nära "FROMM".', detail: 'Parser Error: syntax error at or near "FROMM"'});
  });
});

describe("readDuckDBError", () => {
  it("reads JSON and prefixed messages alike, without DuckDB-WASM's repeated excerpt", () => {
    expect(readDuckDBError(byId("syntax-near-token").message)).toEqual({
      kind: "Parser",
      text: 'syntax error at or near "observations"',
      position: 15,
      caret: {line: 2, column: 6, excerpt: "FROMM observations"}
    });
    const prepared = readDuckDBError(byId("syntax-prepared").message);
    expect(prepared).toMatchObject({kind: "Parser", text: 'syntax error at or near "FROMM"', position: null, caret: {line: 2, excerpt: "WHERE year = $1 FROMM"}});
  });
});

/**
 * Runs `cell` as the notebook's engine does (its last statement kept as a
 * table, parameters bound) in DuckDB-WASM, and reads the error back into the cell.
 */
async function runLikeTheEngine(cell: string, values: Record<string, number>) {
  const capture = errorCapture();
  const statements = splitStatements(cell);
  const last = statements[statements.length - 1]!;
  const {prefix, suffix} = materializeParts("resultat1", "query");
  const bound = bindParameters(last.text, values);
  const sent = `${prefix}${bound.text}${suffix}`;
  const message = await capture({id: "engine", via: bound.params.length ? "wasm-prepared" : "wasm-send", sql: sent});
  return locateDuckDBError(message, {cell, sent, origin: {start: last.start, source: last.text, prefix: prefix.length}});
}

describe("places map back to the cell the user wrote", () => {
  it("through the CREATE TABLE wrapper and an earlier statement", async () => {
    const cell = "SELECT 1;\n\n-- the table\nSELECT *\n  FROMM observations";
    const {text, place} = await runLikeTheEngine(cell, {});
    expect(place).toEqual({offset: cell.indexOf("observations"), line: 5, column: 9});
    // DuckDB's excerpt counts the cell's lines too.
    expect(text).toBe(`Parser Error: syntax error at or near "observations"\n\nLINE 5:   FROMM observations\n${" ".repeat(16)}^`);
  });

  it("through parameters written $name and sent as $1", async () => {
    const cell = "SELECT kommun FROM observations\nWHERE year = $year OR year = $year + 1 AND kommunn = 1";
    const {place} = await runLikeTheEngine(cell, {year: 2016});
    expect(place).toEqual({offset: cell.indexOf("kommunn"), line: 2, column: cell.split("\n")[1]!.indexOf("kommunn") + 1});
  });

  it("cellOffset: the wrapper points at the statement, a parameter at its name", () => {
    const source = "SELECT $kommun, $year, $kommun";
    const origin = {start: 100, source, prefix: 10};
    expect(cellOffset(3, origin)).toBe(100);
    expect(cellOffset(10 + 7, origin)).toBe(100 + 7); // $1 → $kommun
    expect(cellOffset(10 + 11, origin)).toBe(100 + source.indexOf("$year")); // $2
    expect(cellOffset(10 + 15, origin)).toBe(100 + source.lastIndexOf("$kommun")); // the second $1
    expect(cellOffset(10 + 17, origin)).toBe(100 + source.length); // past the end
  });
});

describe("errorSpan", () => {
  it("covers the token at the place, or the last one before the end of the input", () => {
    const text = "SELECT *\nFROMM observations";
    expect(errorSpan(text, 15)).toEqual({from: 15, to: 27});
    expect(errorSpan(text, 17)).toEqual({from: 15, to: 27});
    expect(errorSpan("SELECT 1 +", 10)).toEqual({from: 9, to: 10});
    expect(errorSpan("SELECT 'abc", 7)).toEqual({from: 7, to: 11});
    expect(errorSpan("", 0)).toEqual({from: 0, to: 0});
  });
});
