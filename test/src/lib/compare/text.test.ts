// Search, labels, status texts, URL state and series segments of the comparison tool.
import {describe, expect, it} from "vitest";
import {breaks, segmentSeries} from "../../../../src/lib/compare/series.js";
import {mapProblem, pickYear, readState, stateSearch, yearProblem} from "../../../../src/lib/compare/state.js";
import {
  filterUnits,
  normalizeName,
  organisationOf,
  publishers,
  searchUnits,
  similarUnits,
  slug,
  statusText,
  themesOf,
  typoDistance,
  unitKindText,
  unitLabel
} from "../../../../src/lib/compare/text.js";

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
  {code: "0114", name: "Upplands Väsby", kind: "kommun", kommun_name: "Upplands Väsby", lan_name: "Stockholms län"},
  {code: "0180", name: "Stockholm", kind: "storstad", kommun_name: "Stockholm", lan_name: "Stockholms län", stadsdelar: 14}
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
      "Stockholm",
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

describe("finding a unit by its code or despite a typing mistake", () => {
  it("a code finds its unit, the start of a code its units, in code order (/kommun/ search: '1480')", () => {
    expect(filterUnits(units, "1480").map((u) => u.code)).toEqual(["1480", "1480-01", "1480-02"]);
    expect(filterUnits(units, " 1860 ").map((u) => u.name)).toEqual(["Laxå"]);
    expect(filterUnits(units, "1480-0").map((u) => u.code)).toEqual(["1480-01", "1480-02"]);
    expect(searchUnits(units, "1480").map((u) => u.code)).toEqual(["1480", "1480-01", "1480-02"]);
    expect(filterUnits(units, "9999")).toEqual([]);
  });

  it("counts a dropped, added, changed or swapped letter as one mistake", () => {
    expect(typoDistance("stokholm", "stockholm")).toBe(1);
    expect(typoDistance("gotebrog", "goteborg")).toBe(1);
    expect(typoDistance("malmo", "malmo")).toBe(0);
    expect(typoDistance("stockholm", "goteborg")).toBe(3);
  });

  it("offers the names within a mistake or two when nothing matches ('stokholm' → Stockholm), never for a short text", () => {
    expect(filterUnits(units, "stokholm")).toEqual([]);
    expect(similarUnits(units, "stokholm").map((u) => u.name)).toEqual(["Stockholm"]);
    expect(similarUnits(units, "gotebrog").map((u) => u.name)).toEqual(["Göteborg", "Östra Göteborg"]);
    expect(similarUnits(units, "Kristiansand").map((u) => u.name)).toEqual(["Kristianstad"]);
    expect(similarUnits(units, "tby")).toEqual([]);
    // The unit picker of /jamfor falls back to the same.
    expect(searchUnits(units, "stokholm").map((u) => u.name)).toEqual(["Stockholm"]);
  });
});

describe("SKL or SKR", () => {
  it("names the organisation as it was called that year", () => {
    expect(organisationOf(2013).short).toBe("SKL");
    expect(organisationOf(2018).name).toBe("Sveriges Kommuner och Landsting");
    expect(organisationOf(2019).short).toBe("SKR");
    expect(publishers([2010, 2016])).toBe("Socialstyrelsen och SKL");
    expect(publishers([2020])).toBe("Socialstyrelsen och SKR");
    expect(publishers([2016, 2020])).toBe("Socialstyrelsen och SKL (från 2019 SKR)");
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
    expect(state).toEqual({unit: "1480", others: ["0114", "1480-01"], theme: "kompetens", year: 2013, mapIndicator: "samlad_kompetensplan", problems: []});
    expect(stateSearch(state)).toBe(search);
  });

  it("drops unknown units, duplicates, the main unit among the others, and more than four others, and says which", () => {
    const state = readState("?enhet=0180&med=9999,0180,0114,0114,0115,0117,0120,1480", {...known, names: {unit: (c) => ({"0180": "Stockholm", "1480": "Göteborg"})[c]}});
    expect(state.others).toEqual(["0114", "0115", "0117", "0120"]);
    expect(state.problems.map((p) => p.text)).toEqual([
      "Det finns ingen kommun eller stadsdel med koden ”9999”; den är utelämnad.",
      "Högst fyra enheter kan jämföras med Stockholm: Göteborg är utelämnad."
    ]);
  });

  it("falls back to the defaults for a missing or malformed state, and says what was wrong instead of silently showing Stockholm", () => {
    const names = {unit: (c: string) => ({"0180": "Stockholm"})[c], theme: (t: string) => ({bbic: "BBIC"})[t]};
    const state = readState("?enhet=9999&tema=nope&ar=20x6&karta=a%27b", {...known, defaults: {unit: "0180", theme: "bbic"}, names});
    expect(state).toMatchObject({unit: "0180", others: [], theme: "bbic", year: null, mapIndicator: null});
    expect(state.problems).toEqual([
      {param: "enhet", value: "9999", text: "Det finns ingen kommun eller stadsdel med koden ”9999”. Sidan visar Stockholm i stället."},
      {param: "tema", value: "nope", text: "Det finns inget tema ”nope”. Sidan visar temat BBIC i stället."},
      {param: "ar", value: "20x6", text: "”20x6” är inte ett årtal. Sidan visar det senaste året."},
      {param: "karta", value: "a'b", text: "”a'b” är inte en indikator. Kartan visar temats första indikator."}
    ]);
    expect(readState("", known).problems).toEqual([]);
  });

  it("says when the theme has no values for the year asked for, or no such indicator for the map", () => {
    expect(yearProblem(2030, [2010, 2016], {theme: "BBIC", shown: 2016})?.text).toBe("Temat BBIC har inga värden för 2030. Sidan visar 2016 i stället.");
    expect(yearProblem(2016, [2010, 2016], {theme: "BBIC", shown: 2016})).toBeNull();
    expect(yearProblem(null, [2016], {theme: "BBIC", shown: 2016})).toBeNull();
    expect(mapProblem("x", [{id: "bbic_ordinarie_licens"}], {theme: "BBIC", shown: "Ordinarie BBIC-licens"})?.text).toBe(
      "Temat BBIC har ingen indikator ”x”. Kartan visar Ordinarie BBIC-licens i stället."
    );
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
