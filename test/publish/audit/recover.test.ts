import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import type {AreaRow} from "../../../loaders/disclosure/hierarchy.js";
import type {PublishedFile} from "../../../publish/audit/publishedCells.js";
import {attack} from "../../../publish/audit/recover.js";
import {FIXTURES} from "../../helpers/dataDir.js";

type Tuple = [string, string, number, number | null, string | null, number?, number?];
interface Case {
  name: string;
  areas: [string, string, string?, string?][];
  files: Record<string, Tuple[]>;
  expect: {area_code: string; method: string; file: string; low: number; high: number; group?: string}[];
}

/** Hand-made published files, each with the leak the attack must find (test/fixtures/disclosure/audit.json). */
const CASES = (JSON.parse(readFileSync(join(FIXTURES, "disclosure", "audit.json"), "utf8")) as {cases: Case[]}).cases;

function run(c: Case) {
  const areas: AreaRow[] = c.areas.map(([code, level, lan_code = null, kommun_code = null]) => ({code, level, lan_code, kommun_code: kommun_code ?? (level === "kommun" ? code : null)}));
  const files: PublishedFile[] = Object.entries(c.files).map(([name, rows]) => ({
    name,
    sightings: rows.map(([indicator_id, area_code, year, value, status, numerator, denominator]) => ({indicator_id, area_code, year, value, status, numerator, denominator}))
  }));
  return attack({
    files,
    statusFile: "observations.parquet",
    areas,
    protection: (id) => (id === "heldygnsinsats_antal" ? {from: 1, to: 4} : null),
    rates: [{rate: "heldygnsinsats_per_1000", numerator: "heldygnsinsats_antal", denominator: "befolkning_0_17"}]
  });
}

describe("the audit's attack on hand-made published files", () => {
  it.each(CASES)("$name", (c) => {
    const result = run(c);
    expect(result.recovered.map(({indicator_id, year, ...r}) => (expect(indicator_id).toBe("heldygnsinsats_antal"), expect(year).toBe(2013), r))).toEqual(c.expect);
    expect(result.brokenSums).toEqual([]);
  });

  it("counts what it tried, per method and file, and what each recovered", () => {
    const result = run(CASES[0]!);
    expect(result.targets).toBe(1);
    expect(result.attempts).toEqual([
      {method: "difference", file: "observations.parquet", relation: "kommun→län", tried: 1, recovered: 1},
      // In this small country the three kommuner are all of riket, so riket minus them gives Aneby too.
      {method: "difference", file: "observations.parquet", relation: "kommun→riket", tried: 1, recovered: 1},
      {method: "linked", file: "all files together", tried: 1, recovered: 1}
    ]);
  });

  it("finds a leak through two hierarchies only by solving all sums together", () => {
    const result = run(CASES.find((c) => c.name.includes("another"))!);
    expect(result.attempts.filter((a) => a.method === "difference").every((a) => a.recovered === 0)).toBe(true);
    expect(result.attempts.find((a) => a.method === "linked")).toMatchObject({tried: 1, recovered: 1});
  });

  it("reports sums that the published figures break instead of trusting them", () => {
    const broken = structuredClone(CASES[0]!);
    broken.files["observations.parquet"]![4]![3] = 100; // 0662: the parts now exceed the län total
    expect(run(broken).brokenSums).toContain("heldygnsinsats_antal 2013 kommun→län 06 (observations.parquet)");
  });
});
