// Synthetic tables of the real shape at any size, for `npm run bench -- scale`.
// observations has the contract's columns, types, sort order (indicator_id,
// year, area_code), compression and row groups, the real 341 area codes and
// fifteen years; values, statuses (≈96 % ok), sources, flags and intervals are drawn
// from a hash of the row, so the same size always gives the same bytes.
// indicators and comparability grow with it (one indicator per 341 × 15
// rows); areas, population, responses and surveys are the project's own.
// Written by DuckDB in node under a memory limit, streamed in order.
import {copyFileSync, existsSync, mkdirSync, renameSync, rmSync} from "node:fs";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {ensureTables} from "../../publish/tables.js";

export const YEARS = 15;
export const FIRST_YEAR = 2010;
/** Bump when the generated data changes: cached tables of an older version are rebuilt. */
export const GENERATOR_VERSION = 2;
const SMALL_TABLES = ["areas", "population", "responses", "surveys"];
const PARQUET = "(FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 122880)";

/** Ids sort like their numbers, as the real ids sort by name. */
export const indicatorId = (i: number) => `indikator_${String(i).padStart(5, "0")}_andel`;

/** The folder of generated tables for `rows` (built when missing) under `cacheDir`. */
export async function syntheticTables(rows: number, cacheDir: string, log: (m: string) => void = () => {}): Promise<string> {
  const dir = join(cacheDir, `v${GENERATOR_VERSION}-${rows}`);
  if (existsSync(join(dir, "observations.parquet"))) return dir;
  const work = `${dir}.building`;
  rmSync(work, {recursive: true, force: true});
  mkdirSync(work, {recursive: true});
  const real = await ensureTables();
  for (const name of SMALL_TABLES) copyFileSync(join(real, `${name}.parquet`), join(work, `${name}.parquet`));
  log(`generating ${rows.toLocaleString("en")} observations…`);
  const instance = await DuckDBInstance.create(":memory:", {memory_limit: "1GB", threads: "2", temp_directory: join(work, ".spill")});
  const connection = await instance.connect();
  try {
    const areas = (await connection.runAndReadAll(`SELECT code FROM read_parquet('${join(real, "areas.parquet")}') ORDER BY code`)).getRows().map((r) => String(r[0]));
    const perIndicator = areas.length * YEARS;
    const indicatorCount = Math.ceil(rows / perIndicator);
    const codes = `[${areas.map((a) => `'${a}'`).join(", ")}]`;
    // Row r: indicator r / (areas × years), year (r / areas) % years, area r % areas: already sorted.
    await connection.run(`COPY (
      WITH r AS (
        SELECT r, r // ${perIndicator} AS i, ${FIRST_YEAR} + (r // ${areas.length}) % ${YEARS} AS year,
          ${codes}[(r % ${areas.length}) + 1] AS area_code,
          hash(r, ${GENERATOR_VERSION}) % 10000 AS h
        FROM range(${rows}) t(r)
      ), typed AS (
        SELECT *, CASE WHEN h < 9600 THEN 'ok' WHEN h < 9760 THEN 'no_answer' WHEN h < 9840 THEN 'suppressed' WHEN h < 9920 THEN 'missing' ELSE 'suppressed_secondary' END AS status,
          i % 4 AS kind, (hash(i, year, area_code) % 1000)::DOUBLE AS x
        FROM r
      )
      SELECT 'indikator_' || lpad(i::VARCHAR, 5, '0') || '_andel' AS indicator_id, area_code, year::INTEGER AS year,
        CASE WHEN status <> 'ok' THEN NULL WHEN kind = 0 THEN CASE WHEN x < 600 THEN 100.0 ELSE 0.0 END WHEN kind = 1 THEN round(x / 10, 1) ELSE x END AS value,
        CASE WHEN status = 'ok' AND kind <> 1 THEN x END AS numerator,
        CASE WHEN status = 'ok' AND kind = 2 THEN 1000.0 + x END AS denominator,
        status,
        CASE kind WHEN 0 THEN 'survey/enkat_' || year || '.xlsx' WHEN 1 THEN 'register/kolada_N' || (30000 + i % 97) || '.json' ELSE 'register/socialstyrelsen_' || (i % 13) || '.csv' END AS source,
        CASE WHEN status = 'ok' AND kind = 1 AND h % 40 = 0 THEN 'preliminary' END AS flag,
        CASE WHEN status = 'ok' AND kind = 3 THEN greatest(x - 2 * sqrt(x), 0) END AS ci_low,
        CASE WHEN status = 'ok' AND kind = 3 THEN x + 2 * sqrt(x) + 1 END AS ci_high
      FROM typed
    ) TO '${join(work, "observations.parquet")}' ${PARQUET}`);
    await connection.run(`COPY (
      SELECT 'indikator_' || lpad(i::VARCHAR, 5, '0') || '_andel' AS id, 'Syntetisk indikator ' || i AS title, 'Indikator ' || i AS short_title,
        'Genererad för mätningar.' AS description, 'Tema ' || (i % 12) AS theme, CASE WHEN i % 4 = 0 THEN 'enkät' ELSE 'register' END AS source,
        CASE i % 4 WHEN 0 THEN 'share_yes' WHEN 1 THEN 'percent' WHEN 2 THEN 'rate_per_1000' ELSE 'count' END AS measure,
        CASE i % 4 WHEN 0 THEN 'procent' WHEN 1 THEN 'procent' WHEN 2 THEN 'per 1 000' ELSE 'antal' END AS unit,
        true AS higher_is_better, 'syntetisk' AS rule, NULL::VARCHAR AS questions, ${FIRST_YEAR} AS first_year, ${FIRST_YEAR + YEARS - 1} AS last_year
      FROM range(${indicatorCount}) t(i) ORDER BY id
    ) TO '${join(work, "indicators.parquet")}' ${PARQUET}`);
    await connection.run(`COPY (
      SELECT 'indikator_' || lpad(i::VARCHAR, 5, '0') || '_andel' AS indicator_id, 'g1' AS group_id, ${FIRST_YEAR} AS first_year, ${FIRST_YEAR + YEARS - 1} AS last_year, NULL::VARCHAR AS note
      FROM range(${indicatorCount}) t(i) ORDER BY indicator_id
    ) TO '${join(work, "comparability.parquet")}' ${PARQUET}`);
  } finally {
    connection.closeSync();
    instance.closeSync();
    rmSync(join(work, ".spill"), {recursive: true, force: true});
  }
  rmSync(dir, {recursive: true, force: true});
  renameSync(work, dir);
  return dir;
}
