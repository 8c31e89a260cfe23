// Charts: column kinds, the default one click draws, and which specs can be
// drawn (the plans they become are chartPlan.test.ts).
import {describe, expect, it} from "vitest";
import {chartProblem, columnKind, defaultChart, isAreaCodeColumn, isYearName, measureRank, normalizeChart, typeClass, type ChartSpec} from "../../../../src/lib/notebook/chart.js";

type Spec = ChartSpec;

describe("column kinds", () => {
  it.each([
    ["INTEGER", "integer"],
    ["BIGINT", "integer"],
    ["HUGEINT", "integer"],
    ["DECIMAL(18,3)", "number"],
    ["DOUBLE", "number"],
    ["FLOAT", "number"],
    ["DATE", "time"],
    ["TIMESTAMP WITH TIME ZONE", "time"],
    ["VARCHAR", "text"],
    ["BOOLEAN", "text"],
    ["INTEGER[]", "text"]
  ])("%s is %s", (type, cls) => expect(typeClass(type)).toBe(cls));

  it("recognises years by name or by values", () => {
    expect(isYearName("year")).toBe(true);
    expect(isYearName("first_year")).toBe(true);
    expect(isYearName("år")).toBe(true);
    expect(isYearName("yearly_total")).toBe(false);
    expect(columnKind({name: "year", type: "INTEGER"})).toBe("year");
    expect(columnKind({name: "mätår", type: "INTEGER"}, [{mätår: 2015}, {mätår: 2016}])).toBe("year");
    expect(columnKind({name: "antal", type: "INTEGER"}, [{antal: 2015}, {antal: 12}])).toBe("number");
    expect(columnKind({name: "year", type: "DOUBLE"})).toBe("number");
    expect(columnKind({name: "län", type: "VARCHAR"})).toBe("category");
  });
});

describe("defaultChart", () => {
  const years = [2014, 2015, 2016];

  it("draws a year and a number as a line", () => {
    const rows = years.map((year, i) => ({year, procent: 40 + i}));
    expect(defaultChart([{name: "year", type: "INTEGER"}, {name: "procent", type: "DOUBLE"}], rows)).toEqual({
      type: "line", x: "year", y: "procent", color: null, xKind: "year", yKind: "number", colorKind: null
    });
  });

  it("colours several series by a category with few values", () => {
    const rows = years.flatMap((year) => ["A1", "B2", "C3"].map((grupp, i) => ({year, grupp, område: `${grupp}-${year}`, procent: i})));
    const columns = [{name: "year", type: "INTEGER"}, {name: "område", type: "VARCHAR"}, {name: "grupp", type: "VARCHAR"}, {name: "procent", type: "DOUBLE"}];
    expect(defaultChart(columns, rows)).toMatchObject({type: "line", x: "year", y: "procent", color: "grupp", colorKind: "category"});
  });

  it("uses dots, not a zigzag line, when a year repeats with no colour to split it", () => {
    const rows = years.flatMap((year) => Array.from({length: 30}, (_, i) => ({year, kommun: `k${i}`, värde: i})));
    expect(defaultChart([{name: "year", type: "INTEGER"}, {name: "kommun", type: "VARCHAR"}, {name: "värde", type: "DOUBLE"}], rows)).toMatchObject({type: "dot", x: "year", y: "värde", color: null});
  });

  it("draws categories and a number as horizontal bars", () => {
    const rows = [{län: "Stockholms län", procent: 23}, {län: "Uppsala län", procent: 75}];
    expect(defaultChart([{name: "län", type: "VARCHAR"}, {name: "procent", type: "DOUBLE"}], rows)).toEqual({
      type: "bar", x: "procent", y: "län", color: null, xKind: "number", yKind: "category", colorKind: null
    });
  });

  it("draws two numbers as dots, and nothing without a number", () => {
    expect(defaultChart([{name: "a", type: "DOUBLE"}, {name: "b", type: "BIGINT"}], [{a: 1, b: 2}])).toMatchObject({type: "dot", x: "a", y: "b"});
    expect(defaultChart([{name: "namn", type: "VARCHAR"}], [{namn: "x"}])).toBeNull();
  });

  it("draws a share rather than the count it was computed from", () => {
    const rows = [{län: "A", ja: 3, procent: 60.5, svarande: 5}, {län: "B", ja: 1, procent: 20, svarande: 5}];
    const columns = [{name: "län", type: "VARCHAR"}, {name: "ja", type: "DOUBLE"}, {name: "procent", type: "DOUBLE"}, {name: "svarande", type: "DOUBLE"}];
    expect(defaultChart(columns, rows)).toMatchObject({type: "bar", x: "procent", y: "län"});
    expect([measureRank("andel"), measureRank("värde"), measureRank("antal"), measureRank("x")]).toEqual([0, 0, 2, 1]);
  });
});

describe("area codes", () => {
  it("recognises kommun, län and stadsdel codes as text, not numbers or names", () => {
    expect(isAreaCodeColumn({name: "area_code", type: "VARCHAR"}, [{area_code: "0180"}, {area_code: "0180-01"}, {area_code: "01"}])).toBe(true);
    expect(isAreaCodeColumn({name: "kod", type: "VARCHAR"}, [{kod: "1480"}])).toBe(true);
    expect(isAreaCodeColumn({name: "kod", type: "INTEGER"}, [{kod: 180}])).toBe(false);
    expect(isAreaCodeColumn({name: "namn", type: "VARCHAR"}, [{namn: "Stockholm"}])).toBe(false);
  });
});

describe("normalizeChart and chartProblem", () => {
  it("accepts a valid spec and names what is wrong otherwise", () => {
    const spec = {type: "bar", x: "v", y: "k", color: null, xKind: "number", yKind: "category"};
    expect(normalizeChart(spec)).toEqual({...spec, colorKind: null});
    expect(() => normalizeChart({...spec, x: ""})).toThrow("kolumnen för x saknas");
    expect(() => normalizeChart({...spec, color: "k"})).toThrow("colorKind");
    expect(() => normalizeChart([])).toThrow("inte ett objekt");
  });

  it("explains specs that cannot be drawn from a result", () => {
    const columns = [{name: "v", type: "DOUBLE"}, {name: "k", type: "VARCHAR"}];
    const bar: Spec = {type: "bar", x: "k", y: "k", color: null, xKind: "category", yKind: "category", colorKind: null};
    expect(chartProblem(bar, columns)).toContain("numerisk kolumn");
    expect(chartProblem({...bar, x: "saknas"}, columns)).toContain("ingen kolumn saknas");
    expect(chartProblem({...bar, x: "v", xKind: "number"}, columns)).toBeNull();
    expect(chartProblem({...bar, type: "stacked", x: "v", xKind: "number"}, columns)).toContain("välj en kolumn för färg");
    expect(chartProblem({...bar, type: "map", x: "v", y: "v", xKind: "number", yKind: "number"}, columns)).toContain("kommunkoder");
    expect(chartProblem({...bar, type: "map", x: "k", y: "v", yKind: "number"}, columns)).toBeNull();
  });

  it("keeps typed titles and labels, refuses what is not text", () => {
    const spec = {type: "line", x: "year", y: "v", color: null, xKind: "year", yKind: "number", facet: "grupp", title: "BBIC <b>", xLabel: "År", yLabel: null};
    expect(normalizeChart(spec)).toEqual({type: "line", x: "year", y: "v", color: null, xKind: "year", yKind: "number", colorKind: null, facet: "grupp", title: "BBIC <b>", xLabel: "År"});
    expect(() => normalizeChart({...spec, title: {toString: "x"}})).toThrow("title är inte text");
    expect(() => normalizeChart({...spec, xLabel: "x".repeat(201)})).toThrow("längre än 200");
    expect(() => normalizeChart({...spec, type: "pie"})).toThrow("okänd diagramtyp");
  });
});
