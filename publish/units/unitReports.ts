/**
 * The data of every per-unit report page (/kommun/<kod>), computed once at build
 * time: one process runs the comparison queries (src/lib/compare/
 * queries.js, the same SQL the comparison tool runs in the browser) with DuckDB
 * over the Parquet tables and writes one small JSON file per unit into a ZIP.
 * Framework extracts `data/units/<kod>.json` from it for each page, so 319 pages
 * cost one loader process, and a page needs neither DuckDB-WASM nor the tables.
 */
import JSZip from "jszip";
import {parquetQuery, type Query, type Row} from "../parquetQuery.js";
import {comparison, groupValues, loadIndicators, loadUnits, stadsdelValues, trends} from "../../src/lib/compare/queries.js";
import {breaks} from "../../src/lib/compare/series.js";
import {unitKindText, unitLabel} from "../../src/lib/compare/text.js";
import {isAreaCode} from "../../src/lib/vocabulary.js";
import type {StaticUnit} from "./unitMarkdown.js";

export {parquetQuery, type Query};

/** Values rounded to 6 significant digits: the pages show at most one decimal, and the files stay small. */
const compact = (value: unknown) => (typeof value === "number" && !Number.isInteger(value) ? Number(value.toPrecision(6)) : value);

interface Point {
  year: number;
  value: number | null;
  status: string;
  /** For the downloads of every year: the counts behind a share or rate, where there are any. */
  numerator?: number;
  denominator?: number;
  /** The 95 % interval, where the value has one: for the band on a trend and the rules of src/lib/compare/uncertainty.js. */
  ci_low?: number;
  ci_high?: number;
}

/** The fields of `d` that hold a value, compacted: numerators, denominators and intervals exist only for some values, so the files stay small. */
const present = (d: Row, keys: readonly string[]) => Object.fromEntries(keys.filter((k) => d[k] !== null && d[k] !== undefined).map((k) => [k, compact(d[k])]));

/** A point of a series; its numerator, denominator and interval only where they exist. */
const point = (d: Row): Point => ({
  year: d.year as number,
  value: compact(d.value) as number | null,
  status: d.status as string,
  ...present(d, ["numerator", "denominator", "ci_low", "ci_high"])
});

/** What the unit index lists: the unit's static facts (as written into each page's HTML) and its population. */
export interface UnitIndexEntry extends StaticUnit {
  population_0_17: number | null;
  population_year: number | null;
}

export interface UnitReports {
  index: UnitIndexEntry[];
  /** Indicators, comparability groups and the years riket has a value, per indicator: what the tool needs before DuckDB is ready. */
  meta: {indicators: Row[]; comparability: Row[]; years: Record<string, number[]>};
  reports: Map<string, Row>;
}

/** Builds the report data of every kommun and stadsdel. */
export async function buildUnitReports(query: Query): Promise<UnitReports> {
  const units = await loadUnits(query);
  const {indicators, comparability} = await loadIndicators(query);
  const ids = indicators.map((d) => d.id as string);
  const lanCodes = [...new Set(units.map((u) => u.lan_code))];
  const storstader = units.filter((u) => u.kind === "storstad").map((u) => u.code);

  const [rows, groups, series, parts, responses, lanNames, riketYearsList] = await Promise.all([
    comparison(query, {indicatorIds: ids, year: "latest"}),
    groupValues(query, {indicatorIds: ids}),
    trends(query, {indicatorIds: ids, codes: [...units.map((u) => u.code), ...lanCodes, "00"]}),
    stadsdelValues(query, {indicatorIds: ids, year: "latest", kommunCodes: storstader}),
    query(`SELECT r.area_code, r.year, r.answered, a.kommun_code, a.level FROM responses r JOIN areas a ON a.code = r.area_code ORDER BY r.year`),
    query(`SELECT code, name FROM areas WHERE level = 'län'`),
    riketYears(query, ids)
  ]);
  const lanName = new Map(lanNames.map((d) => [d.code as string, d.name as string]));

  const byKey = <T extends Row>(list: T[], key: (d: T) => string) => {
    const map = new Map<string, T[]>();
    for (const d of list) {
      const k = key(d);
      if (!map.has(k)) map.set(k, []);
      map.get(k)!.push(d);
    }
    return map;
  };
  const rowsByUnit = byKey(rows, (d) => d.code as string);
  const seriesBy = byKey(series, (d) => `${d.indicator_id}|${d.area_code}`);
  const groupsBy = byKey(groups, (d) => `${d.indicator_id}|${d.kommungrupp}`);
  const partsBy = byKey(parts, (d) => `${d.indicator_id}|${d.kommun_code}`);

  const index: UnitIndexEntry[] = units.map((u) => ({
    code: u.code,
    name: u.name,
    label: unitLabel(u),
    kind: u.kind,
    kind_text: unitKindText(u),
    lan_code: u.lan_code,
    lan_name: u.lan_name,
    kommun_code: u.kommun_code,
    kommun_name: u.kommun_name,
    kommungrupp: u.kommungrupp,
    kommungrupp_name: u.kommungrupp_name,
    population_0_17: u.population_0_17,
    population_year: u.population_year,
    stadsdelar: u.stadsdelar
  }));

  const reports = new Map<string, Row>();
  for (const unit of index) {
    // Survey participation: a survey unit answered or not; a storstad through how many stadsdelar answered.
    const own = responses.filter((r) => (unit.kind === "storstad" ? r.kommun_code === unit.code && r.level === "stadsdel" : r.area_code === unit.code));
    const surveys = [...byKey(own, (r) => String(r.year)).entries()].map(([year, list]) => ({
      year: Number(year),
      answered: list.filter((r) => r.answered).length,
      units: list.length
    }));
    const entries = (rowsByUnit.get(unit.code) ?? []).map((r) => {
      const id = r.indicator_id as string;
      const trend = (code: string) => (seriesBy.get(`${id}|${code}`) ?? []).map(point);
      return {
        id,
        year: r.year,
        value: compact(r.value),
        status: r.status ?? null,
        numerator: compact(r.numerator),
        denominator: compact(r.denominator),
        rank: r.rank ?? null,
        rank_n: r.rank_n ?? null,
        ties: r.ties ?? null,
        ...present(r, ["ci_low", "ci_high", "rank_low", "rank_high", "lan_ci_low", "lan_ci_high", "riket_ci_low", "riket_ci_high"]),
        group_method: r.group_method,
        group_value: compact(r.group_value ?? null),
        group_numerator: r.group_numerator ?? null,
        group_denominator: r.group_denominator ?? null,
        group_n: r.group_n ?? null,
        group_units: r.group_units ?? null,
        lan_value: compact(r.lan_value ?? null),
        lan_status: r.lan_status ?? null,
        lan_numerator: compact(r.lan_numerator ?? null),
        lan_denominator: compact(r.lan_denominator ?? null),
        riket_value: compact(r.riket_value ?? null),
        riket_status: r.riket_status ?? null,
        riket_numerator: compact(r.riket_numerator ?? null),
        riket_denominator: compact(r.riket_denominator ?? null),
        trend: {
          unit: trend(unit.code),
          lan: trend(unit.lan_code),
          riket: trend("00"),
          group: (groupsBy.get(`${id}|${unit.kommungrupp}`) ?? []).map((g) => ({...point({...g, status: g.value === null ? "missing" : "ok"}), n: g.n as number}))
        },
        stadsdelar:
          unit.kind === "storstad"
            ? (partsBy.get(`${id}|${unit.code}`) ?? []).map((p) => ({code: p.code, name: p.name, value: compact(p.value), status: p.status}))
            : undefined
      };
    });
    reports.set(unit.code, {
      unit: {...unit, lan_name: lanName.get(unit.lan_code) ?? unit.lan_name},
      surveys,
      indicators: indicators.map((d) => ({...d, groups: comparability.filter((c) => c.indicator_id === d.id), breaks: breaks(comparability, d.id as string)})),
      values: entries
    });
  }
  return {index, meta: {indicators, comparability, years: riketYearsList}, reports};
}

/** The years riket has a value, per indicator (every id in `ids`, ascending years): what the comparison tool offers. */
export async function riketYears(query: Query, ids: string[]): Promise<Record<string, number[]>> {
  const rows = await query(`SELECT indicator_id, year FROM observations WHERE area_code = '00' AND status = 'ok' ORDER BY indicator_id, year`);
  const years: Record<string, number[]> = Object.fromEntries(ids.map((id) => [id, [] as number[]]));
  for (const d of rows) years[d.indicator_id as string]?.push(d.year as number);
  return years;
}

// A fixed date (1980-01-01, the earliest a ZIP can hold) keeps the archive byte-identical between builds.
const ZIP_DATE = new Date(Date.UTC(1980, 0, 1));

/**
 * The archive: index.json (every unit, for the list page and the tool), meta.json and <kod>.json per unit.
 * Framework extracts single files from a loader's .zip output, so one process serves all unit pages.
 */
export async function unitArchive({index, meta, reports}: UnitReports): Promise<Buffer> {
  const archive = new JSZip();
  const add = (name: string, value: unknown) => archive.file(name, JSON.stringify(value), {date: ZIP_DATE});
  add("index.json", index);
  add("meta.json", meta);
  for (const [code, report] of reports) {
    if (!isAreaCode(code)) throw new Error(`unit archive: ${JSON.stringify(code)} is not an area code (expected e.g. 0180 or 0180-01)`);
    add(`${code}.json`, report);
  }
  return archive.generateAsync({type: "nodebuffer", compression: "DEFLATE", compressionOptions: {level: 9}});
}
