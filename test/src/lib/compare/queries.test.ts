// The comparison queries (src/lib/compare/queries.js) against hand-computed
// figures, run with DuckDB in node over tables the real pipeline builds from
// the fixtures in test/fixtures/compare/ (see the README there for the answers).
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {buildTables} from "../../../../loaders/pipeline.js";
import {
  comparison,
  distribution,
  groupValues,
  indicatorYears,
  kommunValues,
  loadIndicators,
  loadUnits,
  stadsdelValues,
  trends,
  unitRanks
} from "../../../../src/lib/compare/queries.js";
import {makeDataDir, tempDir} from "../../../helpers/dataDir.js";
import {tableQuery} from "../../../helpers/tableQuery.js";

const FIXTURES = join(import.meta.dirname, "../../../fixtures/compare");
const read = (name: string) => readFileSync(join(FIXTURES, name));

type Row = Record<string, unknown>;
let query: (sql: string) => Promise<Row[]>;
let close: () => void;

beforeAll(async () => {
  const dir = makeDataDir({
    files: {"survey/enkat_2013.csv": read("enkat_2013.csv"), "survey/enkat_2014.csv": read("enkat_2014.csv"), "register/heldygn.csv": read("heldygn.csv")},
    sources: {
      survey: [
        {year: 2013, file: "survey/enkat_2013.csv", questionnaire: "2010–2015", period: "november 2013", encoding: "utf-8"},
        {year: 2014, file: "survey/enkat_2014.csv", questionnaire: "2010–2015", period: "november 2014", encoding: "utf-8"}
      ],
      register: {
        socialstyrelsen_heldygn: {
          file: "register/heldygn.csv",
          format: "csv",
          publisher: "test",
          encoding: "utf-8",
          area_column: "Regionkod",
          year_column: "År",
          value_columns: ["Antal"],
          legend: {"..": "missing", X: "suppressed", "-": "zero"}
        }
      }
    } as never,
    indicators: (i) => i.source === "enkät" || i.id === "heldygnsinsats_antal"
  });
  const out = tempDir();
  await buildTables(dir, out);
  ({query, close} = await tableQuery(out));
}, 120_000);

afterAll(() => close?.());

const BBIC = "bbic_ordinarie_licens";
const HELDYGN = "heldygnsinsats_antal";
const DELAKTIGHET = "barns_delaktighet";

describe("units and metadata", () => {
  it("lists 290 kommuner and 29 stadsdelar, storstäder marked with their number of stadsdelar", async () => {
    const units = await loadUnits(query);
    expect(units).toHaveLength(319);
    const byCode = new Map(units.map((u: Row) => [u.code, u]));
    expect(byCode.get("1480")).toMatchObject({kind: "storstad", stadsdelar: 10, lan_name: "Västra Götalands län", kommungrupp: "A1"});
    expect(byCode.get("1480-01")).toMatchObject({kind: "stadsdel", kommun_name: "Göteborg", kommungrupp: "A1", lan_code: "14"});
    expect(byCode.get("0115")).toMatchObject({kind: "kommun", stadsdelar: 0, lan_name: "Stockholms län", kommungrupp: "A2"});
    expect(units.filter((u: Row) => u.kind === "storstad").map((u: Row) => u.code)).toEqual(["0180", "1280", "1480"]);
  });

  it("gives the years riket has a value", async () => {
    expect(await indicatorYears(query, [BBIC])).toEqual([2013, 2014]);
    expect(await indicatorYears(query, [HELDYGN])).toEqual([2013]);
    const {indicators, comparability} = await loadIndicators(query);
    expect(indicators.find((d: Row) => d.id === BBIC)).toMatchObject({source: "enkät", measure: "share_yes"});
    // Comparability comes from the metadata, not from the years present.
    expect(comparability.filter((c: Row) => c.indicator_id === BBIC).map((c: Row) => c.group_id)).toEqual(["2010–2015", "2016–"]);
  });
});

describe("kommungrupp values", () => {
  it("a survey share is the group's yes answers over its units that answered", async () => {
    const groups = await groupValues(query, {indicatorIds: [BBIC], year: 2013});
    const g = (code: string) => groups.find((d: Row) => d.kommungrupp === code);
    // A2: Upplands Väsby, Österåker, Håbo yes; Vallentuna no; the other 39 A2 kommuner did not answer.
    expect(g("A2")).toMatchObject({value: 75, numerator: 3, denominator: 4, n: 4, units: 43, method: "andel"});
    // A1 for survey indicators is the storstäder's 29 stadsdelar: Rinkeby-Kista and Angered yes, Spånga-Tensta no.
    expect(g("A1")!.value).toBeCloseTo(200 / 3, 10);
    expect(g("A1")).toMatchObject({numerator: 2, denominator: 3, n: 3, units: 29});
    expect(g("B3")).toMatchObject({value: 0, numerator: 0, denominator: 1, n: 1});
    expect(g("B4")).toMatchObject({value: 50, numerator: 1, denominator: 2, n: 2});
    // No unit of C9 answered: a group without a value, not 0.
    expect(g("C9")).toMatchObject({value: null, n: 0, units: 21});
  });

  it("a blank answer is left out of the group's denominator", async () => {
    const groups = await groupValues(query, {indicatorIds: [DELAKTIGHET], year: 2013});
    // A2 on F5: Upplands Väsby yes, Vallentuna no, Österåker yes, Håbo blank.
    expect(groups.find((d: Row) => d.kommungrupp === "A2")).toMatchObject({numerator: 2, denominator: 3, n: 3});
  });

  it("a register value is the median of the group's kommuner, suppressed and missing left out", async () => {
    const groups = await groupValues(query, {indicatorIds: [HELDYGN], year: 2013});
    const g = (code: string) => groups.find((d: Row) => d.kommungrupp === code);
    // A2: 50, 30, 40, 20 (Värmdö and the rest have no row value) → (30 + 40) / 2.
    expect(g("A2")).toMatchObject({value: 35, n: 4, numerator: null, denominator: null, method: "median"});
    // A1 for register indicators is the three storstäder as kommuner: 1 700 and 800; Malmö is not in the file, so has no row.
    expect(g("A1")).toMatchObject({value: 1250, n: 2, units: 2});
    // B4: Älvkarleby 10, Knivsta suppressed.
    expect(g("B4")).toMatchObject({value: 10, n: 1});
    expect(g("B3")).toMatchObject({value: 200, n: 1});
  });

  it("gives every year when no year is asked for", async () => {
    const groups = await groupValues(query, {indicatorIds: [BBIC]});
    const a2 = groups.filter((d: Row) => d.kommungrupp === "A2").map((d: Row) => [d.year, d.value]);
    // 2014: Upplands Väsby, Vallentuna, Värmdö all yes.
    expect(a2).toEqual([
      [2013, 75],
      [2014, 100]
    ]);
  });
});

describe("ranks", () => {
  it("ranks survey answers: yes shares first place, no shares the place after", async () => {
    const ranks = await unitRanks(query, {indicatorIds: [BBIC], year: 2013});
    expect(ranks).toHaveLength(10);
    const r = (code: string) => ranks.find((d: Row) => d.area_code === code);
    expect(r("0114")).toMatchObject({rank: 1, n: 10, ties: 6});
    expect(r("0115")).toMatchObject({rank: 7, n: 10, ties: 4});
    // Storstäder are aggregates, not ranked units.
    expect(r("0180")).toBeUndefined();
  });

  it("ranks register values among kommuner with a value, highest first", async () => {
    const ranks = await unitRanks(query, {indicatorIds: [HELDYGN], year: 2013});
    expect(ranks.map((d: Row) => [d.area_code, d.rank])).toEqual([
      ["0180", 1],
      ["1480", 2],
      ["0380", 3],
      ["0114", 4],
      ["0117", 5],
      ["0115", 6],
      ["0305", 7],
      ["0319", 8]
    ]);
    expect(new Set(ranks.map((d: Row) => d.n))).toEqual(new Set([8]));
  });
});

describe("the comparison table", () => {
  it("sets each unit beside its kommungrupp, län and riket", async () => {
    const rows = await comparison(query, {indicatorIds: [BBIC], year: 2013, codes: ["0115", "0180", "1480-01"]});
    const r = (code: string) => rows.find((d: Row) => d.code === code)!;
    expect(r("0115")).toMatchObject({value: 0, status: "ok", rank: 7, rank_n: 10, ties: 4, group_code: "A2", group_value: 75, group_n: 4, group_method: "andel"});
    // Stockholms län: 0114 yes, 0115 no, 0117 yes, 0180-01 yes, 0180-02 no → 3 of 5.
    expect(r("0115")).toMatchObject({lan_code: "01", lan_value: 60, lan_numerator: 3, lan_denominator: 5});
    // Riket: 6 yes of 10 answering units.
    expect(r("0115")).toMatchObject({riket_value: 60, riket_numerator: 6, riket_denominator: 10});
    // Stockholm as a storstad: the share of its answering stadsdelar, not ranked.
    expect(r("0180")).toMatchObject({value: 50, numerator: 1, denominator: 2, rank: null, group_code: "A1"});
    expect(r("1480-01")).toMatchObject({value: 100, rank: 1, lan_code: "14", lan_value: 100});
    expect(r("1480-01").group_value).toBeCloseTo(200 / 3, 10);
  });

  it("says no_answer for a unit that did not answer, and null status where a unit has no row", async () => {
    const survey = await comparison(query, {indicatorIds: [BBIC], year: 2013, codes: ["0120"]});
    expect(survey[0]).toMatchObject({status: "no_answer", value: null, rank: null, group_value: 75});
    const register = await comparison(query, {indicatorIds: [HELDYGN], year: 2013, codes: ["0330", "0180-01", "0114"]});
    const r = (code: string) => register.find((d: Row) => d.code === code)!;
    expect(r("0330")).toMatchObject({status: "suppressed", value: null, rank: null, group_value: 10});
    // Register counts are not reported for stadsdelar; the stadsdel still sees its group (A1 median) and län.
    expect(r("0180-01")).toMatchObject({status: null, value: null, group_value: 1250, lan_value: 4280, riket_value: 16000});
    expect(r("0114")).toMatchObject({value: 50, rank: 4, rank_n: 8, group_value: 35, group_method: "median"});
  });

  it("takes each indicator's newest year with a riket value for 'latest' (not the metadata's last year, 2016), for every unit when codes is null", async () => {
    const rows = await comparison(query, {indicatorIds: [BBIC, HELDYGN], year: "latest"});
    expect(rows).toHaveLength(2 * 319);
    expect(rows.find((d: Row) => d.indicator_id === BBIC && d.code === "0120")).toMatchObject({year: 2014, value: 100});
    expect(rows.find((d: Row) => d.indicator_id === HELDYGN && d.code === "0114")).toMatchObject({year: 2013, value: 50});
  });

  it("gives every year with a riket value for 'all', each year ranked and grouped on its own (the multi-year download)", async () => {
    const rows = await comparison(query, {indicatorIds: [BBIC], year: "all", codes: ["0115", "1480-01"]});
    expect(rows.map((d: Row) => `${d.year} ${d.code}`)).toEqual(["2013 0115", "2013 1480-01", "2014 0115", "2014 1480-01"]);
    const one = await comparison(query, {indicatorIds: [BBIC], year: 2013, codes: ["0115", "1480-01"]});
    expect(rows.filter((d: Row) => d.year === 2013)).toEqual(one);
    const y2014 = await comparison(query, {indicatorIds: [BBIC], year: 2014, codes: ["0115", "1480-01"]});
    expect(rows.filter((d: Row) => d.year === 2014)).toEqual(y2014);
  });

  it("refuses codes and ids that are not codes and ids", async () => {
    await expect(comparison(query, {indicatorIds: [BBIC], year: 2013, codes: ["0180'; DROP TABLE areas; --"]})).rejects.toThrow(/Ogiltig områdeskod/);
    await expect(comparison(query, {indicatorIds: ["x' OR 1=1"], year: 2013, codes: ["0180"]})).rejects.toThrow(/Ogiltigt indikator-id/);
    await expect(comparison(query, {indicatorIds: [BBIC], year: "2013; --" as never, codes: ["0180"]})).rejects.toThrow(/Ogiltigt år/);
  });
});

describe("series for charts and the map", () => {
  it("gives trends with their comparability group", async () => {
    const rows = await trends(query, {indicatorIds: [BBIC], codes: ["0180-01", "00"]});
    expect(rows.filter((d: Row) => d.area_code === "0180-01").map((d: Row) => [d.year, d.value, d.group_id])).toEqual([
      [2013, 100, "2010–2015"],
      [2014, 0, "2010–2015"]
    ]);
    // Riket 2014: five of six yes.
    expect(rows.find((d: Row) => d.area_code === "00" && d.year === 2014)!.value).toBeCloseTo(500 / 6, 10);
  });

  it("lists every compared unit with a value for the dot strip", async () => {
    const rows = await distribution(query, {indicatorIds: [BBIC], year: 2013});
    expect(rows).toHaveLength(10);
    expect(rows.filter((d: Row) => d.value === 100)).toHaveLength(6);
    expect(rows.some((d: Row) => d.code === "0180")).toBe(false);
  });

  it("gives all 290 kommuner for the map, storstäder from their stadsdelar", async () => {
    const rows = await kommunValues(query, {indicatorId: BBIC, year: 2013});
    expect(rows).toHaveLength(290);
    const r = (code: string) => rows.find((d: Row) => d.code === code)!;
    expect(r("0180")).toMatchObject({value: 50, numerator: 1, denominator: 2, status: "ok"});
    expect(r("1480")).toMatchObject({value: 100, status: "ok"});
    expect(r("1280")).toMatchObject({value: null, status: "no_answer"});
    expect(r("0120")).toMatchObject({status: "no_answer"});
  });

  it("gives the stadsdelar of a storstad with their answers", async () => {
    const rows = await stadsdelValues(query, {indicatorIds: [BBIC], year: 2013, kommunCodes: ["0180"]});
    expect(rows).toHaveLength(14);
    expect(rows.filter((d: Row) => d.status === "ok").map((d: Row) => [d.code, d.value])).toEqual([
      ["0180-01", 100],
      ["0180-02", 0]
    ]);
  });
});
