/**
 * The disclosure audit (npm run audit:disclosure): build every file the
 * project publishes from one set of tables (the Parquet tables themselves, a
 * release workbook per survey year, the unit archive behind the report pages
 * and the comparison tool, the pages' first views answered at build time, and
 * the serving file DuckDB-WASM attaches), read each back as a user would, and try to
 * recover every protected count (recover.ts). The slide deck is left out: it
 * shows riket values only, those with status ok in the tables (deckPlan.ts),
 * so it shows nothing the tables do not.
 */
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {indicatorPolicy, readDisclosurePolicies} from "../../loaders/disclosure/policy.js";
import type {AreaRow} from "../../loaders/disclosure/hierarchy.js";
import {readMetadata} from "../../loaders/schema/metadata.js";
import {markerOf} from "../../src/lib/vocabulary.js";
import {buildFirstViews} from "../firstViews.js";
import {parquetQuery, servingFileQuery} from "../parquetQuery.js";
import {buildRelease} from "../release/buildRelease.js";
import {buildUnitReports, unitArchive} from "../units/unitReports.js";
import {writeServingDatabase} from "../serving/servingDatabase.js";
import {firstViewCells, parquetCells, unitArchiveCells, workbookCells, type PublishedFile} from "./publishedCells.js";
import {attack, METHODS, type AttackResult, type RateDefinition} from "./recover.js";

export interface AuditOptions {
  tablesDir: string;
  dataDir: string;
  /** Survey years whose release workbook is audited; every survey year by default. */
  years?: number[];
}

export interface FileSummary {
  name: string;
  cells: number;
  /** Cells of protected count indicators shown without a number (X). */
  hidden: number;
}

export interface AuditReport {
  tablesDir: string;
  protection: string[];
  files: FileSummary[];
  result: AttackResult;
}

const STATUS_FILE = "observations.parquet";
/** A protected cell as each file shows it: its status, or its marker in a workbook. */
const HIDDEN = new Set(["suppressed", "suppressed_secondary", markerOf("suppressed"), markerOf("suppressed_secondary")]);

export async function auditDisclosure({tablesDir, dataDir, years}: AuditOptions): Promise<AuditReport> {
  const meta = readMetadata(dataDir);
  const indicators = meta.indicators.indicators;
  const policies = readDisclosurePolicies(meta.sources);
  const rates: RateDefinition[] = indicators.flatMap((ind) => {
    const rate = ind.periods.find((p) => p.rate)?.rate;
    return rate ? [{rate: ind.id, numerator: rate.numerator, denominator: rate.denominator}] : [];
  });
  const populationIndicator = rates[0]?.denominator ?? "befolkning_0_17";
  const protection = (id: string, year: number) => {
    const indicator = indicators.find((i) => i.id === id);
    if (!indicator || indicator.measure !== "count") return null;
    const {policy, inheritsFrom} = indicatorPolicy(policies, indicators, indicator, year);
    return inheritsFrom ? null : policy.protect;
  };

  const {query, close} = await parquetQuery(tablesDir);
  let files: PublishedFile[];
  let areas: AreaRow[];
  try {
    areas = (await query(`SELECT code, level, lan_code, kommun_code FROM areas`)) as unknown as AreaRow[];
    files = await parquetCells(query, populationIndicator);
    const surveyYears = years ?? (await query(`SELECT year FROM surveys ORDER BY year`)).map((r) => Number(r.year));
    for (const year of surveyYears) {
      const {files: built} = await buildRelease({year, tablesDir, dataDir, kinds: ["xlsx"], builtAt: new Date(0)});
      files.push(await workbookCells(`workbook ${year}.xlsx`, built[0]!.bytes, year));
    }
    files.push(await unitArchiveCells("units.zip", await unitArchive(await buildUnitReports(query)), populationIndicator));
    files.push(firstViewCells("views.zip (first views)", await buildFirstViews(query)));
  } finally {
    close();
  }
  files.push(...(await servingFileCells(tablesDir, populationIndicator)));

  const result = attack({files, statusFile: STATUS_FILE, areas, protection, rates});
  const counted = new Set(indicators.filter((i) => i.measure === "count").map((i) => i.id));
  const summaries = files.map((f) => ({
    name: f.name,
    cells: f.sightings.length,
    hidden: f.sightings.filter((s) => s.value === null && counted.has(s.indicator_id) && protection(s.indicator_id, s.year) && HIDDEN.has(s.status ?? "")).length
  }));
  const protectedText = indicators.flatMap((ind) => {
    const p = protection(ind.id, ind.periods[0]!.from);
    return p ? [`${ind.id}: counts ${p.from}–${p.to}`] : [];
  });
  return {tablesDir, protection: protectedText, files: summaries, result};
}

/** The serving file the pages attach (tables.duckdb), written from these tables into a temporary folder and read back through its views. */
async function servingFileCells(tablesDir: string, populationIndicator: string): Promise<PublishedFile[]> {
  const dir = mkdtempSync(join(tmpdir(), "oj-audit-serving-"));
  try {
    const file = join(dir, "tables.duckdb");
    await writeServingDatabase(tablesDir, file);
    const serving = await servingFileQuery(file);
    try {
      return await parquetCells(serving.query, populationIndicator, (table) => `tables.duckdb: ${table}`);
    } finally {
      serving.close();
    }
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

const pad = (text: string | number, width: number) => String(text).padEnd(width);
const padLeft = (text: string | number, width: number) => String(text).padStart(width);

/** The audit as plain text: what was read, what was tried, what was recovered. */
export function formatAudit(report: AuditReport): string {
  const {result} = report;
  const lines = [`Disclosure audit of ${report.tablesDir}`, `Protected: ${report.protection.join("; ") || "nothing"}; ${result.targets} primary protected cells`, "", "Files read:"];
  for (const f of report.files) lines.push(`  ${pad(f.name, 30)} ${padLeft(f.cells, 7)} cells, ${padLeft(f.hidden, 4)} protected counts shown as a marker`);
  lines.push("", "Tried:");
  for (const method of METHODS) {
    for (const a of result.attempts.filter((x) => x.method === method)) {
      lines.push(`  ${pad(method, 18)} ${pad(a.file + (a.relation ? `, ${a.relation}` : ""), 36)} tried ${padLeft(a.tried, 5)}, recovered ${padLeft(a.recovered, 4)}`);
    }
  }
  if (result.brokenSums.length) lines.push("", `Sums the published figures break (not used): ${result.brokenSums.join("; ")}`);
  lines.push("");
  if (!result.recovered.length) lines.push(`Result: none of the ${result.targets} protected cells can be recovered to within the threshold.`);
  else {
    const exact = result.recovered.filter((r) => r.low === r.high).length;
    lines.push(`Result: ${result.recovered.length} of ${result.targets} protected cells recovered to within the threshold (${exact} exactly, ${result.recovered.length - exact} narrowed):`);
    for (const r of result.recovered) {
      const range = r.low === r.high ? `exactly ${r.low}` : `${r.low}–${r.high}`;
      lines.push(`  ${r.indicator_id} ${r.year} ${r.area_code}: ${range} (${r.method}, ${r.file}${r.group ? `, ${r.group}` : ""})`);
    }
  }
  return lines.join("\n");
}
