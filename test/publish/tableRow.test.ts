// Row types derived from the table declarations (publish/tableRow.ts): the
// TypeScript type follows each column's DuckDB type and nullability, and
// tableRow reads a query row into it.
import {describe, expect, expectTypeOf, it} from "vitest";
import {tableRow, type TableRow} from "../../publish/tableRow.js";
import {TABLES} from "../../src/lib/schema.js";
import {useSampleTables} from "../helpers/sampleTables.js";

describe("TableRow", () => {
  it("maps each declared column to its JS type, null where the column allows it", () => {
    expectTypeOf<TableRow<"indicators">["id"]>().toEqualTypeOf<string>();
    expectTypeOf<TableRow<"indicators">["higher_is_better"]>().toEqualTypeOf<boolean | null>();
    expectTypeOf<TableRow<"indicators">["questions"]>().toEqualTypeOf<string | null>();
    expectTypeOf<TableRow<"indicators">["first_year"]>().toEqualTypeOf<number>();
    expectTypeOf<TableRow<"observations">["value"]>().toEqualTypeOf<number | null>();
    expectTypeOf<TableRow<"areas">["survey_unit"]>().toEqualTypeOf<boolean>();
    expectTypeOf<keyof TableRow<"comparability">>().toEqualTypeOf<"indicator_id" | "group_id" | "first_year" | "last_year" | "note">();
  });
});

describe("tableRow", () => {
  it("reads the declared columns, converting values and keeping nulls of nullable columns", () => {
    const raw = {indicator_id: "bbic", group_id: "2010–2015", first_year: 2010n, last_year: "2015", note: undefined, extra: 1};
    expect(tableRow("comparability", raw)).toEqual({indicator_id: "bbic", group_id: "2010–2015", first_year: 2010, last_year: 2015, note: null});
  });

  const sample = useSampleTables();
  it("reads every row of the sample tables as declared", async () => {
    for (const name of Object.keys(TABLES) as (keyof typeof TABLES)[]) {
      const [row] = await sample.query(`SELECT * FROM ${name} LIMIT 1`);
      expect(tableRow(name, row!), name).toEqual(row);
    }
  });
});
