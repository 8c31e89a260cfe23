// Framework data loader: the national series of every indicator, with their
// comparability groups, as one small JSON file. Pages draw their first chart
// from it at once, while DuckDB-WASM (≈1–2 s to start) loads the full tables.
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {ensureTables} from "../../loaders/framework/tableCache.js";

const dir = await ensureTables();
const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
const rows = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJS();
const parquet = (name: string) => `read_parquet('${join(dir, `${name}.parquet`).replaceAll("'", "''")}')`;

const indicators = await rows(`SELECT id, title, short_title, theme, measure, unit FROM ${parquet("indicators")} ORDER BY theme, title`);
const comparability = await rows(`SELECT indicator_id, group_id, first_year, last_year, note FROM ${parquet("comparability")} ORDER BY indicator_id, first_year`);
const series = await rows(`SELECT o.indicator_id, o.year, o.value, o.status, c.group_id
  FROM ${parquet("observations")} o JOIN ${parquet("comparability")} c ON c.indicator_id = o.indicator_id AND o.year BETWEEN c.first_year AND c.last_year
  WHERE o.area_code = '00' ORDER BY o.indicator_id, o.year`);
connection.closeSync();
instance.closeSync();
process.stdout.write(JSON.stringify({indicators, comparability, series}));
