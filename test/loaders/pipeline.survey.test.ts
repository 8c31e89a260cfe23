import {existsSync, readdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {buildTables} from "../../loaders/pipeline.js";
import {TABLES} from "../../loaders/schema/tables.js";
import {fixture, makeDataDir, parquetSchema, readParquet, tempDir} from "../helpers/dataDir.js";

const survey2013 = (file: string, content: string | Uint8Array, encoding?: string) =>
  makeDataDir({
    files: {[file]: content},
    sources: {survey: [{year: 2013, file, questionnaire: "2010–2015", period: "november 2013", ...(encoding ? {encoding} : {})}]},
    indicators: (i) => i.source === "enkät"
  });

describe("survey answers → observations (test/fixtures/survey/enkat_2013_small.csv: 5 units)", async () => {
  const out = tempDir();
  const result = await buildTables(survey2013("survey/enkat_2013.csv", fixture("survey/enkat_2013_small.csv")), out);
  const obs = await readParquet(result.files.observations);
  const value = (indicator: string, area: string) => obs.find((o) => o.indicator_id === indicator && o.area_code === area && o.year === 2013);

  it("writes every table with the declared schema", async () => {
    for (const [name, schema] of Object.entries(TABLES)) {
      const columns = await parquetSchema(join(out, `${name}.parquet`));
      expect(columns.map((c) => c.name), name).toEqual(schema.columns.map((c) => c.name));
      expect(columns.map((c) => c.type), name).toEqual(schema.columns.map((c) => (c.type === "VARCHAR[]" ? "VARCHAR[]" : c.type)));
    }
  });

  it("gives a unit 100 for yes and 0 for no, with numerator and denominator 1", () => {
    expect(value("bbic_ordinarie_licens", "0114")).toMatchObject({value: 100, numerator: 1, denominator: 1, status: "ok"});
    expect(value("bbic_ordinarie_licens", "0115")).toMatchObject({value: 0, numerator: 0, denominator: 1, status: "ok"});
  });

  it("marks a unit that did not respond as no_answer and a blank answer as missing", () => {
    expect(value("bbic_ordinarie_licens", "0117")).toMatchObject({value: null, numerator: null, status: "no_answer"});
    expect(value("barns_delaktighet", "0115")).toMatchObject({value: null, status: "missing"});
  });

  it("computes storstad, län and riket as the share of responding units that answered yes", () => {
    // Stockholm = its two responding stadsdelar, one yes.
    expect(value("bbic_ordinarie_licens", "0180")).toMatchObject({value: 50, numerator: 1, denominator: 2, status: "ok"});
    // Stockholms län: 0114 yes, 0115 no, 0180-01 yes, 0180-02 no.
    expect(value("bbic_ordinarie_licens", "01")).toMatchObject({value: 50, numerator: 2, denominator: 4});
    expect(value("bbic_ordinarie_licens", "03")).toMatchObject({value: 100, numerator: 1, denominator: 1});
    expect(value("bbic_ordinarie_licens", "00")).toMatchObject({value: 60, numerator: 3, denominator: 5});
    // A blank is left out of the denominator: 3 yes of the 4 who answered F5.
    expect(value("barns_delaktighet", "00")).toMatchObject({value: 75, numerator: 3, denominator: 4});
    // A län where nobody responded has no value, and says why.
    expect(value("bbic_ordinarie_licens", "25")).toMatchObject({value: null, status: "no_answer"});
  });

  it("counts the response rate over all 316 units that received the survey", async () => {
    expect(value("svarsfrekvens", "00")).toMatchObject({numerator: 5, denominator: 316});
    expect(value("svarsfrekvens", "0114")).toMatchObject({value: 100});
    expect(value("svarsfrekvens", "0117")).toMatchObject({value: 0});
    const responses = await readParquet(result.files.responses);
    expect(responses).toHaveLength(316);
    expect(responses.filter((r) => r.answered).map((r) => r.area_code)).toEqual(["0114", "0115", "0180-01", "0180-02", "0380"]);
  });

  it("keeps kommunkoder as text with leading zeros, sorted by indicator, year, area", () => {
    expect(obs.some((o) => o.area_code === "0114")).toBe(true);
    const keys = obs.map((o) => `${o.indicator_id}|${o.year}|${o.area_code}`);
    expect(keys).toEqual([...keys].sort());
  });

  it("writes one row per indicator, area and year: nothing dropped", () => {
    // 8 survey indicators in 2013 × (316 units + 3 storstäder + 21 län + riket).
    expect(obs).toHaveLength(8 * (316 + 3 + 21 + 1));
  });
});

describe("survey files as a person saves them give the same values as the survey tool's export", async () => {
  const load = async (file: string, content: Uint8Array) => {
    const result = await buildTables(survey2013(file, content), tempDir(), {log: () => {}});
    return {obs: (await readParquet(result.files.observations)).map(({source: _source, ...o}) => o), warnings: result.report.warnings};
  };
  const exported = await load("survey/enkat_2013.csv", fixture("survey/enkat_2013_small.csv"));

  it.each([
    ["survey/enkat_2013.xlsx", "survey-saved/enkat_2013_saved.xlsx", "survey/enkat_2013.xlsx [Svar]"],
    ["survey/enkat_2013.csv", "survey-saved/enkat_2013_saved.csv", "survey/enkat_2013.csv"]
  ])("%s (%s): notes sheet, title rows, other column names, codes without their zero", async (file, saved, place) => {
    const {obs, warnings} = await load(file, fixture(saved));
    expect(obs).toEqual(exported.obs);
    expect(warnings.find((w) => w.message.startsWith("restored"))).toEqual({
      file,
      row: place.endsWith("[Svar]") ? 4 : 3,
      column: place.endsWith("[Svar]") ? "Kommunkod" : "kommunkod",
      count: 2,
      message: "restored the leading zero of 2 kommunkoder (114 → 0114, 380 → 0380), as a spreadsheet drops it"
    });
  });
});

describe("a survey csv whose source declares no encoding", () => {
  it("is read as Latin-1/Windows-1252 when its bytes are not UTF-8 (the names then match the codes)", async () => {
    const out = tempDir();
    const result = await buildTables(survey2013("survey/enkat_2013.csv", fixture("survey/bad_latin1_as_utf8.csv")), out, {log: () => {}});
    expect(result.rows.surveys).toBe(1);
  });
});

describe("bad survey input stops the load with file, row, column and what was expected", () => {
  const cases: [string, string, string, string?][] = [
    ["bad_unknown_kommunkod.csv", "survey/enkat_2013.csv", `survey/enkat_2013.csv, row 3, column Kod: unknown kommunkod "9999" (expected one of the 290 kommunkoder, e.g. 0114, or a stadsdel code such as 0180-01)`],
    ["bad_duplicate_unit.csv", "survey/enkat_2013.csv", "survey/enkat_2013.csv, row 4, column Kod: duplicate unit 0114 Upplands Väsby (already answered in row 2; expected one row per unit and survey year)"],
    ["bad_unknown_answer.csv", "survey/enkat_2013.csv", `survey/enkat_2013.csv, row 2, column F3: unknown answer "Jaa" (expected Ja, Nej or Vet ej or blank)`],
    ["bad_answer_out_of_range.csv", "survey/enkat_2013.csv", `survey/enkat_2013.csv, row 2, column F1: unknown answer "4" (expected 1, 2 or 3 or blank)`],
    ["bad_missing_column.csv", "survey/enkat_2013.csv", "survey/enkat_2013.csv, row 1, column F4: missing required column (expected columns Kod, F1, F2, F3, F4, F5, F6, F7; found Kod, Namn, F1, F2, F3, F5, F6, F7)"],
    [
      "bad_latin1_as_utf8.csv",
      "survey/enkat_2013.csv",
      `survey/enkat_2013.csv, row 2: not valid UTF-8: byte 0xE4 at byte offset 45 is "ä" in Latin-1/Windows-1252, where the line reads "0114;Upplands Väsby;1;Ja;Ja;Nej;Ja;Nej;Nej": the file looks like Latin-1/Windows-1252, so declare its encoding as "latin-1"`,
      "utf-8"
    ],
    ["bad_empty.csv", "survey/enkat_2013.csv", "survey/enkat_2013.csv: empty file (0 bytes): expected a survey export (csv); the download or export produced nothing"],
    ["bad_header_only.csv", "survey/enkat_2013.csv", "survey/enkat_2013.csv, row 2: no responding units (the file has a header but no rows)"],
    ["bad_storstad_as_unit.csv", "survey/enkat_2013.csv", "survey/enkat_2013.csv, row 2, column Kod: 0180 Stockholm answers the survey through its stadsdelar (expected a stadsdel code such as 0180-01)"],
    ["bad_name_mismatch.csv", "survey/enkat_2013.csv", `survey/enkat_2013.csv, row 2, column Namn: "Upplands Väsby" does not match 0115, which is Vallentuna (expected the unit's name: is the code right?)`],
    ["bad_not_xlsx.xlsx", "survey/enkat_2013.xlsx", "survey/enkat_2013.xlsx: not an xlsx workbook (the file does not start as a zip archive; was it saved as .xls or csv?)"],
    ["bad_truncated.xlsx", "survey/enkat_2013.xlsx", "survey/enkat_2013.xlsx: not a readable xlsx workbook, the file may be truncated"]
  ];

  it.each(cases)("%s", async (name, file, message, encoding) => {
    const out = tempDir();
    // A good table from an earlier load must survive a failed one untouched.
    writeFileSync(join(out, "observations.parquet"), "previous");
    const error = await buildTables(survey2013(file, fixture(`survey/${name}`), encoding), out, {log: () => {}}).then(
      () => null,
      (e: Error) => e
    );
    expect(error?.message.startsWith(message), `got: ${error?.message}`).toBe(true);
    expect(readdirSync(out)).toEqual(["observations.parquet"]);
    expect(existsSync(join(out, "areas.parquet"))).toBe(false);
  });
});
