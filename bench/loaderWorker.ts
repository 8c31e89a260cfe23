// One loader run in its own process, so its peak memory (maxRSS) is its own.
// Usage: tsx bench/loaderWorker.ts <ours|duckdb> <input.csv> <values per row> <output.parquet>
// Prints one JSON line: {seconds, cpuSeconds, rows, maxRssMb}.
import {join} from "node:path";
import {areaIndex} from "../loaders/reference/areaIndex.js";
import {readReference} from "../loaders/reference/readReference.js";
import {openSwedishCsv} from "../loaders/register/readSwedishCsv.js";
import {openLoaderDatabase} from "../loaders/write/loaderDatabase.js";
import type {TableSchema} from "../loaders/schema/tables.js";
import {sqlIdent} from "../loaders/write/sql.js";
import {toParquet} from "../loaders/write/toParquet.js";

const [mode, input, perRow, output] = process.argv.slice(2) as [string, string, string, string];
const valueColumns = Array.from({length: Number(perRow)}, (_, i) => `V${String(i + 1).padStart(3, "0")}`);
const started = performance.now();
// CPU time from here, as the wall time: module loading (tsx transpiles the loaders first) is not the load.
const startedCpu = process.cpuUsage();
// The pipeline's own database (memory limit, spill folder), so the figure is the pipeline's.
const {instance, close} = await openLoaderDatabase();
const connection = await instance.connect();
let rows: number;
if (mode === "ours") {
  // The project's path: encoding and download checks, header, areas against the
  // reference, numbers, markers through the legend, decimal marks, duplicates,
  // line numbers; then its values, sorted, to Parquet in one pass.
  const csv = await openSwedishCsv(connection, input, {
    legend: {"..": "missing", X: "suppressed", "-": "zero"},
    encoding: "utf-8",
    areaColumn: "Regionkod",
    yearColumn: "År",
    valueColumns,
    areas: areaIndex(readReference(join(import.meta.dirname, "..", "data")))
  });
  const schema: TableSchema = {
    name: "register",
    description: "",
    orderBy: ["series", "year", "area_code"],
    columns: ["series", "area_code", "year", "value", "status"].map((name) => ({name, type: "VARCHAR", nullable: true, description: ""}))
  };
  await toParquet(connection, schema, output, sqlIdent(csv.view));
  await csv.close();
  rows = csv.values;
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
const cpu = process.cpuUsage(startedCpu);
// CPU seconds beside wall seconds: on a shared machine the ratio of CPU time is the steadier comparison.
console.log(JSON.stringify({seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, rows, maxRssMb: process.resourceUsage().maxRSS / 1024}));
