// Chart plans: Plot options as data. Marks by name, columns as field names,
// formats by name; nothing in a spec becomes code.
import {describe, expect, it} from "vitest";
import type {ChartSpec} from "../../../../src/lib/notebook/chart.js";
import {ACCENT, chartPlan, MARK_NAMES, yearTicks} from "../../../../src/lib/notebook/chartPlan.js";

const rows = [
  {year: 2014, procent: 40.5, grupp: "A"},
  {year: 2016, procent: 42, grupp: "A"},
  {year: 2015, procent: 41, grupp: "B"}
];
const marks = (plan: ReturnType<typeof chartPlan>) => plan.marks.map((m) => m.mark);

describe("chartPlan", () => {
  it("draws a line over years with a colour per group, ticks at the data's years", () => {
    const spec: ChartSpec = {type: "line", x: "year", y: "procent", color: "grupp", xKind: "year", yKind: "number", colorKind: "category"};
    const plan = chartPlan(spec, rows, {width: 700});
    expect(plan.options.width).toBe(700);
    expect(marks(plan)).toEqual(["ruleY", "lineY", "dot"]);
    expect(plan.marks[1]!.options).toMatchObject({x: "year", y: "procent", stroke: "grupp", sort: {channel: "x"}});
    expect(plan.options.color).toEqual({legend: true, type: "ordinal"});
    expect(plan.options.x).toMatchObject({label: "year", tickFormat: "year", ticks: [2014, 2015, 2016]});
    expect(plan.options.y).toMatchObject({tickFormat: "number", grid: true});
    expect(plan.marks[2]!.options.tip).toEqual({format: {x: "year", y: "number"}});
  });

  it("thins year ticks beyond 20 years to every fifth, and paints one series in the accent", () => {
    const many = Array.from({length: 30}, (_, i) => ({year: 1990 + i, v: i}));
    expect(yearTicks(many, "year")).toEqual([1990, 1995, 2000, 2005, 2010, 2015]);
    const plan = chartPlan({type: "line", x: "year", y: "v", color: null, xKind: "year", yKind: "number", colorKind: null}, many, {width: 600});
    expect(plan.marks[1]!.options.stroke).toBe(ACCENT);
  });

  it("lays out horizontal bars for long category names, largest first", () => {
    const data = [{län: "Västra Götalands län", procent: 10}, {län: "Uppsala län", procent: 75}];
    const spec: ChartSpec = {type: "bar", x: "procent", y: "län", color: null, xKind: "number", yKind: "category", colorKind: null};
    const plan = chartPlan(spec, data, {width: 640});
    expect(plan.marks[0]).toMatchObject({mark: "barX", data: "rows", options: {x: "procent", y: "län", sort: {y: "-x"}}});
    expect(plan.options.marginLeft).toBe(12 + 7 * "Västra Götalands län".length);
    expect(plan.options.height).toBe(160);
    expect(plan.options.y.label).toBeNull();
    expect(chartPlan(spec, Array.from({length: 21}, (_, i) => ({län: `län ${i}`, procent: i})), {width: 640}).options.height).toBe(22 * 21 + 60);
  });

  it("stacks bars by colour, groups them side by side, and facets into small multiples", () => {
    const base: ChartSpec = {type: "stacked", x: "year", y: "procent", color: "grupp", xKind: "year", yKind: "number", colorKind: "category"};
    const stacked = chartPlan(base, rows, {width: 640});
    expect(stacked.marks[0]).toMatchObject({mark: "barY", options: {x: "year", y: "procent", fill: "grupp"}});
    const grouped = chartPlan({...base, type: "grouped"}, rows, {width: 640});
    expect(grouped.marks[0]).toMatchObject({mark: "barY", options: {x: "grupp", fx: "year", fill: "grupp"}});
    expect(grouped.options.x).toEqual({axis: null});
    const faceted = chartPlan({...base, type: "line", facet: "grupp"}, rows, {width: 640});
    expect(faceted.marks.every((m) => m.mark === "ruleY" || m.options.fy === "grupp")).toBe(true);
    expect(faceted.options.fy).toEqual({label: "grupp"});
  });

  it("colours kommuner on a map by a value joined on their code", () => {
    const plan = chartPlan({type: "map", x: "kod", y: "procent", color: null, xKind: "category", yKind: "number", colorKind: null, yLabel: "Andel"}, [], {width: 500});
    expect(plan.map).toEqual({code: "kod", value: "procent"});
    expect(plan.marks.map((m) => [m.mark, m.data, m.options.fill])).toEqual([
      ["geo", "features", "var(--theme-foreground-faintest)"],
      ["geo", "features", "value"]
    ]);
    expect(plan.options.color).toMatchObject({legend: true, label: "Andel", tickFormat: "number"});
  });

  it("uses the analyst's title and axis labels", () => {
    const plan = chartPlan({type: "dot", x: "a", y: "b", color: null, xKind: "number", yKind: "number", colorKind: null, title: "Rubrik", xLabel: "A-axel", yLabel: "B-axel"}, [{a: 1, b: 2}], {width: 500});
    expect([plan.options.title, plan.options.x.label, plan.options.y.label]).toEqual(["Rubrik", "A-axel", "B-axel"]);
  });

  it("keeps a column name that looks like code as a field name, and only known marks and formats", () => {
    const evil = 'a,b:(fetch("//x"))},//';
    const plan = chartPlan({type: "dot", x: evil, y: "v", color: evil, xKind: "number", yKind: "number", colorKind: "category"}, [{v: 1}], {width: 640});
    expect(plan.marks[0]!.options).toMatchObject({x: evil, stroke: evil});
    expect(plan.options.x.label).toBe(evil);
    const json = JSON.stringify(plan);
    expect(JSON.parse(json)).toEqual(plan); // data only: no functions survive, none were there
    for (const m of plan.marks) expect(MARK_NAMES).toContain(m.mark);
  });
});
