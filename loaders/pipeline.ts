/**
 * The whole load: raw files in data/ → validated, normalized tables → Parquet.
 * One DuckDB in-memory database holds the tables while they are built; every
 * table is first written to a temporary folder and moved into place only when
 * all of them succeeded, so a failed load never leaves a half-written set.
 */
import {randomBytes} from "node:crypto";
import {mkdirSync, readFileSync, renameSync, rmSync} from "node:fs";
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {applyDisclosure, type DisclosureReport} from "./disclosure/applyDisclosure.js";
import {fail} from "./errors.js";
import {readPublishedResults} from "./published/readPublishedResults.js";
import {RIKET_CODE} from "./reference/areaCodes.js";
import {readReference, surveyUnits, type Reference} from "./reference/readReference.js";
import {readJsonStat} from "./register/readJsonStat.js";
import {readKolada} from "./register/readKolada.js";
import {readSwedishCsv} from "./register/readSwedishCsv.js";
import type {RegisterValue} from "./register/registerValue.js";
import {readMetadata, type IndicatorMeta, type Metadata} from "./schema/metadata.js";
import {MEASURES} from "./schema/vocabulary.js";
import type {Observation} from "./schema/observation.js";
import {createTableSql, TABLES, type TableName, type TableSchema} from "./schema/tables.js";
import {computeSurveyIndicators} from "./survey/computeSurveyIndicators.js";
import {readBytes, readSurveys} from "./survey/readSurveys.js";
import {appendRows} from "./write/appendRows.js";
import {openLoaderDatabase} from "./write/loaderDatabase.js";
import {sqlString, toParquet} from "./write/toParquet.js";

export interface BuildResult {
  files: Record<TableName, string>;
  rows: Record<TableName, number>;
  /** Every protected cell and why (loaders/disclosure). */
  disclosure: DisclosureReport;
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

async function readRegister(connection: DuckDBConnection, dataDir: string, meta: Metadata): Promise<void> {
  await connection.run(`CREATE TABLE register_values (source VARCHAR, file VARCHAR, series VARCHAR, area_code VARCHAR, year INTEGER, value DOUBLE, status VARCHAR, line INTEGER, column_name VARCHAR, used BOOLEAN DEFAULT false)`);
  const registerSchema: TableSchema = {
    name: "register_values",
    description: "",
    orderBy: [],
    columns: ["source", "file", "series", "area_code", "year", "value", "status", "line", "column_name", "used"].map((name) => ({
      name,
      type: name === "year" || name === "line" ? "INTEGER" : name === "value" ? "DOUBLE" : name === "used" ? "BOOLEAN" : "VARCHAR",
      nullable: true,
      description: ""
    }))
  };
  for (const [id, source] of Object.entries(meta.sources.register)) {
    if (source.format === "csv") {
      const stage = `stage_${id}`;
      await readSwedishCsv(connection, join(dataDir, source.file), {
        legend: source.legend,
        encoding: source.encoding,
        areaColumn: source.area_column,
        yearColumn: source.year_column,
        valueColumns: source.value_columns,
        table: stage,
        displayName: source.file
      });
      await connection.run(
        `INSERT INTO register_values SELECT ${sqlString(id)}, ${sqlString(source.file)}, series, area_code, year, value, status, line, ${sqlString(source.area_column)}, false FROM "${stage}"`
      );
      await connection.run(`DROP TABLE "${stage}"`);
    } else {
      const text = new TextDecoder("utf-8").decode(readBytes(dataDir, source.file));
      const values: RegisterValue[] = source.format === "json-stat2" ? readJsonStat(source.file, text, {legend: source.legend}) : readKolada(source.file, text);
      await appendRows(
        connection,
        registerSchema,
        values.map((v) => ({...v, source: id, file: source.file, line: null, column_name: source.format === "kolada" ? "municipality" : "Region", used: false}))
      );
    }
  }
  // Every area must be known; the message points at the line for csv sources.
  const unknown = await connection.runAndReadAll(
    `SELECT file, line, column_name, area_code, year FROM register_values WHERE area_code NOT IN (SELECT code FROM areas) ORDER BY file, line NULLS LAST LIMIT 1`
  );
  const bad = unknown.getRowObjectsJS()[0];
  if (bad) fail({file: String(bad.file), row: bad.line === null ? undefined : Number(bad.line), column: String(bad.column_name)}, `unknown area code "${bad.area_code}" (year ${bad.year}; expected riket 00, a länskod, one of the 290 kommunkoder or a stadsdel code)`);
  const negative = (await connection.runAndReadAll(`SELECT file, line, column_name, area_code, year, value, series FROM register_values WHERE value < 0 ORDER BY file, line LIMIT 1`)).getRowObjectsJS()[0];
  if (negative) fail({file: String(negative.file), row: negative.line === null ? undefined : Number(negative.line), column: String(negative.series)}, `value ${negative.value} out of range for ${negative.area_code} ${negative.year} (expected a count or rate ≥ 0)`);
}

const REGISTER_COLUMNS = "indicator_id, area_code, year, value, numerator, denominator, status, source";

async function registerObservations(connection: DuckDBConnection, indicators: IndicatorMeta[]): Promise<void> {
  for (const ind of indicators) {
    for (const period of ind.periods) {
      for (const ref of period.register ?? []) {
        const isCount = ind.measure === "count";
        const rows = `FROM register_values WHERE source = ${sqlString(ref.source)} AND series = ${sqlString(ref.series)} AND year BETWEEN ${period.from} AND ${period.to}`;
        await connection.run(`INSERT INTO observations (${REGISTER_COLUMNS}) SELECT ${sqlString(ind.id)}, area_code, year, value, ${isCount ? "value" : "NULL"}, NULL, status, file ${rows}`);
        await connection.run(`UPDATE register_values SET used = true WHERE source = ${sqlString(ref.source)} AND series = ${sqlString(ref.series)} AND year BETWEEN ${period.from} AND ${period.to}`);
      }
    }
  }
  // Nothing read is dropped silently: a value no indicator takes stops the load.
  const unused = (await connection.runAndReadAll(`SELECT file, line, series, area_code, year FROM register_values WHERE NOT used ORDER BY file, line NULLS LAST, series, year LIMIT 1`)).getRowObjectsJS()[0];
  if (unused) {
    fail(
      {file: String(unused.file), row: unused.line === null ? undefined : Number(unused.line), column: String(unused.series)},
      `value for ${unused.area_code} ${unused.year} is not used by any indicator (expected series "${unused.series}" and year ${unused.year} to be listed in a period of data/indicators.json; add it there, or remove it from the file)`
    );
  }
  // Rates derived from two indicators: a suppressed or missing numerator keeps its status.
  for (const ind of indicators) {
    for (const period of ind.periods) {
      if (!period.rate) continue;
      await connection.run(`INSERT INTO observations (${REGISTER_COLUMNS})
        SELECT ${sqlString(ind.id)}, n.area_code, n.year,
          CASE WHEN n.status = 'ok' AND d.status = 'ok' AND d.value > 0 THEN 1000 * n.value / d.value END,
          CASE WHEN n.status = 'ok' AND d.status = 'ok' AND d.value > 0 THEN n.value END,
          CASE WHEN n.status = 'ok' AND d.status = 'ok' AND d.value > 0 THEN d.value END,
          CASE WHEN n.status <> 'ok' THEN n.status WHEN d.status = 'ok' AND d.value > 0 THEN 'ok' ELSE 'missing' END,
          n.source || ' / ' || coalesce(d.source, 'folkmängd saknas')
        FROM observations n LEFT JOIN observations d
          ON d.indicator_id = ${sqlString(period.rate.denominator)} AND d.area_code = n.area_code AND d.year = n.year
        WHERE n.indicator_id = ${sqlString(period.rate.numerator)} AND n.year BETWEEN ${period.from} AND ${period.to}`);
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

export async function buildTables(dataDir: string, outDir: string): Promise<BuildResult> {
  const ref = readReference(dataDir);
  const meta = readMetadata(dataDir);
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
    const surveys = await readSurveys(dataDir, meta, ref);
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
    }
    for (const source of meta.sources.published) {
      const published = await readPublishedResults(source.file, readBytes(dataDir, source.file), source.year, meta.indicators.indicators, ref);
      const computed = computedByYear.get(source.year);
      if (computed) reconcile(published, computed, source.file);
      else await appendRows(connection, TABLES.observations, published);
    }

    // Register: every source read through its own reader and legend.
    await readRegister(connection, dataDir, meta);
    await registerObservations(connection, meta.indicators.indicators);

    const duplicate = (await connection.runAndReadAll(
      `SELECT indicator_id, area_code, year, count(*) AS n, string_agg(DISTINCT source, ', ') AS sources FROM observations GROUP BY ALL HAVING n > 1 LIMIT 1`
    )).getRowObjectsJS()[0];
    if (duplicate) fail({file: String(duplicate.sources)}, `duplicate value for ${duplicate.indicator_id}, ${duplicate.area_code}, ${duplicate.year} (expected one per indicator, area and year)`);

    // Disclosure control and intervals, before anything is written.
    const disclosure = await applyDisclosure(connection, meta);

    await connection.run(`INSERT INTO population SELECT area_code, year, CAST(value AS INTEGER), source FROM observations WHERE indicator_id = 'befolkning_0_17' AND status = 'ok'`);
    await connection.run(`UPDATE areas SET population_0_17 = p.population_0_17, population_year = p.year
      FROM (SELECT area_code, arg_max(population_0_17, year) AS population_0_17, max(year) AS year FROM population GROUP BY area_code) p WHERE p.area_code = areas.code`);

    // Write everything beside the target, then move into place.
    const staging = join(outDir, `.staging-${randomBytes(4).toString("hex")}`);
    mkdirSync(staging, {recursive: true});
    const files = {} as Record<TableName, string>;
    const rows = {} as Record<TableName, number>;
    try {
      for (const [name, schema] of Object.entries(TABLES) as [TableName, TableSchema][]) {
        await toParquet(connection, schema, join(staging, `${name}.parquet`));
        rows[name] = Number((await connection.runAndReadAll(`SELECT count(*) FROM "${name}"`)).getRows()[0]![0]);
      }
      for (const name of Object.keys(TABLES) as TableName[]) {
        files[name] = join(outDir, `${name}.parquet`);
        renameSync(join(staging, `${name}.parquet`), files[name]);
      }
    } finally {
      rmSync(staging, {recursive: true, force: true});
    }
    return {files, rows, disclosure};
  } finally {
    connection.closeSync();
    close();
  }
}
