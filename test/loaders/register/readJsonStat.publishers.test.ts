// readJsonStat on the shapes statistics offices publish (test/fixtures/publishers, README there).
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {readJson} from "../../../loaders/read/readJson.js";
import {areaIndex} from "../../../loaders/reference/areaIndex.js";
import {readReference} from "../../../loaders/reference/readReference.js";
import {readJsonStat, readJsonStatDocument, type JsonStatOptions} from "../../../loaders/register/readJsonStat.js";
import type {Legend} from "../../../loaders/register/registerValue.js";
import {collectWarnings} from "../../../loaders/report/warnings.js";
import {DATA} from "../../helpers/dataDir.js";
import {loadError} from "../../helpers/loadError.js";

const text = (name: string): string => readFileSync(new URL(`../../fixtures/publishers/${name}`, import.meta.url), "utf-8");
const bytes = (name: string): Buffer => readFileSync(new URL(`../../fixtures/publishers/${name}`, import.meta.url));
const AREAS = areaIndex(readReference(DATA));
// OECD's legend: "e" marks an estimate (a projection here). Statistics Canada's sample marks every cell "a".
const OECD: Legend = {e: "estimate", a: "revised"};
const SWEDEN: JsonStatOptions = {legend: {"..": "missing", e: "estimate", p: "preliminary", r: "revised", b: "break"}, areas: AREAS};

describe("the JSON-stat samples' OECD and Statistics Canada data (a real 1.x bundle, and the same data as a 2.0 collection)", () => {
  it("asks which dataset to read when a bundle holds two", () => {
    const error = loadError(() => readJsonStat("oecd-canada.json", text("oecd-canada.json"), {legend: OECD}));
    expect(error.message).toBe(
      'oecd-canada.json: holds 2 datasets, "oecd" (Unemployment rate in the OECD countries 2003-2014) and "canada" (Population by sex and age group. Canada. 2012): declare which one the source reads ("dataset" in data/sources.json)'
    );
  });

  it.each([
    ["oecd-canada.json", "oecd"],
    ["oecd-canada-collection_RECONSTRUCTED.json", "Unemployment rate in the OECD countries 2003-2014"]
  ])("names the OECD countries as geography that is not Sweden's (%s)", (file, dataset) => {
    const error = loadError(() => readJsonStat(file, text(file), {legend: OECD, dataset, areas: AREAS}));
    expect(error.message).toBe(
      `${file}: these codes are not Swedish area codes: dimension area holds AU (Australia), AT (Austria), BE (Belgium), CA (Canada) and CL (Chile) and 31 more: the dataset's geography is not Sweden's riket, län, kommuner and stadsdelar (expected codes such as 00, 01, 0114 or 0180-01; area_codes in data/sources.json can map a code, e.g. {"SE": "00"})`
    );
  });

  it("reads the 1.x bundle and the 2.0 collection to the same values, keeping the estimate flags", () => {
    const read = (file: string, dataset: string) => {
      // Sweden as riket; every other area left out by reading only SE.
      const {warn, warnings} = collectWarnings();
      const doc = JSON.parse(text(file)) as unknown;
      const options: JsonStatOptions = {legend: OECD, dataset, areaCodeMap: (c) => (c === "SE" ? "00" : c), warn};
      const sweden = readJsonStatDocument(file, filterArea(doc, dataset, "SE"), options);
      return {values: sweden.values, warnings};
    };
    const bundle = read("oecd-canada.json", "oecd");
    const collection = read("oecd-canada-collection_RECONSTRUCTED.json", "Unemployment rate in the OECD countries 2003-2014");
    expect(collection.values).toEqual(bundle.values);
    // Sweden is area 29 of 36, each with 12 years: cells 348–359 of the file's value array, 358 and 359 marked "e".
    const raw = JSON.parse(text("oecd-canada.json")).oecd as {value: number[]; status: Record<string, string>};
    expect(bundle.values.map((v) => [v.year, v.value, v.flag ?? null])).toEqual(
      raw.value.slice(348, 360).map((value, i) => [2003 + i, value, raw.status[348 + i] === "e" ? "estimate" : null])
    );
    expect(bundle.values.filter((v) => v.flag).map((v) => v.year)).toEqual([2013, 2014]);
    expect(bundle.warnings).toEqual([
      {file: "oecd-canada.json", count: 2, message: "2 values are flagged uppskattat värde (e) by the source, first value[10] (concept=UNR, area=SE, year=2013): kept, with the flag"}
    ]);
  });
});

/** The dataset with its area dimension cut to one category: the same cells, as a query for one area gets them. */
function filterArea(doc: unknown, dataset: string, area: string): unknown {
  const copy = JSON.parse(JSON.stringify(doc)) as Record<string, any>;
  const target = copy.class === "collection" ? copy.link.item.find((d: any) => d.label === dataset) : copy[dataset];
  const dims = target.dimension.id ? target.dimension : target;
  const ids: string[] = dims.id;
  const sizes: number[] = dims.size;
  const a = ids.indexOf("area");
  const index = target.dimension.area.category.index as Record<string, number>;
  const at = index[area]!;
  const keep = (cell: number) => Math.floor(cell / sizes.slice(a + 1).reduce((x, y) => x * y, 1)) % sizes[a]! === at;
  const cells = sizes.reduce((x, y) => x * y, 1);
  const value: unknown[] = [];
  const status: Record<string, string> = {};
  for (let cell = 0, kept = 0; cell < cells; cell++) {
    if (!keep(cell)) continue;
    value.push(target.value[cell]);
    if (target.status?.[cell]) status[kept] = target.status[cell];
    kept++;
  }
  target.value = value;
  target.status = status;
  dims.size = sizes.map((s, i) => (i === a ? 1 : s));
  target.dimension.area.category = {index: {[area]: 0}, label: {[area]: target.dimension.area.category.label[area]}};
  return copy;
}

describe("status flags, sparse values and periods", () => {
  it("keeps e, p, r and b on present values as flags, maps .. through the legend, and counts each flag in a warning", () => {
    const {warn, warnings} = collectWarnings();
    const values = readJsonStat("flags.json", text("jsonstat_flags.json"), {...SWEDEN, warn});
    expect(values.map((v) => [v.area_code, v.year, v.value, v.status, v.flag ?? null])).toEqual([
      ["00", 2014, 100, "ok", null],
      ["00", 2015, 101, "ok", "revised"],
      ["00", 2016, 102, "ok", "preliminary"],
      ["0114", 2014, 7, "ok", "break"],
      ["0114", 2015, null, "missing", null],
      ["0114", 2016, 9, "ok", "estimate"]
    ]);
    expect(warnings.map((w) => w.message)).toEqual([
      "1 value is flagged reviderad uppgift (r) by the source, first value[1] (Region=00, ContentsCode=BE0101N1, Tid=2015): kept, with the flag",
      "1 value is flagged preliminär uppgift (p) by the source, first value[2] (Region=00, ContentsCode=BE0101N1, Tid=2016): kept, with the flag",
      "1 value is flagged brott i tidsserien (b) by the source, first value[3] (Region=0114, ContentsCode=BE0101N1, Tid=2014): kept, with the flag",
      "1 value is flagged uppskattat värde (e) by the source, first value[5] (Region=0114, ContentsCode=BE0101N1, Tid=2016): kept, with the flag"
    ]);
  });

  it("refuses a flag the legend does not list", () => {
    const error = loadError(() => readJsonStat("flags.json", text("jsonstat_flags.json"), {...SWEDEN, legend: {"..": "missing", e: "estimate"}}));
    expect(error.message).toBe('flags.json: value[1] (Region=00, ContentsCode=BE0101N1, Tid=2015): status "r" is not in the legend: expected ".." (missing) or "e" (estimate)');
  });

  it("reads cells a sparse value object leaves out as missing", () => {
    const values = readJsonStat("sparse.json", text("jsonstat_sparse_omitted.json"), SWEDEN);
    expect(values.map((v) => [v.area_code, v.year, v.value, v.status])).toEqual([
      ["00", 2015, 100, "ok"],
      ["00", 2016, 101, "ok"],
      ["0114", 2015, null, "missing"],
      ["0114", 2016, 9, "ok"]
    ]);
  });

  it.each([
    {yearly: {period: "K4"}, expected: [16, 26], warning: "each year's value is its Q4, as declared; the other quarters are not read"},
    {yearly: "last" as const, expected: [16, 26], warning: "each year's value is its last quarter, as declared"},
    {yearly: "mean" as const, expected: [13, 23], warning: "each year's value is the mean of its 4 quarters, as declared"}
  ])("reads quarters by the declared rule: $yearly", ({yearly, expected, warning}) => {
    const {warn, warnings} = collectWarnings();
    const values = readJsonStat("quarters.json", text("jsonstat_quarters.json"), {...SWEDEN, yearly, warn});
    expect(values.map((v) => [v.year, v.value])).toEqual([
      [2015, expected[0]],
      [2016, expected[1]]
    ]);
    expect(warnings).toEqual([{file: "quarters.json", column: "Tid", message: warning}]);
  });
});

describe("wrong JSON-stat stops the load", () => {
  it("names two-digit codes whose labels are another country's regions as not Swedish, rather than reading them as län", () => {
    const error = loadError(() => readJsonStat("fylker.json", text("jsonstat_norway_fylker.json"), SWEDEN));
    expect(error.message).toBe(
      'fylker.json: these codes are not Swedish area codes, though shaped like them: in dimension Region, 18 is labelled "Nordland", but 18 is Örebro län; 03 is labelled "Oslo", but 03 is Uppsala län: the labels name other places (another country\'s regions?)'
    );
  });

  it("refuses dimensions that multiply to 10^12 cells before allocating anything", () => {
    const error = loadError(() => readJsonStat("huge.json", text("jsonstat_huge.json"), SWEDEN));
    expect(error.message).toBe(
      'huge.json: its dimensions multiply to 1 000 000 000 000 cells ("size" [1000000, 1000000, 1], Region × Alder × Tid), more than the reader\'s limit of 20 000 000: ask the API for a smaller selection'
    );
  });

  it("suggests the nearest valid code for a kommun code the reference does not know", () => {
    const doc = JSON.parse(text("jsonstat_sparse_omitted.json").replaceAll('"0114"', '"0118"'));
    const error = loadError(() => readJsonStatDocument("x.json", doc, SWEDEN));
    expect(error.message).toBe(
      'x.json: dimension Region, category "0118": unknown area code "0118": expected 00 (riket), a län code, one of the 290 kommunkoder or a stadsdel code such as 0180-01; the nearest valid codes: 0117 Österåker, 0115 Vallentuna, 0114 Upplands Väsby'
    );
  });

  it.each([
    ["download_api_error.json", 'download_api_error.json: is an error response from the API ("error": "Unknown kpi: N9999"), not a JSON-stat dataset'],
    [
      "download_pxweb_problem.json",
      'download_pxweb_problem.json: is an error response from the API (HTTP 400 Bad Request: "Too many cells selected"), not a JSON-stat dataset'
    ],
    ["download_html_page.csv", 'download_html_page.csv: is an HTML web page titled "Sidan kunde inte hittas", not a JSON-stat dataset: the download returned a page (an error, login or cookie page) instead of data']
  ])("names a download that is not data: %s", (file, message) => {
    expect(loadError(() => readJson(file, bytes(file), "a JSON-stat dataset")).message).toBe(message);
  });
});
