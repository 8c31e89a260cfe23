/**
 * The load report: what every load read and wrote, so an analyst can see that
 * nothing was dropped — rows per source and table, statuses and flags
 * counted, what was left out and why, and every warning with its place. It is
 * printed at the end of each load, written as load_report.json beside the
 * tables, and shown on the site's page "Om data".
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import type {DisclosureReport} from "../disclosure/applyDisclosure.js";
import {FLAG_IDS, FLAGS, STATUS_IDS, STATUSES, type Flag, type Status} from "../schema/vocabulary.js";
import type {TableName} from "../schema/tables.js";
import {formatWarning, type LoadWarning} from "./warnings.js";

export const REPORT_FILE = "load_report.json";

export interface SourceSummary {
  /** The source's id in data/sources.json, or its file for survey, published and reference files. */
  id: string;
  kind: "enkät" | "publicerad" | "register" | "referens";
  files: string[];
  format: string;
  publisher?: string;
  /** How the text was decoded: "UTF-8", "Latin-1/Windows-1252 (upptäckt)". */
  encoding?: string;
  delimiter?: string;
  /** Rows, cells or items read from the file(s). */
  read: number;
  /** Values the reader gave the pipeline. */
  values: number;
  /** What was read but deliberately not used, with the reason (a declaration's selection, empty rows). */
  leftOut: {count: number; reason: string}[];
}

export interface SourceRows {
  /** Rows this source gave each table. */
  tables: Partial<Record<TableName, number>>;
  statuses: Partial<Record<Status, number>>;
  flags: Partial<Record<Flag, number>>;
}

export interface LoadReport {
  built: string;
  sources: (SourceSummary & SourceRows)[];
  /** Values computed from other values (rates), by the sources they came from. */
  derived: {source: string; rows: number; statuses: Partial<Record<Status, number>>}[];
  tables: Record<TableName, number>;
  warnings: LoadWarning[];
  /** The words the page uses for statuses and flags, from the vocabulary. */
  vocabulary: {statuses: Record<Status, string>; flags: Record<Flag, string>};
  /** Disclosure control: every cell the load protected, and why (loaders/disclosure). */
  disclosure: DisclosureReport;
}

/** Which column of each table names the file a row came from. */
const SOURCE_COLUMN: Partial<Record<TableName, string>> = {observations: "source", population: "source", responses: "source", surveys: "file"};

async function rows(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

export async function buildReport(
  connection: DuckDBConnection,
  sources: SourceSummary[],
  tables: Record<TableName, number>,
  warnings: LoadWarning[],
  disclosure: DisclosureReport = {protected: [], intervals: 0}
): Promise<LoadReport> {
  const byFile = new Map<string, SourceSummary & SourceRows>();
  const entries = sources.map((s) => ({...s, tables: {}, statuses: {}, flags: {}}) as SourceSummary & SourceRows);
  for (const entry of entries) for (const file of [...entry.files, entry.files[0]!.replace(/\/page-\d{3}\.json$/, "")]) byFile.set(file, entry);
  const derived = new Map<string, LoadReport["derived"][number]>();
  for (const [table, column] of Object.entries(SOURCE_COLUMN) as [TableName, string][]) {
    for (const row of await rows(connection, `SELECT "${column}" AS file, count(*) AS n FROM "${table}" WHERE "${column}" IS NOT NULL GROUP BY ALL`)) {
      const entry = byFile.get(String(row.file));
      if (entry) entry.tables[table] = Number(row.n);
      else if (table === "observations") derived.set(String(row.file), {source: String(row.file), rows: Number(row.n), statuses: {}});
    }
  }
  for (const row of await rows(connection, `SELECT source, status, flag, count(*) AS n FROM observations GROUP BY ALL`)) {
    const entry = byFile.get(String(row.source));
    const statuses = entry?.statuses ?? derived.get(String(row.source))?.statuses;
    if (!statuses) continue;
    const status = row.status as Status;
    statuses[status] = (statuses[status] ?? 0) + Number(row.n);
    if (entry && row.flag !== null) entry.flags[row.flag as Flag] = (entry.flags[row.flag as Flag] ?? 0) + Number(row.n);
  }
  // Statuses and flags in the vocabulary's order, whatever order SQL grouped them in.
  const ordered = <K extends string>(counts: Partial<Record<K, number>>, order: readonly K[]) =>
    Object.fromEntries(order.filter((k) => counts[k] !== undefined).map((k) => [k, counts[k]])) as Partial<Record<K, number>>;
  for (const entry of entries) {
    entry.statuses = ordered(entry.statuses, STATUS_IDS);
    entry.flags = ordered(entry.flags, FLAG_IDS);
  }
  for (const d of derived.values()) d.statuses = ordered(d.statuses, STATUS_IDS);
  return {
    built: new Date().toISOString(),
    sources: entries,
    derived: [...derived.values()],
    tables,
    warnings,
    vocabulary: {
      statuses: Object.fromEntries(Object.entries(STATUSES).map(([id, s]) => [id, s.text || "med värde"])) as Record<Status, string>,
      flags: Object.fromEntries(Object.entries(FLAGS).map(([id, f]) => [id, f.text])) as Record<Flag, string>
    },
    disclosure
  };
}

const count = (n: number) => n.toLocaleString("sv-SE").replace(/\u00a0/g, " ");
const ORDER: string[] = [...STATUS_IDS, ...FLAG_IDS];
const tally = (counts: Partial<Record<string, number>>) =>
  Object.entries(counts)
    .filter(([, n]) => n)
    .sort(([a], [b]) => ORDER.indexOf(a) - ORDER.indexOf(b))
    .map(([k, n]) => `${k} ${count(n!)}`)
    .join(", ");

/** The report as the lines printed at the end of a load. */
export function formatReport(report: LoadReport, where: string): string[] {
  const lines = [`Load report: ${report.sources.length} sources, ${Object.keys(report.tables).length} tables, ${report.warnings.length} warning${report.warnings.length === 1 ? "" : "s"} (${where})`];
  lines.push(`  tables: ${Object.entries(report.tables).map(([t, n]) => `${t} ${count(n)}`).join(", ")}`);
  for (const s of report.sources) {
    const tables = tally(s.tables);
    const details = [s.format, s.encoding, s.delimiter ? `delimiter ${s.delimiter === "\t" ? "tab" : s.delimiter}` : undefined].filter(Boolean).join(", ");
    lines.push(`  ${s.files.length > 1 ? `${s.files[0]} (+${s.files.length - 1} pages)` : s.files[0]} [${details}]: read ${count(s.read)}, gave ${count(s.values)}${tables ? `; ${tables}` : ""}`);
    const statuses = tally({...s.statuses, ...s.flags});
    if (statuses) lines.push(`      ${statuses}`);
    for (const left of s.leftOut) lines.push(`      left out ${count(left.count)} ${left.reason}`);
  }
  for (const d of report.derived) lines.push(`  derived ${d.source}: ${count(d.rows)} (${tally(d.statuses)})`);
  const reasons: Record<string, number> = {};
  for (const cell of report.disclosure.protected) reasons[cell.reason] = (reasons[cell.reason] ?? 0) + 1;
  if (report.disclosure.protected.length) lines.push(`  disclosure control: ${count(report.disclosure.protected.length)} cells protected (${Object.entries(reasons).map(([r, n]) => `${r} ${count(n)}`).join(", ")}); ${count(report.disclosure.intervals)} values with an interval`);
  if (report.warnings.length) {
    lines.push("  warnings:");
    for (const w of report.warnings) lines.push(`    ${formatWarning(w)}`);
  }
  return lines;
}
