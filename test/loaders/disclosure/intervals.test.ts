import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {intervalOf, poissonInterval, wilsonInterval} from "../../../loaders/disclosure/intervals.js";
import {FIXTURES} from "../../helpers/dataDir.js";

/** R's poisson.test(x)$conf.int and prop.test(x, n, correct = FALSE)$conf.int, computed from their formulas at 40 digits. */
const REFERENCE = JSON.parse(readFileSync(join(FIXTURES, "disclosure", "intervals.json"), "utf8")) as {
  poisson: {x: number; low: number; high: number}[];
  wilson: {x: number; n: number; low: number; high: number}[];
};

const close = (got: number, want: number) => expect(Math.abs(got - want), `${got} vs ${want}`).toBeLessThanOrEqual(1e-11 * Math.max(1, Math.abs(want)));

describe("exact Poisson (Garwood) interval of a count", () => {
  it.each(REFERENCE.poisson)("x = $x → [$low, $high]", ({x, low, high}) => {
    const got = poissonInterval(x);
    close(got.low, low);
    close(got.high, high);
  });
  it("matches the values quoted in the issue: 0 → [0, 3.689], 4 → [1.090, 10.242], 7 → [2.814, 14.423]", () => {
    const round = (x: number) => Number(x.toFixed(3));
    expect([0, 4, 7].map((x) => poissonInterval(x)).map((i) => [round(i.low), round(i.high)])).toEqual([
      [0, 3.689],
      [1.09, 10.242],
      [2.814, 14.423]
    ]);
  });
  it("refuses a count that is not a whole number ≥ 0", () => {
    expect(() => poissonInterval(2.5)).toThrow(RangeError);
    expect(() => poissonInterval(-1)).toThrow(RangeError);
  });
});

describe("Wilson score interval of a share", () => {
  it.each(REFERENCE.wilson)("$x of $n → [$low, $high]", ({x, n, low, high}) => {
    const got = wilsonInterval(x, n);
    close(got.low, low);
    close(got.high, high);
  });
  it("refuses x > n and n = 0", () => {
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(0, 0)).toThrow(RangeError);
  });
});

describe("intervalOf: a row's interval by its source's method, in the value's unit", () => {
  it("a count: the Poisson interval of the value", () => {
    expect(intervalOf({measure: "count", value: 7, numerator: 7, denominator: null}, "poisson")).toEqual(poissonInterval(7));
  });
  it("a rate per 1 000: the Poisson interval of the count divided by the population", () => {
    const got = intervalOf({measure: "rate_per_1000", value: 3.5, numerator: 7, denominator: 2000}, "poisson")!;
    close(got.low, (1000 * 2.81436305151987) / 2000);
    close(got.high, (1000 * 14.4226753617024) / 2000);
  });
  it("a share: the Wilson interval in percent", () => {
    const got = intervalOf({measure: "share_yes", value: 80, numerator: 12, denominator: 15}, "wilson")!;
    close(got.low, 54.8145512848306);
    close(got.high, 92.9524506530184);
  });
  it("nothing where the row lacks what the method needs or the method does not fit", () => {
    expect(intervalOf({measure: "rate_per_1000", value: 6.5, numerator: null, denominator: null}, "poisson")).toBeNull();
    expect(intervalOf({measure: "count", value: null, numerator: null, denominator: null}, "poisson")).toBeNull();
    expect(intervalOf({measure: "share_yes", value: 80, numerator: null, denominator: null}, "wilson")).toBeNull();
    expect(intervalOf({measure: "count", value: 12, numerator: 12, denominator: null}, "wilson")).toBeNull();
    expect(intervalOf({measure: "share_yes", value: 80, numerator: 12, denominator: 15}, "poisson")).toBeNull();
  });
});
