import {describe, expect, it} from "vitest";
import {breaks, groupOf, hasValue, segmentSeries} from "../../../../src/lib/compare/series.js";

const comparability = [
  {indicator_id: "x", group_id: "2010–2015", first_year: 2010, last_year: 2015, note: null},
  {indicator_id: "x", group_id: "2016–", first_year: 2016, last_year: 2016, note: "Ny enkät"}
];

describe("hasValue(point)", () => {
  it.each([
    [{value: 0, status: "ok"}, true],
    [{value: 12.5}, true],
    [{value: 0, status: null}, true],
    [{value: null, status: "missing"}, false],
    [{value: null, status: "suppressed"}, false],
    [{value: undefined}, false],
    [{value: 0, status: "no_answer"}, false],
    [{value: Number.NaN, status: "ok"}, false]
  ])("%j → %s", (point, expected) => {
    expect(hasValue(point)).toBe(expected);
  });
});

describe("groupOf and breaks", () => {
  it("finds the group of a year, or null outside every group", () => {
    expect(groupOf(comparability, "x", 2012)).toBe("2010–2015");
    expect(groupOf(comparability, "x", 2016)).toBe("2016–");
    expect(groupOf(comparability, "x", 2009)).toBeNull();
  });

  it("puts a break where each later group starts, with its note", () => {
    expect(breaks(comparability, "x")).toEqual([{year: 2016, note: "Ny enkät"}]);
  });
});

describe("segmentSeries(points, comparability, indicatorId)", () => {
  it("reads a row's own group_id before the comparability table", () => {
    const rows = [
      {year: 2015, value: 1, group_id: "a"},
      {year: 2016, value: 2, group_id: "a"}
    ];
    expect(segmentSeries(rows, comparability, "x").map((d) => d.segment)).toEqual([0, 0]);
  });

  it("treats rows without a status column by their value (report queries select none)", () => {
    const rows = [
      {year: 2010, value: 5},
      {year: 2011, value: null},
      {year: 2012, value: 7}
    ];
    expect(segmentSeries(rows).map((d) => d.segment)).toEqual([0, 0, 1]);
  });

  it("sorts by year first", () => {
    expect(segmentSeries([{year: 2012, value: 1}, {year: 2010, value: 1}, {year: 2011, value: 1}]).map((d) => d.year)).toEqual([2010, 2011, 2012]);
  });
});
