/**
 * Everything a release file shows for one survey year, read from the Parquet
 * tables with SQL: the units in display order, the indicators of the year in
 * the order the metadata declares them, every unit's value or status, the
 * survey round and the comparability breaks. The workbook and the deck are
 * both drawn from this one model.
 */
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {fail} from "../../loaders/errors.js";
import type {Measure, Status} from "../../loaders/schema/vocabulary.js";
import {collator} from "../../src/lib/format.js";
import {sqlYear} from "../../src/lib/sql.js";
import {tableRow, type TableRow} from "../tableRow.js";
import type {Query, Row} from "./tableSet.js";

export type {Measure};

/** A row of the indicators table (loaders/schema/tables.ts), its measure one of the vocabulary's. */
export type Indicator = TableRow<"indicators"> & {measure: Measure};

/** How a unit appears in the release: a kommun answering itself, a storstad answering through its stadsdelar, a stadsdel, a län or riket. */
export type AreaKind = "kommun" | "storstad" | "stadsdel" | "län" | "riket";

export interface Area {
  code: string;
  name: string;
  kind: AreaKind;
  lan_name: string | null;
  kommun_name: string | null;
  kommungrupp: string | null;
  kommungrupp_name: string | null;
  /** Answers the survey itself: its survey value is its own yes (100) or no (0). */
  survey_unit: boolean;
}

export interface Cell {
  status: Status;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface ComparabilityGroup {
  group_id: string;
  first_year: number;
  last_year: number;
  note: string | null;
}

export interface SeriesBreak {
  indicator_id: string;
  group_id: string;
  note: string | null;
}

export interface ReleaseModel {
  /** Survey (and register) year the values are for. */
  year: number;
  /** The year the release is published under ("Öppna jämförelser 2014" holds the 2013 survey). */
  release: number;
  period: string;
  questionnaire: string;
  surveyFile: string;
  units: number;
  answered: number;
  /** Kommuner in Swedish order, each storstad followed by its stadsdelar. */
  kommuner: Area[];
  lan: Area[];
  riket: Area[];
  /** Indicators with at least one value (of any status) this year, in metadata order. */
  indicators: Indicator[];
  /** All indicators, in metadata order. */
  allIndicators: Indicator[];
  /** Theme names in metadata order. */
  themes: string[];
  /** Series that start a new comparability group this year (results not comparable with earlier years). */
  breaks: SeriesBreak[];
  /** Source files of each indicator's values this year. */
  sources: Map<string, string[]>;
  /** The comparability group of each indicator that holds this year. */
  groups: Map<string, ComparabilityGroup>;
  cell(indicatorId: string, areaCode: string): Cell;
}

/** The order of indicators and themes as declared in data/indicators.json (the Parquet table is sorted by id). */
export interface MetadataOrder {
  indicators: string[];
  themes: string[];
}

export function readMetadataOrder(dataDir: string): MetadataOrder | null {
  const file = join(dataDir, "indicators.json");
  if (!existsSync(file)) return null;
  const meta = JSON.parse(readFileSync(file, "utf8")) as {themes?: Record<string, string>; indicators?: {id: string}[]};
  return {indicators: (meta.indicators ?? []).map((i) => i.id), themes: Object.values(meta.themes ?? {})};
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function rank(order: string[] | undefined, key: string): number {
  const i = order?.indexOf(key) ?? -1;
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}

export interface ModelOptions {
  year: number;
  /** Release year for titles and file names; defaults to the survey year. */
  release?: number;
  order?: MetadataOrder | null;
}

export async function loadReleaseModel(query: Query, {year, release = year, order}: ModelOptions): Promise<ReleaseModel> {
  if (!Number.isInteger(year)) fail({file: "surveys.parquet"}, `year ${year} is not a whole year`);
  const [survey] = await query(`SELECT year, period, questionnaire, file, units, answered FROM surveys WHERE year = ${sqlYear(year)}`);
  if (!survey) {
    const years = (await query(`SELECT year FROM surveys ORDER BY year`)).map((r) => r.year).join(", ");
    fail({file: "surveys.parquet"}, `no survey year ${year} (expected one of ${years})`);
  }

  const indicatorRows = await query(`SELECT * FROM indicators`);
  const toIndicator = (r: Row): Indicator => tableRow("indicators", r) as Indicator;
  const themeRank = (t: string) => rank(order?.themes, t);
  const allIndicators = indicatorRows
    .map(toIndicator)
    .sort((a, b) => rank(order?.indicators, a.id) - rank(order?.indicators, b.id) || themeRank(a.theme) - themeRank(b.theme) || collator.compare(a.id, b.id));
  const themes = [...new Set(allIndicators.map((i) => i.theme))].sort((a, b) => themeRank(a) - themeRank(b));

  const present = new Set((await query(`SELECT DISTINCT indicator_id FROM observations WHERE year = ${sqlYear(year)}`)).map((r) => String(r.indicator_id)));
  const indicators = allIndicators.filter((i) => present.has(i.id));

  // Areas, with their län's name and, for a stadsdel, its city.
  const areaRows = await query(`SELECT a.*, l.name AS lan_name, k.name AS kommun_name,
      (SELECT count(*) FROM areas s WHERE s.level = 'stadsdel' AND s.kommun_code = a.code) AS stadsdelar
    FROM areas a LEFT JOIN areas l ON l.code = a.lan_code LEFT JOIN areas k ON k.code = a.kommun_code`);
  const toArea = (r: Row): Area => {
    const level = String(r.level);
    const kind: AreaKind = level === "kommun" ? (Number(r.stadsdelar) > 0 && !r.survey_unit ? "storstad" : "kommun") : (level as AreaKind);
    return {
      code: String(r.code),
      name: String(r.name),
      kind,
      lan_name: str(r.lan_name),
      kommun_name: level === "stadsdel" ? str(r.kommun_name) : null,
      kommungrupp: str(r.kommungrupp),
      kommungrupp_name: str(r.kommungrupp_name),
      survey_unit: Boolean(r.survey_unit)
    };
  };
  const areas = areaRows.map((r) => ({area: toArea(r), kommun_code: str(r.kommun_code)}));
  const byName = (a: Area, b: Area) => collator.compare(a.name, b.name) || collator.compare(a.code, b.code);
  const stadsdelarOf = (code: string) =>
    areas
      .filter((x) => x.area.kind === "stadsdel" && x.kommun_code === code)
      .map((x) => x.area)
      .sort(byName);
  const kommuner = areas
    .filter((x) => x.area.kind === "kommun" || x.area.kind === "storstad")
    .map((x) => x.area)
    .sort(byName)
    .flatMap((k) => [k, ...stadsdelarOf(k.code)]);
  const lan = areas.filter((x) => x.area.kind === "län").map((x) => x.area).sort(byName);
  const riket = areas.filter((x) => x.area.kind === "riket").map((x) => x.area);
  const levelOf = new Map(areaRows.map((r) => [String(r.code), String(r.level)]));

  // Every value of the year. A unit with no row gets "not_applicable" when the
  // indicator has no row at all at its level (register series are not published
  // for stadsdelar), otherwise "missing".
  const observations = await query(`SELECT indicator_id, area_code, value, numerator, denominator, status, source FROM observations WHERE year = ${sqlYear(year)}`);
  const cells = new Map<string, Cell>();
  const levelsWithRows = new Set<string>();
  const sources = new Map<string, Set<string>>();
  for (const o of observations) {
    const id = String(o.indicator_id);
    const code = String(o.area_code);
    const status = String(o.status) as Status;
    const value = num(o.value);
    if ((status === "ok") !== (value !== null)) fail({file: "observations.parquet", column: "value"}, `${id} ${code} ${year}: status ${status} with value ${value} (expected a value exactly when status is ok)`);
    cells.set(`${id}|${code}`, {status, value, numerator: num(o.numerator), denominator: num(o.denominator)});
    levelsWithRows.add(`${id}|${levelOf.get(code)}`);
    if (!sources.has(id)) sources.set(id, new Set());
    sources.get(id)!.add(String(o.source));
  }
  const cell = (indicatorId: string, areaCode: string): Cell => {
    const found = cells.get(`${indicatorId}|${areaCode}`);
    if (found) return found;
    const status: Status = levelsWithRows.has(`${indicatorId}|${levelOf.get(areaCode)}`) ? "missing" : "not_applicable";
    return {status, value: null, numerator: null, denominator: null};
  };

  const breaks = (
    await query(`SELECT c.indicator_id, c.group_id, c.note FROM comparability c
      WHERE c.first_year = ${sqlYear(year)} AND EXISTS (SELECT 1 FROM comparability p WHERE p.indicator_id = c.indicator_id AND p.first_year < c.first_year)`)
  )
    .map((r) => ({indicator_id: String(r.indicator_id), group_id: String(r.group_id), note: str(r.note)}))
    .filter((b) => present.has(b.indicator_id))
    .sort((a, b) => rank(order?.indicators, a.indicator_id) - rank(order?.indicators, b.indicator_id));

  const groups = new Map(
    (await query(`SELECT indicator_id, group_id, first_year, last_year, note FROM comparability WHERE ${sqlYear(year)} BETWEEN first_year AND last_year`)).map((r) => [
      String(r.indicator_id),
      {group_id: String(r.group_id), first_year: Number(r.first_year), last_year: Number(r.last_year), note: str(r.note)}
    ])
  );

  return {
    year,
    release,
    period: String(survey.period),
    questionnaire: String(survey.questionnaire),
    surveyFile: String(survey.file),
    units: Number(survey.units),
    answered: Number(survey.answered),
    kommuner,
    lan,
    riket,
    indicators,
    allIndicators,
    themes,
    breaks,
    sources: new Map([...sources].map(([id, set]) => [id, [...set].sort()])),
    groups,
    cell
  };
}
