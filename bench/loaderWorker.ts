// One loader run in its own process, so its peak memory (maxRSS) is its own.
// Usage: tsx bench/loaderWorker.ts <ours|duckdb> <input.csv> <values per row> <output.parquet>
// Prints one JSON line: {seconds, rows, maxRssMb}.
import {openLoaderDatabase} from "../loaders/write/loaderDatabase.js";
import {readSwedishCsv} from "../loaders/register/readSwedishCsv.js";
import {toParquet} from "../loaders/write/toParquet.js";
import type {TableSchema} from "../loaders/schema/tables.js";

const [mode, input, perRow, output] = process.argv.slice(2) as [string, string, string, string];
const valueColumns = Array.from({length: Number(perRow)}, (_, i) => `V${String(i + 1).padStart(3, "0")}`);
const started = performance.now();
// The pipeline's own database (memory limit, spill folder), so the figure is the pipeline's.
const {instance, close} = await openLoaderDatabase();
const connection = await instance.connect();
let rows: number;
if (mode === "ours") {
  // The project's path: encoding check, validation with line numbers, legend, then sorted Parquet.
  ({rows} = await readSwedishCsv(connection, input, {
    legend: {"..": "missing", X: "suppressed", "-": "zero"},
    encoding: "utf-8",
    areaColumn: "Regionkod",
    yearColumn: "År",
    valueColumns,
    table: "register"
  }));
  const schema: TableSchema = {
    name: "register",
    description: "",
    orderBy: ["series", "year", "area_code"],
    columns: ["series", "area_code", "year", "value", "status"].map((name) => ({name, type: "VARCHAR", nullable: true, description: ""}))
  };
  await toParquet(connection, schema, output);
} else {
  // The reference: DuckDB parses and unpivots on its own, normalising in SQL, no checks.
  const values = valueColumns.map((c) => `"${c}"`).join(", ");
  await connection.run(`COPY (
      SELECT series, Regionkod AS area_code, CAST("År" AS INTEGER) AS year,
        TRY_CAST(replace(regexp_replace(raw, '[\\s\u00a0\u202f]', '', 'g'), ',', '.') AS DOUBLE) AS value,
        CASE raw WHEN '..' THEN 'missing' WHEN 'X' THEN 'suppressed' ELSE 'ok' END AS status
      FROM (UNPIVOT read_csv('${input}', delim = ';', header = true, all_varchar = true) ON ${values} INTO NAME series VALUE raw)
      ORDER BY series, year, area_code
    ) TO '${output}' (FORMAT parquet, COMPRESSION snappy)`);
  rows = Number((await connection.runAndReadAll(`SELECT count(*) FROM read_parquet('${output}')`)).getRows()[0]![0]);
}
connection.closeSync();
close();
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({seconds, rows, maxRssMb: process.resourceUsage().maxRSS / 1024}));
