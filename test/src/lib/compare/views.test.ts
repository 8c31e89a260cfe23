// From a unit page's data to the rows of its download of every year (src/lib/compare/views.js).
import {describe, expect, it} from "vitest";
import {comparisonRowsByYear, displayRows, exportRows} from "../../../../src/lib/compare/views.js";
import {indicatorGroups} from "../../../../src/lib/compare/text.js";
import {isAnswer} from "../../../../src/lib/vocabulary.js";

const BBIC = {id: "bbic_ordinarie_licens", title: "Ordinarie licens för BBIC", measure: "share_yes", unit: "procent"};
const vallentuna = {code: "0115", name: "Vallentuna", kind: "kommun", kommun_name: "Vallentuna", kommungrupp: "A2", kommungrupp_name: "Pendlingskommun nära storstad", lan_code: "01", lan_name: "Stockholms län"};
const value = {
  id: "bbic_ordinarie_licens",
  year: 2016,
  value: 100,
  status: "ok",
  numerator: 1,
  denominator: 1,
  rank: 1,
  rank_n: 310,
  ties: 300,
  group_method: "andel",
  group_value: 97,
  group_numerator: 42,
  group_denominator: 43,
  group_n: 43,
  lan_value: 96,
  lan_status: "ok",
  lan_numerator: 24,
  lan_denominator: 25,
  riket_value: 98,
  riket_status: "ok",
  riket_numerator: 304,
  riket_denominator: 310,
  trend: {
    unit: [{year: 2015, value: null, status: "no_answer"}, {year: 2016, value: 100, status: "ok", numerator: 1, denominator: 1}],
    group: [{year: 2015, value: 90, status: "ok", numerator: 36, denominator: 40, n: 40}, {year: 2016, value: 97, status: "ok"}],
    lan: [{year: 2015, value: 88, status: "ok", numerator: 22, denominator: 25}, {year: 2016, value: 96, status: "ok"}],
    riket: [{year: 2015, value: 92, status: "ok", numerator: 280, denominator: 304}, {year: 2016, value: 98, status: "ok"}]
  }
};

describe("a unit page's download of every year", () => {
  const rows = comparisonRowsByYear(value, "0115");

  it("has a comparison row per year: the latest is the page's own row, with its rank; earlier years have none", () => {
    expect(rows.map((r) => r.year)).toEqual([2015, 2016]);
    expect(rows[1]).toMatchObject({code: "0115", rank: 1, riket_numerator: 304});
    expect(rows[0]).toMatchObject({code: "0115", value: null, status: "no_answer", rank: null, group_value: 90, group_n: 40, lan_value: 88, lan_numerator: 22, riket_value: 92, riket_denominator: 304});
  });

  it("gives the unit, its kommungrupp, län and riket for each year, as in the download of one year", () => {
    const selection = [{code: "0115", unit: vallentuna}];
    const exported = rows.flatMap((row) => exportRows(BBIC, displayRows(BBIC, [row], selection, {year: row.year}), row.year));
    expect(exported.map((r) => `${r.year} ${r.role} ${r.value ?? r.status}`)).toEqual([
      "2015 Vald enhet besvarade inte enkäten 2015",
      "2015 Kommungrupp 90",
      "2015 Län 88",
      "2015 Riket 92",
      "2016 Vald enhet 100",
      "2016 Kommungrupp 97",
      "2016 Län 96",
      "2016 Riket 98"
    ]);
  });
});

describe("Översikt's indicator selector", () => {
  it("groups by theme, the survey's themes first, then titles, in Swedish order", () => {
    const indicators = [
      {id: "c", theme: "Barn och insatser (register)", title: "Folkmängd 0–17 år", measure: "count"},
      {id: "d", theme: "Samverkan", title: "Överenskommelse om samverkan med skolan", measure: "share_yes"},
      {id: "e", theme: "Samverkan", title: "Samverkan med barnhälsovården", measure: "share_yes"},
      {id: "a", theme: "BBIC", title: "Ordinarie licens för BBIC", measure: "share_yes"},
      {id: "b", theme: "Deltagande i enkäten", title: "Svarsfrekvens i enkäten", measure: "response_rate"}
    ];
    expect(indicatorGroups(indicators, isAnswer).map((g) => [g.theme, g.indicators.map((d) => d.id)])).toEqual([
      ["BBIC", ["a"]],
      ["Deltagande i enkäten", ["b"]],
      ["Samverkan", ["e", "d"]],
      ["Barn och insatser (register)", ["c"]]
    ]);
  });
});
