/**
 * The few distribution functions the intervals need, without a dependency:
 * the regularized lower incomplete gamma function P(a, x), its inverse in x
 * (the gamma quantile, so chi-square quantiles too) and the standard normal
 * quantile. Accurate to about 1e-13 relative, far beyond the one decimal the
 * intervals are shown with; checked against values computed with mpmath at
 * 40 digits (test/fixtures/disclosure/intervals.json).
 */

/** Lanczos coefficients (g = 7, n = 9), good to about 1e-15 for positive arguments. */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7
];

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma: ${x} (expected a positive number)`);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const EPSILON = 1e-16;
const MAX_TERMS = 10_000;

/** Series for P(a, x), converging fast when x < a + 1. */
function lowerSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_TERMS; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
}

/** Continued fraction for Q(a, x) = 1 − P(a, x) (modified Lentz), converging fast when x ≥ a + 1. */
function upperFraction(a: number, x: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_TERMS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}

/** The regularized lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a), a > 0, x ≥ 0. */
export function regularizedGammaP(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) throw new RangeError(`regularizedGammaP: a = ${a}, x = ${x} (expected a > 0 and x ≥ 0)`);
  if (x === 0) return 0;
  return x < a + 1 ? lowerSeries(a, x) : 1 - upperFraction(a, x);
}

/**
 * The x with P(shape, x) = p: the p-quantile of a gamma distribution with
 * scale 1. Starting point as in Numerical Recipes (3rd ed., §6.2.1), then
 * Halley steps on P until they change x by less than 1e-14 relative.
 */
export function gammaQuantile(p: number, shape: number): number {
  if (!(shape > 0)) throw new RangeError(`gammaQuantile: shape ${shape} (expected a positive number)`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`gammaQuantile: p = ${p} (expected a probability, 0 ≤ p ≤ 1)`);
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  const a = shape;
  const a1 = a - 1;
  const lnGamma = logGamma(a);
  const lnA1 = a > 1 ? Math.log(a1) : 0;
  const aFactor = a > 1 ? Math.exp(a1 * (lnA1 - 1) - lnGamma) : 0;
  let x: number;
  if (a > 1) {
    const pp = p < 0.5 ? p : 1 - p;
    const t = Math.sqrt(-2 * Math.log(pp));
    let z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (p < 0.5) z = -z;
    x = Math.max(1e-3, a * Math.pow(1 - 1 / (9 * a) - z / (3 * Math.sqrt(a)), 3));
  } else {
    const t = 1 - a * (0.253 + a * 0.12);
    x = p < t ? Math.pow(p / t, 1 / a) : 1 - Math.log(1 - (p - t) / (1 - t));
  }
  for (let i = 0; i < 200; i++) {
    if (x <= 0) return 0;
    const error = regularizedGammaP(a, x) - p;
    // The density at x, written to avoid overflow for large shapes.
    const density = a > 1 ? aFactor * Math.exp(-(x - a1) + a1 * (Math.log(x) - lnA1)) : Math.exp(-x + a1 * Math.log(x) - lnGamma);
    if (density === 0) break;
    const u = error / density;
    const step = u / (1 - 0.5 * Math.min(1, u * (a1 / x - 1)));
    x -= step;
    if (x <= 0) x = 0.5 * (x + step);
    if (Math.abs(step) < 1e-14 * x) break;
  }
  return x;
}

/** The p-quantile of a chi-square distribution with `df` degrees of freedom (R's qchisq). */
export function chiSquareQuantile(p: number, df: number): number {
  return 2 * gammaQuantile(p, df / 2);
}

/**
 * The p-quantile of the standard normal distribution (R's qnorm), through
 * Z² ~ χ²(1): for p > ½, z = √(qchisq(2p − 1, 1)).
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: p = ${p} (expected 0 < p < 1)`);
  if (p === 0.5) return 0;
  const z = Math.sqrt(chiSquareQuantile(Math.abs(2 * p - 1), 1));
  return p > 0.5 ? z : -z;
}
