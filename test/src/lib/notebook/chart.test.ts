// Charts: the default one click draws, and the Plot code the notebook runs and exports.
import {describe, expect, it} from "vitest";
import {chartProblem, columnKind, compilePlot, defaultChart, isYearName, normalizeChart, plotExpression, typeClass} from "../../../../src/lib/notebook/chart.js";

type Spec = Parameters<typeof plotExpression>[0];

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
  });
});

/** A stand-in for Plot that records marks, so compiled chart code can run in node. */
const recordingPlot = {
  plot: (options: Record<string, unknown>) => options,
  ...Object.fromEntries(["barX", "barY", "lineY", "dot", "ruleX", "ruleY"].map((mark) => [mark, (data: unknown, options?: Record<string, unknown>) => ({mark, data, options})]))
};
const formatNumber = (value: number, options: {decimals: number; trim: boolean}) => `${value}|${options.decimals}|${options.trim}`;

describe("plotExpression and compilePlot", () => {
  const rows = [
    {year: 2014, procent: 40.5, grupp: "A"},
    {year: 2016, procent: 42, grupp: "A"},
    {year: 2015, procent: 41, grupp: "B"}
  ];

  it("compiles the code it exports and runs it on the rows", () => {
    const spec: Spec = {type: "line", x: "year", y: "procent", color: "grupp", xKind: "year", yKind: "number", colorKind: "category"};
    const options = compilePlot(spec)(recordingPlot, formatNumber, rows, 700) as Record<string, any>;
    expect(options.width).toBe(700);
    expect(options.marks.map((m: {mark: string}) => m.mark)).toEqual(["ruleY", "lineY", "dot"]);
    expect(options.marks[1].options).toMatchObject({x: "year", y: "procent", stroke: "grupp", sort: {channel: "x"}});
    expect(options.color).toEqual({legend: true, type: "ordinal"});
    // Year ticks at the data's years, formatted without a thousands separator.
    expect(options.x.ticks).toEqual([2014, 2015, 2016]);
    expect(options.x.tickFormat(2016)).toBe("2016");
    expect(options.y.tickFormat(1234.5)).toBe("1234.5|2|true");
    expect(options.marks[2].options.tip.format.y(41)).toBe("41|2|true");
  });

  it("thins year ticks beyond 20 years to every fifth", () => {
    const many = Array.from({length: 30}, (_, i) => ({year: 1990 + i, v: i}));
    const spec: Spec = {type: "line", x: "year", y: "v", color: null, xKind: "year", yKind: "number", colorKind: null};
    const options = compilePlot(spec)(recordingPlot, formatNumber, many, 600) as Record<string, any>;
    expect(options.x.ticks).toEqual([1990, 1995, 2000, 2005, 2010, 2015]);
    expect(options.marks[1].options.stroke).toBe("var(--theme-foreground-focus)");
  });

  it("lays out horizontal bars for long category names, largest first", () => {
    const data = [{län: "Västra Götalands län", procent: 10}, {län: "Uppsala län", procent: 75}];
    const spec: Spec = {type: "bar", x: "procent", y: "län", color: null, xKind: "number", yKind: "category", colorKind: null};
    const options = compilePlot(spec)(recordingPlot, formatNumber, data, 640) as Record<string, any>;
    expect(options.marks[0]).toMatchObject({mark: "barX", options: {x: "procent", y: "län", sort: {y: "-x"}}});
    expect(options.marginLeft).toBe(12 + 7 * "Västra Götalands län".length);
    expect(options.height).toBe(160); // two bars: the minimum height
    const tall = compilePlot(spec)(recordingPlot, formatNumber, Array.from({length: 21}, (_, i) => ({län: `län ${i}`, procent: i})), 640) as Record<string, any>;
    expect(tall.height).toBe(22 * 21 + 60);
    expect(options.y.label).toBeNull();
  });

  it("draws vertical bars over years without sorting them", () => {
    const spec: Spec = {type: "bar", x: "year", y: "procent", color: null, xKind: "year", yKind: "number", colorKind: null};
    const options = compilePlot(spec)(recordingPlot, formatNumber, rows, 640) as Record<string, any>;
    expect(options.marks[0].mark).toBe("barY");
    expect(options.marks[0].options.sort).toBeUndefined();
    expect(options.x.ticks).toBeUndefined();
  });

  it("is not fooled by column names that look like code", () => {
    const spec: Spec = {type: "dot", x: '"); alert(1); ("', y: "v", color: null, xKind: "number", yKind: "number", colorKind: null};
    const options = compilePlot(spec)(recordingPlot, formatNumber, [{v: 1}], 640) as Record<string, any>;
    expect(options.marks[0].options.x).toBe('"); alert(1); ("');
  });
});
