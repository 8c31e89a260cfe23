import {describe, expect, it} from "vitest";
import {valueScale} from "../../../../src/lib/charts/scale.js";

const T = "\u202f";

describe("valueScale(measure, values, {count})", () => {
  it.each([
    ["share_yes", [3, 4], 5, [0, 100], ["0", "20", "40", "60", "80", "100"], "procent"],
    ["share_yes", [50], 2, [0, 100], ["0", "50", "100"], "procent"],
    // Barn 0–17 år in riket: a round top tick above the highest value, every digit printed.
    ["count", [2163595, 2280260], 5, [0, 2500000], ["0", `500${T}000`, `1${T}000${T}000`, `1${T}500${T}000`, `2${T}000${T}000`, `2${T}500${T}000`], "antal"],
    ["rate_per_1000", [5.2, 8.8], 5, [0, 10], ["0", "2", "4", "6", "8", "10"], "per 1 000"],
    ["rate_per_1000", [0.2, 0.9], 4, [0, 1], ["0,0", "0,2", "0,4", "0,6", "0,8", "1,0"], "per 1 000"],
    // A count is never split: its ticks are whole numbers even when it is small.
    ["count", [0, 3], 5, [0, 3], ["0", "1", "2", "3"], "antal"],
    ["count", [], 5, [0, 1], ["0", "1"], "antal"]
  ] as const)("%s %j (about %i ticks) → domain %j, labels %j, axis %j", (measure, values, count, domain, labels, label) => {
    const scale = valueScale(measure, values, {count});
    expect(scale.domain).toEqual(domain);
    expect(scale.labels).toEqual(labels);
    expect(scale.label).toBe(label);
    expect(scale.ticks.map(scale.tickFormat)).toEqual(labels);
  });

  it("starts below zero when a value is negative", () => {
    expect(valueScale("rate_per_1000", [-2.5, 4]).domain).toEqual([-3, 4]);
  });

  it("ignores missing values", () => {
    expect(valueScale("count", [null, undefined, 12, Number.NaN]).domain).toEqual([0, 12]);
  });
});
