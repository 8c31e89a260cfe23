import {readFileSync} from "node:fs";
import {loadError} from "../../helpers/loadError.js";
import {describe, expect, it} from "vitest";
import {LoadError} from "../../../loaders/errors.js";
import {readJsonStat, readJsonStatCube, readJsonStatDocument, readJsonStatWithLocations, type JsonStatOptions} from "../../../loaders/register/readJsonStat.js";
import {collectWarnings} from "../../../loaders/report/warnings.js";
import type {Legend} from "../../../loaders/register/registerValue.js";

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/register/${name}`, import.meta.url), "utf-8");
const SCB_LEGEND: Legend = {"..": "missing", ".": "not_applicable", X: "suppressed", "-": "zero"};


describe("readJsonStatCube on SCB TAB6471 (PxWebApi v2, monthly population)", () => {
  const cube = readJsonStatCube("TAB6471.json", fixture("scb_v2_TAB6471_data_jsonstat2.json"), SCB_LEGEND);

  it("reads every cell of the 21 × 11 × 3 × 1 × 4 cube", () => {
    expect(cube.dimensions.map((d) => [d.id, d.codes.length])).toEqual([
      ["Region", 21],
      ["Alder", 11],
      ["Kon", 3],
      ["ContentsCode", 1],
      ["Tid", 4]
    ]);
    expect(cube.cells).toHaveLength(2772);
  });

  it.each([
    {index: 0, codes: ["01", "0-9", "TotSa", "000007SF", "2026M01"], value: 245284},
    {index: 3, codes: ["01", "0-9", "TotSa", "000007SF", "2026M04"], value: 251635},
    {index: 4, codes: ["01", "0-9", "1", "000007SF", "2026M01"], value: 125373},
    {index: 8, codes: ["01", "0-9", "2", "000007SF", "2026M01"], value: 119906},
    {index: 1188, codes: ["12", "0-9", "TotSa", "000007SF", "2026M01"], value: 139198},
    {index: 2771, codes: ["25", "100+10", "2", "000007SF", "2026M04"], value: 54}
  ])("cell $index ($codes) is $value, in row-major order", ({index, codes, value}) => {
    expect(cube.cells[index]).toEqual({index, codes, value, status: "ok", flag: null});
  });

  it("has no status, so every cell is a number with status ok; the CKM notes are not statuses", () => {
    expect(cube.cells.filter((c) => c.status !== "ok" || c.value === null)).toEqual([]);
  });
});

describe("readJsonStat on real SCB responses", () => {
  it("refuses TAB6471's month codes as years until the source declares how a year's value is read", () => {
    const error = loadError(() => readJsonStat("TAB6471.json", fixture("scb_v2_TAB6471_data_jsonstat2.json"), {legend: SCB_LEGEND}));
    expect(error.message).toBe(
      'TAB6471.json: dimension Tid, category "2026M01": a month, not a year: declare how a year\'s value is read ("yearly": {"period": "M12"} for one month of the year, "last" or "mean")'
    );
  });

  it('with "yearly": "last", reads 2026 from its last month, April, and warns that it is not the year\'s end', () => {
    const {warn, warnings} = collectWarnings();
    const values = readJsonStat("TAB6471.json", fixture("scb_v2_TAB6471_data_jsonstat2.json"), {legend: SCB_LEGEND, yearly: "last", warn});
    expect(values).toHaveLength(21 * 11 * 3);
    expect(values[0]).toEqual({series: "0-9:TotSa:000007SF", area_code: "01", year: 2026, value: 251635, status: "ok"});
    expect(warnings).toEqual([{file: "TAB6471.json", column: "Tid", message: "each year's value is its last month, as declared; for 2026 that is 2026M04, not the end of the year"}]);
  });

  it('with "yearly": {"period": "M12"}, finds no December in any year and says so', () => {
    const error = loadError(() => readJsonStat("TAB6471.json", fixture("scb_v2_TAB6471_data_jsonstat2.json"), {legend: SCB_LEGEND, yearly: {period: "M12"}}));
    expect(error.message).toBe('TAB6471.json: dimension Tid has no M12 in any year (2026M01–2026M04): the declared "yearly" period gives no value');
  });

  it('with "yearly": "mean", refuses a mean over four months of 2026', () => {
    const error = loadError(() => readJsonStat("TAB6471.json", fixture("scb_v2_TAB6471_data_jsonstat2.json"), {legend: SCB_LEGEND, yearly: "mean"}));
    expect(error.message).toBe(
      "TAB6471.json: dimension Tid: 2026 has 4 of its 12 months (2026M01–2026M04): the mean over part of a year is not the year's value; declare one month (\"yearly\": {\"period\": …}) or \"last\""
    );
  });

  it("reads the selected category of a dimension and leaves it out of the series name", () => {
    const read = readJsonStatDocument("TAB6471.json", JSON.parse(fixture("scb_v2_TAB6471_data_jsonstat2.json")), {legend: SCB_LEGEND, yearly: "last", dimensions: {Kon: "TotSa", Alder: "0-9"}});
    expect(read.values.map((v) => v.series)).toEqual(Array(21).fill("000007SF"));
    expect(read.values[0]).toMatchObject({area_code: "01", year: 2026, value: 251635});
    expect(read.notSelected).toBe(2772 - 21 * 4);
  });

  it("reads the v1 HE0110 response (no Region: riket) with defaultAreaCode", () => {
    const values = readJsonStat("HE0110.json", fixture("scb_v1_HE0110_response_jsonstat2.json"), {legend: SCB_LEGEND, defaultAreaCode: "00"});
    expect(values).toHaveLength(9);
    expect(values).toEqual(
      [
        ["1", 2020, 332.8],
        ["1", 2021, 343.9],
        ["1", 2022, 359.9],
        ["2", 2020, 254.6],
        ["2", 2021, 263],
        ["2", 2022, 277.3],
        ["1+2", 2020, 291.9],
        ["1+2", 2021, 301.5],
        ["1+2", 2022, 316.6]
      ].map(([kon, year, value]) => ({series: `${kon}:tot16+:HE0110J8`, area_code: "00", year, value, status: "ok"}))
    );
  });

  it("without defaultAreaCode, says the HE0110 response has no area dimension", () => {
    const error = loadError(() => readJsonStat("HE0110.json", fixture("scb_v1_HE0110_response_jsonstat2.json"), {legend: SCB_LEGEND}));
    expect(error.message).toBe(
      'HE0110.json: no area dimension: found Kon, Alder, ContentsCode and Tid; expected "Region", a dimension with role geo, or options.areaDimension (or options.defaultAreaCode when the query left the area out)'
    );
  });
});

describe("readJsonStat maps statuses through the legend", () => {
  it.each([
    {
      name: "status object: .. missing, X suppressed, - zero, a plain 0",
      file: "jsonstat_statuses.json",
      expected: [
        ["00", 2015, 100, "ok"],
        ["00", 2016, null, "missing"],
        ["0114", 2015, 7, "ok"],
        ["0114", 2016, 0, "ok"],
        ["0180", 2015, null, "suppressed"],
        ["0180", 2016, 0, "ok"]
      ]
    },
    {
      name: "sparse value object, index arrays, . not applicable",
      file: "jsonstat_sparse_index_array.json",
      expected: [
        ["01", 2015, 5, "ok"],
        ["01", 2016, null, "missing"],
        ["0180-01", 2015, null, "not_applicable"],
        ["0180-01", 2016, 6, "ok"]
      ]
    },
    {
      name: "one status string for every cell",
      file: "jsonstat_status_string.json",
      expected: [
        ["0114", 2015, null, "missing"],
        ["0114", 2016, null, "missing"]
      ]
    }
  ])("$name", ({file, expected}) => {
    const values = readJsonStat(file, fixture(file), {legend: SCB_LEGEND});
    expect(values.map((v) => [v.area_code, v.year, v.value, v.status])).toEqual(expected);
    expect(new Set(values.map((v) => v.series))).toEqual(new Set(["BE0101N1"]));
  });

  it("names a series by every non-area, non-time dimension's code, in id order", () => {
    const values = readJsonStat("x.json", fixture("jsonstat_several_dimensions.json"), {legend: SCB_LEGEND});
    expect(values.map((v) => [v.series, v.value])).toEqual([
      ["0-17:1:BE0101N1", 10],
      ["0-17:2:BE0101N1", 11]
    ]);
  });

  it("tells where each value came from, for the pipeline's own messages", () => {
    const {values, locations} = readJsonStatWithLocations("x.json", fixture("jsonstat_statuses.json"), {legend: SCB_LEGEND});
    expect(locations).toHaveLength(values.length);
    expect(locations[4]).toBe("value[4] (Region=0180, ContentsCode=BE0101N1, Tid=2015)");
  });

  it("applies areaCodeMap before checking the code's shape", () => {
    const values = readJsonStat("x.json", fixture("jsonstat_bad_area.json"), {legend: SCB_LEGEND, areaCodeMap: (code) => (code === "Riket" ? "00" : code)});
    expect(values.map((v) => v.area_code)).toEqual(["0114", "00"]);
  });

  it("finds an area dimension by options.areaDimension when it is not called Region", () => {
    const text = fixture("jsonstat_statuses.json").replaceAll('"Region"', '"Kommun"');
    expect(loadError(() => readJsonStat("x.json", text, {legend: SCB_LEGEND})).message).toMatch(/^x\.json: no area dimension: found Kommun, ContentsCode and Tid;/);
    expect(readJsonStat("x.json", text, {legend: SCB_LEGEND, areaDimension: "Kommun"}).map((v) => v.area_code)).toEqual(["00", "00", "0114", "0114", "0180", "0180"]);
  });

  it("finds the time dimension by its role, whatever its name", () => {
    const text = fixture("jsonstat_statuses.json").replaceAll('"Tid"', '"Ar"');
    expect(readJsonStat("x.json", text, {legend: SCB_LEGEND}).map((v) => v.year)).toEqual([2015, 2016, 2015, 2016, 2015, 2016]);
  });
});

describe("readJsonStat errors name the file, the cell or dimension, and what was expected", () => {
  const cases: {file: string; options?: Partial<JsonStatOptions>; message: string}[] = [
    {
      file: "jsonstat_unknown_status.json",
      message: 'value[1] (Region=0114, ContentsCode=BE0101N1, Tid=2016): status "*" is not in the legend: expected ".." (missing), "." (not_applicable), "X" (suppressed) or "-" (zero)'
    },
    {
      file: "jsonstat_null_without_status.json",
      message: 'value[1] (Region=0114, ContentsCode=BE0101N1, Tid=2016): value is null and has no status: expected a status from the legend, ".." (missing), "." (not_applicable), "X" (suppressed) or "-" (zero)'
    },
    {
      file: "jsonstat_value_with_missing_status.json",
      message: 'value[1] (Region=0114, ContentsCode=BE0101N1, Tid=2016): value 5 has status "..", which the legend says means missing: expected null with that status'
    },
    {file: "jsonstat_size_mismatch.json", message: '"value" has 3 entries but "size" [1, 1, 2] (Region × ContentsCode × Tid) gives 2 cells'},
    {file: "jsonstat_no_category.json", message: 'dimension Tid has no "category": every dimension in "id" needs one'},
    {file: "jsonstat_months.json", message: 'dimension Tid, category "2016M11": a month, not a year: declare how a year\'s value is read ("yearly": {"period": "M12"} for one month of the year, "last" or "mean")'},
    {file: "jsonstat_months.json", options: {yearly: {period: "K4"}}, message: '"yearly": {"period": "K4"} is a quarter, but dimension Tid holds months'},
    {file: "jsonstat_bad_year.json", message: 'dimension Tid, category "år 2016": expected a year such as "2016", or a month, quarter or half-year such as "2016M12" or "2016K4"'},
    {
      file: "jsonstat_bad_area.json",
      message:
        'dimension Region, category "Riket": area code "Riket" is not an area code: expected 00 (riket), a two-digit län code, a four-digit kommun code or a stadsdel code such as 0180-01 (area_codes can translate codes)'
    },
    {
      file: "jsonstat_statuses.json",
      options: {areaCodeMap: () => "00"},
      message:
        "value[0] (Region=00, ContentsCode=BE0101N1, Tid=2015) and value[2] (Region=0114, ContentsCode=BE0101N1, Tid=2015) " +
        'both give series "BE0101N1", area 00, year 2015: expected one value per series, area and year'
    },
    {file: "jsonstat_statuses.json", options: {areaDimension: "Område"}, message: 'options.areaDimension is "Område" but the dataset\'s dimensions are Region, ContentsCode and Tid'},
    {
      file: "jsonstat_statuses.json",
      options: {legend: {"..": "saknas" as never}},
      message: 'the legend maps ".." to "saknas": expected missing, suppressed, not_applicable, zero, estimate, preliminary, revised or break'
    },
    {file: "kolada_next_page.json", message: 'expected a JSON-stat 2.0 dataset ("class": "dataset"), a collection or a bundle, found class (blank)'}
  ];

  it.each(cases)("$file $options: $message", ({file, options, message}) => {
    const error = loadError(() => readJsonStat(file, fixture(file), {legend: SCB_LEGEND, ...options}));
    expect(error.message).toBe(`${file}: ${message}`);
    expect(error.file).toBe(file);
  });

  it("reads a JSON-stat 1.x bundle (id, size and role inside dimension), as older PxWeb endpoints send", () => {
    const values = readJsonStat("bundle.json", fixture("jsonstat_1x_bundle.json"), {legend: SCB_LEGEND});
    expect(values).toEqual([
      {series: "BE0101N1", area_code: "0114", year: 2015, value: 1, status: "ok"},
      {series: "BE0101N1", area_code: "0114", year: 2016, value: 2, status: "ok"}
    ]);
  });

  it("reports text that is not JSON", () => {
    const error = loadError(() => readJsonStat("broken.json", '{"class": "dataset",', {legend: SCB_LEGEND}));
    expect(error.message).toMatch(/^broken\.json: not valid JSON \(.+\): expected a JSON-stat 2\.0 dataset$/);
  });
});
