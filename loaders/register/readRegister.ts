/**
 * Every register source in data/sources.json, read by its own reader and
 * legend into one table, `register_values`, that remembers where each value
 * came from (file, line and column, or a cell or item description) so that
 * later checks can point at it.
 */
import {readdirSync, statSync} from "node:fs";
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {fail} from "../errors.js";
import {ENCODING_NAME} from "../read/encoding.js";
import {readJson} from "../read/readJson.js";
import type {AreaIndex} from "../reference/areaIndex.js";
import type {SourceSummary} from "../report/loadReport.js";
import type {Warn} from "../report/warnings.js";
import type {Metadata, RegisterSource} from "../schema/metadata.js";
import type {TableSchema} from "../schema/tables.js";
import {readBytes} from "../survey/readSurveys.js";
import {appendRows} from "../write/appendRows.js";
import {sqlIdent, sqlString} from "../write/sql.js";
import {readJsonStatDocument} from "./readJsonStat.js";
import {readKoladaPages} from "./readKolada.js";
import {openSwedishCsv, type OpenCsv} from "./readSwedishCsv.js";
import type {RegisterValue} from "./registerValue.js";

const COLUMNS: [string, "VARCHAR" | "INTEGER" | "DOUBLE" | "BOOLEAN"][] = [
  ["source", "VARCHAR"],
  ["file", "VARCHAR"],
  ["series", "VARCHAR"],
  ["area_code", "VARCHAR"],
  ["year", "INTEGER"],
  ["value", "DOUBLE"],
  ["status", "VARCHAR"],
  ["flag", "VARCHAR"],
  ["line", "INTEGER"],
  ["column_name", "VARCHAR"],
  ["location", "VARCHAR"],
  ["used", "BOOLEAN"]
];
export const REGISTER_VALUES: TableSchema = {
  name: "register_values",
  description: "",
  orderBy: [],
  columns: COLUMNS.map(([name, type]) => ({name, type, nullable: true, description: ""}))
};

/** The line of a csv value, for a later check's message; the csv sources stay open for it until close(). */
export type Locate = (source: string, value: {areaCode: string; year: number; column: string; series: string}) => Promise<number | undefined>;

export interface RegisterRead {
  summaries: SourceSummary[];
  locate: Locate;
  close(): Promise<void>;
}

export async function readRegister(connection: DuckDBConnection, dataDir: string, meta: Metadata, areas: AreaIndex, warn: Warn): Promise<RegisterRead> {
  await connection.run(`CREATE TABLE register_values (${COLUMNS.map(([name, type]) => `${name} ${type}`).join(", ")})`);
  const summaries: SourceSummary[] = [];
  const open = new Map<string, OpenCsv>();
  const close = async () => {
    for (const csv of open.values()) await csv.close();
    open.clear();
  };
  const locate: Locate = async (source, value) => open.get(source)?.locate(value);
  try {
    for (const [id, source] of Object.entries(meta.sources.register)) summaries.push(await readSource(connection, dataDir, id, source, areas, warn, open));
  } catch (error) {
    await close();
    throw error;
  }
  return {summaries, locate, close};
}

async function readSource(connection: DuckDBConnection, dataDir: string, id: string, source: RegisterSource, areas: AreaIndex, warn: Warn, open: Map<string, OpenCsv>): Promise<SourceSummary> {
  const base = {id, kind: "register" as const, files: [source.file], format: source.format, publisher: source.publisher};
  if (source.format === "csv") return {...base, ...(await readCsvSource(connection, dataDir, id, source, areas, warn, open))};
  if (source.format === "kolada") return {...base, ...(await readKoladaSource(connection, dataDir, id, source, areas))};
  if (source.format === "json-stat2" || source.format === "json-stat") return {...base, ...(await readJsonStatSource(connection, dataDir, id, source, areas, warn))};
  return fail({file: "sources.json", column: id}, `unknown format ${JSON.stringify((source as {format: unknown}).format)}: expected "csv", "json-stat2" or "kolada"`);
}

type Read = Omit<SourceSummary, "id" | "kind" | "files" | "format" | "publisher"> & {files?: string[]};

async function readCsvSource(
  connection: DuckDBConnection,
  dataDir: string,
  id: string,
  source: Extract<RegisterSource, {format: "csv"}>,
  areas: AreaIndex,
  warn: Warn,
  open: Map<string, OpenCsv>
): Promise<Read> {
  const csv = await openSwedishCsv(connection, join(dataDir, source.file), {
    legend: source.legend,
    encoding: source.encoding,
    delimiter: source.delimiter,
    areaColumn: source.area_column,
    areaCode: source.area_code,
    areaFormat: source.area_format,
    yearColumn: source.year_column,
    valueColumns: source.value_columns,
    wide: source.wide,
    dimensions: source.dimensions,
    areas,
    displayName: source.file,
    warn
  });
  open.set(id, csv);
  await connection.run(
    `INSERT INTO register_values SELECT ${sqlString(id)}, ${sqlString(source.file)}, series, area_code, year, value, status, NULL, line, column_name, NULL, false FROM ${sqlIdent(csv.view)}`
  );
  const leftOut = [
    ...(csv.notSelected ? [{count: csv.notSelected, reason: "rader med andra värden i en vald dimension"}] : []),
    ...(csv.emptyRows ? [{count: csv.emptyRows, reason: "tomma rader (bara avgränsare)"}] : [])
  ];
  return {encoding: `${ENCODING_NAME[csv.encoding]}${csv.detected ? " (upptäckt)" : ""}`, delimiter: csv.delimiter, read: csv.rows, values: csv.values, leftOut};
}

async function appendValues(connection: DuckDBConnection, id: string, file: string, values: RegisterValue[], locations: string[], column: string): Promise<void> {
  await appendRows(
    connection,
    REGISTER_VALUES,
    values.map((v, i) => ({...v, flag: v.flag ?? null, source: id, file, line: null, column_name: column, location: locations[i] ?? null, used: false}))
  );
}

async function readJsonStatSource(connection: DuckDBConnection, dataDir: string, id: string, source: Extract<RegisterSource, {format: "json-stat2" | "json-stat"}>, areas: AreaIndex, warn: Warn): Promise<Read> {
  const doc = readJson(source.file, readBytes(dataDir, source.file), "a JSON-stat dataset");
  const codes = source.area_codes;
  const read = readJsonStatDocument(source.file, doc, {
    legend: source.legend,
    dataset: source.dataset,
    areaDimension: source.area_dimension,
    timeDimension: source.time_dimension,
    areaCodeMap: codes ? (code) => codes[code] ?? code : undefined,
    defaultAreaCode: source.area_code,
    yearly: source.yearly,
    dimensions: source.dimensions,
    areas,
    warn
  });
  await appendValues(connection, id, source.file, read.values, read.locations, source.area_dimension ?? "Region");
  const leftOut = read.notSelected ? [{count: read.notSelected, reason: "celler med andra kategorier i en vald dimension"}] : [];
  return {encoding: "UTF-8", read: read.cells, values: read.values.length, leftOut};
}

async function readKoladaSource(connection: DuckDBConnection, dataDir: string, id: string, source: Extract<RegisterSource, {format: "kolada"}>, areas: AreaIndex): Promise<Read> {
  let files = [source.file];
  let isFolder = false;
  try {
    isFolder = statSync(join(dataDir, source.file)).isDirectory();
  } catch {
    fail({file: source.file}, "file not found (listed in data/sources.json)");
  }
  if (isFolder) {
    files = readdirSync(join(dataDir, source.file)).filter((name) => name.endsWith(".json")).sort().map((name) => join(source.file, name));
    if (files.length === 0) fail({file: source.file}, "the folder holds no .json pages: expected the pages `npm run fetch:kolada` saves");
  }
  const pages = files.map((file) => ({file, doc: readJson(file, readBytes(dataDir, file), "a Kolada API response")}));
  const read = readKoladaPages(pages, {kpis: source.kpis, areas});
  await appendValues(connection, id, source.file, read.values, read.locations, "municipality");
  return {files, encoding: "UTF-8", read: read.values.length, values: read.values.length, leftOut: []};
}
