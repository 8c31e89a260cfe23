// The whole load over files as publishers ship them, declared in sources.json: a Socialstyrelsen export
// (titles, notes, names, a selected dimension), a JSON-stat file with flags, Kolada as a folder of pages;
// each measure's range checked; the load report written beside the tables; the set switched in one rename.
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {basename, dirname, join} from "node:path";
import {describe, expect, it} from "vitest";
import {buildTables} from "../../loaders/pipeline.js";
import type {LoadReport} from "../../loaders/report/loadReport.js";
import type {SourcesFile} from "../../loaders/schema/metadata.js";
import {fixture, makeDataDir, readParquet, tempDir} from "../helpers/dataDir.js";

const indicator = (id: string, measure: string, source: string, series: string) => ({
  id,
  title: id,
  short_title: id,
  description: id,
  theme: "register",
  source: "register",
  measure,
  higher_is_better: null,
  periods: [{group: "2000–", from: 2000, to: 2020, register: [{source, series}]}]
});

const SOURCES: SourcesFile["register"] = {
  heldygn: {
    file: "register/heldygn.csv",
    format: "csv",
    publisher: "Socialstyrelsen",
    area_column: "Region",
    year_column: "År",
    value_columns: ["Antal"],
    dimensions: {Kön: "Båda könen"},
    legend: {"..": "missing", X: "suppressed", "–": "zero"}
  },
  befolkning: {file: "register/befolkning.json", format: "json-stat2", publisher: "SCB", legend: {"..": "missing", e: "estimate", p: "preliminary", r: "revised", b: "break"}},
  kolada: {file: "register/kolada_n00945", format: "kolada", publisher: "Kolada"}
};

function dataDir(extra: {files?: Record<string, string | Uint8Array>; sources?: SourcesFile["register"]; indicators?: unknown[]} = {}) {
  const pages = ["page-001.json", "page-002.json", "page-003.json"];
  return makeDataDir({
    files: {
      "register/heldygn.csv": fixture("publishers/socialstyrelsen_export.csv"),
      "register/befolkning.json": fixture("publishers/jsonstat_flags.json"),
      ...Object.fromEntries(pages.map((p) => [`register/kolada_n00945/${p}`, fixture(`publishers/kolada_pages/${p}`)])),
      "indicators.json": JSON.stringify({
        themes: {register: "Register"},
        indicators: extra.indicators ?? [
          indicator("heldygnsinsats_antal", "count", "heldygn", "Antal"),
          indicator("befolkning_0_17", "count", "befolkning", "BE0101N1"),
          indicator("vab_man", "percent", "kolada", "N00945:T")
        ]
      }),
      ...extra.files
    },
    sources: {register: extra.sources ?? SOURCES}
  });
}

describe("a load over publishers' files", async () => {
  const out = tempDir();
  const lines: string[] = [];
  const result = await buildTables(dataDir(), out, {log: (line) => lines.push(line)});
  const obs = await readParquet(result.files.observations);
  const report = JSON.parse(readFileSync(join(out, "load_report.json"), "utf8")) as LoadReport;

  it("reads each source through its declaration: names to codes, the selected Kön, pages as one source", () => {
    const heldygn = obs.filter((o) => o.indicator_id === "heldygnsinsats_antal").map((o) => [o.area_code, o.year, o.value, o.status]);
    expect(heldygn).toEqual([
      ["00", 2015, 12916, "ok"],
      ["01", 2015, 2511, "ok"],
      ["0114", 2015, null, "suppressed"],
      ["1280", 2015, 0, "ok"],
      ["00", 2016, 13120, "ok"],
      ["01", 2016, 2590, "ok"],
      ["0114", 2016, 31, "ok"],
      ["1280", 2016, null, "missing"]
    ]);
    expect(obs.filter((o) => o.indicator_id === "vab_man")).toHaveLength(63);
  });

  it("keeps the source's flags in the flag column", () => {
    expect(obs.filter((o) => o.indicator_id === "befolkning_0_17").map((o) => [o.area_code, o.year, o.flag])).toEqual([
      ["00", 2014, null],
      ["0114", 2014, "break"],
      ["00", 2015, "revised"],
      ["0114", 2015, null],
      ["00", 2016, "preliminary"],
      ["0114", 2016, "estimate"]
    ]);
  });

  it("writes the load report beside the tables: rows per source and table, statuses, flags, what was left out, warnings", () => {
    expect(readdirSync(out).sort()).toEqual(["areas.parquet", "comparability.parquet", "indicators.parquet", "load_report.json", "observations.parquet", "population.parquet", "responses.parquet", "surveys.parquet"]);
    const heldygn = report.sources.find((s) => s.id === "heldygn")!;
    expect(heldygn).toMatchObject({
      kind: "register",
      files: ["register/heldygn.csv"],
      encoding: "Latin-1/Windows-1252 (upptäckt)",
      delimiter: ";",
      read: 8,
      values: 8,
      leftOut: [{count: 4, reason: "rader med andra värden i en vald dimension"}],
      tables: {observations: 8},
      statuses: {ok: 6, suppressed: 1, missing: 1}
    });
    expect(report.sources.find((s) => s.id === "befolkning")).toMatchObject({tables: {observations: 6, population: 5}, flags: {break: 1, revised: 1, preliminary: 1, estimate: 1}});
    expect(report.sources.find((s) => s.id === "kolada")!.files).toHaveLength(3);
    expect(report.tables).toMatchObject({observations: obs.length, areas: 341});
    expect(report.warnings.map((w) => [w.file, w.row ?? null, w.message.split(" (")[0]])).toEqual([
      ["register/heldygn.csv", 1, "skipped 2 lines above the header on line 4"],
      ["register/heldygn.csv", 18, "left out 2 note lines below the table"],
      ["register/befolkning.json", null, "1 value is flagged reviderad uppgift"],
      ["register/befolkning.json", null, "1 value is flagged preliminär uppgift"],
      ["register/befolkning.json", null, "1 value is flagged brott i tidsserien"],
      ["register/befolkning.json", null, "1 value is flagged uppskattat värde"]
    ]);
  });

  it("prints the report at the end of the load, warnings with their places", () => {
    expect(lines[0]).toBe(`Load report: 6 sources, 7 tables, 6 warnings (${join(out, "load_report.json")})`);
    expect(lines).toContain('    register/heldygn.csv, row 18: left out 2 note lines below the table (lines 17–20, first "Källa: Socialstyrelsen, statistikdatabasen")');
    expect(lines.some((l) => l.startsWith("  register/heldygn.csv [csv, Latin-1/Windows-1252 (upptäckt), delimiter ;]: read 8, gave 8; observations 8"))).toBe(true);
  });
});

describe("a value outside its indicator's measure stops the load, at its row and column", () => {
  const csv = (rows: string[]) => ["Regionkod;År;Värde", ...rows].join("\n") + "\n";
  const load = async (measure: string, rows: string[]) => {
    const out = tempDir();
    const dir = dataDir({
      files: {"register/v.csv": csv(rows)},
      sources: {v: {file: "register/v.csv", format: "csv", publisher: "x", area_column: "Regionkod", year_column: "År", value_columns: ["Värde"], legend: {}}},
      indicators: [indicator("v", measure, "v", "Värde")]
    });
    const error = await buildTables(dir, out, {log: () => {}}).then(
      () => undefined,
      (e: Error) => e
    );
    expect(readdirSync(out)).toEqual([]);
    return error?.message;
  };

  it.each([
    ["percent", ["0114;2016;20,5", "0115;2016;120"], "register/v.csv, row 3, column Värde: value 120 for 0115 2016 is out of range for v (measure percent): expected a number from 0 to 100"],
    ["count", ["0114;2016;-3"], "register/v.csv, row 2, column Värde: value -3 for 0114 2016 is out of range for v (measure count): expected a whole number ≥ 0"],
    ["count", ["0114;2016;12,5"], "register/v.csv, row 2, column Värde: value 12.5 for 0114 2016 is out of range for v (measure count): expected a whole number ≥ 0"],
    ["rate_per_1000", ["0114;2016;1 200"], "register/v.csv, row 2, column Värde: value 1200 for 0114 2016 is out of range for v (measure rate_per_1000): expected a number from 0 to 1000"]
  ])("%s: %j", async (measure, rows, message) => {
    expect(await load(measure, rows)).toBe(message);
  });
});

describe("the tables are one set: written beside the target and switched in with one rename", () => {
  it("replaces an earlier set whole, and removes staging folders a killed run left behind", async () => {
    const out = join(tempDir(), "tables");
    mkdirSync(out);
    writeFileSync(join(out, "observations.parquet"), "an earlier set");
    writeFileSync(join(out, "load_report.json"), "{}");
    const stale = join(dirname(out), `.${basename(out)}.staging-2147483646-0badf00d`);
    mkdirSync(stale);
    writeFileSync(join(stale, "areas.parquet"), "half-written by a killed run");
    await buildTables(dataDir(), out, {log: () => {}});
    expect(readFileSync(join(out, "observations.parquet")).subarray(0, 4).toString()).toBe("PAR1");
    expect(readdirSync(out)).toHaveLength(8);
    expect(existsSync(stale)).toBe(false);
    expect(readdirSync(dirname(out))).toEqual(["tables"]);
  });

  it("refuses to replace a folder holding other files than a table set", async () => {
    const out = tempDir();
    writeFileSync(join(out, "notes.txt"), "mine");
    await expect(buildTables(dataDir(), out, {log: () => {}})).rejects.toThrow(`${out}: holds files that are not part of the table set (notes.txt): expected an empty folder or an earlier set of tables`);
    expect(readdirSync(out)).toEqual(["notes.txt"]);
  });
});
