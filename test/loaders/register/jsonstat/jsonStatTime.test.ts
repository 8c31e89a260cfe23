// Periods in JSON-stat time dimensions, and the declared rule for a year's value.
import {describe, expect, it} from "vitest";
import {parsePeriod, planTime} from "../../../../loaders/register/jsonstat/jsonStatTime.js";
import {collectWarnings} from "../../../../loaders/report/warnings.js";
import {loadError} from "../../../helpers/loadError.js";

describe("parsePeriod", () => {
  it.each([
    ["2016", 2016, 1, 1],
    ["2016M12", 2016, 12, 12],
    ["2016-03", 2016, 12, 3],
    ["2016K4", 2016, 4, 4],
    ["2016Q2", 2016, 4, 2],
    ["2016-Q1", 2016, 4, 1],
    ["2016H2", 2016, 2, 2]
  ])("%s", (code, year, frequency, index) => {
    expect(parsePeriod(code)).toEqual({code, year, frequency, index});
  });

  it.each(["2016M13", "16", "2016/17", "år 2016"])("%s is no period", (code) => {
    expect(parsePeriod(code)).toBeUndefined();
  });
});

describe("planTime", () => {
  const months = ["2015M11", "2015M12", "2016M01", "2016M02"];
  it("takes the declared month, and leaves out (and names) a year that lacks it", () => {
    const {warn, warnings} = collectWarnings();
    expect(planTime("f.json", "Tid", months, {period: "M12"}, warn)).toEqual({years: [2015, 2015, 2016, 2016], use: [false, true, false, false], mean: false});
    expect(warnings[0]!.message).toBe("each year's value is its M12, as declared; the other months are not read; left out 2016, which has no M12 (2016M01–2016M02)");
  });

  it("refuses years and months in one dimension", () => {
    expect(loadError(() => planTime("f.json", "Tid", ["2015", "2016M01"], "last", () => {})).message).toBe("f.json: dimension Tid mixes years and months: expected one kind of period");
  });
});
