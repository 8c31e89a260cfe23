// All kommuner for one indicator: rows, filters, order and download (src/lib/compare/unitList.js).
import {describe, expect, it} from "vitest";
import {filterList, listChoices, listExport, listRows, sortList} from "../../../../src/lib/compare/unitList.js";

const BBIC = {id: "bbic_ordinarie_licens", title: "Ordinarie licens för BBIC", measure: "share_yes", unit: "procent", source: "enkät"};
const unit = (code: string, name: string, lan: [string, string], grupp: [string, string], extra: Record<string, unknown> = {}) => ({
  code,
  name,
  kind: "kommun",
  kommun_name: name,
  lan_code: lan[0],
  lan_name: lan[1],
  kommungrupp: grupp[0],
  kommungrupp_name: grupp[1],
  ...extra
});
const STHLM: [string, string] = ["01", "Stockholms län"];
const VG: [string, string] = ["14", "Västra Götalands län"];
const A1: [string, string] = ["A1", "Storstäder"];
const A2: [string, string] = ["A2", "Pendlingskommun nära storstad"];
const units = [
  unit("0114", "Upplands Väsby", STHLM, A2),
  unit("0115", "Vallentuna", STHLM, A2),
  unit("1480", "Göteborg", VG, A1, {kind: "storstad", stadsdelar: 2}),
  unit("1480-01", "Angered", VG, A1, {kind: "stadsdel", kommun_name: "Göteborg"}),
  unit("1440", "Ale", VG, A2)
];
const comparisonRows = [
  {code: "0114", status: "ok", value: 100, rank: 1, rank_n: 3, numerator: 1, denominator: 1},
  {code: "0115", status: "ok", value: 0, rank: 3, rank_n: 3, numerator: 0, denominator: 1},
  {code: "1480", status: "ok", value: 50, numerator: 1, denominator: 2},
  {code: "1480-01", status: "ok", value: 100, rank: 1, rank_n: 3, numerator: 1, denominator: 1},
  {code: "1440", status: "no_answer", value: null}
];
const rows = listRows(BBIC, comparisonRows, units, {year: 2016});

describe("all kommuner for one indicator", () => {
  it("gives every unit its value, or why it has none, its basis and its place", () => {
    expect(rows.find((r) => r.code === "1440")).toMatchObject({value: null, note: "besvarade inte enkäten 2016", rank: null});
    expect(rows.find((r) => r.code === "1480")).toMatchObject({value: 50, text: "50,0\u00a0%", basis: "1 av 2 stadsdelar", kind_text: "Storstad"});
    // A kommun's own answer is "Ja", without a place shared by every unit that said yes.
    expect(rows.find((r) => r.code === "0114")).toMatchObject({value: 100, text: "Ja", rank: null});
    expect(rows.find((r) => r.code === "1480-01")).toMatchObject({name: "Angered (Göteborg)", kind_text: "Stadsdel"});
  });

  it("filters by län and by kommungrupp, stadsdelar only when asked", () => {
    expect(filterList(rows, {lan: "14"}).map((r) => r.code)).toEqual(["1480", "1440"]);
    expect(filterList(rows, {lan: "14", stadsdelar: true}).map((r) => r.code)).toEqual(["1480", "1480-01", "1440"]);
    expect(filterList(rows, {grupp: "A2"}).map((r) => r.code)).toEqual(["0114", "0115", "1440"]);
    expect(filterList(rows, {lan: "01", grupp: "A1"})).toEqual([]);
  });

  it("sorts by any column both ways, rows without a value last either way, ties in Swedish order", () => {
    const kommuner = filterList(rows, {});
    expect(sortList(kommuner, "value", "descending").map((r) => r.name)).toEqual(["Upplands Väsby", "Göteborg", "Vallentuna", "Ale"]);
    expect(sortList(kommuner, "value", "ascending").map((r) => r.name)).toEqual(["Vallentuna", "Göteborg", "Upplands Väsby", "Ale"]);
    expect(sortList(kommuner, "name", "ascending").map((r) => r.name)).toEqual(["Ale", "Göteborg", "Upplands Väsby", "Vallentuna"]);
    expect(sortList(kommuner, "code", "descending").map((r) => r.code)).toEqual(["1480", "1440", "0115", "0114"]);
    const ranked = listRows({...BBIC, id: "x", measure: "rate_per_1000", source: "register"}, comparisonRows, units, {year: 2016});
    expect(sortList(filterList(ranked, {}), "rank", "ascending").map((r) => r.code)).toEqual(["0114", "0115", "1440", "1480"]);
    // Ties stay in Swedish order by name both ways.
    const tied = rows.map((r) => ({...r, value: r.value === null ? null : 100}));
    expect(sortList(filterList(tied, {}), "value", "descending").map((r) => r.name)).toEqual(["Göteborg", "Upplands Väsby", "Vallentuna", "Ale"]);
    expect(sortList(filterList(tied, {}), "lan", "descending").map((r) => r.name)).toEqual(["Ale", "Göteborg", "Upplands Väsby", "Vallentuna"]);
  });

  it("offers the län and kommungrupper present, in order", () => {
    expect(listChoices(rows)).toEqual({
      lan: [
        {code: "01", name: "Stockholms län"},
        {code: "14", name: "Västra Götalands län"}
      ],
      grupp: [
        {code: "A1", name: "A1 Storstäder"},
        {code: "A2", name: "A2 Pendlingskommun nära storstad"}
      ]
    });
  });

  it("downloads the rows shown with the columns of every download", () => {
    const [first] = listExport(BBIC, sortList(filterList(rows, {lan: "14"}), "value", "descending"), 2016);
    expect(first).toEqual({
      indicator_id: "bbic_ordinarie_licens",
      indicator: "Ordinarie licens för BBIC",
      year: 2016,
      role: "Storstad",
      code: "1480",
      name: "Göteborg",
      value: 50,
      unit: "procent",
      status: "",
      numerator: 1,
      denominator: 2,
      method: "",
      rank: null,
      rank_n: null
    });
  });
});
