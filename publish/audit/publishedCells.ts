/**
 * What each published file shows, read back from the file itself as an
 * analyst would read it: one sighting per indicator, area and year, with the
 * number it shows or the marker in its place. Parquet tables through DuckDB,
 * the release workbooks through exceljs, the unit archive through jszip.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import {HEADER_ROWS, SHEETS} from "../release/buildWorkbook.js";
import type {Query} from "../parquetQuery.js";

export interface Sighting {
  indicator_id: string;
  area_code: string;
  year: number;
  /** The number shown, or null where a marker or nothing stands. */
  value: number | null;
  /** The status where the file gives one (Parquet, unit archive); the marker text in a workbook. */
  status: string | null;
  /** A rate's count and population, where the file shows them beside it. */
  numerator?: number | null;
  denominator?: number | null;
}

export interface PublishedFile {
  name: string;
  sightings: Sighting[];
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : typeof v === "bigint" ? Number(v) : null);

/**
 * The observations and population tables (population as the indicator `populationIndicator`).
 * `nameOf` names each table's file: the Parquet files by default, or the serving file's tables.
 */
export async function parquetCells(query: Query, populationIndicator: string, nameOf = (table: string) => `${table}.parquet`): Promise<PublishedFile[]> {
  const observations = await query(`SELECT indicator_id, area_code, year, value, numerator, denominator, status FROM observations`);
  const population = await query(`SELECT area_code, year, population_0_17 FROM population`);
  const areas = await query(`SELECT code, population_0_17, population_year FROM areas WHERE population_0_17 IS NOT NULL`);
  return [
    {
      name: nameOf("observations"),
      sightings: observations.map((r) => ({
        indicator_id: String(r.indicator_id),
        area_code: String(r.area_code),
        year: Number(r.year),
        value: num(r.value),
        status: String(r.status),
        numerator: num(r.numerator),
        denominator: num(r.denominator)
      }))
    },
    {
      name: nameOf("population"),
      sightings: population.map((r) => ({indicator_id: populationIndicator, area_code: String(r.area_code), year: Number(r.year), value: num(r.population_0_17), status: "ok"}))
    },
    {
      name: nameOf("areas"),
      sightings: areas.map((r) => ({indicator_id: populationIndicator, area_code: String(r.code), year: Number(r.population_year), value: num(r.population_0_17), status: "ok"}))
    }
  ];
}

/** A release workbook of `year`: the sheets Kommuner, Län and Riket, codes in column A, indicator ids in row 2. */
export async function workbookCells(name: string, bytes: Uint8Array, year: number): Promise<PublishedFile> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sightings: Sighting[] = [];
  for (const sheetName of [SHEETS.kommuner, SHEETS.lan, SHEETS.riket]) {
    const sheet = workbook.getWorksheet(sheetName);
    if (!sheet) throw new Error(`${name}: no sheet "${sheetName}"`);
    const ids = new Map<number, string>();
    sheet.getRow(HEADER_ROWS).eachCell((cell, column) => {
      if (typeof cell.value === "string" && /^[a-z0-9_]+$/.test(cell.value)) ids.set(column, cell.value);
    });
    sheet.eachRow((row, r) => {
      if (r <= HEADER_ROWS) return;
      const code = String(row.getCell(1).value ?? "");
      for (const [column, id] of ids) {
        const v = row.getCell(column).value;
        sightings.push({indicator_id: id, area_code: code, year, value: num(v), status: typeof v === "string" ? v : null});
      }
    });
  }
  return {name, sightings};
}

interface Point {
  year: number;
  value: number | null;
  status: string | null;
}

/** The unit archive: each unit's values (with its län and riket beside them), trends, stadsdelar, and the population in the index. */
export async function unitArchiveCells(name: string, bytes: Uint8Array, populationIndicator: string): Promise<PublishedFile> {
  const zip = await JSZip.loadAsync(bytes);
  const sightings: Sighting[] = [];
  const see = (indicator_id: string, area_code: string | null, year: number, value: unknown, status: unknown, numerator?: unknown, denominator?: unknown) => {
    if (!area_code) return;
    sightings.push({indicator_id, area_code, year, value: num(value), status: status === undefined || status === null ? null : String(status), numerator: num(numerator), denominator: num(denominator)});
  };
  for (const file of Object.values(zip.files).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const json = JSON.parse(await file.async("string"));
    if (file.name === "index.json") {
      for (const u of json as {code: string; population_0_17: number | null; population_year: number | null}[]) {
        if (u.population_year !== null) see(populationIndicator, u.code, u.population_year, u.population_0_17, "ok");
      }
      continue;
    }
    if (file.name === "meta.json") continue;
    const unit = json.unit as {code: string; lan_code: string};
    for (const v of json.values as Record<string, unknown>[]) {
      const id = String(v.id);
      const year = Number(v.year);
      see(id, unit.code, year, v.value, v.status, v.numerator, v.denominator);
      see(id, unit.lan_code, year, v.lan_value, v.lan_status, v.lan_numerator, v.lan_denominator);
      see(id, "00", year, v.riket_value, v.riket_status, v.riket_numerator, v.riket_denominator);
      const trend = v.trend as {unit: Point[]; lan: Point[]; riket: Point[]};
      for (const p of trend.unit) see(id, unit.code, p.year, p.value, p.status);
      for (const p of trend.lan) see(id, unit.lan_code, p.year, p.value, p.status);
      for (const p of trend.riket) see(id, "00", p.year, p.value, p.status);
      for (const s of (v.stadsdelar as {code: string; value: unknown; status: unknown}[] | undefined) ?? []) see(id, s.code, year, s.value, s.status);
    }
  }
  return {name, sightings};
}

/**
 * The pages' first views (data/views/*.json, answered at build time): every
 * recorded row that names an indicator, an area and a year, wherever it lies
 * in an answer (comparison rows, trends, län tables, report sentences' data).
 */
export function firstViewCells(name: string, views: Record<string, unknown>): PublishedFile {
  const sightings: Sighting[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (node === null || typeof node !== "object") return;
    const row = node as Record<string, unknown>;
    const indicator = row.indicator_id ?? row.indicatorId;
    const area = row.area_code ?? row.code;
    if (typeof indicator === "string" && typeof area === "string" && typeof row.year === "number" && "value" in row) {
      const status = row.status === undefined || row.status === null ? null : String(row.status);
      sightings.push({indicator_id: indicator, area_code: area, year: row.year, value: num(row.value), status, numerator: num(row.numerator), denominator: num(row.denominator)});
    }
    for (const value of Object.values(row)) if (value !== null && typeof value === "object") visit(value);
  };
  visit(views);
  return {name, sightings};
}
