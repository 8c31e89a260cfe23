import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {chiSquareQuantile, gammaQuantile, logGamma, normalQuantile, regularizedGammaP} from "../../../loaders/disclosure/distributions.js";
import {FIXTURES} from "../../helpers/dataDir.js";

/** Reference values computed with mpmath at 40 digits (test/fixtures/disclosure/README.md). */
const REFERENCE = JSON.parse(readFileSync(join(FIXTURES, "disclosure", "intervals.json"), "utf8")) as {
  normal_quantile_0975: number;
  gamma_quantile: {p: number; shape: number; x: number}[];
};

const close = (got: number, want: number, relative = 1e-10) => expect(Math.abs(got - want), `${got} vs ${want}`).toBeLessThanOrEqual(relative * Math.max(1e-300, Math.abs(want)));

describe("logGamma", () => {
  it("gives ln((n − 1)!) for whole numbers and ln √π at ½", () => {
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-14);
    close(logGamma(5), Math.log(24));
    close(logGamma(11), Math.log(3628800));
    close(logGamma(0.5), 0.5 * Math.log(Math.PI));
    close(logGamma(171), 706.5730622457874);
  });
  it("refuses arguments ≤ 0", () => expect(() => logGamma(0)).toThrow(RangeError));
});

describe("regularizedGammaP", () => {
  it("is 1 − e^−x for shape 1 and erf(√x) for shape ½, on both sides of x = a + 1", () => {
    for (const x of [0.001, 0.5, 1.9, 2.1, 10, 40]) close(regularizedGammaP(1, x), 1 - Math.exp(-x), 1e-12);
    close(regularizedGammaP(0.5, 1.92072941034706), 0.95, 1e-12);
    expect(regularizedGammaP(3, 0)).toBe(0);
  });
});

describe("gammaQuantile", () => {
  it.each(REFERENCE.gamma_quantile)("p = $p, shape = $shape", ({p, shape, x}) => close(gammaQuantile(p, shape), x));
  it("inverts regularizedGammaP over a grid of shapes and probabilities", () => {
    for (const shape of [0.05, 0.5, 1, 2.5, 7, 30, 400, 5000]) {
      for (const p of [1e-8, 0.001, 0.025, 0.3, 0.5, 0.9, 0.975, 0.999999]) close(regularizedGammaP(shape, gammaQuantile(p, shape)), p, 1e-9);
    }
  });
  it("is 0 at p = 0 and infinite at p = 1, and refuses what is no probability", () => {
    expect(gammaQuantile(0, 3)).toBe(0);
    expect(gammaQuantile(1, 3)).toBe(Infinity);
    expect(() => gammaQuantile(1.2, 3)).toThrow(RangeError);
    expect(() => gammaQuantile(0.5, 0)).toThrow(RangeError);
  });
});

describe("chiSquareQuantile and normalQuantile", () => {
  it("qchisq(0.95, 1) = 3.841459 and qchisq(0.975, 10) = 20.48318 (R)", () => {
    close(chiSquareQuantile(0.95, 1), 3.841458820694124, 1e-12);
    close(chiSquareQuantile(0.975, 10), 20.48317735080739, 1e-12);
  });
  it("qnorm(0.975) to 15 digits, symmetric, 0 at ½", () => {
    close(normalQuantile(0.975), REFERENCE.normal_quantile_0975, 1e-14);
    close(normalQuantile(0.025), -REFERENCE.normal_quantile_0975, 1e-14);
    close(normalQuantile(0.8413447460685429), 1, 1e-12);
    expect(normalQuantile(0.5)).toBe(0);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});
