import {spawnSync} from "node:child_process";
import {cpSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {buildTables} from "../../../loaders/pipeline.js";
import {auditDisclosure, formatAudit, type AuditReport} from "../../../publish/audit/auditDisclosure.js";
import {DATA, ROOT, tempDir} from "../../helpers/dataDir.js";
import {sampleTablesDir} from "../../helpers/sampleTables.js";

describe("the audit of the sample data as published: nothing can be recovered", () => {
  let report: AuditReport;
  beforeAll(async () => {
    report = await auditDisclosure({tablesDir: await sampleTablesDir(), dataDir: DATA});
  }, 120_000);

  it("tries every method on every file, and recovers none of the 121 protected counts", () => {
    expect(report.result.targets).toBe(121);
    expect(report.result.recovered).toEqual([]);
    expect(report.result.brokenSums).toEqual([]);
    const tried = (method: string, file: string) => report.result.attempts.filter((a) => a.method === method && a.file === file).reduce((n, a) => n + a.tried, 0);
    for (const file of ["units.zip", "workbook 2013.xlsx", "workbook 2016.xlsx"]) {
      expect(tried("direct", file), file).toBeGreaterThan(0);
      expect(tried("rate × population", file), file).toBeGreaterThan(0);
      expect(tried("difference", file), file).toBeGreaterThan(0);
    }
    expect(tried("difference", "observations.parquet")).toBeGreaterThanOrEqual(121);
    expect(tried("linked", "all files together")).toBe(121);
  });

  it("reads every published file: the tables, a workbook per survey year, the unit archive, the first views, the serving file", () => {
    expect(report.files.map((f) => f.name)).toEqual([
      "observations.parquet",
      "population.parquet",
      "areas.parquet",
      ...[2010, 2011, 2012, 2013, 2014, 2015, 2016].map((y) => `workbook ${y}.xlsx`),
      "units.zip",
      "views.zip (first views)",
      "tables.duckdb: observations",
      "tables.duckdb: population",
      "tables.duckdb: areas"
    ]);
    expect(report.files.find((f) => f.name === "tables.duckdb: observations")!.hidden).toBe(report.files.find((f) => f.name === "observations.parquet")!.hidden);
    // Aneby 2013 and its cover are X in the 2013 workbook: 19 primary and their covers.
    expect(report.files.find((f) => f.name === "workbook 2013.xlsx")!.hidden).toBe(26);
    expect(formatAudit(report)).toContain("Result: none of the 121 protected cells can be recovered to within the threshold.");
  });
});

describe("the same data without secondary suppression: the audit finds the leaks, in every kind of file", () => {
  let dataDir: string;
  let tablesDir: string;
  let report: AuditReport;
  beforeAll(async () => {
    // The sample data with no sums declared: only the source's own X, as before disclosure control.
    dataDir = tempDir();
    cpSync(DATA, dataDir, {recursive: true});
    const sources = JSON.parse(readFileSync(join(dataDir, "sources.json"), "utf8"));
    sources.register.socialstyrelsen_heldygn.disclosure.totals = [];
    writeFileSync(join(dataDir, "sources.json"), JSON.stringify(sources));
    tablesDir = tempDir();
    await buildTables(dataDir, tablesDir);
    report = await auditDisclosure({tablesDir, dataDir, years: [2013]});
  }, 120_000);

  it("recovers Aneby, Högsby and Valdemarsvik 2013 exactly, as the issue found them, and narrows others", () => {
    const found = (area: string, year: number) => report.result.recovered.find((r) => r.area_code === area && r.year === year);
    expect(found("0604", 2013)).toMatchObject({low: 4, high: 4, method: "difference", group: "kommun→län 06"});
    expect(found("0821", 2013)).toMatchObject({low: 4, high: 4});
    expect(found("0563", 2013)).toMatchObject({low: 4, high: 4});
    expect(found("2463", 2016)).toMatchObject({low: 2, high: 2});
    expect(found("1904", 2016)).toMatchObject({low: 3, high: 3});
    const exact = report.result.recovered.filter((r) => r.low === r.high).length;
    expect({recovered: report.result.recovered.length, exact}).toEqual({recovered: 66, exact: 30});
  });

  it("finds them in the workbook, the unit archive and the serving file too, not only in the tables", () => {
    const recovered = (file: string) => report.result.attempts.filter((a) => a.method === "difference" && a.file === file).reduce((n, a) => n + a.recovered, 0);
    expect(recovered("workbook 2013.xlsx")).toBe(12);
    expect(recovered("units.zip")).toBe(66);
    expect(recovered("tables.duckdb: observations")).toBe(66);
  });

  it("npm run audit:disclosure prints what it tried and exits with 1", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "scripts", "auditDisclosure.ts"), "--tables", tablesDir, "--data", dataDir, "--years", "2013"], {cwd: ROOT, encoding: "utf8"});
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toContain("Result: 66 of 121 protected cells recovered to within the threshold (30 exactly, 36 narrowed):");
    expect(run.stdout).toContain("heldygnsinsats_antal 2013 0604: exactly 4 (difference, observations.parquet, kommun→län 06)");
    expect(run.stdout).toMatch(/difference\s+workbook 2013\.xlsx, kommun→län\s+tried\s+\d+, recovered\s+12/);
  }, 120_000);
});
