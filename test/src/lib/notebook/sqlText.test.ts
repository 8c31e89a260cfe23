import {describe, expect, it} from "vitest";
import {
  adjustErrorLines,
  identifiers,
  materializeSql,
  quoteIdentifier,
  referencedNames,
  splitStatements,
  statementKind,
  tokenize
} from "../../../../src/lib/notebook/sqlText.js";

describe("tokenize", () => {
  it("keeps strings, quoted identifiers and comments whole", () => {
    const tokens = tokenize(`SELECT 'a;b''c', "x""y" -- note; here\n/* block ; */ FROM $$dollar;$$ t`);
    expect(tokens.map((t) => [t.type, t.value])).toEqual([
      ["word", "SELECT"],
      ["string", "'a;b''c'"],
      ["punct", ","],
      ["quoted", 'x"y'],
      ["comment", "-- note; here"],
      ["comment", "/* block ; */"],
      ["word", "FROM"],
      ["string", "$$dollar;$$"],
      ["word", "t"]
    ]);
  });

  it("reads E'' strings with backslash escapes and Swedish identifiers", () => {
    const tokens = tokenize(`SELECT E'it\\'s; fine' AS län, 1.5e3 FROM år`);
    expect(tokens.map((t) => t.value)).toEqual(["SELECT", "E'it\\'s; fine'", "AS", "län", ",", "1.5e3", "FROM", "år"]);
  });
});

describe("splitStatements", () => {
  it("splits on semicolons outside strings and comments, with the line each starts on", () => {
    const text = "CREATE TABLE t AS SELECT ';' AS s;\n\n-- then\nSELECT *\nFROM t; -- trailing comment only\n";
    expect(splitStatements(text)).toEqual([
      {text: "CREATE TABLE t AS SELECT ';' AS s", start: 0, line: 1},
      {text: "-- then\nSELECT *\nFROM t", start: 36, line: 3}
    ]);
  });

  it("returns nothing for whitespace and comments", () => {
    expect(splitStatements("  -- nothing\n/* here */ ;  ")).toEqual([]);
  });
});

describe("statementKind", () => {
  it.each([
    ["SELECT 1", "query"],
    ["  with x AS (SELECT 1) SELECT * FROM x", "query"],
    ["-- comment\nFROM observations", "query"],
    ["(SELECT 1) UNION (SELECT 2)", "query"],
    ["VALUES (1), (2)", "query"],
    ["PIVOT observations ON year USING sum(value)", "query"],
    ["DESCRIBE observations", "describe"],
    ["SUMMARIZE areas", "describe"],
    ["SHOW TABLES", "describe"],
    ["CREATE TABLE x AS SELECT 1", "other"],
    ["INSERT INTO x VALUES (1)", "other"],
    ["EXPLAIN SELECT 1", "other"],
    ["'just a string'", "other"]
  ])("%s → %s", (sql, kind) => expect(statementKind(sql)).toBe(kind));
});

describe("references between cells", () => {
  it("finds names used as identifiers, not inside strings or comments", () => {
    const sql = `SELECT r.*, 'resultat2' AS label -- resultat3\nFROM Resultat1 r JOIN "resultat4" USING (x)`;
    expect(referencedNames(sql, ["resultat1", "resultat2", "resultat3", "resultat4"])).toEqual(["resultat1", "resultat4"]);
    expect(identifiers("SELECT a.b FROM c").has("select")).toBe(true);
  });
});

describe("materializeSql and error lines", () => {
  it("puts the query on its own line and quotes the name", () => {
    expect(materializeSql("resultat1", "SELECT 1")).toBe('CREATE OR REPLACE TABLE "resultat1" AS\nSELECT 1');
    expect(materializeSql("r", "DESCRIBE areas")).toBe('CREATE OR REPLACE TABLE "r" AS\nSELECT * FROM (\nDESCRIBE areas\n)');
    expect(quoteIdentifier('a"b')).toBe('"a""b"');
  });

  it("shifts DuckDB's LINE n: markers into the cell", () => {
    const message = 'Parser Error: syntax error at or near "FORM"\n\nLINE 2: SELECT * FORM x\n                 ^';
    expect(adjustErrorLines(message, 3)).toContain("LINE 5: SELECT * FORM x");
    expect(adjustErrorLines(message, -1)).toContain("LINE 1:");
    expect(adjustErrorLines(message, 0)).toBe(message);
  });
});
