// Where the table is in a csv and what its columns mean.
import {describe, expect, it} from "vitest";
import {findLayout, titleWarning} from "../../../../loaders/register/csv/csvLayout.js";
import {loadError} from "../../../helpers/loadError.js";

const LONG = {areaColumn: "Regionkod", yearColumn: "År", valueColumns: ["Antal"]};
const layout = (text: string, declaration: Parameters<typeof findLayout>[4] = LONG) => findLayout("f.csv", Buffer.from(text), 0, true, declaration);

describe("findLayout", () => {
  it("finds the header below title lines under the delimiter that splits it into the declared columns", () => {
    const found = layout('"Tabell 1; antal"\n\nRegionkod,År,Antal,Not\n0114,2016,1,\n');
    expect(found).toMatchObject({delimiter: ",", headerLine: 3, skip: 2, header: ["Regionkod", "År", "Antal", "Not"], values: [{column: 2, name: "Antal"}]});
    expect(titleWarning(found)).toBe('skipped 1 line above the header on line 3 (line 1: "Tabell 1; antal")');
  });

  it("reads a wide table's year columns, kept and selected dimensions, and blank trailing columns", () => {
    const found = layout("Kommun\tKön\tTyp\t2015\t2016\t\t\n", {areaColumn: "Kommun", wide: {series: "Antal"}, dimensions: {Kön: "*", Typ: "Alla"}});
    expect(found).toMatchObject({
      delimiter: "\t",
      values: [
        {column: 3, name: "2015", year: 2015},
        {column: 4, name: "2016", year: 2016}
      ],
      kept: [{column: 1, name: "Kön"}],
      selected: [{column: 2, name: "Typ", value: "Alla"}],
      unnamed: [5, 6]
    });
  });

  it.each([
    [{...LONG, areaCode: "00"}, "f.csv: declare either the area column (area_column) or one area for the whole table (area_code), not both or neither"],
    [{areaColumn: "Region", wide: {series: "x"}, yearColumn: "År"}, "f.csv: a wide table has one column per year: declare wide.series, not year_column or value_columns"],
    [{...LONG, delimiter: "|"}, 'f.csv: delimiter "|" is not one the reader knows: expected ";", "," or "\\t" (or none, to detect it)']
  ])("refuses a declaration that cannot describe a table (%#)", (declaration, message) => {
    expect(loadError(() => layout("Regionkod;År;Antal\n", declaration)).message).toBe(message);
  });

  it("names a wide table with no year column", () => {
    expect(loadError(() => layout("Kommun;Antal\n", {areaColumn: "Kommun", wide: {series: "x"}})).message).toBe(
      'f.csv, row 1: no column is named by a year: expected columns "Kommun" and columns named by year (2015, 2016, …); found "Kommun" and "Antal"'
    );
  });
});
