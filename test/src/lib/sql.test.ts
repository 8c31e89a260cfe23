// SQL text for the browser and publishing side (src/lib/sql.js): literals that
// survive hostile input when DuckDB runs them, checked codes and ids, and the
// tagged template that binds values as parameters instead of splicing them.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {parquetFilesQuery, type TableQuery} from "../../../publish/parquetQuery.js";
import {sqlTag as arrowRowsSqlTag} from "../../../src/lib/arrowRows.js";
import {nationalValue} from "../../../src/lib/releaseFacts.js";
import {quoteIdentifier, sqlAreaCode, sqlIndicatorId, sqlList, sqlString, sqlTag, sqlTemplate, sqlYear} from "../../../src/lib/sql.js";

let duckdb: TableQuery;
beforeAll(async () => {
  duckdb = await parquetFilesQuery({});
});
afterAll(() => duckdb.close());

describe("literals DuckDB reads back as the text given", () => {
  it.each(["plain", "O'Brien", "'; DROP TABLE areas; --", "x' OR '1'='1", "Åmål \"citat\"", ""])("sqlString(%j)", async (text) => {
    expect(await duckdb.query(`SELECT ${sqlString(text)} AS v`)).toEqual([{v: text}]);
  });

  it.each(['a"b', 'x" FROM areas; --', "län", "select"])("quoteIdentifier(%j) names a column", async (name) => {
    expect(await duckdb.query(`SELECT 1 AS ${quoteIdentifier(name)}`)).toEqual([{[name]: 1}]);
  });
});

describe("checked literals refuse what is not a code, an id or a year", () => {
  it("area codes of every level pass, anything else throws", () => {
    expect(["00", "01", "0180", "0180-01"].map(sqlAreaCode)).toEqual(["'00'", "'01'", "'0180'", "'0180-01'"]);
    for (const bad of ["0180'; DROP TABLE areas; --", "180", "0180-1", "", 180, null]) expect(() => sqlAreaCode(bad)).toThrow(/Ogiltig områdeskod/);
  });

  it("indicator ids are lower-case words", () => {
    expect(sqlIndicatorId("bbic_ordinarie_licens")).toBe("'bbic_ordinarie_licens'");
    for (const bad of ["x' OR 1=1", "BBIC", "a b", undefined]) expect(() => sqlIndicatorId(bad)).toThrow(/Ogiltigt indikator-id/);
  });

  it("years are whole numbers between 1900 and 2100", () => {
    expect([sqlYear(2013), sqlYear("2016")]).toEqual(["2013", "2016"]);
    for (const bad of ["2013; --", 2013.5, 1800, Number.NaN]) expect(() => sqlYear(bad)).toThrow(/Ogiltigt år/);
  });

  it("sqlList writes (a, b) and an empty list as (NULL), which matches nothing", async () => {
    expect(sqlList(["0180", "1480"], sqlAreaCode)).toBe("('0180', '1480')");
    expect(await duckdb.query(`SELECT 1 AS v WHERE 1 IN ${sqlList([], sqlYear)}`)).toEqual([]);
  });

  it("the release figures refuse an injected indicator id before querying", async () => {
    const asked: string[] = [];
    const query = async (sql: string) => (asked.push(sql), []);
    await expect(nationalValue(query, "x' OR 1=1 --", 2013)).rejects.toThrow(/Ogiltigt indikator-id/);
    expect(asked).toEqual([]);
  });
});

describe("the sql tag binds values as parameters", () => {
  it("sends one ? per value and the values apart, whatever they hold", async () => {
    const calls: {text: string; params?: unknown[]}[] = [];
    const sql = sqlTemplate(async (text, params) => (calls.push({text, params}), []));
    const hostile = "'; DROP TABLE observations; --";
    await sql`SELECT * FROM areas WHERE name = ${hostile} AND year = ${2013}`;
    expect(calls).toEqual([{text: "SELECT * FROM areas WHERE name = ? AND year = ?", params: [hostile, 2013]}]);
  });

  it("sqlTag runs through a database's query(text, params)", async () => {
    const database = {query: async (text: string, params?: unknown[]) => [{text, params}]};
    expect(await sqlTag(database)`SELECT ${1}`).toEqual([{text: "SELECT ?", params: [1]}]);
  });

  it("is importable from src/lib/arrowRows.js, the path exported notebook pages use", () => {
    expect(arrowRowsSqlTag).toBe(sqlTag);
  });
});
