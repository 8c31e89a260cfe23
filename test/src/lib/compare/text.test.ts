// Search, labels, status texts, URL state and series segments of the comparison tool.
import {describe, expect, it} from "vitest";
import {breaks, segmentSeries} from "../../../../src/lib/compare/series.js";
import {pickYear, readState, stateSearch} from "../../../../src/lib/compare/state.js";
import {filterUnits, normalizeName, searchUnits, slug, statusText, themesOf, unitKindText, unitLabel} from "../../../../src/lib/compare/text.js";

const units = [
  {code: "1480", name: "Göteborg", kind: "storstad", kommun_name: "Göteborg", lan_name: "Västra Götalands län", stadsdelar: 10},
  {code: "1480-01", name: "Angered", kind: "stadsdel", kommun_name: "Göteborg", lan_name: "Västra Götalands län"},
  {code: "1480-02", name: "Östra Göteborg", kind: "stadsdel", kommun_name: "Göteborg", lan_name: "Västra Götalands län"},
  {code: "0180-02", name: "Spånga-Tensta", kind: "stadsdel", kommun_name: "Stockholm", lan_name: "Stockholms län"},
  {code: "1860", name: "Laxå", kind: "kommun", kommun_name: "Laxå", lan_name: "Örebro län"},
  {code: "1880", name: "Örebro", kind: "kommun", kommun_name: "Örebro", lan_name: "Örebro län"},
  {code: "1290", name: "Kristianstad", kind: "kommun", kommun_name: "Kristianstad", lan_name: "Skåne län"},
  {code: "0117", name: "Österåker", kind: "kommun", kommun_name: "Österåker", lan_name: "Stockholms län"},
  {code: "0160", name: "Täby", kind: "kommun", kommun_name: "Täby", lan_name: "Stockholms län"},
  {code: "1490", name: "Borås", kind: "kommun", kommun_name: "Borås", lan_name: "Västra Götalands län"},
  {code: "0162", name: "Danderyd", kind: "kommun", kommun_name: "Danderyd", lan_name: "Stockholms län"},
  {code: "1980", name: "Västerås", kind: "kommun", kommun_name: "Västerås", lan_name: "Västmanlands län"},
  {code: "1280", name: "Malmö", kind: "storstad", kommun_name: "Malmö", lan_name: "Skåne län", stadsdelar: 5},
  {code: "0114", name: "Upplands Väsby", kind: "kommun", kommun_name: "Upplands Väsby", lan_name: "Stockholms län"}
];

describe("accent-insensitive search", () => {
  it("ignores accents, case, hyphens and spacing", () => {
    expect(normalizeName("Göteborg")).toBe("goteborg");
    expect(normalizeName("  Spånga-Tensta ")).toBe("spanga tensta");
    expect(normalizeName("ÅÄÖ åäö é")).toBe("aao aao e");
  });

  it("finds Göteborg from 'goteborg' first, then its stadsdelar", () => {
    expect(searchUnits(units, "goteborg").map((u) => u.code)).toEqual(["1480", "1480-02", "1480-01"]);
  });

  it("finds the stadsdel Angered from 'angered' and Spånga-Tensta from 'spanga tensta' or 'tensta'", () => {
    expect(searchUnits(units, "angered").map((u) => u.code)).toEqual(["1480-01"]);
    expect(searchUnits(units, "spanga tensta").map((u) => u.code)).toEqual(["0180-02"]);
    expect(searchUnits(units, "Tensta").map((u) => u.code)).toEqual(["0180-02"]);
  });

  it("ranks name prefixes before word prefixes before substrings before a stadsdel's city, each in Swedish order", () => {
    // "got": Göteborg starts with it, a word of Östra Göteborg does, Angered is a stadsdel of Göteborg.
    expect(searchUnits(units, "got").map((u) => u.name)).toEqual(["Göteborg", "Östra Göteborg", "Angered"]);
    // "er" only inside names: Swedish order puts Ö after V.
    expect(searchUnits(units, "er").map((u) => u.name)).toEqual(["Angered", "Danderyd", "Västerås", "Österåker"]);
    // "ö" is "o": Örebro starts with "or", Borås, Göteborg and Östra Göteborg contain it.
    expect(searchUnits(units, "ör").map((u) => u.name)).toEqual(["Örebro", "Borås", "Göteborg", "Östra Göteborg"]);
  });

  it("finds a unit by its code and limits the list", () => {
    expect(searchUnits(units, "1860").map((u) => u.name)).toEqual(["Laxå"]);
    expect(searchUnits(units, "a", {limit: 3})).toHaveLength(3);
    expect(searchUnits(units, "   ")).toEqual([]);
  });

  it("filters the index by name, city or län and sorts the Swedish way (Å, Ä, Ö after Z)", () => {
    expect(filterUnits(units, "").map((u) => u.name)).toEqual([
      "Angered",
      "Borås",
      "Danderyd",
      "Göteborg",
      "Kristianstad",
      "Laxå",
      "Malmö",
      "Spånga-Tensta",
      "Täby",
      "Upplands Väsby",
      "Västerås",
      "Örebro",
      "Österåker",
      "Östra Göteborg"
    ]);
    expect(filterUnits(units, "orebro lan").map((u) => u.name)).toEqual(["Laxå", "Örebro"]);
    // A stadsdel matches on its city's name; Swedish order by name.
    expect(filterUnits(units, "GÖTEBORG").map((u) => u.name)).toEqual(["Angered", "Göteborg", "Östra Göteborg"]);
  });
});

describe("labels and status texts", () => {
  it("names units so a stadsdel is never mistaken for a kommun", () => {
    expect(unitLabel(units[1]!)).toBe("Angered (Göteborg)");
    expect(unitLabel(units[0]!)).toBe("Göteborg");
    expect(unitKindText(units[0]!)).toBe("storstad med 10 stadsdelar");
    expect(unitKindText(units[1]!)).toBe("stadsdel i Göteborg");
    expect(unitKindText(units[4]!)).toBe("kommun");
  });

  it("says why a value is missing, with the year for the survey", () => {
    expect(statusText("no_answer", {year: 2012})).toBe("besvarade inte enkäten 2012");
    expect(statusText("no_answer", {year: 2012, kind: "storstad"})).toBe("ingen stadsdel besvarade enkäten 2012");
    expect(statusText("suppressed", {year: 2016})).toBe("skyddad av sekretess");
    expect(statusText("missing", {year: 2016})).toBe("uppgift saknas");
    expect(statusText(null, {year: 2013, measured: false})).toBe("mättes inte 2013");
    expect(statusText(null, {year: 2016, kind: "stadsdel"})).toBe("redovisas inte för stadsdelar");
    expect(statusText("ok", {year: 2016})).toBe("");
  });

  it("makes URL slugs and lists themes once, Swedish order", () => {
    expect(slug("Barn och insatser (register)")).toBe("barn-och-insatser-register");
    expect(slug("Uppföljning")).toBe("uppfoljning");
    expect(themesOf([{theme: "Uppföljning"}, {theme: "BBIC"}, {theme: "Uppföljning"}, {theme: "Brukarinflytande"}])).toEqual([
      {name: "BBIC", slug: "bbic"},
      {name: "Brukarinflytande", slug: "brukarinflytande"},
      {name: "Uppföljning", slug: "uppfoljning"}
    ]);
  });
});

describe("state in the URL", () => {
  const known = {units: ["0180", "1480", "1480-01", "0114", "0115", "0117", "0120"], themes: ["bbic", "kompetens"]};

  it("reads a full state and writes it back the same", () => {
    const search = "?enhet=1480&med=0114,1480-01&tema=kompetens&ar=2013&karta=samlad_kompetensplan";
    const state = readState(search, known);
    expect(state).toEqual({unit: "1480", others: ["0114", "1480-01"], theme: "kompetens", year: 2013, mapIndicator: "samlad_kompetensplan"});
    expect(stateSearch(state)).toBe(search);
  });

  it("drops unknown units, duplicates, the main unit among the others, and more than four others", () => {
    const state = readState("?enhet=0180&med=9999,0180,0114,0114,0115,0117,0120,1480", known);
    expect(state.others).toEqual(["0114", "0115", "0117", "0120"]);
  });

  it("falls back to the defaults for a missing or malformed state", () => {
    expect(readState("?enhet=<script>&tema=nope&ar=20x6&karta=a%27b", {...known, defaults: {unit: "0180", theme: "bbic"}})).toEqual({
      unit: "0180",
      others: [],
      theme: "bbic",
      year: null,
      mapIndicator: null
    });
  });

  it("keeps a year only when the theme has it, else the newest", () => {
    expect(pickYear([2010, 2013, 2016], 2013)).toBe(2013);
    expect(pickYear([2010, 2013, 2016], 2011)).toBe(2016);
    expect(pickYear([], 2011)).toBe(null);
  });
});

describe("series never cross a comparability break or a missing year", () => {
  const comparability = [
    {indicator_id: "x", group_id: "2010–2015", first_year: 2010, last_year: 2015},
    {indicator_id: "x", group_id: "2016–", first_year: 2016, last_year: 2016}
  ];
  const point = (year: number, value: number | null, status = value === null ? "no_answer" : "ok") => ({year, value, status});

  it("starts a new segment at a break and after a year without a value", () => {
    const series = segmentSeries([point(2010, 100), point(2011, 0), point(2012, null), point(2013, 100), point(2014, 100), point(2015, 0), point(2016, 100)], comparability, "x");
    expect(series.map((d) => [d.year, d.group_id, d.segment])).toEqual([
      [2010, "2010–2015", 0],
      [2011, "2010–2015", 0],
      [2012, "2010–2015", 0],
      [2013, "2010–2015", 1],
      [2014, "2010–2015", 1],
      [2015, "2010–2015", 1],
      [2016, "2016–", 2]
    ]);
    // Lines are drawn per segment through points with a value: 2011 and 2013 are never joined.
    const joined = (a: number, b: number) => {
      const [p, q] = [series.find((d) => d.year === a)!, series.find((d) => d.year === b)!];
      return p.segment === q.segment && p.status === "ok" && q.status === "ok";
    };
    expect(joined(2010, 2011)).toBe(true);
    expect(joined(2011, 2013)).toBe(false);
    expect(joined(2015, 2016)).toBe(false);
  });

  it("starts a new segment when a year is absent from the series", () => {
    expect(segmentSeries([point(2010, 5), point(2012, 6)], comparability, "x").map((d) => d.segment)).toEqual([0, 1]);
  });

  it("lists the break years after the first group", () => {
    expect(breaks([...comparability, {indicator_id: "y", group_id: "a", first_year: 2010, last_year: 2016}], "x")).toEqual([{year: 2016, note: null}]);
    expect(breaks(comparability, "y")).toEqual([]);
  });
});
