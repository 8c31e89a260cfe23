/**
 * Disclosure control and intervals, applied once to the loaded observations
 * before any table is written, so every consumer reads protected values:
 *
 * 1. primary: in each protected table (a count indicator whose source declares
 *    `protect`), the source's own protected cells, and any published count in
 *    the protected range, are `suppressed`;
 * 2. secondary: cells that would let a protected one be derived through the
 *    declared sums become `suppressed_secondary` (secondarySuppression.ts);
 * 3. inheritance: a rate whose numerator is protected takes its status;
 * 4. intervals: ci_low and ci_high of every published value whose source
 *    declares an interval method (intervals.ts).
 *
 * Every protected cell is returned with the reason, for the load report.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {fail} from "../errors.js";
import type {IndicatorMeta, Metadata} from "../schema/metadata.js";
import type {Observation} from "../schema/observation.js";
import {TABLES, type TableSchema} from "../schema/tables.js";
import type {Measure, Status} from "../schema/vocabulary.js";
import {appendRows} from "../write/appendRows.js";
import {InconsistentSums} from "./exposure.js";
import {groupsInTable, sumGroups, type AreaRow} from "./hierarchy.js";
import {intervalOf} from "./intervals.js";
import {checkIntervals, indicatorPolicy, readDisclosurePolicies, type IndicatorPolicy} from "./policy.js";
import {secondarySuppression, type TableCell} from "./secondarySuppression.js";

export type ProtectionReason = "source" | "threshold" | "secondary" | "inherited";

/** One protected cell and why: for the load report. */
export interface ProtectedCell {
  indicator_id: string;
  area_code: string;
  year: number;
  status: "suppressed" | "suppressed_secondary";
  /** source: the source marked it; threshold: a published count in the protected range; secondary: it would reveal `protects`; inherited: its numerator is protected. */
  reason: ProtectionReason;
  /** The sum it was chosen from (secondary), or the numerator indicator (inherited); null otherwise. */
  group: string | null;
  /** Secondary: the protected cell (area code) it covers. */
  protects?: string;
}

export interface DisclosureReport {
  protected: ProtectedCell[];
  /** Published values that got an interval. */
  intervals: number;
}

type Row = Observation & {ci_low: number | null; ci_high: number | null};

const KEY_COLUMNS = ["indicator_id", "area_code", "year"];
const UPDATE_COLUMNS = ["value", "numerator", "denominator", "status", "ci_low", "ci_high"];
const UPDATES: TableSchema = {
  name: "disclosure_updates",
  description: "",
  orderBy: [],
  columns: TABLES.observations.columns.filter((c) => KEY_COLUMNS.includes(c.name) || UPDATE_COLUMNS.includes(c.name))
};

const isProtected = (status: Status) => status === "suppressed" || status === "suppressed_secondary";

function protectCell(row: Row, status: "suppressed" | "suppressed_secondary"): void {
  Object.assign(row, {status, value: null, numerator: null, denominator: null, ci_low: null, ci_high: null});
}

export async function applyDisclosure(connection: DuckDBConnection, meta: Metadata): Promise<DisclosureReport> {
  const indicators = meta.indicators.indicators;
  const policies = readDisclosurePolicies(meta.sources);
  checkIntervals(policies, indicators);
  const areas = (await connection.runAndReadAll(`SELECT code, level, lan_code, kommun_code FROM areas`)).getRowObjectsJS() as unknown as AreaRow[];
  const rows = (await connection.runAndReadAll(`SELECT * FROM observations ORDER BY indicator_id, year, area_code`)).getRowObjectsJS() as unknown as Row[];
  const byIndicator = new Map(indicators.map((i) => [i.id, i]));
  const tables = new Map<string, Row[]>();
  for (const row of rows) {
    const key = `${row.indicator_id}|${row.year}`;
    if (!tables.has(key)) tables.set(key, []);
    tables.get(key)!.push(row);
  }
  const policyCache = new Map<string, IndicatorPolicy>();
  const policyOf = (indicator: IndicatorMeta, year: number) => {
    const key = `${indicator.id}|${year}`;
    if (!policyCache.has(key)) policyCache.set(key, indicatorPolicy(policies, indicators, indicator, year));
    return policyCache.get(key)!;
  };

  const report: ProtectedCell[] = [];
  const changed = new Set<Row>();
  const record = (row: Row, reason: ProtectionReason, group: string | null = null, protects?: string) =>
    report.push({indicator_id: row.indicator_id, area_code: row.area_code, year: row.year, status: row.status as ProtectedCell["status"], reason, group, ...(protects ? {protects} : {})});

  // 1–2: primary and secondary protection of each protected count table.
  for (const table of tables.values()) {
    const indicator = byIndicator.get(table[0]!.indicator_id)!;
    const {policy, sources, inheritsFrom} = policyOf(indicator, table[0]!.year);
    if (inheritsFrom) continue;
    if (!policy.protect) {
      const marked = table.find((r) => r.status === "suppressed");
      if (marked) fail({file: marked.source, column: indicator.id}, `${marked.area_code} ${marked.year} is marked protected, but data/sources.json declares no protection for ${sources.join(", ") || "the survey"} (expected "disclosure": {"protect": {"from": 1, "to": 4}, …} so that the cell is also protected against subtraction)`);
      continue;
    }
    // The threshold is about counts; a rate read as such (no count behind it) keeps the source's own protection.
    if (indicator.measure !== "count") continue;
    const {from, to} = policy.protect;
    for (const row of table) {
      if (row.status === "suppressed") record(row, "source");
      else if (row.status === "ok" && row.value !== null && row.value >= from && row.value <= to) {
        protectCell(row, "suppressed");
        changed.add(row);
        record(row, "threshold");
      }
    }
    const byArea = new Map(table.map((r) => [r.area_code, r]));
    const cells = new Map<string, TableCell>(table.map((r) => [r.area_code, {value: r.value, status: r.status}]));
    const groups = groupsInTable(sumGroups(areas, policy.totals), (code) => byArea.has(code));
    let choices;
    try {
      choices = secondarySuppression(cells, groups, policy.protect);
    } catch (error) {
      if (!(error instanceof InconsistentSums)) throw error;
      fail({file: table[0]!.source, column: indicator.id}, `${table[0]!.year}: ${error.message} (data/sources.json declares these totals for ${sources.join(", ")}; expected the published values to add up)`);
    }
    for (const choice of choices) {
      const row = byArea.get(choice.area_code)!;
      protectCell(row, "suppressed_secondary");
      changed.add(row);
      record(row, "secondary", choice.group, choice.protects);
    }
  }

  // 3: rates inherit the status of their numerator (primary or secondary).
  const lookup = new Map(rows.map((r) => [`${r.indicator_id}|${r.area_code}|${r.year}`, r]));
  for (const row of rows) {
    const indicator = byIndicator.get(row.indicator_id)!;
    const {inheritsFrom} = policyOf(indicator, row.year);
    if (!inheritsFrom) continue;
    const numerator = lookup.get(`${inheritsFrom}|${row.area_code}|${row.year}`);
    if (!numerator || !isProtected(numerator.status)) continue;
    if (row.status !== numerator.status || row.value !== null) {
      protectCell(row, numerator.status as ProtectedCell["status"]);
      changed.add(row);
    }
    record(row, "inherited", inheritsFrom);
  }

  // 4: intervals of the published values.
  let intervals = 0;
  for (const row of rows) {
    if (row.status !== "ok") continue;
    const indicator = byIndicator.get(row.indicator_id)!;
    const method = policyOf(indicator, row.year).policy.interval;
    const interval = method ? intervalOf({...row, measure: indicator.measure as Measure}, method) : null;
    if (!interval) continue;
    row.ci_low = interval.low;
    row.ci_high = interval.high;
    changed.add(row);
    intervals++;
  }

  await connection.run(`CREATE TEMP TABLE disclosure_updates AS SELECT ${UPDATES.columns.map((c) => `"${c.name}"`).join(", ")} FROM observations LIMIT 0`);
  await appendRows(connection, UPDATES, changed);
  await connection.run(`UPDATE observations o SET ${UPDATE_COLUMNS.map((c) => `"${c}" = u."${c}"`).join(", ")}
    FROM disclosure_updates u WHERE ${KEY_COLUMNS.map((c) => `o."${c}" = u."${c}"`).join(" AND ")}`);
  await connection.run(`DROP TABLE disclosure_updates`);
  report.sort((a, b) => (a.indicator_id < b.indicator_id ? -1 : a.indicator_id > b.indicator_id ? 1 : a.year - b.year || (a.area_code < b.area_code ? -1 : 1)));
  return {protected: report, intervals};
}
