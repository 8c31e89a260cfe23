/**
 * The whole load: raw files in data/ → validated, normalized tables → Parquet.
 * One DuckDB in-memory database holds the tables while they are built; the
 * set of tables and the load report are written into a staging folder and
 * switched into place in one rename only when all succeeded, so a failed load
 * never leaves a half-written set, nor new tables beside old ones.
 */
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {applyDisclosure, type DisclosureReport} from "./disclosure/applyDisclosure.js";
import {fail} from "./errors.js";
import {readPublishedResults} from "./published/readPublishedResults.js";
import {RIKET_CODE} from "./reference/areaCodes.js";
import {areaIndex} from "./reference/areaIndex.js";
import {readReference, surveyUnits, type Reference} from "./reference/readReference.js";
import {readRegister} from "./register/readRegister.js";
import {registerObservations} from "./register/registerObservations.js";
import {buildReport, formatReport, REPORT_FILE, type LoadReport, type SourceSummary} from "./report/loadReport.js";
import {collectWarnings} from "./report/warnings.js";
import {readMetadata, type IndicatorMeta, type Metadata} from "./schema/metadata.js";
import {MEASURES} from "./schema/vocabulary.js";
import type {Observation} from "./schema/observation.js";
import {createTableSql, TABLES, type TableName, type TableSchema} from "./schema/tables.js";
import {computeSurveyIndicators} from "./survey/computeSurveyIndicators.js";
import {readBytes, readSurveys} from "./survey/readSurveys.js";
import {appendRows} from "./write/appendRows.js";
import {openLoaderDatabase} from "./write/loaderDatabase.js";
import {publishSet} from "./write/publishSet.js";
import {toParquet} from "./write/toParquet.js";
import {sqlString} from "./write/sql.js";

export interface BuildResult {
  files: Record<TableName, string>;
  rows: Record<TableName, number>;
  report: LoadReport;
  /** Every protected cell and why (loaders/disclosure); also in the report. */
  disclosure: DisclosureReport;
}

export interface BuildOptions {
  /** Where the printed load report goes, a line at a time; default standard error (standard output may be a data loader's file). */
  log?: (line: string) => void;
}

/** Tolerance when a published percent (one decimal) is compared with the computed share. */
const PUBLISHED_TOLERANCE = 0.05 + 1e-9;

function areaRows(ref: Reference) {
  const kommun = new Map(ref.kommuner.map((k) => [k.code, k]));
  const units = new Set(surveyUnits(ref).map((u) => u.code));
  return [
    {code: RIKET_CODE, name: "Riket", level: "riket", survey_unit: false},
    ...ref.lan.map((l) => ({code: l.code, name: l.name, level: "län", survey_unit: false})),
    ...ref.kommuner.map((k) => ({code: k.code, name: k.name, level: "kommun", lan_code: k.lan_code, kommun_code: k.code, kommungrupp: k.kommungrupp, kommungrupp_name: k.kommungrupp_name, survey_unit: units.has(k.code)})),
    ...ref.stadsdelar.map((s) => {
      const city = kommun.get(s.kommun_code)!;
      return {code: s.code, name: s.name, level: "stadsdel", lan_code: city.lan_code, kommun_code: s.kommun_code, kommungrupp: city.kommungrupp, kommungrupp_name: city.kommungrupp_name, survey_unit: true};
    })
  ];
}

/** Compares a published result file with what the survey answers give; any difference stops the load. */
function reconcile(published: Observation[], computed: Observation[], file: string): void {
  const byKey = new Map(computed.map((o) => [`${o.indicator_id}|${o.area_code}`, o]));
  for (const p of published) {
    const c = byKey.get(`${p.indicator_id}|${p.area_code}`);
    const where = {file, column: p.indicator_id};
    if (!c) fail(where, `area ${p.area_code} has a published value but the survey gives none`);
    if ((p.status === "ok") !== (c.status === "ok")) fail(where, `area ${p.area_code}: published ${p.value ?? "–"}, but the survey answers give ${c.value ?? c.status} (expected the published file to match the answers)`);
    if (p.status === "ok" && Math.abs(p.value! - c.value!) > PUBLISHED_TOLERANCE) {
      fail(where, `area ${p.area_code}: published ${p.value}, but the survey answers give ${c.value!.toFixed(2)} (expected them to agree to one decimal)`);
    }
  }
}

function indicatorRows(meta: Metadata) {
  return meta.indicators.indicators.map((ind) => ({
    id: ind.id,
    title: ind.title,
    short_title: ind.short_title,
    description: ind.description,
    theme: meta.indicators.themes[ind.theme],
    source: ind.source,
    measure: ind.measure,
    unit: MEASURES[ind.measure].unit,
    higher_is_better: ind.higher_is_better,
    rule: ruleText(ind),
    questions: ind.periods.filter((p) => p.question).map((p) => `${p.from}–${p.to}: ${p.question}`).join("; ") || null,
    first_year: ind.periods[0]!.from,
    last_year: ind.periods[ind.periods.length - 1]!.to
  }));
}

/** A sentence for the user guide saying how the value is computed. */
export function ruleText(ind: IndicatorMeta): string {
  return ind.periods
    .map((p) => {
      const years = p.from === p.to ? `${p.from}` : `${p.from}–${p.to}`;
      if (ind.measure === "response_rate") return `${years}: andel av enheterna som fick enkäten som besvarade den`;
      if (p.question) return `${years}: andel enheter som svarat ${p.yes!.map((y) => `"${y}"`).join(" eller ")} på fråga ${p.question}, av dem som besvarat frågan`;
      if (p.rate) return `${years}: ${p.rate.numerator} / ${p.rate.denominator} × 1 000`;
      return `${years}: ${(p.register ?? []).map((r) => `serien ${r.series} i ${r.source}`).join(" och ")}`;
    })
    .join("; ");
}

function referenceSources(ref: Reference): SourceSummary[] {
  const entry = (file: string, rows: number): SourceSummary => ({id: file, kind: "referens", files: [file], format: "csv", encoding: "UTF-8", read: rows, values: rows, leftOut: []});
  return [entry("reference/lan.csv", ref.lan.length), entry("reference/kommuner.csv", ref.kommuner.length), entry("reference/stadsdelar.csv", ref.stadsdelar.length)];
}

export async function buildTables(dataDir: string, outDir: string, options: BuildOptions = {}): Promise<BuildResult> {
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const ref = readReference(dataDir);
  const areas = areaIndex(ref);
  const meta = readMetadata(dataDir);
  const {warn, warnings} = collectWarnings();
  const sources: SourceSummary[] = referenceSources(ref);
  const {instance, close} = await openLoaderDatabase();
  const connection = await instance.connect();
  try {
    for (const schema of Object.values(TABLES)) await connection.run(createTableSql(schema));
    await appendRows(connection, TABLES.areas, areaRows(ref));
    await appendRows(connection, TABLES.indicators, indicatorRows(meta));
    await appendRows(
      connection,
      TABLES.comparability,
      meta.indicators.indicators.flatMap((ind) => ind.periods.map((p) => ({indicator_id: ind.id, group_id: p.group, first_year: p.from, last_year: p.to, note: p.note ?? null})))
    );

    // Survey: answers → unit, storstad, län and riket values; published files checked against them.
    const surveys = await readSurveys(dataDir, meta, ref, areas, warn);
    const units = surveyUnits(ref);
    const computedByYear = new Map<number, Observation[]>();
    for (const survey of surveys) {
      const answered = new Map(survey.units.map((u) => [u.code, u]));
      await appendRows(connection, TABLES.responses, units.map((u) => ({area_code: u.code, year: survey.year, answered: answered.has(u.code), source: answered.has(u.code) ? survey.file : null})));
      const source = meta.sources.survey.find((s) => s.year === survey.year)!;
      await appendRows(connection, TABLES.surveys, [{year: survey.year, period: source.period, questionnaire: source.questionnaire, file: survey.file, units: units.length, answered: answered.size}]);
      const computed = computeSurveyIndicators(survey, meta.indicators.indicators, ref);
      computedByYear.set(survey.year, computed);
      await appendRows(connection, TABLES.observations, computed);
      sources.push({id: survey.file, kind: "enkät", files: [survey.file], format: survey.file.endsWith(".xlsx") ? "xlsx" : "csv", read: survey.units.length, values: survey.units.length, leftOut: []});
    }
    for (const source of meta.sources.published) {
      const published = await readPublishedResults(source.file, readBytes(dataDir, source.file), source.year, meta.indicators.indicators, ref);
      const computed = computedByYear.get(source.year);
      if (computed) reconcile(published, computed, source.file);
      else await appendRows(connection, TABLES.observations, published);
      const checked = computed ? [{count: published.length, reason: "jämförda med enkätsvaren (de stämmer; tabellerna tar enkätens värden)"}] : [];
      sources.push({id: source.file, kind: "publicerad", files: [source.file], format: "xlsx", read: published.length, values: published.length, leftOut: checked});
    }

    // Register: every source read through its own reader and legend.
    const register = await readRegister(connection, dataDir, meta, areas, warn);
    try {
      sources.push(...register.summaries);
      await registerObservations(connection, meta.indicators.indicators, register.locate);
    } finally {
      await register.close();
    }

    const duplicate = (await connection.runAndReadAll(
      `SELECT indicator_id, area_code, year, count(*) AS n, string_agg(DISTINCT source, ', ') AS sources FROM observations GROUP BY ALL HAVING n > 1 LIMIT 1`
    )).getRowObjectsJS()[0];
    if (duplicate) fail({file: String(duplicate.sources)}, `duplicate value for ${duplicate.indicator_id}, ${duplicate.area_code}, ${duplicate.year} (expected one per indicator, area and year)`);

    // Disclosure control and intervals, before anything is written.
    const disclosure = await applyDisclosure(connection, meta);

    await connection.run(`INSERT INTO population SELECT area_code, year, CAST(value AS INTEGER), source FROM observations WHERE indicator_id = 'befolkning_0_17' AND status = 'ok'`);
    await connection.run(`UPDATE areas SET population_0_17 = p.population_0_17, population_year = p.year
      FROM (SELECT area_code, arg_max(population_0_17, year) AS population_0_17, max(year) AS year FROM population GROUP BY area_code) p WHERE p.area_code = areas.code`);

    const rows = {} as Record<TableName, number>;
    for (const name of Object.keys(TABLES) as TableName[]) rows[name] = Number((await connection.runAndReadAll(`SELECT count(*) FROM "${name}"`)).getRows()[0]![0]);
    const report = await buildReport(connection, sources, rows, warnings, disclosure);

    // The set: every table and the report, switched into place together.
    const names = Object.keys(TABLES) as TableName[];
    await publishSet(outDir, [...names.map((n) => `${n}.parquet`), REPORT_FILE], async (staging) => {
      for (const [name, schema] of Object.entries(TABLES) as [TableName, TableSchema][]) await toParquet(connection, schema, join(staging, `${name}.parquet`));
      writeFileSync(join(staging, REPORT_FILE), `${JSON.stringify(report, null, 1)}\n`);
    });
    for (const line of formatReport(report, join(outDir, REPORT_FILE))) log(line);
    const files = Object.fromEntries(names.map((n) => [n, join(outDir, `${n}.parquet`)])) as Record<TableName, string>;
    return {files, rows, report, disclosure};
  } finally {
    connection.closeSync();
    close();
  }
}
