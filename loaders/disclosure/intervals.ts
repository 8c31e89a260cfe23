/**
 * 95 % intervals stored beside each value (observations.ci_low, ci_high).
 *
 * - Counts: exact Poisson (Garwood) limits, qchisq(α/2, 2x)/2 and
 *   qchisq(1 − α/2, 2x + 2)/2, as R's poisson.test. A register count is a
 *   complete count, not a sample: the interval takes the superpopulation view
 *   (the number of children in a year is one outcome of a process that varies
 *   by chance) and says how far apart two such counts must be before the
 *   difference is more than chance.
 * - Rates per 1 000: the count's interval divided by the population (the
 *   population is taken as exact).
 * - Shares with numerator and denominator: Wilson score, as R's
 *   prop.test(x, n, correct = FALSE); only where a source declares it (the
 *   survey is a census of the units and declares none, see data/sources.json).
 */
import {MEASURES, type Measure} from "../schema/vocabulary.js";
import {gammaQuantile, normalQuantile} from "./distributions.js";

export const LEVEL = 0.95;

export type IntervalMethod = "poisson" | "wilson";
export const INTERVAL_METHODS: readonly IntervalMethod[] = ["poisson", "wilson"];

export interface Interval {
  low: number;
  high: number;
}

/** Exact Poisson interval for an observed count x (a whole number ≥ 0). */
export function poissonInterval(x: number, level = LEVEL): Interval {
  if (!Number.isInteger(x) || x < 0) throw new RangeError(`poissonInterval: ${x} (expected a whole number ≥ 0)`);
  const alpha = 1 - level;
  return {low: x === 0 ? 0 : gammaQuantile(alpha / 2, x), high: gammaQuantile(1 - alpha / 2, x + 1)};
}

/** Wilson score interval for x of n, as fractions (0–1). */
export function wilsonInterval(x: number, n: number, level = LEVEL): Interval {
  if (!(n > 0) || !(x >= 0) || x > n) throw new RangeError(`wilsonInterval: ${x} of ${n} (expected 0 ≤ x ≤ n, n > 0)`);
  const z = normalQuantile(1 - (1 - level) / 2);
  const p = x / n;
  const z22n = (z * z) / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z22n / (2 * n));
  return {
    low: x === 0 ? 0 : (p + z22n - spread) / (1 + 2 * z22n),
    high: x === n ? 1 : (p + z22n + spread) / (1 + 2 * z22n)
  };
}

/** What an interval is computed from: one observations row. */
export interface IntervalInput {
  measure: Measure;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/**
 * The interval of one published value by the method its source declares, in
 * the value's own unit; null where the method does not fit the measure or the
 * row lacks what it needs (a rate without its count, a share without n).
 */
export function intervalOf(row: IntervalInput, method: IntervalMethod): Interval | null {
  if (row.value === null) return null;
  const spec = MEASURES[row.measure];
  if (method === "poisson") {
    if (row.measure === "count") return Number.isInteger(row.value) ? poissonInterval(row.value) : null;
    if (row.measure === "rate_per_1000" && row.numerator !== null && row.denominator !== null && row.denominator > 0 && Number.isInteger(row.numerator)) {
      const count = poissonInterval(row.numerator);
      return {low: (1000 * count.low) / row.denominator, high: (1000 * count.high) / row.denominator};
    }
    return null;
  }
  if (spec.share && row.numerator !== null && row.denominator !== null && row.denominator > 0) {
    const share = wilsonInterval(row.numerator, row.denominator);
    return {low: 100 * share.low, high: 100 * share.high};
  }
  return null;
}
