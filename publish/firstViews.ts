/**
 * The first view of every page that queries the tables, answered at build
 * time with DuckDB in node by the same functions the pages run with
 * DuckDB-WASM (src/lib/firstView.js): a page draws its first view from its
 * own small file, and starts the engine only when the reader asks for
 * something these files do not hold (another year, unit, theme).
 *
 *   oversikt       the values per län of every indicator, for its newest year
 *   anvandarguide  indicators, comparability, surveys, area counts (the guide needs nothing else)
 *   rapport-2014   everything "Barnens behov allt mer i centrum" shows for its default year
 *   rapport-2016   everything "Några resultat i korthet" shows for its default year
 *   jamfor         every query of the comparison tool in the state it opens with
 *
 * One loader (src/data/views.zip.ts) writes them all into one archive, and
 * Framework extracts data/views/<page>.json for each page.
 */
import JSZip from "jszip";
import type {Query} from "./parquetQuery.js";
import {riketYears} from "./units/unitReports.js";
import {compareQueries, defaultState} from "../src/lib/compare/firstView.js";
import {loadIndicators, loadUnits} from "../src/lib/compare/queries.js";
import {recordAnswers} from "../src/lib/firstView.js";
import {guideData} from "../src/lib/guide.js";
import {lanTable, latestYear, riketSeries} from "../src/lib/overview.js";
import {DEFAULT_YEARS, report2014View, report2016View} from "../src/lib/reportViews.js";

type Params = Record<string, any>;
type Entry = [string, Params, () => Promise<unknown>];

/** Every named answer a page records, as a function of a query and its parameters (the page runs the same with DuckDB-WASM). */
export const ANSWERS: Record<string, (query: Query, params: Params) => Promise<unknown>> = {
  lanTable: (query, params) => lanTable(query, params as {indicatorId: string; year: number}),
  report2014: (query, {year}) => report2014View(query, year),
  report2016: (query, {year}) => report2016View(query, year)
};

/** [name, params, compute] for `name` in ANSWERS. */
const entry = (query: Query, name: string, params: Params): Entry => [name, params, () => ANSWERS[name]!(query, params)];

/** Every page's first view, by file name under data/views/. */
export async function buildFirstViews(query: Query): Promise<Record<string, unknown>> {
  const riket = await riketSeries(query);
  const lanTables = riket.indicators.flatMap((indicator) => {
    const year = latestYear(riket.series.filter((d) => d.indicator_id === indicator.id) as {year: number; value: number | null}[]);
    return year === null ? [] : [entry(query, "lanTable", {indicatorId: indicator.id as string, year})];
  });
  const [units, {indicators}, oversikt, anvandarguide, report2014, report2016] = await Promise.all([
    loadUnits(query),
    loadIndicators(query),
    recordAnswers(lanTables),
    guideData(query),
    recordAnswers([entry(query, "report2014", {year: DEFAULT_YEARS.report2014})]),
    recordAnswers([entry(query, "report2016", {year: DEFAULT_YEARS.report2016})])
  ]);
  const meta = {indicators: indicators as Parameters<typeof defaultState>[1]["indicators"], years: await riketYears(query, indicators.map((d) => d.id as string))};
  // The comparison tool's queries come with their compute functions (src/lib/compare/firstView.js).
  const jamfor = await recordAnswers(compareQueries(query, defaultState(units, meta)));
  return {
    "oversikt.json": oversikt,
    "anvandarguide.json": anvandarguide,
    "rapport-2014.json": report2014,
    "rapport-2016.json": report2016,
    "jamfor.json": jamfor
  };
}

// A fixed date keeps the archive byte-identical between builds (as the unit archive).
const ZIP_DATE = new Date(Date.UTC(1980, 0, 1));

/** The views as one ZIP archive, for Framework to extract per page. */
export async function firstViewArchive(views: Record<string, unknown>): Promise<Buffer> {
  const archive = new JSZip();
  for (const [name, value] of Object.entries(views)) archive.file(name, JSON.stringify(value), {date: ZIP_DATE});
  return archive.generateAsync({type: "nodebuffer", compression: "DEFLATE", compressionOptions: {level: 9}});
}

/** Översikt's national series (data/riket.json): the same function the first view picks its years by. */
export {riketSeries} from "../src/lib/overview.js";
