import {DuckDBInstance} from "@duckdb/node-api";
import {readSwedishCsv, readRegisterTable} from "./loaders/register/readSwedishCsv.js";
const inst = await DuckDBInstance.create(":memory:");
const c = await inst.connect();
const dir = "test/fixtures/register/";
const legend = {"..": "missing", "X": "suppressed", "-": "zero", "–": "zero"} as const;
const cases: [string, "utf-8" | "latin-1", string, string[]][] = [
  ["csv_latin1_names.csv", "latin-1", "Regionkod", ["Antal 0–17 år"]],
  ["csv_latin1_names.csv", "utf-8", "Regionkod", ["Antal 0–17 år"]],
  ["csv_utf8_names.csv", "latin-1", "Regionkod", ["Antal 0–17 år"]],
  ["csv_utf8_names.csv", "utf-8", "Regionkod", ["Antal 0–17 år"]],
  ["csv_latin1_names.csv", "latin-1", "Kommun", ["Antal 0–17 år"]],
  ["csv_utf8_bom.csv", "utf-8", "Regionkod", ["Antal"]],
  ["csv_utf8_bom.csv", "latin-1", "Regionkod", ["Antal"]],
  ["csv_numbers.csv", "utf-8", "Regionkod", ["Antal"]],
  ["csv_legend.csv", "utf-8", "Regionkod", ["Antal", "Andel"]],
  ["csv_unknown_marker.csv", "utf-8", "Regionkod", ["Antal"]],
  ["csv_not_a_number.csv", "utf-8", "Regionkod", ["Antal"]],
  ["csv_blank_cell.csv", "utf-8", "Regionkod", ["Antal"]],
  ["csv_duplicate.csv", "utf-8", "Regionkod", ["Antal"]],
  ["csv_missing_column.csv", "utf-8", "Regionkod", ["Antal"]],
  ["csv_comma_separated.csv", "utf-8", "Regionkod", ["Antal"]],
  ["csv_empty.csv", "utf-8", "Regionkod", ["Antal"]],
  ["csv_header_only.csv", "utf-8", "Regionkod", ["Antal"]],
  ["csv_bad_area.csv", "utf-8", "Regionkod", ["Antal"]],
  ["csv_bad_year.csv", "utf-8", "Regionkod", ["Antal"]],
  ["csv_lines.csv", "utf-8", "Regionkod", ["Antal"]],
  ["csv_ragged.csv", "utf-8", "Regionkod", ["Antal"]],
  ["csv_unterminated_quote.csv", "utf-8", "Regionkod", ["Antal"]],
  ["csv_mixed_line_endings.csv", "utf-8", "Regionkod", ["Antal"]],
];
for (const [f, enc, area, vals] of cases) {
  try {
    const r = await readSwedishCsv(c, dir + f, {legend, encoding: enc, areaColumn: area, yearColumn: "År", valueColumns: vals, table: "t", displayName: f});
    console.log("OK", f, enc, r, JSON.stringify(await readRegisterTable(c, "t")));
    if (f === "csv_lines.csv") console.log((await c.runAndReadAll("select area_code, line from t")).getRowsJS());
  } catch (e) { console.log("ERR", f, enc, String(e)); }
}
