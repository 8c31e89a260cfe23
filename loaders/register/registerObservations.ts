/**
 * Register values → observations: each indicator takes its declared series
 * for its periods, every value is checked against the indicator's measure
 * (range and whole numbers, from the vocabulary), a value no indicator takes
 * stops the load, and rates per 1 000 are derived from two indicators.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {fail, type Where} from "../errors.js";
import type {IndicatorMeta} from "../schema/metadata.js";
import {MEASURES} from "../schema/vocabulary.js";
import {sqlString} from "../write/sql.js";
import type {Locate} from "./readRegister.js";

/** Where a register value came from: a csv line and column (found now, for this message), or a JSON cell or item. */
async function placeOf(row: Record<string, unknown>, locate: Locate): Promise<{where: Where; at: string}> {
  if (row.location) return {where: {file: String(row.file)}, at: `${row.location}: `};
  const line = await locate(String(row.source), {areaCode: String(row.area_code), year: Number(row.year), column: String(row.column_name), series: String(row.series)});
  return {where: {file: String(row.file), row: line, column: String(row.column_name)}, at: ""};
}

function rangeText(measure: keyof typeof MEASURES): string {
  const spec = MEASURES[measure];
  const kind = spec.integer ? "a whole number" : "a number";
  return spec.max === null ? `${kind} ≥ ${spec.min}` : `${kind} from ${spec.min} to ${spec.max}`;
}

async function checkMeasure(connection: DuckDBConnection, ind: IndicatorMeta, rows: string, locate: Locate): Promise<void> {
  const spec = MEASURES[ind.measure];
  const outside = [`value < ${spec.min}`, ...(spec.max === null ? [] : [`value > ${spec.max}`]), ...(spec.integer ? ["value <> round(value)"] : [])].join(" OR ");
  const bad = (await connection.runAndReadAll(`SELECT source, file, series, column_name, location, area_code, year, value ${rows} AND status = 'ok' AND (${outside}) ORDER BY rowid LIMIT 1`)).getRowObjectsJS()[0];
  if (!bad) return;
  const {where, at} = await placeOf(bad, locate);
  fail(where, `${at}value ${bad.value} for ${bad.area_code} ${bad.year} is out of range for ${ind.id} (measure ${ind.measure}): expected ${rangeText(ind.measure)}`);
}

/** The columns register rows fill; disclosure control adds the intervals later. */
const REGISTER_COLUMNS = "indicator_id, area_code, year, value, numerator, denominator, status, source, flag";

export async function registerObservations(connection: DuckDBConnection, indicators: IndicatorMeta[], locate: Locate): Promise<void> {
  for (const ind of indicators) {
    for (const period of ind.periods) {
      for (const ref of period.register ?? []) {
        const isCount = ind.measure === "count";
        const rows = `FROM register_values WHERE source = ${sqlString(ref.source)} AND series = ${sqlString(ref.series)} AND year BETWEEN ${period.from} AND ${period.to}`;
        await checkMeasure(connection, ind, rows, locate);
        await connection.run(`INSERT INTO observations (${REGISTER_COLUMNS}) SELECT ${sqlString(ind.id)}, area_code, year, value, ${isCount ? "value" : "NULL"}, NULL, status, file, flag ${rows}`);
        await connection.run(`UPDATE register_values SET used = true WHERE source = ${sqlString(ref.source)} AND series = ${sqlString(ref.series)} AND year BETWEEN ${period.from} AND ${period.to}`);
      }
    }
  }
  // Nothing read is dropped silently: a value no indicator takes stops the load.
  const unused = (await connection.runAndReadAll(`SELECT source, file, column_name, location, series, area_code, year FROM register_values WHERE NOT used ORDER BY rowid LIMIT 1`)).getRowObjectsJS()[0];
  if (unused) {
    const {where, at} = await placeOf(unused, locate);
    fail(
      where,
      `${at}value for ${unused.area_code} ${unused.year} is not used by any indicator (expected series "${unused.series}" and year ${unused.year} to be listed in a period of data/indicators.json; add it there, or remove it from the file)`
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
          n.source || ' / ' || coalesce(d.source, 'folkmängd saknas'),
          coalesce(n.flag, d.flag)
        FROM observations n LEFT JOIN observations d
          ON d.indicator_id = ${sqlString(period.rate.denominator)} AND d.area_code = n.area_code AND d.year = n.year
        WHERE n.indicator_id = ${sqlString(period.rate.numerator)} AND n.year BETWEEN ${period.from} AND ${period.to}`);
    }
  }
}
