import {readFileSync} from "node:fs";
import {loadError} from "../../helpers/loadError.js";
import {describe, expect, it} from "vitest";
import {LoadError} from "../../../loaders/errors.js";
import {koladaAreaCode, readKolada, readKoladaWithLocations, type KoladaOptions} from "../../../loaders/register/readKolada.js";

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/register/${name}`, import.meta.url), "utf-8");


describe("readKolada on the reconstructed N00945 response (real values)", () => {
  const values = readKolada("N00945.json", fixture("kolada_v2_data_response_RECONSTRUCTED_N00945.json"));
  const find = (area: string, year: number) => values.filter((v) => v.area_code === area && v.year === year);

  it("reads all 63 values: three kommuner, 2000–2020, gender T", () => {
    expect(values).toHaveLength(63);
    expect(new Set(values.map((v) => v.series))).toEqual(new Set(["N00945:T"]));
    expect(new Set(values.map((v) => v.area_code))).toEqual(new Set(["0180", "1280", "1480"]));
    expect(Math.min(...values.map((v) => v.year))).toBe(2000);
    expect(Math.max(...values.map((v) => v.year))).toBe(2020);
    expect(values.every((v) => v.status === "ok" && typeof v.value === "number")).toBe(true);
  });

  it.each([
    {area: "0180", year: 2000, value: 31.32959689},
    {area: "1280", year: 2000, value: 28.36722648},
    {area: "1480", year: 2000, value: 33.23952169},
    {area: "1480", year: 2001, value: 34.348832},
    {area: "0180", year: 2020, value: 40.8}
  ])("$area $year is $value", ({area, year, value}) => {
    expect(find(area, year)).toEqual([{series: "N00945:T", area_code: area, year, value, status: "ok"}]);
  });
});

describe("readKolada maps areas, genders and statuses", () => {
  it("reads riket, regions and kommuner; T, K, M and old-style F; Missing; period as string or number", () => {
    const values = readKolada("k.json", fixture("kolada_genders_areas.json"));
    expect(values.map((v) => [v.series, v.area_code, v.year, v.value, v.status])).toEqual([
      ["N33817:T", "00", 2016, 4.1, "ok"],
      ["N33817:K", "00", 2016, 3.9, "ok"],
      ["N33817:M", "00", 2016, 4.3, "ok"],
      ["N33817:T", "01", 2016, 5, "ok"],
      ["N33817:T", "25", 2016, 6, "ok"],
      ["N33817:T", "0180", 2016, 3.2, "ok"],
      ["N33817:K", "0180", 2016, 3, "ok"],
      ["N33817:M", "0180", 2016, null, "missing"]
    ]);
  });

  it.each([
    {id: "0000", code: "00"},
    {id: "0001", code: "01"},
    {id: "0014", code: "14"},
    {id: "0025", code: "25"},
    {id: "0180", code: "0180"},
    {id: "2584", code: "2584"},
    {id: "0026", code: undefined},
    {id: "0030", code: undefined},
    {id: "G36039", code: undefined},
    {id: "180", code: undefined}
  ])("Kolada id $id is area code $code", ({id, code}) => {
    expect(koladaAreaCode(id)).toBe(code);
  });

  it("tells where each value came from, for the pipeline's own messages", () => {
    const {values, locations} = readKoladaWithLocations("k.json", fixture("kolada_genders_areas.json"));
    expect(locations).toHaveLength(values.length);
    expect(locations[6]).toBe("item 4 (kpi N33817, municipality 0180, period 2016), gender F");
  });

  it("accepts a file that holds exactly the expected KPIs", () => {
    expect(readKolada("k.json", fixture("kolada_genders_areas.json"), {kpis: ["N33817"]})).toHaveLength(8);
  });
});

describe("readKolada errors name the file, the item and what was expected", () => {
  const cases: {file: string; options?: KoladaOptions; message: string}[] = [
    {file: "kolada_count_mismatch.json", message: '"count" is 3 but "values" has 2 items: the download is truncated or was edited'},
    {file: "kolada_unknown_status.json", message: 'item 2 (kpi N33817, municipality 0114, period 2016), gender T: status "Preliminary": expected "" (a value) or "Missing"'},
    {file: "kolada_null_value.json", message: 'item 2 (kpi N33817, municipality 0114, period 2016), gender T: value is null with status "": expected a number (or status "Missing")'},
    {
      file: "kolada_duplicate.json",
      message: "item 3 (kpi N33817, municipality 0180, period 2016), gender T repeats item 1 (kpi N33817, municipality 0180, period 2016), gender T: expected one value per kpi, gender, area and year"
    },
    {
      file: "kolada_f_and_k.json",
      message: "item 1 (kpi N33817, municipality 0180, period 2016), gender F repeats item 1 (kpi N33817, municipality 0180, period 2016), gender K: expected one value per kpi, gender, area and year"
    },
    {file: "kolada_bad_gender.json", message: 'item 1 (kpi N33817, municipality 0180, period 2016), values[0]: gender "X": expected "T", "K" or "M"'},
    {
      file: "kolada_next_page.json",
      message:
        'the response has "next_page" "http://api.kolada.se/v2/data/kpi/N33817/year/2016?page=2&per_page=1": it is one page of a longer result; fetch every page with `npm run fetch:kolada -- <url> <folder>` and declare the folder as the source\'s file'
    },
    {
      file: "kolada_group_id.json",
      message: 'item 2: municipality "G36039" is not riket, a region or a kommun: expected "0000", "0001" to "0025" or a four-digit kommun code (group ids are not areas)'
    },
    {file: "kolada_other_kpi.json", options: {kpis: ["N33817"]}, message: 'item 2: kpi "N33818" is not one this file should hold: expected "N33817"'},
    {file: "kolada_genders_areas.json", options: {kpis: ["N33817", "N33818"]}, message: 'no values for kpi "N33818": expected the file to hold "N33817" and "N33818"'},
    {file: "jsonstat_statuses.json", message: 'expected a Kolada API response, an object with a "values" array, found {"version":"2.0","class":"dataset","label":"hand-made tes...'}
  ];

  it.each(cases)("$file: $message", ({file, options, message}) => {
    const error = loadError(() => readKolada(file, fixture(file), options));
    expect(error.message).toBe(`${file}: ${message}`);
    expect(error.file).toBe(file);
  });

  it("reads a file holding other KPIs when no kpis are given", () => {
    expect(readKolada("k.json", fixture("kolada_other_kpi.json")).map((v) => v.series)).toEqual(["N33817:T", "N33818:T"]);
  });
});
